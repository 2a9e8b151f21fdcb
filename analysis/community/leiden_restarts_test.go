package community

import (
	"context"
	"errors"
	"math"
	"runtime"
	"slices"
	"testing"
)

// TestLeidenRestarts checks best-of-k on a network where runs differ
// (1,000 organisations in 40 groups of 25, half the ties random): run r of
// a call does not depend on how many runs the call makes, so quality can
// only rise with k, and with four runs it must beat the single run for some
// of the seeds (it would not if every run replayed run 0's random stream).
func TestLeidenRestarts(t *testing.T) {
	s, _ := plantedPartition(1000, 25, 5000, 0.5, 9)
	ctx := context.Background()
	better := 0
	for seed := uint64(1); seed <= 6; seed++ {
		zero, err := Leiden(ctx, s, LeidenOptions{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		prev := zero
		for _, k := range []int{1, 2, 3, 4} {
			c, err := Leiden(ctx, s, LeidenOptions{Seed: seed, Restarts: k})
			if err != nil {
				t.Fatal(err)
			}
			if c.Restarts != k || c.Restart < 0 || c.Restart >= k {
				t.Errorf("seed %d, Restarts %d: Clustering.Restarts = %d, Restart = %d", seed, k, c.Restarts, c.Restart)
			}
			if q := Modularity(s, c.Membership, 1); math.Abs(q-c.Quality) > 1e-12 {
				t.Errorf("seed %d, Restarts %d: Quality = %v, modularity of Membership %v", seed, k, c.Quality, q)
			}
			switch {
			case k == 1 && (!slices.Equal(c.Membership, zero.Membership) || c.Quality != zero.Quality):
				t.Errorf("seed %d: Restarts 1 differs from the zero value (Q %v, want %v)", seed, c.Quality, zero.Quality)
			case c.Quality < prev.Quality:
				t.Errorf("seed %d: Q = %.9f with %d restarts, below %.9f with %d", seed, c.Quality, k, prev.Quality, k-1)
			}
			prev = c
		}
		if prev.Quality > zero.Quality {
			better++
		}
	}
	if better == 0 {
		t.Error("Restarts 4 never beat a single run over six seeds")
	}
}

// TestLeidenRestartsWorkers checks that the result does not depend on how
// many goroutines share the runs.
func TestLeidenRestartsWorkers(t *testing.T) {
	s, _ := plantedPartition(1000, 25, 5000, 0.5, 9)
	opts := LeidenOptions{Seed: 5, Restarts: 3}
	two, err := Leiden(context.Background(), s, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one, err := Leiden(context.Background(), s, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(one.Membership, two.Membership) || one.Restart != two.Restart {
		t.Errorf("one worker: run %d, Q %v; two workers: run %d, Q %v", one.Restart, one.Quality, two.Restart, two.Quality)
	}
}

func TestLeidenRestartsCancelled(t *testing.T) {
	s, _ := plantedPartition(200, 20, 800, 0.3, 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Leiden(ctx, s, LeidenOptions{Restarts: 3}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context, 3 restarts: err = %v, want context.Canceled", err)
	}
}

// BenchmarkLeidenRestarts is BenchmarkLeiden with Restarts 2: two runs to
// convergence, on up to two goroutines, best kept.
func BenchmarkLeidenRestarts(b *testing.B) {
	for _, size := range benchSizes {
		s, _ := plantedPartition(size.n, benchCommunity, size.m, benchMixing, benchSeed)
		b.Run(size.name, func(b *testing.B) {
			var q float64
			for b.Loop() {
				c, err := Leiden(context.Background(), s, LeidenOptions{Seed: 1, Restarts: 2})
				if err != nil {
					b.Fatal(err)
				}
				q = c.Quality
			}
			b.ReportMetric(q, "modularity")
		})
	}
}
