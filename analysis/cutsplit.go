package analysis

import "github.com/partnet/partnet/graph"

// Split says what losing one organisation does to its component.
type Split struct {
	// Pieces is how many parts the rest of the component falls into.
	Pieces int
	// CutOff is how many organisations end up outside the largest part:
	// those the loss would cut off from the rest.
	CutOff int
}

// CutSplits measures, for every articulation point (cut[i] true, as from
// CutPoints), the
// pieces its removal leaves, in one iterative depth-first search over s
// (O(n+m)): with disc the discovery order, low the lowpoint and sub the
// DFS subtree size, removing v detaches the subtree of every DFS child c
// with low[c] >= disc[v] as a piece of its own; everything else in the
// component (its parent's side and the other children) is one more piece
// when not empty. Nodes that are not articulation points get zero values;
// the empty graph gives an empty slice; weights are ignored.
func CutSplits(s *graph.Snapshot, cut []bool) []Split {
	n := s.N()
	out := make([]Split, n)
	disc := make([]int32, n) // 0 = unvisited
	low := make([]int32, n)
	sub := make([]int32, n)
	parent := make([]int32, n)
	next := make([]int32, n)
	// detached[v] sums the sizes of v's children that removal detaches;
	// largest is the biggest of them; count how many.
	detached := make([]int32, n)
	largest := make([]int32, n)
	count := make([]int32, n)
	var time int32
	stack := make([]int32, 0, 64)
	var comp []int32
	for root := 0; root < n; root++ {
		if disc[root] != 0 {
			continue
		}
		comp = comp[:0]
		time++
		disc[root], low[root], sub[root], parent[root] = time, time, 1, -1
		stack = append(stack[:0], int32(root))
		comp = append(comp, int32(root))
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			row := s.Neighbours(int(v))
			if int(next[v]) < len(row) {
				u := row[next[v]]
				next[v]++
				if disc[u] == 0 {
					time++
					disc[u], low[u], sub[u], parent[u] = time, time, 1, v
					stack = append(stack, u)
					comp = append(comp, u)
				} else if u != parent[v] {
					low[v] = min(low[v], disc[u])
				}
				continue
			}
			stack = stack[:len(stack)-1]
			if p := parent[v]; p >= 0 {
				low[p] = min(low[p], low[v])
				sub[p] += sub[v]
				if low[v] >= disc[p] {
					detached[p] += sub[v]
					largest[p] = max(largest[p], sub[v])
					count[p]++
				}
			}
		}
		size := int32(len(comp))
		for _, v := range comp {
			if !cut[v] {
				continue
			}
			pieces, big := count[v], largest[v]
			if rest := size - 1 - detached[v]; rest > 0 {
				pieces++
				big = max(big, rest)
			}
			out[v] = Split{Pieces: int(pieces), CutOff: int(size - 1 - big)}
		}
	}
	return out
}
