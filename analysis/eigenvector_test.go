package analysis

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnet/partnet/graph"
)

// eigenShape is one graph of testdata/eigenvector/eigenvector_shapes.json,
// written by make_eigenvector.py (networkx eigenvector_centrality_numpy).
type eigenShape struct {
	Name     string     `json:"name"`
	Nodes    []string   `json:"nodes"`
	Edges    [][3]any   `json:"edges"`
	Unit     *[]float64 `json:"eigenvector"`
	Weighted []float64  `json:"weighted_eigenvector"`
}

func loadEigenShapes(t *testing.T) []eigenShape {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "eigenvector", "eigenvector_shapes.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Shapes []eigenShape `json:"shapes"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Shapes
}

func (g eigenShape) snapshot() *graph.Snapshot {
	idx := map[string]int32{}
	for i, id := range g.Nodes {
		idx[id] = int32(i)
	}
	var src, dst []int32
	var w []float64
	for _, e := range g.Edges {
		src = append(src, idx[e[0].(string)])
		dst = append(dst, idx[e[1].(string)])
		w = append(w, e[2].(float64))
	}
	return graph.BuildSnapshot(len(g.Nodes), g.Nodes, src, dst, w)
}

// TestEigenvectorShapes compares Eigenvector with networkx's
// eigenvector_centrality_numpy (ARPACK, cross-checked against LAPACK) on
// the shapes where power iteration stalls: a path of 1,000, a star of
// 3,000, a bipartite graph, disconnected graphs, and karate.
func TestEigenvectorShapes(t *testing.T) {
	ctx := context.Background()
	for _, g := range loadEigenShapes(t) {
		s := g.snapshot()
		for _, weighted := range []bool{false, true} {
			want := g.Weighted
			if !weighted {
				if g.Unit == nil {
					continue
				}
				want = *g.Unit
			}
			e, err := Eigenvector(ctx, s, EigenvectorOptions{Weighted: weighted})
			if err != nil {
				t.Fatalf("Eigenvector(%s, weighted %v): %v", g.Name, weighted, err)
			}
			bad := 0
			for i := range want {
				if math.Abs(e.Unit[i]-want[i]) > 1e-9 {
					if bad < 3 {
						t.Errorf("Eigenvector(%s, weighted %v)[%s] = %.15g, want %.15g (networkx numpy)", g.Name, weighted, g.Nodes[i], e.Unit[i], want[i])
					}
					bad++
				}
			}
			t.Logf("%s weighted %v: %d products, eigenvalue %.12g", g.Name, weighted, e.Iterations, e.Eigenvalue)
		}
	}
}

// TestEigenvectorTiedComponents checks the convention for components that
// share the largest eigenvalue (worked by hand): the uniform vector
// projected onto the eigenspace. Two separate ties of weight 1: each
// component's eigenvector is (1, 1)/sqrt 2 for eigenvalue 1, the uniform
// vector projects to (1/2, 1/2, 1/2, 1/2). A triangle (eigenvalue 2) beside
// a tie (eigenvalue 1): the tie's ends get 0, the triangle 1/sqrt 3.
// Two triangles and an isolate: 1/sqrt 6 on each triangle node, 0 on the
// isolate.
func TestEigenvectorTiedComponents(t *testing.T) {
	ctx := context.Background()
	r3, r6 := 1/math.Sqrt(3), 1/math.Sqrt(6)
	cases := []struct {
		name     string
		n        int
		src, dst []int32
		want     []float64
	}{
		{"two ties", 4, []int32{0, 2}, []int32{1, 3}, []float64{0.5, 0.5, 0.5, 0.5}},
		{"triangle and tie", 5, []int32{0, 1, 0, 3}, []int32{1, 2, 2, 4}, []float64{r3, r3, r3, 0, 0}},
		{"two triangles and an isolate", 7, []int32{0, 1, 0, 4, 5, 4}, []int32{1, 2, 2, 5, 6, 6}, []float64{r6, r6, r6, 0, r6, r6, r6}},
	}
	for _, c := range cases {
		w := make([]float64, len(c.src))
		for i := range w {
			w[i] = 1
		}
		s := graph.BuildSnapshot(c.n, nil, c.src, c.dst, w)
		e, err := Eigenvector(ctx, s, EigenvectorOptions{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for i, want := range c.want {
			if math.Abs(e.Unit[i]-want) > 1e-12 {
				t.Errorf("Eigenvector(%s)[%d] = %.15g, want %.15g", c.name, i, e.Unit[i], want)
			}
		}
	}
}

// TestEigenvectorNotConverged: a path of 1,000 needs hundreds of products;
// with MaxIter 5 the result is ErrNotConverged with the iterate.
func TestEigenvectorNotConverged(t *testing.T) {
	n := 1000
	var src, dst []int32
	for i := 0; i+1 < n; i++ {
		src, dst = append(src, int32(i)), append(dst, int32(i+1))
	}
	s := graph.BuildSnapshot(n, nil, src, dst, nil)
	e, err := Eigenvector(context.Background(), s, EigenvectorOptions{MaxIter: 5})
	if !errors.Is(err, ErrNotConverged) || e == nil || e.Iterations != 5 {
		t.Fatalf("Eigenvector(path, MaxIter 5) = %v, %v; want ErrNotConverged after 5 products", e, err)
	}
}

// TestEigenvectorLongPath: on a path of n organisations the eigenvector is
// sqrt(2/(n+1)) sin(i pi/(n+1)), i = 1..n, for eigenvalue 2 cos(pi/(n+1))
// (the path graph's spectrum, worked by hand from the recurrence
// x_{i-1} + x_{i+1} = lambda x_i). Beyond the Lanczos basis (a path of
// 5,000 needs 2,500 vectors) the Chebyshev iteration takes over.
func TestEigenvectorLongPath(t *testing.T) {
	sizes := []int{1500, 5000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		var src, dst []int32
		for i := 0; i+1 < n; i++ {
			src, dst = append(src, int32(i)), append(dst, int32(i+1))
		}
		s := graph.BuildSnapshot(n, nil, src, dst, nil)
		e, err := Eigenvector(context.Background(), s, EigenvectorOptions{})
		if err != nil {
			t.Fatalf("path %d: %v", n, err)
		}
		worst := 0.0
		for i := range e.Unit {
			want := math.Sqrt(2/float64(n+1)) * math.Sin(float64(i+1)*math.Pi/float64(n+1))
			worst = max(worst, math.Abs(e.Unit[i]-want))
		}
		if worst > 1e-9 {
			t.Errorf("path %d: largest error %.3g, want <= 1e-9 (%d products)", n, worst, e.Iterations)
		}
		if want := 2 * math.Cos(math.Pi/float64(n+1)); math.Abs(e.Eigenvalue-want) > 1e-12 {
			t.Errorf("path %d: eigenvalue %.15g, want %.15g", n, e.Eigenvalue, want)
		}
		t.Logf("path %d: %d products, largest error %.3g", n, e.Iterations, worst)
	}
}
