package community

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/partnet/partnet/graph"
)

// readCSVRows reads a CSV file under testdata and returns the rows after
// the header.
func readCSVRows(t testing.TB, rel string) [][]string {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(rel))
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows[1:]
}

// karate returns Zachary's karate club (34 members, 78 ties) from
// testdata/sna_benchmarks (see its SOURCES.md), weighted by interaction counts or
// with every tie weighing 1.
func karate(t testing.TB, weighted bool) *graph.Snapshot {
	t.Helper()
	rows := readCSVRows(t, "sna_benchmarks/karate_club_edges.csv")
	var src, dst []int32
	var w []float64
	for _, r := range rows {
		a, _ := strconv.Atoi(r[0])
		b, _ := strconv.Atoi(r[1])
		x, err := strconv.ParseFloat(r[2], 64)
		if err != nil {
			t.Fatal(err)
		}
		if !weighted {
			x = 1
		}
		src, dst, w = append(src, int32(a)), append(dst, int32(b)), append(w, x)
	}
	return graph.BuildSnapshot(34, nil, src, dst, w)
}

// plantedPartition returns a seeded planted-partition network: n nodes in
// communities of the given size (node v in community v/size), and m tie
// draws, each joining a random node to a random member of its own
// community with probability 1-mu and to a random node anywhere
// otherwise. Repeated pairs merge, so a few ties weigh 2.
func plantedPartition(n, size, m int, mu float64, seed uint64) (*graph.Snapshot, []int) {
	src, dst := plantedEdges(n, size, m, mu, seed)
	truth := make([]int, n)
	for v := range truth {
		truth[v] = v / size
	}
	return graph.BuildSnapshot(n, nil, src, dst, nil), truth
}

func plantedEdges(n, size, m int, mu float64, seed uint64) (src, dst []int32) {
	r := rand.New(rand.NewPCG(seed, 7))
	src, dst = make([]int32, 0, m), make([]int32, 0, m)
	for len(src) < m {
		a := r.IntN(n)
		var b int
		if r.Float64() < mu {
			b = r.IntN(n)
		} else {
			lo := a / size * size
			b = lo + r.IntN(min(size, n-lo))
		}
		if a != b {
			src, dst = append(src, int32(a)), append(dst, int32(b))
		}
	}
	return src, dst
}

// writeEdgeList writes src,dst pairs as a CSV edge list for the igraph
// comparison script.
func writeEdgeList(path string, src, dst []int32) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	_ = w.Write([]string{"source", "target"})
	for k := range src {
		_ = w.Write([]string{fmt.Sprint(src[k]), fmt.Sprint(dst[k])})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
