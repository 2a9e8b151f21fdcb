package community

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// benchSizes are the seeded planted-partition graphs the Leiden benchmarks
// and analysis/community/testdata/clusters/bench_igraph.py run on: communities of 100
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

// TestLeidenTiming prints wall and CPU time (all threads, from getrusage)
// of Leiden on the benchmark graphs, comparable with bench_igraph.py's
// process time on a busy machine. It runs only when PARTNET_BENCH_TIMING is
// set:
//
//	PARTNET_BENCH_TIMING=1 go test ./analysis/ -run TestLeidenTiming -v
func TestLeidenTiming(t *testing.T) {
	if os.Getenv("PARTNET_BENCH_TIMING") == "" {
		t.Skip("set PARTNET_BENCH_TIMING=1 to time Leiden on the benchmark graphs")
	}
	for _, size := range benchSizes {
		s, _ := plantedPartition(size.n, benchCommunity, size.m, benchMixing, benchSeed)
		for _, its := range []int{1, 0} {
			bestWall, bestCPU := time.Hour, time.Hour
			var c *Clustering
			for range 3 {
				c0, w0 := cpuTime(), time.Now()
				var err error
				c, err = Leiden(context.Background(), s, LeidenOptions{Seed: 1, Iterations: its})
				if err != nil {
					t.Fatal(err)
				}
				bestWall, bestCPU = min(bestWall, time.Since(w0)), min(bestCPU, cpuTime()-c0)
			}
			t.Logf("%s iterations=%d (ran %d): best of 3 wall %.3f s, cpu %.3f s, Q=%.6f, communities=%d",
				size.name, its, c.Iterations, bestWall.Seconds(), bestCPU.Seconds(), c.Quality, c.Count)
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
