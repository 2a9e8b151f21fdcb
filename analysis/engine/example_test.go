package engine_test

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/graph"
)

// A researcher's edge list has no sectors or regions: Clusters compares
// with nothing and Groups makes every organisation eligible, each saying
// so in Notes.
func ExampleClusters() {
	net := graph.NewNetwork()
	for _, id := range []string{"a", "b", "c", "d", "e", "f"} {
		net.AddOrganisation(graph.Organisation{ID: id})
	}
	for _, p := range [][2]int{{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}} {
		net.AddTie(p[0], p[1], 1)
	}
	ctx := context.Background()
	c, err := engine.Clusters(ctx, net, engine.ClustersOptions{Seed: 1})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d clusters, modularity %.4f, %d seeds\n", c.Clustering.Count, c.Clustering.Quality, c.Runs)
	fmt.Println(c.Notes[0])
	g, err := engine.Groups(ctx, net, engine.GroupsOptions{Seed: 1})
	if err != nil {
		panic(err)
	}
	for _, grp := range g.Tiers[0].Groups {
		fmt.Println(grp.ID, grp.Members)
	}
	fmt.Println(g.Notes[0])
	// Output:
	// 2 clusters, modularity 0.3571, 10 seeds
	// no organisation has a region: the clusters are not compared with an attribute (choose one with --compare)
	// large-1 [0 1 2]
	// large-2 [3 4 5]
	// no organisation has a sector: every organisation is eligible for a group (choose sectors with --members)
}

// Analyze on a network above ExactBetweennessLimit samples betweenness by
// the engine's rule; the result says how many sources it used.
func ExampleBetweennessSamples() {
	fmt.Println(engine.BetweennessSamples(500, 2000), engine.BetweennessSamples(100_000, 500_000), engine.BetweennessSamples(1_000_000, 10_000_000))
	// Output: 0 100 10
}

// Analyze on a bare network groups nobody by sector (it has none) and says
// so; the result carries the measures and the settings used.
func ExampleAnalyze() {
	net := graph.NewNetwork()
	for _, id := range []string{"a", "b", "c", "d"} {
		net.AddOrganisation(graph.Organisation{ID: id})
	}
	for _, p := range [][2]int{{0, 1}, {1, 2}, {2, 3}} { // a path a-b-c-d
		net.AddTie(p[0], p[1], 1)
	}
	r, err := engine.Analyze(context.Background(), net, engine.AnalyzeOptions{Seed: 1})
	if err != nil {
		panic(err)
	}
	for _, o := range r.Analysis.Organisations {
		// Betweenness of b and c: each lies on 2 of the 3 pairs of the
		// others, normalised by (n-1)(n-2)/2 = 3.
		fmt.Printf("%s %.4f\n", o.ID, o.Betweenness)
	}
	fmt.Println(r.Settings[0].Value)
	fmt.Println(r.Notes[0])
	// Output:
	// b 0.6667
	// c 0.6667
	// a 0.0000
	// d 0.0000
	// exact (Brandes)
	// no organisation has a sector: E-I, block density and brokerage treat all as one group (choose another with --by)
}
