package analysis

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/partnet/partnet/graph"
)

func TestCutSplits(t *testing.T) {
	// Hand example: 0-1-2-3 is a path, 1 also holds a triangle 1-4-5, and
	// 6-7 is a separate component. Removing 1 leaves {0}, {2,3} and {4,5}:
	// three pieces of the 5 other organisations, the largest of two, so
	// 5 - 2 = 3 are cut off. Removing 2 leaves {0,1,4,5} and {3}: 1 cut
	// off. 6 and 7 are not articulation points.
	hand := graph.BuildSnapshot(8, nil, []int32{0, 1, 2, 1, 4, 5, 6}, []int32{1, 2, 3, 4, 5, 1, 7}, []float64{1, 1, 1, 1, 1, 1, 1})
	cut := CutPoints(hand)
	got := CutSplits(hand, cut.Articulation)
	want := map[int]Split{1: {Pieces: 3, CutOff: 3}, 2: {Pieces: 2, CutOff: 1}}
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
		cut := CutPoints(s)
		got := CutSplits(s, cut.Articulation)
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

// bruteSplit removes v and counts the pieces of v's component and the
// organisations outside the largest piece, by breadth-first search.
func bruteSplit(s *graph.Snapshot, v int) Split {
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
	return Split{Pieces: len(sizes), CutOff: total - big}
}
