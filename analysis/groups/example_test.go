package groups_test

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/graph"
)

func ExampleSearchTiers() {
	net := graph.NewNetwork()
	for _, id := range []string{"A", "B", "C", "D", "E"} {
		_ = net.AddOrganisation(graph.Organisation{ID: id, Name: "Council " + id, Sector: graph.SectorCouncil, Population: 100_000})
	}
	for _, p := range [][2]string{{"A", "B"}, {"B", "C"}, {"A", "C"}, {"D", "E"}} {
		_ = net.AddPartnership(graph.Partnership{Source: p[0], Target: p[1], Kind: "shared_service"})
	}
	s := net.Snapshot(graph.Weighting{})
	// The large tier is filled first; the small tier cannot reuse A, B or C.
	res, _ := groups.SearchTiers(context.Background(), net, s, []groups.Options{
		{Tier: groups.TierLarge}, {Tier: groups.TierSmall},
	})
	for _, r := range res {
		for _, g := range r.Groups {
			var ids []string
			for _, m := range g.Members {
				ids = append(ids, net.Organisation(m).ID)
			}
			fmt.Printf("%s %v score %.1f (%s)\n", g.ID, ids, g.Score.Total, r.Method)
		}
	}
	// By hand (shared_service weighs 3; no locations, so compactness 0):
	// A-B-C: W = 9, collaboration 1 - exp(-9/3) = 0.9502 (38.01), cohesion
	// 1 (20), density 1 (15), scale 300k/1.3M = 0.2308 (3.46): 76.47.
	// D-E: W = 3, 1 - exp(-3/2) = 0.7769 (31.07) + 20 + 15 = 66.07 (no
	// scale part in the small tier).

	// Output:
	// large-1 [A B C] score 76.5 (exact)
	// small-1 [D E] score 66.1 (exact)
}

func ExampleBackbone() {
	s := graph.BuildSnapshot(3, nil, []int32{0, 1, 0}, []int32{1, 2, 2}, []float64{5, 1, 3})
	bb, _ := groups.Backbone(s, []int{0, 1, 2})
	for _, t := range bb {
		fmt.Println(t.A, t.B, t.Weight)
	}
	// Output:
	// 0 1 5
	// 0 2 3
}
