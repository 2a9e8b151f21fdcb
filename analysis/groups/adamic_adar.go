package groups

import (
	"math"

	"github.com/partnet/partnet/graph"
)

// AdamicAdar returns the Adamic-Adar index of organisations u and v in s:
// the sum over their common neighbours w of 1/ln(deg(w)), where deg(w) is
// w's number of distinct neighbours (Adamic and Adar, "Friends and
// neighbors on the Web", Social Networks 25, 2003; as networkx's
// adamic_adar_index). Tie weights are ignored; a tie of weight zero still
// makes two organisations neighbours. A common neighbour has degree at
// least 2, so no term divides by zero. u == v, or no common neighbour, gives
// 0.
func AdamicAdar(s *graph.Snapshot, u, v int) float64 {
	if u == v {
		return 0
	}
	a, b := s.Neighbours(u), s.Neighbours(v)
	sum := 0.0
	// Rows are sorted: merge them.
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			if w := int(a[i]); w != u && w != v {
				sum += 1 / math.Log(float64(s.Degree(w)))
			}
			i, j = i+1, j+1
		}
	}
	return sum
}

// CommonNeighbours returns the common neighbours of u and v in s,
// ascending by index.
func CommonNeighbours(s *graph.Snapshot, u, v int) []int {
	var out []int
	a, b := s.Neighbours(u), s.Neighbours(v)
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			if w := int(a[i]); w != u && w != v {
				out = append(out, w)
			}
			i, j = i+1, j+1
		}
	}
	return out
}

// adamicAdarAmong returns the Adamic-Adar index of every pair of
// organisations marked in among that has a common neighbour, keyed by the
// pair (lower index first). It walks each organisation's neighbourhood
// once: the cost is the sum over organisations of the square of their
// number of marked neighbours.
func adamicAdarAmong(s *graph.Snapshot, among []bool) map[[2]int]float64 {
	out := map[[2]int]float64{}
	var marked []int
	for w := 0; w < s.N(); w++ {
		marked = marked[:0]
		for _, x := range s.Neighbours(w) {
			if int(x) != w && among[x] {
				marked = append(marked, int(x))
			}
		}
		if len(marked) < 2 {
			continue
		}
		inc := 1 / math.Log(float64(s.Degree(w)))
		for i, u := range marked {
			for _, v := range marked[i+1:] {
				out[[2]int{u, v}] += inc
			}
		}
	}
	return out
}
