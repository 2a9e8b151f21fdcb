package analysis

import "github.com/partnet/partnet/graph"

// CoreNumber returns each node's k-core number: the largest k such that the
// node belongs to a subgraph in which every node has degree >= k (networkx
// core_number, igraph coreness). It uses Batagelj and Zaversnik's O(m)
// bucket algorithm (arXiv cs/0310049). Isolates have core 0; weights are
// ignored.
func CoreNumber(s *graph.Snapshot) []int {
	n := s.N()
	off, adj := s.Offsets(), s.Adjacency()
	// Four int32 arrays over the CSR rows: deg (current degree, then the
	// core), vert (nodes in order of current degree), pos (each node's
	// place in vert) and bin (where each degree starts in vert). Nothing is
	// allocated per node.
	deg := make([]int32, n)
	maxDeg := int32(0)
	for i := range deg {
		deg[i] = int32(off[i+1] - off[i])
		maxDeg = max(maxDeg, deg[i])
	}
	bin := make([]int32, maxDeg+1)
	for _, d := range deg {
		bin[d]++
	}
	start := int32(0)
	for d := range bin {
		c := bin[d]
		bin[d] = start
		start += c
	}
	pos := make([]int32, n)
	vert := make([]int32, n)
	for v, d := range deg {
		pos[v] = bin[d]
		vert[pos[v]] = int32(v)
		bin[d]++
	}
	for d := maxDeg; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	if len(bin) > 0 {
		bin[0] = 0
	}
	for i := 0; i < n; i++ {
		v := vert[i]
		dv := deg[v]
		for _, u := range adj[off[v]:off[v+1]] {
			if du := deg[u]; du > dv {
				pu, pw := pos[u], bin[du]
				if w := vert[pw]; u != w {
					pos[u], pos[w] = pw, pu
					vert[pu], vert[pw] = w, u
				}
				bin[du]++
				deg[u] = du - 1
			}
		}
	}
	out := make([]int, n)
	for i, d := range deg {
		out[i] = int(d)
	}
	return out
}
