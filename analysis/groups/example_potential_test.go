package groups_test

import (
	"context"
	"fmt"
	"time"

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

// Two councils with one partner in common, who has two partners: the
// index is 1/ln 2.
func ExampleAdamicAdar() {
	net := graph.NewNetwork()
	for _, id := range []string{"A", "B", "P"} {
		_ = net.AddOrganisation(graph.Organisation{ID: id})
	}
	_ = net.AddPartnership(graph.Partnership{Source: "A", Target: "P"})
	_ = net.AddPartnership(graph.Partnership{Source: "B", Target: "P"})
	s := net.Snapshot(graph.Weighting{})
	fmt.Printf("%.4f\n", groups.AdamicAdar(s, 0, 1))
	// Output:
	// 1.4427
}

// Ashby and Brook, neighbours with a joint plan partner in common, begin
// sharing a service in 2013: on 2012-04-01 Potential ranks them first;
// Cole is nearer to Ashby, so distance ranks Ashby and Cole first.
func ExampleBacktestPairs() {
	net := graph.NewNetwork()
	for _, c := range []struct {
		id  string
		lat float64
	}{{"Ashby", 52.0}, {"Brook", 52.2}, {"Cole", 52.1}} {
		_ = net.AddOrganisation(graph.Organisation{ID: c.id, Sector: graph.SectorCouncil, Lat: c.lat, HasLocation: true})
	}
	_ = net.AddOrganisation(graph.Organisation{ID: "Plan partner", Sector: graph.SectorThirdSector})
	for _, c := range []string{"Ashby", "Brook"} {
		_ = net.AddPartnership(graph.Partnership{Source: c, Target: "Plan partner", Kind: "joint_plan", Start: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)})
	}
	_ = net.AddPartnership(graph.Partnership{Source: "Ashby", Target: "Brook", Kind: "shared_service", Start: time.Date(2013, 1, 1, 0, 0, 0, 0, time.UTC)})
	bt, _ := groups.BacktestPairs(context.Background(), net, groups.PairBacktestOptions{
		Dates: []time.Time{time.Date(2012, 4, 1, 0, 0, 0, 0, time.UTC)}, Ks: []int{1},
		Adjacency: [][2]string{{"Ashby", "Brook"}},
	})
	for _, r := range bt.Rows {
		fmt.Printf("%s at %d: %d/%d\n", r.Method, r.K, r.Hits, r.Proposed)
	}
	// Output:
	// potential at 1: 1/1
	// distance at 1: 0/1
}
