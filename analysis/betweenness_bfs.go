package analysis

import "github.com/partnet/partnet/graph"

// brandesState is one worker's arrays for unweighted Brandes searches.
// Distances are int32 levels in an array of their own, the only array
// every visited tie touches: half the bytes of float64 distances, so more
// of it stays in cache on a million-node network, where the searches are
// bound by these random accesses. sigma and delta are touched only for
// nodes found at the right level.
type brandesState struct {
	level []int32 // -1 when not reached
	sigma []float64
	delta []float64
	order []int32
}

func newBrandesState(n int) *brandesState {
	st := &brandesState{level: make([]int32, n), sigma: make([]float64, n), delta: make([]float64, n), order: make([]int32, 0, n)}
	for i := range st.level {
		st.level[i] = -1
	}
	return st
}

// dependencies runs a breadth-first search from src, then accumulates
// Brandes' dependencies in reverse order of distance, calling add(x,
// delta) for every reached node x other than src. The arithmetic is the
// same, in the same order, as pathState's bfs followed by Betweenness'
// accumulation, so results are identical.
func (st *brandesState) dependencies(s *graph.Snapshot, src int, add func(x int32, delta float64)) {
	level, sigma, delta := st.level, st.sigma, st.delta
	for _, v := range st.order {
		level[v], sigma[v], delta[v] = -1, 0, 0
	}
	off, adj := s.Offsets(), s.Adjacency()
	order := append(st.order[:0], int32(src))
	level[src], sigma[src] = 0, 1
	for head := 0; head < len(order); head++ {
		v := order[head]
		dv, sv := level[v]+1, sigma[v]
		for _, w := range adj[off[v]:off[v+1]] {
			switch level[w] {
			case -1:
				level[w], sigma[w] = dv, sv
				order = append(order, w)
			case dv:
				sigma[w] += sv
			}
		}
	}
	st.order = order
	for i := len(order) - 1; i >= 0; i-- {
		x := order[i]
		coef := (1 + delta[x]) / sigma[x]
		dx := level[x] - 1
		for _, v := range adj[off[x]:off[x+1]] {
			if level[v] == dx {
				delta[v] += sigma[v] * coef
			}
		}
		if int(x) != src {
			add(x, delta[x])
		}
	}
}
