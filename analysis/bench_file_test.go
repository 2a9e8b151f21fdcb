package analysis

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"sync"
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

func BenchmarkFileTriangles(b *testing.B) {
	s := benchFile(b)
	b.Run("count", func(b *testing.B) {
		for b.Loop() {
			triangleCount(s, false)
		}
	})
	b.Run("old", func(b *testing.B) {
		for b.Loop() {
			trianglesOld(s)
		}
	})
	b.Run("weighted", func(b *testing.B) {
		for b.Loop() {
			triangleCount(s, true)
		}
	})
	b.Run("kcore", func(b *testing.B) {
		for b.Loop() {
			CoreNumber(s)
		}
	})
}

func trianglesOld(s *graph.Snapshot) []int {
	n := s.N()
	above := func(u, v int32) bool { // v ranks above u
		du, dv := s.Degree(int(u)), s.Degree(int(v))
		return dv > du || dv == du && v > u
	}
	// Each worker counts into its own array (a triangle adds to three
	// nodes, which other workers may also be adding to); the integer sums
	// are the same whatever the split.
	type scratch struct {
		mark []int32 // mark[x] == u+1: x is a higher-ranked partner of u
		out  []int
	}
	var mu sync.Mutex
	var parts []*scratch
	parallelRows(n, func() *scratch {
		sc := &scratch{mark: make([]int32, n), out: make([]int, n)}
		mu.Lock()
		parts = append(parts, sc)
		mu.Unlock()
		return sc
	}, func(sc *scratch, lo, hi int) {
		mark, out := sc.mark, sc.out
		for u := int32(lo); int(u) < hi; u++ {
			row := s.Neighbours(int(u))
			for _, v := range row {
				if above(u, v) {
					mark[v] = u + 1
				}
			}
			for _, v := range row {
				if !above(u, v) {
					continue
				}
				for _, w := range s.Neighbours(int(v)) {
					if mark[w] == u+1 && above(v, w) {
						out[u]++
						out[v]++
						out[w]++
					}
				}
			}
		}
	})
	if len(parts) == 0 {
		return make([]int, n)
	}
	out := parts[0].out
	for _, p := range parts[1:] {
		for i, c := range p.out {
			out[i] += c
		}
	}
	return out
}
