package analysis

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/partnet/partnet/graph"
)

// randomSnapshot builds a seeded Erdős-Rényi-style network of n nodes and
// 10n ties on average (mean degree 20), weights uniform in [1, 5), as the
// issue's 10k / 100k benchmarks ask: 100k organisations, 1M ties.
func randomSnapshot(n int, seed uint64) *graph.Snapshot {
	rng := rand.New(rand.NewPCG(seed, 1))
	m := 10 * n
	src, dst, w := make([]int32, m), make([]int32, m), make([]float64, m)
	for k := 0; k < m; k++ {
		src[k], dst[k] = int32(rng.IntN(n)), int32(rng.IntN(n))
		w[k] = 1 + 4*rng.Float64()
	}
	return graph.BuildSnapshot(n, nil, src, dst, w)
}

var (
	bench10k   *graph.Snapshot
	bench100k  *graph.Snapshot
	benchMutex sync.Mutex
)

func benchGraph(b *testing.B, n int) *graph.Snapshot {
	b.Helper()
	benchMutex.Lock()
	defer benchMutex.Unlock()
	switch n {
	case 10_000:
		if bench10k == nil {
			bench10k = randomSnapshot(n, 42)
		}
		return bench10k
	default:
		if bench100k == nil {
			bench100k = randomSnapshot(n, 42)
		}
		return bench100k
	}
}

var sizes = []struct {
	name string
	n    int
}{{"10k", 10_000}, {"100k", 100_000}}

func BenchmarkBetweennessSampled(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			s := benchGraph(b, sz.n)
			b.ResetTimer()
			for b.Loop() {
				if _, err := Betweenness(context.Background(), s, BetweennessOptions{Samples: 100, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkBetweennessWeightedSampled(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			s := benchGraph(b, sz.n)
			b.ResetTimer()
			for b.Loop() {
				if _, err := Betweenness(context.Background(), s, BetweennessOptions{Samples: 100, Seed: 1, Weighted: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBetweennessExact10k runs exact Brandes at 10k only (O(nm)).
func BenchmarkBetweennessExact10k(b *testing.B) {
	s := benchGraph(b, 10_000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Betweenness(context.Background(), s, BetweennessOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPageRank(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			s := benchGraph(b, sz.n)
			b.ResetTimer()
			for b.Loop() {
				if _, err := PageRank(context.Background(), s, PageRankOptions{Weighted: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEigenvector(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			s := benchGraph(b, sz.n)
			b.ResetTimer()
			for b.Loop() {
				if _, err := Eigenvector(context.Background(), s, EigenvectorOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkLocal(b *testing.B) {
	for _, sz := range sizes {
		s := benchGraph(b, sz.n)
		b.Run("Clustering/"+sz.name, func(b *testing.B) {
			for b.Loop() {
				LocalClustering(s)
			}
		})
		b.Run("WeightedClustering/"+sz.name, func(b *testing.B) {
			for b.Loop() {
				WeightedLocalClustering(s)
			}
		})
		b.Run("CoreNumber/"+sz.name, func(b *testing.B) {
			for b.Loop() {
				CoreNumber(s)
			}
		})
		b.Run("Constraint/"+sz.name, func(b *testing.B) {
			for b.Loop() {
				Constraint(s, true)
			}
		})
		b.Run("CutPoints/"+sz.name, func(b *testing.B) {
			for b.Loop() {
				CutPoints(s)
			}
		})
		b.Run("DegreeAssortativity/"+sz.name, func(b *testing.B) {
			for b.Loop() {
				DegreeAssortativity(s)
			}
		})
	}
}

func BenchmarkBrokerage(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			s := benchGraph(b, sz.n)
			groups := make([]string, s.N())
			for i := range groups {
				groups[i] = []string{"council", "agency", "third_sector", "private"}[i%4]
			}
			b.ResetTimer()
			for b.Loop() {
				if _, err := Brokerage(s, groups); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAnalyze100kSampled is the whole CLI analysis at 100k
// organisations / 1M ties with 20 sources for the path measures.
func BenchmarkAnalyze100kSampled(b *testing.B) {
	s := benchGraph(b, 100_000)
	groups := make([]string, s.N())
	for i := range groups {
		groups[i] = []string{"council", "agency", "third_sector", "private"}[i%4]
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Analyze(context.Background(), s, Attributes{By: groups}, AnalyzeOptions{BetweennessSamples: 20, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
