package analysis

// brandesState is one worker's arrays for unweighted Brandes searches.
// Distances are int32 levels in an array of their own, the only array
// every visited tie touches: half the bytes of float64 distances, so more
// of it stays in cache on a million-node network, where the searches are
// bound by these random accesses. sigma is touched only for nodes found at
// the right level.
//
// The forward search also records each node's successors in the
// shortest-path DAG (succ, grouped by the node's place in order, end[i]
// closing order[i]'s group), written one after another as they are found.
// The dependency pass then reads only those arcs, in reverse order, with
// no level test: on the harness's 100k network it costs a fifth of the
// time the second pass over every tie took, and the whole search about
// two thirds (BenchmarkFileBrandes).
type brandesState struct {
	level []int32 // -1 when not reached
	sigma []float64
	// delta holds, once a node's dependency is known, (1 + delta)/sigma:
	// the factor its predecessors multiply by their own sigma.
	delta []float64
	order []int32
	succ  []int32
	end   []int32
}

func newBrandesState(n int) *brandesState {
	st := &brandesState{level: make([]int32, n), sigma: make([]float64, n), delta: make([]float64, n), order: make([]int32, 0, n), end: make([]int32, 0, n)}
	for i := range st.level {
		st.level[i] = -1
	}
	return st
}

// dependencies runs a breadth-first search from src over the CSR arrays
// off and adj, then accumulates Brandes' dependencies in reverse order of
// distance, calling add(x, delta) for every reached node x other than src
// (in that reverse order). Afterwards order holds the reached nodes in
// breadth-first order and level their distances.
//
// Brandes: delta(v) = sum over successors w of sigma(v)/sigma(w) *
// (1 + delta(w)); here sigma(v) times the sum of the successors' stored
// (1 + delta(w))/sigma(w).
func (st *brandesState) dependencies(off []int, adj []int32, src int, add func(x int32, delta float64)) {
	level, sigma, delta := st.level, st.sigma, st.delta
	for _, v := range st.order {
		level[v], sigma[v] = -1, 0
	}
	order := append(st.order[:0], int32(src))
	succ, end := st.succ[:0], st.end[:0]
	level[src], sigma[src] = 0, 1
	for head := 0; head < len(order); head++ {
		v := order[head]
		dv, sv := level[v]+1, sigma[v]
		for _, w := range adj[off[v]:off[v+1]] {
			switch level[w] {
			case -1:
				level[w], sigma[w] = dv, sv
				order = append(order, w)
				succ = append(succ, w)
			case dv:
				sigma[w] += sv
				succ = append(succ, w)
			}
		}
		end = append(end, int32(len(succ)))
	}
	st.order, st.succ, st.end = order, succ, end
	for i := len(order) - 1; i >= 0; i-- {
		x := order[i]
		var start int32
		if i > 0 {
			start = end[i-1]
		}
		var acc float64
		for _, w := range succ[start:end[i]] {
			acc += delta[w]
		}
		d := sigma[x] * acc
		if int(x) != src {
			add(x, d)
		}
		delta[x] = (1 + d) / sigma[x]
	}
}
