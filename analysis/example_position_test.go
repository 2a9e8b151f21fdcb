package analysis_test

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/analysis"
)

// The expected outputs below were checked against networkx 2.8.8 on the
// same five-node graph (see star in example_test.go).

func print5(label string, xs []float64) {
	fmt.Printf("%-11s", label)
	for _, x := range xs {
		fmt.Printf(" %.4f", x)
	}
	fmt.Println()
}

func ExampleCloseness() {
	s, _ := star()
	c, err := analysis.Closeness(context.Background(), s, analysis.PathOptions{})
	if err != nil {
		panic(err)
	}
	print5("closeness", c.Closeness)
	print5("harmonic", c.Harmonic)
	// Output:
	// closeness   1.0000 0.5714 0.5714 0.6667 0.6667
	// harmonic    4.0000 2.5000 2.5000 3.0000 3.0000
}

func ExamplePageRank() {
	s, _ := star()
	ctx := context.Background()
	p, err := analysis.PageRank(ctx, s, analysis.PageRankOptions{})
	if err != nil {
		panic(err)
	}
	wp, err := analysis.PageRank(ctx, s, analysis.PageRankOptions{Weighted: true})
	if err != nil {
		panic(err)
	}
	print5("pagerank", p)
	print5("weighted", wp)
	// Output:
	// pagerank    0.3861 0.1121 0.1121 0.1949 0.1949
	// weighted    0.4129 0.0885 0.0885 0.2051 0.2051
}

func ExampleEigenvector() {
	s, _ := star()
	e, err := analysis.Eigenvector(context.Background(), s, analysis.EigenvectorOptions{})
	if err != nil {
		panic(err)
	}
	print5("unit norm", e.Unit)
	print5("max 1", e.Max1)
	// Output:
	// unit norm   0.6359 0.2714 0.2714 0.4735 0.4735
	// max 1       1.0000 0.4268 0.4268 0.7446 0.7446
}

func ExampleLocalClustering() {
	s, _ := star()
	print5("clustering", analysis.LocalClustering(s))
	print5("weighted", analysis.WeightedLocalClustering(s))
	fmt.Printf("transitivity %.4f, average %.4f (networkx), %.4f (igraph nan mode)\n",
		analysis.Transitivity(s),
		analysis.AverageClustering(s, analysis.ClusteringOptions{}),
		analysis.AverageClustering(s, analysis.ClusteringOptions{ExcludeLowDegree: true}))
	// Output:
	// clustering  0.1667 0.0000 0.0000 1.0000 1.0000
	// weighted    0.1323 0.0000 0.0000 0.7937 0.7937
	// transitivity 0.3750, average 0.4333 (networkx), 0.7222 (igraph nan mode)
}

func ExampleConstraint() {
	s, _ := star()
	print5("constraint", analysis.Constraint(s, false))
	print5("eff. size", analysis.EffectiveSize(s, false))
	fmt.Println("core", analysis.CoreNumber(s))
	// Output:
	// constraint  0.4062 1.0000 1.0000 0.9531 0.9531
	// eff. size   3.5000 1.0000 1.0000 1.0000 1.0000
	// core [2 1 1 2 2]
}

func ExampleCutPoints() {
	s, _ := star()
	cut := analysis.CutPoints(s)
	fmt.Println("articulation", cut.Articulation, "bridges", cut.Bridges)
	fmt.Println("components", analysis.Components(s).Count)
	fmt.Printf("degree assortativity %.4f\n", analysis.DegreeAssortativity(s))
	// Output:
	// articulation [true false false false false] bridges [[0 1] [0 2]]
	// components 1
	// degree assortativity -0.8056
}

func ExampleBlocks() {
	s, sector := star()
	b, err := analysis.Blocks(s, sector)
	if err != nil {
		panic(err)
	}
	// agency = {b, c}, council = {hub, a}, third_sector = {d}
	for x, g := range b.Groups {
		fmt.Printf("%-12s %d %v\n", g, b.Sizes[x], b.Density[x])
	}
	// Output:
	// agency       2 [0 0.5 0.5]
	// council      2 [0.5 1 0.5]
	// third_sector 1 [0.5 0.5 NaN]
}
