package reports

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/graph"
)

// bruteSplit removes v and counts the pieces of v's component and the
// organisations outside the largest piece, by breadth-first search.
func bruteSplit(s *graph.Snapshot, v int) split {
	n := s.N()
	comp := func(skip int, from int, seen []bool) int {
		queue, size := []int{from}, 0
		seen[from] = true
		for len(queue) > 0 {
			x := queue[0]
			queue = queue[1:]
			size++
			for _, y := range s.Neighbours(x) {
				if int(y) != skip && !seen[y] {
					seen[y] = true
					queue = append(queue, int(y))
				}
			}
		}
		return size
	}
	seen := make([]bool, n)
	seen[v] = true
	var sizes []int
	for _, u := range s.Neighbours(v) {
		if !seen[u] {
			sizes = append(sizes, comp(v, int(u), seen))
		}
	}
	total, big := 0, 0
	for _, x := range sizes {
		total += x
		big = max(big, x)
	}
	return split{pieces: len(sizes), cutOff: total - big}
}

func TestSplitSizes(t *testing.T) {
	// Hand example: 0-1-2-3 is a path, 1 also holds a triangle 1-4-5, and
	// 6-7 is a separate component. Removing 1 leaves {0}, {2,3} and {4,5}:
	// three pieces of the 5 other organisations, the largest of two, so
	// 5 - 2 = 3 are cut off. Removing 2 leaves {0,1,4,5} and {3}: 1 cut
	// off. 6 and 7 are not articulation points.
	hand := graph.BuildSnapshot(8, nil, []int32{0, 1, 2, 1, 4, 5, 6}, []int32{1, 2, 3, 4, 5, 1, 7}, []float64{1, 1, 1, 1, 1, 1, 1})
	cut := analysis.CutPoints(hand)
	got := splitSizes(hand, cut.Articulation)
	want := map[int]split{1: {pieces: 3, cutOff: 3}, 2: {pieces: 2, cutOff: 1}}
	for i := 0; i < hand.N(); i++ {
		if w, ok := want[i]; ok != cut.Articulation[i] || got[i] != w {
			t.Errorf("node %d: articulation %v, split %+v; want %v, %+v", i, cut.Articulation[i], got[i], ok, w)
		}
	}
	// Random sparse graphs (trees with a few extra ties, several
	// components) against removal and breadth-first search.
	r := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 50; trial++ {
		n := 5 + r.IntN(40)
		var src, dst []int32
		for i := 1; i < n; i++ {
			if r.IntN(8) > 0 {
				src, dst = append(src, int32(i)), append(dst, int32(r.IntN(i)))
			}
		}
		for k := 0; k < r.IntN(n/3+1); k++ {
			src, dst = append(src, int32(r.IntN(n))), append(dst, int32(r.IntN(n)))
		}
		s := graph.BuildSnapshot(n, nil, src, dst, slices.Repeat([]float64{1}, len(src)))
		cut := analysis.CutPoints(s)
		got := splitSizes(s, cut.Articulation)
		for v := 0; v < n; v++ {
			if !cut.Articulation[v] {
				continue
			}
			if want := bruteSplit(s, v); got[v] != want {
				t.Fatalf("trial %d, node %d: split %+v, want %+v", trial, v, got[v], want)
			}
		}
	}
}

// TestReportDeterministic: the same seed gives the same bytes.
func TestReportDeterministic(t *testing.T) {
	var pages [2][]byte
	for k := range pages {
		var buf bytes.Buffer
		if err := WriteHTML(&buf, hostileReport(t), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		pages[k] = buf.Bytes()
	}
	if !bytes.Equal(pages[0], pages[1]) {
		t.Error("two builds with the same seed differ")
	}
}

// TestFindingsFromResults checks findings on a network whose answers are
// worked by hand: two triangles of councils {a,b,c} and {d,e,f} in
// regions north and south, joined through agency g (tied to c and d).
// g is the one articulation point besides c and d: losing g cuts off 3
// (one triangle); losing c cuts off a and b (2), as does losing d. The
// two triangles are the Leiden clusters with g joining one of them.
func TestFindingsFromResults(t *testing.T) {
	net := graph.NewNetwork()
	for k, id := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		o := graph.Organisation{ID: id, Name: "Org " + id, Sector: "council", Region: []string{"north", "south"}[min(k/3, 1)]}
		if id == "g" {
			o.Sector, o.Region = "agency", "north"
		}
		if err := net.AddOrganisation(o); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range [][2]int{{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 6}, {6, 3}} {
		if err := net.AddTie(p[0], p[1], 1); err != nil {
			t.Fatal(err)
		}
	}
	s := net.Snapshot(graph.Weighting{})
	res, err := Analyse(context.Background(), net, s, AnalyseOptions{Seed: 1, NoGroups: true})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(context.Background(), Source{Network: net, Snapshot: s, Seed: 1, Results: res, SizeBy: "betweenness"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Cutpoints) != 3 || r.Cutpoints[0].ID != "g" || r.Cutpoints[0].CutOff != 3 || r.Cutpoints[1].CutOff != 2 {
		t.Errorf("cut points %+v, want g (3 cut off) first, then c and d (2)", r.Cutpoints)
	}
	// Betweenness (raw, normalised by (n-1)(n-2)/2 = 15): g lies on every
	// shortest path between {a,b,c} and {d,e,f}, 9 pairs, 0.6; c on those
	// from {a,b} to {g,d,e,f}, 8 pairs, 0.533; d likewise. Ties in value
	// go to the higher degree (c and d have 3), then the id.
	// E-I by sector: 2 ties between agency and council, 6 within council:
	// (2-6)/8 = -0.5; expected from the pairs, (6-15)/(6+15) = -0.43.
	want := []string{
		"3 organisations are single points of failure",
		"Org g (3 organisations cut off), Org c (2 organisations cut off) and Org d (2 organisations cut off)",
		"2 ties are bridges",
		"most central organisations by betweenness are Org g, Org c, Org d",
		"the E-I index is -0.50 against -0.43 expected",
	}
	all := fmt.Sprint(r.Findings)
	for _, w := range want {
		if !bytes.Contains([]byte(all), []byte(w)) {
			t.Errorf("findings lack %q:\n%s", w, all)
		}
	}
}
