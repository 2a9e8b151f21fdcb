package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// randomEdges returns m seeded random ties among n nodes.
func randomEdges(n, m int, seed uint64) (src, dst []int32, w []float64) {
	r := rand.New(rand.NewPCG(seed, 0))
	src, dst, w = make([]int32, m), make([]int32, m), make([]float64, m)
	for k := range m {
		src[k], dst[k], w[k] = int32(r.IntN(n)), int32(r.IntN(n)), 1+r.Float64()
	}
	return src, dst, w
}

// BenchmarkBuildSnapshot measures building the CSR snapshot from edge
// slices; README "Performance" quotes the 100k/1M figure.
func BenchmarkBuildSnapshot(b *testing.B) {
	for _, size := range []struct{ n, m int }{{10_000, 100_000}, {100_000, 1_000_000}} {
		src, dst, w := randomEdges(size.n, size.m, 1)
		b.Run(fmt.Sprintf("n=%d/m=%d", size.n, size.m), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				BuildSnapshot(size.n, nil, src, dst, w)
			}
		})
	}
}

// BenchmarkNetworkSnapshot measures the whole path from a Network holding
// 100k organisations and 1M plain partnerships to its snapshot.
func BenchmarkNetworkSnapshot(b *testing.B) {
	const n, m = 100_000, 1_000_000
	net := NewNetwork()
	for i := range n {
		net.EnsureOrganisation(fmt.Sprintf("org%d", i))
	}
	src, dst, w := randomEdges(n, m, 2)
	for k := range m {
		if src[k] != dst[k] {
			_ = net.AddTie(int(src[k]), int(dst[k]), w[k])
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		net.Snapshot(Weighting{})
	}
}
