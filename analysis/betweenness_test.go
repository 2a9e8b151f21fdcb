package analysis

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/partnet/partnet/graph"
)

func TestBetweennessSampled(t *testing.T) {
	ctx := context.Background()
	g, s := loadReference(t, "les_miserables")
	exact := floats(t, g, "betweenness_raw")
	// k = n: every source is used, so the estimate is exact with zero error.
	all, err := Betweenness(ctx, s, BetweennessOptions{Samples: s.N(), Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	compareNodes(t, g, "Betweenness(k=n)", "betweenness_raw", all.Raw, refTol)
	// k = 30 of 77: the estimate should fall within 3 standard errors of
	// networkx's exact value for nearly every node (seeded, so repeatable).
	est, err := Betweenness(ctx, s, BetweennessOptions{Samples: 30, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if est.Sources != 30 || len(est.StdErr) != s.N() {
		t.Fatalf("sampled: %d sources, %d errors", est.Sources, len(est.StdErr))
	}
	inside := 0
	for i := range exact {
		if math.Abs(est.Raw[i]-exact[i]) <= 3*est.StdErr[i]+1e-9 {
			inside++
		}
	}
	if float64(inside) < 0.9*float64(len(exact)) {
		t.Errorf("sampled betweenness within 3 SE for %d of %d nodes, want >= 90%%", inside, len(exact))
	}
	again, _ := Betweenness(ctx, s, BetweennessOptions{Samples: 30, Seed: 7, Workers: 1})
	for i := range again.Raw {
		if !approxEqual(again.Raw[i], est.Raw[i], 1e-12) {
			t.Fatalf("same seed, node %d: %v then %v", i, est.Raw[i], again.Raw[i])
		}
	}
}

func TestBetweennessCancelled(t *testing.T) {
	_, s := loadReference(t, "generated_1")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Betweenness(ctx, s, BetweennessOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Betweenness(cancelled) error = %v, want context.Canceled", err)
	}
	if _, err := Closeness(ctx, s, PathOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Closeness(cancelled) error = %v, want context.Canceled", err)
	}
}

func TestEmptyAndTieless(t *testing.T) {
	ctx := context.Background()
	empty := graph.BuildSnapshot(0, nil, nil, nil, nil)
	b, err := Betweenness(ctx, empty, BetweennessOptions{})
	if err != nil || len(b.Raw) != 0 {
		t.Errorf("Betweenness(empty) = %v, %v", b, err)
	}
	if p, err := PageRank(ctx, empty, PageRankOptions{}); err != nil || len(p) != 0 {
		t.Errorf("PageRank(empty) = %v, %v", p, err)
	}
	if d, err := Distances(ctx, empty, PathOptions{}); err != nil || d.LargestComponent != 0 {
		t.Errorf("Distances(empty) = %+v, %v", d, err)
	}
	if c := Components(empty); c.Count != 0 || c.Largest() != -1 {
		t.Errorf("Components(empty) = %+v", c)
	}
	if !math.IsNaN(AverageClustering(empty, ClusteringOptions{})) {
		t.Error("AverageClustering(empty) should be NaN")
	}
	// Three isolates: PageRank uniform (all dangling), eigenvector uniform.
	iso := graph.BuildSnapshot(3, nil, nil, nil, nil)
	p, err := PageRank(ctx, iso, PageRankOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := Eigenvector(ctx, iso, EigenvectorOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if !approxEqual(p[i], 1.0/3, 1e-15) || !approxEqual(e.Unit[i], 1/math.Sqrt(3), 1e-15) {
			t.Errorf("isolate %d: pagerank %v eigenvector %v", i, p[i], e.Unit[i])
		}
		if !math.IsNaN(Constraint(iso, false)[i]) {
			t.Errorf("Constraint(isolate) should be NaN")
		}
	}
	// A zero-weight tie is no path for weighted measures but still a tie.
	z := graph.BuildSnapshot(3, nil, []int32{0, 1}, []int32{1, 2}, []float64{1, 0})
	wb, err := Betweenness(ctx, z, BetweennessOptions{Weighted: true})
	if err != nil {
		t.Fatal(err)
	}
	ub, _ := Betweenness(ctx, z, BetweennessOptions{})
	if wb.Raw[1] != 0 || ub.Raw[1] != 1 {
		t.Errorf("zero-weight path: weighted %v unweighted %v, want 0 and 1", wb.Raw[1], ub.Raw[1])
	}
}
