package graph_test

import (
	"fmt"
	"time"

	"github.com/partnet/partnet/graph"
)

// Two councils share a service and, with a third, a joint plan; the
// snapshot combines both into one weighted tie per pair.
func ExampleNetwork_Snapshot() {
	net := graph.NewNetwork()
	for _, id := range []string{"E07000200", "E07000203", "E07000202"} {
		net.AddOrganisation(graph.Organisation{ID: id, Sector: graph.SectorCouncil})
	}
	net.AddPartnership(graph.Partnership{Source: "E07000200", Target: "E07000203", Kind: "shared_service"})
	net.AddArrangement(graph.Arrangement{ID: "plan", Kind: "joint_plan"})
	for _, id := range []string{"E07000200", "E07000203", "E07000202"} {
		net.AddMembership(graph.Membership{ArrangementID: "plan", OrganisationID: id})
	}
	s := net.Snapshot(graph.Weighting{}) // newman scheme, default kind weights
	// shared_service 1 x 3, plus joint_plan 1/(3-1) x 1.5 = 3.75
	fmt.Println(s.N(), s.Ties(), s.Weight(0, 1), s.Weight(0, 2))
	// Output: 3 3 3.75 0.75
}

func ExampleNetwork_Filter() {
	net := graph.NewNetwork()
	net.AddOrganisation(graph.Organisation{ID: "a"})
	net.AddOrganisation(graph.Organisation{ID: "b"})
	start := time.Date(2011, 6, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2018, 4, 1, 0, 0, 0, 0, time.UTC)
	net.AddPartnership(graph.Partnership{Source: "a", Target: "b", Kind: "shared_service", Start: start, End: end})
	for _, year := range []int{2010, 2015, 2020} {
		on := time.Date(year, 4, 1, 0, 0, 0, 0, time.UTC)
		fmt.Println(year, net.Filter(graph.Filter{At: on}).NumPartnerships())
	}
	// Output:
	// 2010 0
	// 2015 1
	// 2020 0
}

func ExampleBuildSnapshot() {
	// Ties 0-1 twice (merged), 1-2, and a self tie (dropped).
	s := graph.BuildSnapshot(3, []string{"a", "b", "c"},
		[]int32{0, 1, 1, 2}, []int32{1, 0, 2, 2}, []float64{1, 2, 0.5, 9})
	for i := 0; i < s.N(); i++ {
		fmt.Println(s.ID(i), s.Neighbours(i), s.Weights(i))
	}
	// Output:
	// a [1] [3]
	// b [0 2] [3 0.5]
	// c [1] [0.5]
}

func ExampleWeighting_PairWeight() {
	for _, scheme := range []graph.Scheme{graph.SchemeCount, graph.SchemeNewman, graph.SchemeValue} {
		w := graph.Weighting{Scheme: scheme}
		// A 5-member arrangement worth 1000: 10 pairs.
		fmt.Println(scheme, w.PairWeight(5, 1000, true))
	}
	// Output:
	// count 1
	// newman 0.25
	// value 100
}
