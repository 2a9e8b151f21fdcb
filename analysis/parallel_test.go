package analysis

import (
	"context"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/partnet/partnet/graph"
)

// TestParallelRowsSameResults checks that the measures whose row loops run
// on two cores give bit-identical results on one core, on a random network
// large enough to be split into chunks.
func TestParallelRowsSameResults(t *testing.T) {
	const n, m = 20000, 80000
	rng := rand.New(rand.NewPCG(7, 8))
	src, dst, w := make([]int32, m), make([]int32, m), make([]float64, m)
	for k := range src {
		src[k], dst[k], w[k] = int32(rng.IntN(n)), int32(rng.IntN(n)), 0.5+rng.Float64()
	}
	s := graph.BuildSnapshot(n, nil, src, dst, w)
	groups := make([]string, n)
	for i := range groups {
		groups[i] = []string{"a", "b", "c"}[i%3]
	}
	run := func() [][]float64 {
		ctx := context.Background()
		pr, err := PageRank(ctx, s, PageRankOptions{Weighted: true, Tol: 1e-12})
		if err != nil {
			t.Fatal(err)
		}
		ev, err := Eigenvector(ctx, s, EigenvectorOptions{Tol: 1e-10})
		if err != nil {
			t.Fatal(err)
		}
		br, err := Brokerage(s, groups)
		if err != nil {
			t.Fatal(err)
		}
		bt := make([]float64, n)
		for i, r := range br {
			bt[i] = float64(r.Coordinator + 10*r.Itinerant + 100*r.Representative + 1000*r.Gatekeeper + 10000*r.Liaison)
		}
		return [][]float64{pr, ev.Unit, Constraint(s, true), Constraint(s, false), EffectiveSize(s, true), bt, WeightedLocalClustering(s)}
	}
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one CPU: nothing runs in parallel")
	}
	two := run()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := run()
	for k, name := range []string{"pagerank", "eigenvector", "constraint weighted", "constraint", "effective size", "brokerage", "weighted clustering"} {
		if !slices.EqualFunc(one[k], two[k], func(a, b float64) bool { return a == b || a != a && b != b }) {
			t.Errorf("%s differs between one and two cores", name)
		}
	}
}
