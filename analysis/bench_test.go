package analysis

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchSizes are the seeded planted-partition graphs the Leiden benchmarks
// and analysis/testdata/clusters/bench_igraph.py run on: communities of 100
// organisations, ten tie draws per organisation, mixing 0.4 (each tie
// leaves its community with probability 0.4).
var benchSizes = []struct {
	name string
	n, m int
}{
	{"10k", 10_000, 100_000},
	{"100k", 100_000, 1_000_000},
}

const (
	benchCommunity = 100
	benchMixing    = 0.4
	benchSeed      = 42
)

// BenchmarkLeiden runs Leiden (modularity, resolution 1) to convergence on
// the planted-partition graphs and reports the modularity reached.
func BenchmarkLeiden(b *testing.B) {
	for _, size := range benchSizes {
		s, _ := plantedPartition(size.n, benchCommunity, size.m, benchMixing, benchSeed)
		b.Run(size.name, func(b *testing.B) {
			var q float64
			for b.Loop() {
				c, err := Leiden(context.Background(), s, LeidenOptions{Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
				q = c.Quality
			}
			b.ReportMetric(q, "modularity")
		})
	}
}

// BenchmarkLeidenOneIteration runs a single Leiden iteration, the work
// Debian's igraph 0.10.2 does for n_iterations=-1.
func BenchmarkLeidenOneIteration(b *testing.B) {
	for _, size := range benchSizes {
		s, _ := plantedPartition(size.n, benchCommunity, size.m, benchMixing, benchSeed)
		b.Run(size.name, func(b *testing.B) {
			var q float64
			for b.Loop() {
				c, err := Leiden(context.Background(), s, LeidenOptions{Seed: 1, Iterations: 1})
				if err != nil {
					b.Fatal(err)
				}
				q = c.Quality
			}
			b.ReportMetric(q, "modularity")
		})
	}
}

// TestWriteBenchEdges writes the benchmark graphs as edge lists for
// bench_igraph.py when PARTNET_BENCH_EDGES names a folder:
//
//	PARTNET_BENCH_EDGES=/tmp/bench go test ./analysis/ -run TestWriteBenchEdges
func TestWriteBenchEdges(t *testing.T) {
	dir := os.Getenv("PARTNET_BENCH_EDGES")
	if dir == "" {
		t.Skip("set PARTNET_BENCH_EDGES to a folder to write the benchmark edge lists")
	}
	for _, size := range benchSizes {
		src, dst := plantedEdges(size.n, benchCommunity, size.m, benchMixing, benchSeed)
		path := filepath.Join(dir, fmt.Sprintf("planted_%s.csv", size.name))
		if err := writeEdgeList(path, src, dst); err != nil {
			t.Fatal(err)
		}
	}
}
