package analysis

import (
	"slices"

	"github.com/partnet/partnet/graph"
)

// CutResult lists the single points of failure of a network.
type CutResult struct {
	// Articulation is true for nodes whose removal disconnects their
	// component (networkx articulation_points).
	Articulation []bool
	// Bridges are the ties whose removal disconnects their component
	// (networkx bridges), each as [i, j] with i < j, sorted.
	Bridges [][2]int
}

// CutPoints finds articulation points and bridges with Hopcroft and
// Tarjan's depth-first search on lowpoints (J. Hopcroft, R. Tarjan, Comm.
// ACM 16 (1973) 372-378), iteratively so that deep networks do not exhaust
// the stack. O(n+m). The empty graph and graphs without ties have none;
// weights, zero included, are ignored.
func CutPoints(s *graph.Snapshot) *CutResult {
	n := s.N()
	res := &CutResult{Articulation: make([]bool, n)}
	disc := make([]int32, n) // discovery time + 1; 0 = unvisited
	low := make([]int32, n)
	parent := make([]int32, n)
	next := make([]int, n) // position in the node's row
	off, adj := s.Offsets(), s.Adjacency()
	var time int32
	stack := make([]int32, 0, 64)
	for root := 0; root < n; root++ {
		if disc[root] != 0 {
			continue
		}
		time++
		disc[root], low[root], parent[root] = time, time, -1
		next[root] = off[root]
		stack = append(stack[:0], int32(root))
		rootChildren := 0
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			if next[v] < off[v+1] {
				w := adj[next[v]]
				next[v]++
				if disc[w] == 0 {
					time++
					disc[w], low[w], parent[w] = time, time, v
					next[w] = off[w]
					stack = append(stack, w)
					if int(v) == root {
						rootChildren++
					}
				} else if w != parent[v] {
					low[v] = min(low[v], disc[w])
				}
				continue
			}
			stack = stack[:len(stack)-1]
			p := parent[v]
			if p < 0 {
				continue
			}
			low[p] = min(low[p], low[v])
			if low[v] > disc[p] {
				a, b := int(p), int(v)
				if a > b {
					a, b = b, a
				}
				res.Bridges = append(res.Bridges, [2]int{a, b})
			}
			if int(p) != root && low[v] >= disc[p] {
				res.Articulation[p] = true
			}
		}
		if rootChildren > 1 {
			res.Articulation[root] = true
		}
	}
	slices.SortFunc(res.Bridges, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	return res
}
