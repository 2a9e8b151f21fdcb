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
func TestKCoreReference(t *testing.T) {
	r, s := loadTriangleRef(t)
	for i, k := range CoreNumber(s) {
		if k != r.Coreness[i] {
			t.Fatalf("CoreNumber[%d] = %d, want %d (igraph)", i, k, r.Coreness[i])
		}
	}
}
