package analysis_test

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/graph"
)

// star returns a hub "hub" tied to four others, two of them ("c", "d") also
// tied to each other.
func star() (*graph.Snapshot, []string) {
	ids := []string{"hub", "a", "b", "c", "d"}
	s := graph.BuildSnapshot(5, ids, []int32{0, 0, 0, 0, 3}, []int32{1, 2, 3, 4, 4}, []float64{1, 1, 2, 2, 1})
	return s, []string{"council", "council", "agency", "agency", "third_sector"}
}

func ExampleDensity() {
	s, _ := star()
	// 5 ties of 10 possible pairs; total weight 7 over 10 pairs.
	fmt.Printf("%.2f %.2f\n", analysis.Density(s), analysis.WeightedDensity(s))
	// Output: 0.50 0.70
}

func ExampleBetweenness() {
	s, _ := star()
	b, err := analysis.Betweenness(context.Background(), s, analysis.BetweennessOptions{})
	if err != nil {
		panic(err)
	}
	// The hub lies on the only shortest path of 5 of the 6 pairs of
	// others (c-d are tied): raw 5, normalised 5 / (4*3/2).
	fmt.Printf("raw %.0f normalised %.4f\n", b.Raw[0], b.Normalised[0])
	// Output: raw 5 normalised 0.8333
}

func ExampleEIIndex() {
	s, sector := star()
	ei, err := analysis.EIIndex(s, sector)
	if err != nil {
		panic(err)
	}
	// hub-a (council-council) is the only tie within a sector; the other
	// four cross sectors: E-I = (4-1)/(4+1).
	fmt.Printf("E=%d I=%d E-I=%.1f\n", ei.External, ei.Internal, ei.Index)
	// Output: E=4 I=1 E-I=0.6
}

func ExampleBrokerage() {
	s, sector := star()
	roles, err := analysis.Brokerage(s, sector)
	if err != nil {
		panic(err)
	}
	// The hub (a council) brokers the 5 open pairs among its partners, each
	// in both directions: a (council) with b, c (agencies) and d (third
	// sector) is representative one way and gatekeeper the other; b-c
	// (agency, agency) is itinerant; b-d (agency, third sector) liaison.
	fmt.Printf("%+v\n", roles[0])
	// Output: {Coordinator:0 Itinerant:2 Representative:3 Gatekeeper:3 Liaison:2}
}

func ExampleAnalyze() {
	s, sector := star()
	a, err := analysis.Analyze(context.Background(), s,
		analysis.Attributes{GroupBy: "sector", By: sector},
		analysis.AnalyzeOptions{Metrics: []string{"betweenness", "core"}})
	if err != nil {
		panic(err)
	}
	fmt.Printf("organisations %d, ties %d, components %d\n", a.Network.Organisations, a.Network.Ties, a.Network.Components)
	for _, r := range a.Organisations {
		fmt.Printf("%-4s degree %d betweenness %.3f core %d\n", r.ID, r.Degree, r.Betweenness, r.Core)
	}
	// Output:
	// organisations 5, ties 5, components 1
	// hub  degree 4 betweenness 0.833 core 2
	// c    degree 2 betweenness 0.000 core 2
	// d    degree 2 betweenness 0.000 core 2
	// a    degree 1 betweenness 0.000 core 1
	// b    degree 1 betweenness 0.000 core 1
}

func ExampleSampledSources() {
	// The 3 sources Betweenness and Closeness search from for Samples 3,
	// Seed 1 on a network of 10 nodes: a peer tool run from these gives the
	// same dependency sums.
	fmt.Println(analysis.SampledSources(10, 3, 1))
	fmt.Println(analysis.SampledSources(10, 10, 1) == nil) // every node
	// Output:
	// [1 7 9]
	// true
}
