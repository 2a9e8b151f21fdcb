package groups_test

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/graph"
)

// Three districts: Ashby and Brook each run a joint plan with Cole, and
// Ashby borders Brook. Ashby and Brook do not yet share a service.
func ExamplePotential() {
	net := graph.NewNetwork()
	for _, id := range []string{"Ashby", "Brook", "Cole"} {
		_ = net.AddOrganisation(graph.Organisation{ID: id, Sector: graph.SectorCouncil, Type: "district"})
	}
	_ = net.AddPartnership(graph.Partnership{Source: "Ashby", Target: "Cole", Kind: "joint_plan"})
	_ = net.AddPartnership(graph.Partnership{Source: "Brook", Target: "Cole", Kind: "joint_plan"})
	res, err := groups.Potential(context.Background(), net, groups.PotentialOptions{Adjacency: [][2]string{{"Ashby", "Brook"}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range res.Pairs {
		fmt.Printf("%d. %s + %s: %.1f (partners %.2f, border %.0f, same type %.0f; shared partner %s)\n", p.Rank,
			net.Organisation(p.A).ID, net.Organisation(p.B).ID, p.Score, p.Parts.Partners, p.Parts.Border, p.Parts.SameType,
			net.Organisation(p.Partners[0]).ID)
	}
	// Output:
	// 1. Ashby + Brook: 80.0 (partners 1.00, border 1, same type 1; shared partner Cole)
}
