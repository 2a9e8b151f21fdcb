package groups_test

import (
	"context"
	"fmt"
	"time"

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
	// By hand (shared_service weighs 3 and has depth 0.75; no locations,
	// so compactness is unknown, 0):
	// A-B-C: W = 9, collaboration 1 - exp(-9/3) = 0.9502 (38.01), cohesion
	// 1 (15), density 1 (10), depth 0.75 (7.5), scale 300k/1.3M = 0.2308
	// (3.46): 73.97.
	// D-E: W = 3, 1 - exp(-3/2) = 0.7769 (31.07) + 15 + 10 + 7.5 = 63.57
	// (no scale part in the small tier).

	// Output:
	// large-1 [A B C] score 74.0 (exact)
	// small-1 [D E] score 63.6 (exact)
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

func ExampleScoreOf() {
	net := graph.NewNetwork()
	for _, id := range []string{"A", "B", "C"} {
		_ = net.AddOrganisation(graph.Organisation{ID: id, Sector: graph.SectorCouncil})
	}
	_ = net.AddOrganisation(graph.Organisation{ID: "Old", Sector: graph.SectorCouncil, End: time.Date(2019, 3, 31, 0, 0, 0, 0, time.UTC)})
	_ = net.AddArrangement(graph.Arrangement{ID: "team", Kind: "shared_management", Start: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)})
	_ = net.AddMembership(graph.Membership{ArrangementID: "team", OrganisationID: "A"})
	_ = net.AddMembership(graph.Membership{ArrangementID: "team", OrganisationID: "B"})
	_ = net.AddPartnership(graph.Partnership{Source: "B", Target: "C", Kind: "joint_plan"})
	_ = net.AddPartnership(graph.Partnership{Source: "A", Target: "Old", Kind: "shared_service"})
	fmt.Println("round:", groups.LatestDate(net).Format(time.DateOnly))
	scores, valid, _ := groups.ScoreOf(net, groups.Options{Tier: groups.TierSmall}, [][]string{{"A", "B"}, {"A", "Old"}})
	for i, sc := range scores {
		fmt.Printf("valid %v depth %.2f collaboration %.3f\n", valid[i], sc.Depth, sc.Collaboration)
	}
	// The round is the day after Old ended (2019-04-01), so Old is not
	// eligible. A-B: one shared management team (kind weight 4, Newman
	// pair weight 1), W = 4 over k = 2: 1 - exp(-2) = 0.865; depth 1.

	// Output:
	// round: 2019-04-01
	// valid true depth 1.00 collaboration 0.865
	// valid false depth 0.00 collaboration 0.000
}
