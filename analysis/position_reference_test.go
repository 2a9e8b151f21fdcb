package analysis

import (
	"context"
	"testing"

	"github.com/partnet/partnet/graph"
)

// Tolerance: 1e-9 throughout. Power-iteration measures converge to 1e-14 or
// better per node here, and the references (igraph ARPACK/PRPACK, networkx
// pagerank at tol=1e-13) agree with each other to 3e-12.
const refTol = 1e-9

func TestDegreeReference(t *testing.T) {
	forEachReference(t, func(t *testing.T, g *golden, s *graph.Snapshot) {
		compareNodes(t, g, "Degree", "degree", Degree(s), 0)
		compareNodes(t, g, "Strength", "strength", Strength(s), refTol)
		compareNodes(t, g, "DegreeCentrality", "degree_centrality", DegreeCentrality(s), refTol)
	})
}

func TestBetweennessReference(t *testing.T) {
	ctx := context.Background()
	forEachReference(t, func(t *testing.T, g *golden, s *graph.Snapshot) {
		for _, workers := range []int{1, 2} {
			b, err := Betweenness(ctx, s, BetweennessOptions{Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			compareNodes(t, g, "Betweenness.Raw", "betweenness_raw", b.Raw, refTol)
			compareNodes(t, g, "Betweenness.Normalised", "betweenness", b.Normalised, refTol)
			if !g.Weighted {
				continue
			}
			b, err = Betweenness(ctx, s, BetweennessOptions{Weighted: true, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			compareNodes(t, g, "Betweenness(weighted).Raw", "weighted_betweenness_raw", b.Raw, refTol)
			compareNodes(t, g, "Betweenness(weighted).Normalised", "weighted_betweenness", b.Normalised, refTol)
		}
	})
}

func TestClosenessReference(t *testing.T) {
	ctx := context.Background()
	forEachReference(t, func(t *testing.T, g *golden, s *graph.Snapshot) {
		c, err := Closeness(ctx, s, PathOptions{})
		if err != nil {
			t.Fatal(err)
		}
		compareNodes(t, g, "Closeness", "closeness", c.Closeness, refTol)
		compareNodes(t, g, "Harmonic", "harmonic", c.Harmonic, refTol)
		if g.Weighted {
			c, err := Closeness(ctx, s, PathOptions{Weighted: true})
			if err != nil {
				t.Fatal(err)
			}
			compareNodes(t, g, "Closeness(weighted)", "weighted_closeness", c.Closeness, refTol)
			compareNodes(t, g, "Harmonic(weighted)", "weighted_harmonic", c.Harmonic, refTol)
		}
	})
}

func TestEigenvectorReference(t *testing.T) {
	ctx := context.Background()
	forEachReference(t, func(t *testing.T, g *golden, s *graph.Snapshot) {
		e, err := Eigenvector(ctx, s, EigenvectorOptions{})
		if err != nil {
			t.Fatal(err)
		}
		compareNodes(t, g, "Eigenvector.Unit", "eigenvector", e.Unit, refTol)
		compareNodes(t, g, "Eigenvector.Max1", "eigenvector_max1", e.Max1, refTol)
		if g.Weighted {
			e, err := Eigenvector(ctx, s, EigenvectorOptions{Weighted: true})
			if err != nil {
				t.Fatal(err)
			}
			compareNodes(t, g, "Eigenvector(weighted).Unit", "weighted_eigenvector", e.Unit, refTol)
			compareNodes(t, g, "Eigenvector(weighted).Max1", "weighted_eigenvector_max1", e.Max1, refTol)
		}
	})
}

func TestPageRankReference(t *testing.T) {
	ctx := context.Background()
	forEachReference(t, func(t *testing.T, g *golden, s *graph.Snapshot) {
		p, err := PageRank(ctx, s, PageRankOptions{})
		if err != nil {
			t.Fatal(err)
		}
		compareNodes(t, g, "PageRank", "pagerank", p, refTol)
		if g.Weighted {
			p, err := PageRank(ctx, s, PageRankOptions{Weighted: true})
			if err != nil {
				t.Fatal(err)
			}
			compareNodes(t, g, "PageRank(weighted)", "weighted_pagerank", p, refTol)
		}
	})
}

func TestLocalStructureReference(t *testing.T) {
	forEachReference(t, func(t *testing.T, g *golden, s *graph.Snapshot) {
		compareNodes(t, g, "Clustering", "clustering", LocalClustering(s), refTol)
		compareNodes(t, g, "CoreNumber", "core", CoreNumber(s), 0)
		compareNodes(t, g, "Constraint", "constraint", Constraint(s, false), refTol)
		compareNodes(t, g, "EffectiveSize", "effective_size", EffectiveSize(s, false), refTol)
		// The For forms on every node listed in reverse, put back in order:
		// the unweighted effective size then goes through the general
		// formula with unit weights rather than the triangle counts.
		rev := make([]int, s.N())
		for k := range rev {
			rev[k] = s.N() - 1 - k
		}
		unrev := func(v []float64) []float64 {
			out := make([]float64, len(v))
			for k, x := range v {
				out[rev[k]] = x
			}
			return out
		}
		compareNodes(t, g, "ConstraintFor", "constraint", unrev(ConstraintFor(s, false, rev)), refTol)
		compareNodes(t, g, "EffectiveSizeFor", "effective_size", unrev(EffectiveSizeFor(s, false, rev)), refTol)
		if g.Weighted {
			compareNodes(t, g, "WeightedClustering", "weighted_clustering", WeightedLocalClustering(s), refTol)
			compareNodes(t, g, "Constraint(weighted)", "weighted_constraint", Constraint(s, true), refTol)
			compareNodes(t, g, "EffectiveSize(weighted)", "weighted_effective_size", EffectiveSize(s, true), refTol)
			compareNodes(t, g, "ConstraintFor(weighted)", "weighted_constraint", unrev(ConstraintFor(s, true, rev)), refTol)
			compareNodes(t, g, "EffectiveSizeFor(weighted)", "weighted_effective_size", unrev(EffectiveSizeFor(s, true, rev)), refTol)
		}
		cut := CutPoints(s)
		compareNodes(t, g, "CutPoints.Articulation", "articulation_point", boolsToInts(cut.Articulation), 0)
		var want [][2]int
		if err := jsonUnmarshal(g.Graph["bridges"], &want); err != nil {
			t.Fatal(err)
		}
		if len(want) != len(cut.Bridges) {
			t.Fatalf("CutPoints(%s).Bridges = %v, want %v", g.Name, cut.Bridges, want)
		}
		for i := range want {
			if want[i] != cut.Bridges[i] {
				t.Errorf("CutPoints(%s).Bridges[%d] = %v, want %v", g.Name, i, cut.Bridges[i], want[i])
			}
		}
	})
}

func boolsToInts(b []bool) []int {
	out := make([]int, len(b))
	for i, x := range b {
		if x {
			out[i] = 1
		}
	}
	return out
}
