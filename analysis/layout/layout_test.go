package layout

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/partnet/partnet/graph"
)

// randomLayoutGraph returns a seeded graph of n nodes and about m ties with
// planted groups of size 20: 90% of ties fall inside a group.
func randomLayoutGraph(n, m int, seed uint64) *graph.Snapshot {
	r := rand.New(rand.NewPCG(seed, 7))
	src, dst, w := make([]int32, m), make([]int32, m), make([]float64, m)
	for k := range m {
		a := r.IntN(n)
		b := r.IntN(n)
		if r.Float64() < 0.9 {
			base := a / 20 * 20
			b = min(base+r.IntN(20), n-1)
		}
		src[k], dst[k], w[k] = int32(a), int32(b), 0.5+r.Float64()
	}
	return graph.BuildSnapshot(n, nil, src, dst, w)
}

// gridGraph returns a side x side lattice.
func gridGraph(side int) *graph.Snapshot {
	var src, dst []int32
	for r := 0; r < side; r++ {
		for c := 0; c < side; c++ {
			i := int32(r*side + c)
			if c+1 < side {
				src, dst = append(src, i), append(dst, i+1)
			}
			if r+1 < side {
				src, dst = append(src, i), append(dst, i+int32(side))
			}
		}
	}
	return graph.BuildSnapshot(side*side, nil, src, dst, nil)
}

func checkFinite(t *testing.T, pos []Point) {
	t.Helper()
	for i, p := range pos {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
			t.Fatalf("node %d at (%v, %v): not finite", i, p.X, p.Y)
		}
	}
}

// tieRatio returns the mean length of ties divided by the mean distance
// between all unconnected pairs (or a seeded sample of 20,000 of them).
func tieRatio(s *graph.Snapshot, pos []Point) float64 {
	var tieSum float64
	s.EachTie(func(i, j int, _ float64) { tieSum += math.Hypot(pos[i].X-pos[j].X, pos[i].Y-pos[j].Y) })
	r := rand.New(rand.NewPCG(3, 3))
	var pairSum float64
	var pairs int
	for pairs < 20000 {
		i, j := r.IntN(s.N()), r.IntN(s.N())
		if i == j || s.Weight(i, j) != 0 {
			continue
		}
		pairSum += math.Hypot(pos[i].X-pos[j].X, pos[i].Y-pos[j].Y)
		pairs++
	}
	return (tieSum / float64(s.Ties())) / (pairSum / float64(pairs))
}

func TestLayoutConnectedNodesEndCloser(t *testing.T) {
	// A layout that ignored the ties would give ratio about 1 (a tie's two
	// ends are then as far apart as any pair). We require ties to be at most
	// a third of the typical distance between unconnected pairs.
	const threshold = 1.0 / 3
	cases := []struct {
		name string
		s    *graph.Snapshot
	}{
		{"grid 20x20", gridGraph(20)},
		{"planted groups 1000/4000", randomLayoutGraph(1000, 4000, 1)},
		{"planted groups 3000/12000 (parallel path)", randomLayoutGraph(3000, 12000, 2)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pos, err := ForceAtlas2(context.Background(), c.s, Options{Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			checkFinite(t, pos)
			got := tieRatio(c.s, pos)
			t.Logf("ratio %.3f", got)
			if got > threshold {
				t.Errorf("mean tie length / mean unconnected distance = %.3f, want <= %.3f", got, threshold)
			}
		})
	}
}

func TestLayoutDeterministic(t *testing.T) {
	s := randomLayoutGraph(2500, 8000, 4)
	a, err := ForceAtlas2(context.Background(), s, Options{Seed: 9, Iterations: 60, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ForceAtlas2(context.Background(), s, Options{Seed: 9, Iterations: 60, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("node %d: %v with 1 worker, %v with 2: want identical", i, a[i], b[i])
		}
	}
	c, _ := ForceAtlas2(context.Background(), s, Options{Seed: 10, Iterations: 60})
	same := 0
	for i := range a {
		if a[i] == c[i] {
			same++
		}
	}
	if same == len(a) {
		t.Errorf("seeds 9 and 10 gave the same layout")
	}
}

func TestLayoutEdgeCases(t *testing.T) {
	zero := graph.BuildSnapshot(4, nil, []int32{0, 1, 2}, []int32{1, 2, 3}, []float64{0, 0, 0})
	cases := []struct {
		name string
		s    *graph.Snapshot
	}{
		{"empty", graph.BuildSnapshot(0, nil, nil, nil, nil)},
		{"one node", graph.BuildSnapshot(1, nil, nil, nil, nil)},
		{"isolates", graph.BuildSnapshot(50, nil, nil, nil, nil)},
		{"zero weights", zero},
		{"pair", graph.BuildSnapshot(2, nil, []int32{0}, []int32{1}, nil)},
		{"star", graph.BuildSnapshot(6, nil, []int32{0, 0, 0, 0, 0}, []int32{1, 2, 3, 4, 5}, nil)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pos, err := ForceAtlas2(context.Background(), c.s, Options{Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(pos) != c.s.N() {
				t.Fatalf("got %d positions, want %d", len(pos), c.s.N())
			}
			checkFinite(t, pos)
			seen := map[Point]int{}
			for i, p := range pos {
				if j, ok := seen[p]; ok {
					t.Errorf("nodes %d and %d both at %v", j, i, p)
				}
				seen[p] = i
			}
		})
	}
}

func TestLayoutPacksComponentsWithoutOverlap(t *testing.T) {
	// Three triangles, a path of 4 and 5 isolates: each component's bounding
	// box must be disjoint from the others'.
	src := []int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	dst := []int32{1, 2, 0, 4, 5, 3, 7, 8, 6, 10, 11, 12}
	s := graph.BuildSnapshot(18, nil, src, dst, nil)
	pos, err := ForceAtlas2(context.Background(), s, Options{Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	comps := layoutComponents(s)
	if len(comps) != 9 {
		t.Fatalf("%d components, want 9", len(comps))
	}
	type box struct{ x0, y0, x1, y1 float64 }
	boxes := make([]box, len(comps))
	for k, c := range comps {
		b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, u := range c {
			b.x0, b.x1 = math.Min(b.x0, pos[u].X), math.Max(b.x1, pos[u].X)
			b.y0, b.y1 = math.Min(b.y0, pos[u].Y), math.Max(b.y1, pos[u].Y)
		}
		boxes[k] = b
	}
	for a := range boxes {
		for b := a + 1; b < len(boxes); b++ {
			p, q := boxes[a], boxes[b]
			if p.x0 <= q.x1 && q.x0 <= p.x1 && p.y0 <= q.y1 && q.y0 <= p.y1 {
				t.Errorf("components %v and %v overlap: %v %v", comps[a], comps[b], p, q)
			}
		}
	}
}

func TestLayoutCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ForceAtlas2(ctx, randomLayoutGraph(3000, 9000, 1), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func ExampleForceAtlas2() {
	// A triangle and an isolated node.
	s := graph.BuildSnapshot(4, nil, []int32{0, 1, 2}, []int32{1, 2, 0}, nil)
	pos, err := ForceAtlas2(context.Background(), s, Options{Seed: 1})
	if err != nil {
		panic(err)
	}
	d := func(i, j int) float64 { return math.Hypot(pos[i].X-pos[j].X, pos[i].Y-pos[j].Y) }
	fmt.Printf("triangle sides %.2f %.2f %.2f\n", d(0, 1), d(1, 2), d(0, 2))
	fmt.Println("isolate apart:", d(3, 0) > 1.5)
	// Output:
	// triangle sides 1.00 1.00 1.00
	// isolate apart: true
}

// BenchmarkLayout lays out seeded planted-group graphs of 10k and 100k
// nodes (5 ties a node) for 50 iterations.
func BenchmarkLayout(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		s := randomLayoutGraph(n, 5*n, 1)
		b.Run(fmt.Sprintf("n=%d/m=%d", n, 5*n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ForceAtlas2(context.Background(), s, Options{Seed: 1, Iterations: 50}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
