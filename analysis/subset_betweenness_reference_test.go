package analysis

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func readRefFloats(t *testing.T, name string) []float64 {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "subset_betweenness", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []float64
	for _, f := range strings.Fields(string(raw)) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// TestSampledBetweennessIgraphSubset: partnet's sampled betweenness from 60
// sources equals the igraph C library's igraph_betweenness_subset from the
// same sources (testdata/subset_betweenness, made by make_subset.sh on the
// 3,000-node network of testdata/triangles), unweighted and with lengths
// 1/weight: igraph's value is partnet's Raw times k/n (both halve the
// dependency sums of an undirected network; partnet then scales by n/k).
// On one worker and on two, as the sources split between workers.
func TestSampledBetweennessIgraphSubset(t *testing.T) {
	_, s := loadTriangleRef(t)
	const k, seed = 60, 5
	srcs := readRefFloats(t, "sources.txt")
	got := SampledSources(s.N(), k, seed)
	if len(got) != len(srcs) {
		t.Fatalf("SampledSources: %d sources, reference %d", len(got), len(srcs))
	}
	for i, v := range got {
		if float64(v) != srcs[i] {
			t.Fatalf("SampledSources(%d, %d, %d)[%d] = %d, reference drew %v: regenerate the reference", s.N(), k, seed, i, v, srcs[i])
		}
	}
	scale := float64(k) / float64(s.N())
	for _, c := range []struct {
		file     string
		weighted bool
	}{{"subset.unweighted", false}, {"subset.weighted", true}} {
		want := readRefFloats(t, c.file)
		for _, workers := range []int{1, 2} {
			res, err := Betweenness(context.Background(), s, BetweennessOptions{Samples: k, Seed: seed, Weighted: c.weighted, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Raw) != len(want) {
				t.Fatalf("%s: %d values, want %d", c.file, len(res.Raw), len(want))
			}
			for i, w := range want {
				if g := res.Raw[i] * scale; math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w)) {
					t.Fatalf("%s, %d workers: node %d: Raw*k/n = %.15g, igraph subset %.15g", c.file, workers, i, g, w)
				}
			}
		}
	}
}
