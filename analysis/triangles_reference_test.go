package analysis

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnet/partnet/graph"
)

// triangleRef is testdata/triangles/triangles.json, written by
// make_triangles.py with igraph 0.10 and networkx 2.8 on a 3,000-node
// network with heavy-tailed degrees.
type triangleRef struct {
	N                  int          `json:"n"`
	Edges              [][3]float64 `json:"edges"`
	Triangles          []int        `json:"triangles"`
	Clustering         []float64    `json:"clustering"`
	Transitivity       float64      `json:"transitivity"`
	WeightedClustering []float64    `json:"weighted_clustering"`
	Coreness           []int        `json:"coreness"`
}

func loadTriangleRef(t *testing.T) (*triangleRef, *graph.Snapshot) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "triangles", "triangles.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r triangleRef
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	src, dst, w := make([]int32, len(r.Edges)), make([]int32, len(r.Edges)), make([]float64, len(r.Edges))
	for k, e := range r.Edges {
		src[k], dst[k], w[k] = int32(e[0]), int32(e[1]), e[2]
	}
	return &r, graph.BuildSnapshot(r.N, nil, src, dst, w)
}

// TestTrianglesReference: triangle counts equal igraph's exactly; local
// clustering and transitivity equal igraph's, Onnela's weighted clustering
// networkx's, to 1e-12; on one core and on two.
func TestTrianglesReference(t *testing.T) {
	r, s := loadTriangleRef(t)
	{
		tri, wsum := triangleCount(s, true)
		for i, want := range r.Triangles {
			if tri[i] != want {
				t.Fatalf("triangles[%d] = %d, want %d (igraph)", i, tri[i], want)
			}
		}
		local, wc := clusteringFrom(s, tri), weightedClusteringFrom(s, wsum)
		for i := range local {
			if math.Abs(local[i]-r.Clustering[i]) > 1e-12 || math.Abs(wc[i]-r.WeightedClustering[i]) > 1e-12 {
				t.Fatalf("node %d: clustering %v weighted %v, want %v %v", i, local[i], wc[i], r.Clustering[i], r.WeightedClustering[i])
			}
		}
		if got := transitivityFrom(s, tri); math.Abs(got-r.Transitivity) > 1e-12 {
			t.Errorf("Transitivity = %.15g, want %.15g (igraph)", got, r.Transitivity)
		}
	}
	if got := Triangles(s); got[0] != r.Triangles[0] {
		t.Errorf("Triangles[0] = %d, want %d", got[0], r.Triangles[0])
	}
}

// TestKCoreReference: core numbers equal igraph's coreness exactly.
// CoreNumber keeps degrees in one byte here (largest degree 174); the two-
// and four-byte widths, used for larger degrees, must agree too.
func TestKCoreReference(t *testing.T) {
	r, s := loadTriangleRef(t)
	for _, c := range []struct {
		name string
		f    func(*graph.Snapshot) []int
	}{{"CoreNumber", CoreNumber}, {"uint8", coreNumber[uint8]}, {"uint16", coreNumber[uint16]}, {"uint32", coreNumber[uint32]}} {
		for i, k := range c.f(s) {
			if k != r.Coreness[i] {
				t.Fatalf("%s: core[%d] = %d, want %d (igraph)", c.name, i, k, r.Coreness[i])
			}
		}
	}
}

// TestKCoreWideDegrees: a star of 300 leaves (degree above one byte) whose
// leaves also form a path: the hub and the path's nodes have core 2 (the
// path plus the hub is 2-connected), the path's two ends too (degree 2).
// Worked by hand: every node has degree >= 2 and removing none lowers
// another below 2; no 3-core exists since the leaves have degree <= 3 and
// peeling the degree-2 ends unravels the path.
func TestKCoreWideDegrees(t *testing.T) {
	const leaves = 300
	var src, dst []int32
	for i := 1; i <= leaves; i++ {
		src, dst = append(src, 0), append(dst, int32(i))
		if i < leaves {
			src, dst = append(src, int32(i)), append(dst, int32(i+1))
		}
	}
	s := graph.BuildSnapshot(leaves+1, nil, src, dst, nil)
	for i, k := range CoreNumber(s) {
		if k != 2 {
			t.Fatalf("core[%d] = %d, want 2", i, k)
		}
	}
}
