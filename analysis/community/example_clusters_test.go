package community_test

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/graph"
)

// twoTriangles is A-B-C and D-E-F, every pair tied with weight 1, and one
// bridge C-D: 7 ties, the textbook case of two communities.
func twoTriangles() *graph.Snapshot {
	ids := []string{"A", "B", "C", "D", "E", "F"}
	src := []int32{0, 1, 0, 3, 4, 3, 2}
	dst := []int32{1, 2, 2, 4, 5, 5, 3}
	w := []float64{1, 1, 1, 1, 1, 1, 1}
	return graph.BuildSnapshot(6, ids, src, dst, w)
}

func ExampleStability() {
	s := twoTriangles()
	st, _ := community.Stability(context.Background(), s, community.StabilityOptions{Runs: 5})
	fmt.Println("consensus:", st.Consensus.Membership)
	fmt.Printf("mean NMI %.2f, confidence of C %.2f\n", st.MeanNMI, st.Confidence[2])
	for _, c := range st.Clusters {
		fmt.Printf("cluster %d: size %d, robust %v\n", c.Cluster, c.Size, c.Robust)
	}
	// Output:
	// consensus: [0 0 0 1 1 1]
	// mean NMI 1.00, confidence of C 1.00
	// cluster 0: size 3, robust true
	// cluster 1: size 3, robust true
}

func ExampleSummaryGraph() {
	s := twoTriangles()
	sum := community.SummaryGraph(s, []int{0, 0, 0, 1, 1, 1})
	fmt.Println("sizes", sum.Sizes, "inside", sum.Internal)
	fmt.Println("between", sum.Graph.ID(0), "and", sum.Graph.ID(1), "weight", sum.Graph.Weight(0, 1))
	// Output:
	// sizes [3 3] inside [3 3]
	// between cluster-0 and cluster-1 weight 1
}

func ExampleLouvain() {
	c, _ := community.Louvain(context.Background(), twoTriangles(), community.LouvainOptions{Seed: 1})
	// Q = sum over the two triangles of in/m - (tot/2m)^2 = 2 (3/7 - (7/14)^2) = 5/14.
	fmt.Printf("%v Q=%.6f (5/14 = %.6f)\n", c.Membership, c.Quality, 5.0/14)
	// Output:
	// [0 0 0 1 1 1] Q=0.357143 (5/14 = 0.357143)
}

func ExampleClusterQuality() {
	q := community.ClusterQuality(twoTriangles(), []int{0, 0, 0, 1, 1, 1}, 1)
	fmt.Printf("modularity %.4f, coverage %.4f (6 of 7 ties inside)\n", q.Modularity, q.Coverage)
	for _, c := range q.Clusters {
		// conductance = cut / volume = 1 / 7: one of the 7 tie ends leaves.
		fmt.Printf("cluster %d: size %d, density %.0f, conductance %.4f\n", c.Cluster, c.Size, c.Density, c.Conductance)
	}
	// Output:
	// modularity 0.3571, coverage 0.8571 (6 of 7 ties inside)
	// cluster 0: size 3, density 1, conductance 0.1429
	// cluster 1: size 3, density 1, conductance 0.1429
}

func ExampleCompare_regions() {
	clusters := []int{0, 0, 0, 1, 1, 1}
	// Regions by name; "" (unknown) is left out of the comparison.
	regions := community.LabelsFromColumn([]string{"North", "North", "South", "South", "South", ""})
	a, _ := community.Compare(clusters, regions)
	// By hand over A-E: counts (0,North)=2, (0,South)=1, (1,South)=2.
	// ARI: sum C(n_ij,2) = 2, rows 4, columns 4, expected 4*4/10 = 1.6,
	// (2 - 1.6) / (4 - 1.6) = 1/6. NMI: H = 0.6730 for both, MI = 0.2911,
	// 2 MI / (H + H) = 0.4325.
	fmt.Printf("over %d organisations: NMI %.4f, ARI %.4f\n", a.Organisations, a.NMI, a.ARI)
	// Output:
	// over 5 organisations: NMI 0.4325, ARI 0.1667
}
