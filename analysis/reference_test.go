package analysis

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/partnet/partnet/graph"
)

// golden is one file written by testdata/reference/make_reference.py:
// networkx 2.8.8 and igraph 0.10.2 values on one graph.
type golden struct {
	Name     string                     `json:"name"`
	Weighted bool                       `json:"weighted"`
	Nodes    []string                   `json:"nodes"`
	Attr     []string                   `json:"attr"`
	Edges    [][3]any                   `json:"edges"`
	Node     map[string][]any           `json:"node"`
	Graph    map[string]json.RawMessage `json:"graph"`
	Igraph   map[string]json.RawMessage `json:"igraph"`
}

// referenceGraphs lists the goldens; the real ones are read from
// testdata/sna_benchmarks (see its SOURCES.md).
var referenceGraphs = []string{"karate", "karate_weighted", "les_miserables", "florentine", "davis_women", "generated_1", "generated_2"}

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// benchmarksDir is where the real graphs are kept.
func benchmarksDir(testing.TB) string {
	return filepath.Join("testdata", "sna_benchmarks")
}

func readCSV(t testing.TB, path string) [][]string {
	t.Helper()
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

// loadReference reads a golden and builds its graph with the golden's node
// order, from testdata/sna_benchmarks for the real graphs and from the golden's own edge
// list for the generated ones.
func loadReference(t testing.TB, name string) (*golden, *graph.Snapshot) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "reference", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	idx := map[string]int32{}
	for i, id := range g.Nodes {
		idx[id] = int32(i)
	}
	var src, dst []int32
	var w []float64
	add := func(a, b string, weight float64) {
		ia, ok1 := idx[a]
		ib, ok2 := idx[b]
		if !ok1 || !ok2 {
			t.Fatalf("%s: edge %s-%s has an unknown node", name, a, b)
		}
		src, dst, w = append(src, ia), append(dst, ib), append(w, weight)
	}
	edgeFile := func(file string, weighted bool) {
		for _, r := range readCSV(t, filepath.Join(benchmarksDir(t), file)) {
			x := 1.0
			if weighted {
				if x, err = strconv.ParseFloat(r[2], 64); err != nil {
					t.Fatal(err)
				}
			}
			add(r[0], r[1], x)
		}
	}
	switch name {
	case "karate":
		edgeFile("karate_club_edges.csv", false)
	case "karate_weighted":
		edgeFile("karate_club_edges.csv", true)
	case "les_miserables":
		edgeFile("les_miserables_edges.csv", true)
	case "florentine":
		edgeFile("florentine_families_edges.csv", false)
	case "davis_women":
		// women x women projection: weight = events attended together
		byEvent := map[string][]string{}
		var events []string
		for _, r := range readCSV(t, filepath.Join(benchmarksDir(t), "davis_southern_women_membership.csv")) {
			if byEvent[r[1]] == nil {
				events = append(events, r[1])
			}
			byEvent[r[1]] = append(byEvent[r[1]], r[0])
		}
		for _, e := range events {
			m := byEvent[e]
			for a := range m {
				for b := a + 1; b < len(m); b++ {
					add(m[a], m[b], 1)
				}
			}
		}
	default:
		for _, e := range g.Edges {
			add(e[0].(string), e[1].(string), e[2].(float64))
		}
	}
	return &g, graph.BuildSnapshot(len(g.Nodes), g.Nodes, src, dst, w)
}

// floats converts a golden vector; null (NaN in networkx) becomes NaN.
func floats(t testing.TB, g *golden, key string) []float64 {
	t.Helper()
	v, ok := g.Node[key]
	if !ok {
		t.Fatalf("%s: golden has no node value %q", g.Name, key)
	}
	out := make([]float64, len(v))
	for i, x := range v {
		switch x := x.(type) {
		case nil:
			out[i] = math.NaN()
		case float64:
			out[i] = x
		case bool:
			if x {
				out[i] = 1
			}
		default:
			t.Fatalf("%s.%s[%d]: unexpected %T", g.Name, key, i, x)
		}
	}
	return out
}

func graphValue(t testing.TB, g *golden, key string) float64 {
	t.Helper()
	raw, ok := g.Graph[key]
	if !ok {
		t.Fatalf("%s: golden has no graph value %q", g.Name, key)
	}
	var x *float64
	if err := json.Unmarshal(raw, &x); err != nil {
		t.Fatalf("%s.%s: %v", g.Name, key, err)
	}
	if x == nil {
		return math.NaN()
	}
	return *x
}

func approxEqual(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b))
}

// compareNodes checks got against the golden vector key to tol (relative
// above 1, absolute below).
func compareNodes[T int | float64](t *testing.T, g *golden, metric, key string, got []T, tol float64) {
	t.Helper()
	want := floats(t, g, key)
	if len(got) != len(want) {
		t.Fatalf("%s on %s: %d values, want %d", metric, g.Name, len(got), len(want))
	}
	bad := 0
	for i := range want {
		if !approxEqual(float64(got[i]), want[i], tol) {
			if bad < 3 {
				t.Errorf("%s(%s)[%s] = %.15g, want %.15g", metric, g.Name, g.Nodes[i], float64(got[i]), want[i])
			}
			bad++
		}
	}
	if bad > 3 {
		t.Errorf("%s(%s): %d nodes differ in all", metric, g.Name, bad)
	}
}

func compareGraph(t *testing.T, g *golden, metric, key string, got, tol float64) {
	t.Helper()
	if want := graphValue(t, g, key); !approxEqual(got, want, tol) {
		t.Errorf("%s(%s) = %.15g, want %.15g", metric, g.Name, got, want)
	}
}

// forEachReference runs f on every golden graph as a subtest.
func forEachReference(t *testing.T, f func(t *testing.T, g *golden, s *graph.Snapshot)) {
	for _, name := range referenceGraphs {
		t.Run(name, func(t *testing.T) {
			g, s := loadReference(t, name)
			f(t, g, s)
		})
	}
}

func jsonUnmarshal(raw json.RawMessage, v any) error { return json.Unmarshal(raw, v) }
