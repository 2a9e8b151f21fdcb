package analysis

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/partnet/partnet/graph"
)

// TestFusedPathsSameAsSeparate: the fused searches Analyze runs give the
// same bits as Betweenness, Closeness and Distances run separately (whose
// values are tested against networkx and igraph), exact and sampled, on one
// worker and two, on a connected network (a ring plus random weighted ties)
// and a disconnected one (with isolates).
func TestFusedPathsSameAsSeparate(t *testing.T) {
	ctx := context.Background()
	build := func(n, extra int, ring bool) *graph.Snapshot {
		rng := rand.New(rand.NewPCG(3, 4))
		var src, dst []int32
		var w []float64
		if ring {
			for i := 0; i < n; i++ {
				src, dst, w = append(src, int32(i)), append(dst, int32((i+1)%n)), append(w, 1+float64(i%3))
			}
		}
		for k := 0; k < extra; k++ {
			src, dst = append(src, int32(rng.IntN(n-5))), append(dst, int32(rng.IntN(n-5)))
			w = append(w, float64(1+rng.IntN(4))) // small integers: many equal weighted paths
		}
		return graph.BuildSnapshot(n, nil, src, dst, w)
	}
	same := func(a, b []float64) bool {
		return slices.EqualFunc(a, b, func(x, y float64) bool { return x == y || x != x && y != y })
	}
	for _, g := range []struct {
		name string
		s    *graph.Snapshot
	}{{"connected", build(400, 800, true)}, {"disconnected", build(400, 500, false)}} {
		for _, samples := range []int{0, 37} {
			for _, workers := range []int{1, 2} {
				pf, err := fusedPaths(ctx, g.s, samples, 9, workers, nil)
				if err != nil {
					t.Fatal(err)
				}
				for _, weighted := range []bool{false, true} {
					b, err := Betweenness(ctx, g.s, BetweennessOptions{Weighted: weighted, Samples: samples, Seed: 9, Workers: workers})
					if err != nil {
						t.Fatal(err)
					}
					c, err := Closeness(ctx, g.s, PathOptions{Weighted: weighted, Samples: samples, Seed: 9, Workers: workers})
					if err != nil {
						t.Fatal(err)
					}
					fb, fc := pf.betweenness, pf.closeness
					if weighted {
						fb, fc = pf.weightedBetweenness, pf.weightedCloseness
					}
					if !same(fb.Raw, b.Raw) || !same(fb.Normalised, b.Normalised) || !same(fb.StdErr, b.StdErr) || fb.Sources != b.Sources {
						t.Errorf("%s samples %d workers %d weighted %v: fused betweenness differs", g.name, samples, workers, weighted)
					}
					if !same(fc.Closeness, c.Closeness) || !same(fc.Harmonic, c.Harmonic) || fc.Sources != c.Sources {
						t.Errorf("%s samples %d workers %d weighted %v: fused closeness differs", g.name, samples, workers, weighted)
					}
				}
				d, err := Distances(ctx, g.s, PathOptions{Samples: samples, Seed: 9, Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				switch {
				case g.name == "disconnected" && pf.distances != nil:
					t.Errorf("disconnected: fused distances %+v, want none (Distances samples the largest component)", pf.distances)
				case g.name == "connected" && (pf.distances == nil || *pf.distances != *d):
					t.Errorf("connected samples %d workers %d: fused distances %+v, want %+v", samples, workers, pf.distances, d)
				}
			}
		}
	}
}
