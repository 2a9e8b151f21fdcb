package analysis

import (
	"bufio"
	"context"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/partnet/partnet/graph"
)

var (
	fileSnap     *graph.Snapshot
	fileSnapOnce sync.Once
)

// benchFile reads the "i j w" tie file named by PARTNET_BENCH_NCOL (as
// partnetbench writes beside its generated networks: go run
// ./cmd/partnetbench --sizes 100k --dir DIR writes DIR/100k.ncol); the
// benchmark is skipped without it.
func benchFile(b *testing.B) *graph.Snapshot {
	path := os.Getenv("PARTNET_BENCH_NCOL")
	if path == "" {
		b.Skip("set PARTNET_BENCH_NCOL to a partnetbench .ncol file")
	}
	fileSnapOnce.Do(func() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		var src, dst []int32
		var w []float64
		n := 0
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			p := strings.Fields(sc.Text())
			a, _ := strconv.Atoi(p[0])
			c, _ := strconv.Atoi(p[1])
			x, _ := strconv.ParseFloat(p[2], 64)
			src, dst, w = append(src, int32(a)), append(dst, int32(c)), append(w, x)
			n = max(n, a+1, c+1)
		}
		fileSnap = graph.BuildSnapshot(n, nil, src, dst, w)
	})
	return fileSnap
}

// cpuBench runs f b.N times and reports CPU milliseconds per run (user +
// system, all threads) beside the wall time: on a shared machine the CPU
// figure is the steadier one.
func cpuBench(b *testing.B, f func()) {
	var r0, r1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &r0)
	for b.Loop() {
		f()
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &r1)
	cpu := (r1.Utime.Nano() + r1.Stime.Nano()) - (r0.Utime.Nano() + r0.Stime.Nano())
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
}

func BenchmarkFileTriangles(b *testing.B) {
	s := benchFile(b)
	b.Run("count", func(b *testing.B) { cpuBench(b, func() { triangleCount(s, false) }) })
	b.Run("weighted", func(b *testing.B) { cpuBench(b, func() { triangleCount(s, true) }) })
	b.Run("kcore", func(b *testing.B) { cpuBench(b, func() { CoreNumber(s) }) })
}

func BenchmarkFileEigenvector(b *testing.B) {
	s := benchFile(b)
	for _, weighted := range []bool{false, true} {
		name := map[bool]string{false: "unweighted", true: "weighted"}[weighted]
		b.Run(name, func(b *testing.B) {
			var e *EigenvectorResult
			cpuBench(b, func() {
				var err error
				if e, err = Eigenvector(context.Background(), s, EigenvectorOptions{Weighted: weighted}); err != nil {
					b.Fatal(err)
				}
			})
			b.ReportMetric(float64(e.Iterations), "products")
		})
	}
}

func BenchmarkFileWeightedBetweenness(b *testing.B) {
	s := benchFile(b)
	cpuBench(b, func() {
		if _, err := Betweenness(context.Background(), s, BetweennessOptions{Weighted: true, Samples: 20, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	})
}
