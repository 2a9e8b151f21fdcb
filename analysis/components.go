package analysis

import (
	"slices"

	"github.com/partnet/partnet/graph"
)

// ComponentResult labels each node with its connected component.
type ComponentResult struct {
	// Label is each node's component, numbered 0, 1, ... in order of each
	// component's lowest node index.
	Label []int
	// Sizes is the number of nodes in each component, by label.
	Sizes []int
	// Count is the number of components; an isolate is a component of its
	// own, as in networkx and igraph.
	Count int
}

// Largest returns the label of the largest component, the lowest label
// among equals, or -1 on the empty graph.
func (c *ComponentResult) Largest() int {
	best := -1
	for l, sz := range c.Sizes {
		if best < 0 || sz > c.Sizes[best] {
			best = l
		}
	}
	return best
}

// SortedSizes returns component sizes, largest first.
func (c *ComponentResult) SortedSizes() []int {
	out := slices.Clone(c.Sizes)
	slices.SortFunc(out, func(a, b int) int { return b - a })
	return out
}

// Components finds connected components by breadth-first search in O(n+m).
// The empty graph has none; ties of zero weight still connect.
func Components(s *graph.Snapshot) *ComponentResult {
	n := s.N()
	res := &ComponentResult{Label: make([]int, n)}
	for i := range res.Label {
		res.Label[i] = -1
	}
	queue := make([]int32, 0, 64)
	for i := 0; i < n; i++ {
		if res.Label[i] >= 0 {
			continue
		}
		c := res.Count
		res.Count++
		res.Label[i] = c
		queue = append(queue[:0], int32(i))
		for head := 0; head < len(queue); head++ {
			for _, w := range s.Neighbours(int(queue[head])) {
				if res.Label[w] < 0 {
					res.Label[w] = c
					queue = append(queue, w)
				}
			}
		}
		res.Sizes = append(res.Sizes, len(queue))
	}
	return res
}
