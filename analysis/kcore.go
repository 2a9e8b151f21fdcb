package analysis

import "github.com/partnet/partnet/graph"

// CoreNumber returns each node's k-core number: the largest k such that the
// node belongs to a subgraph in which every node has degree >= k (networkx
// core_number, igraph coreness). It uses Batagelj and Zaversnik's O(m)
// bucket algorithm (arXiv cs/0310049). Isolates have core 0; weights are
// ignored.
func CoreNumber(s *graph.Snapshot) []int {
	n := s.N()
	deg := make([]int, n)
	maxDeg := 0
	for i := range deg {
		deg[i] = s.Degree(i)
		maxDeg = max(maxDeg, deg[i])
	}
	bin := make([]int, maxDeg+1)
	for _, d := range deg {
		bin[d]++
	}
	start := 0
	for d := range bin {
		c := bin[d]
		bin[d] = start
		start += c
	}
	pos := make([]int, n)
	vert := make([]int, n)
	for v, d := range deg {
		pos[v] = bin[d]
		vert[pos[v]] = v
		bin[d]++
	}
	for d := maxDeg; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	if maxDeg >= 0 && len(bin) > 0 {
		bin[0] = 0
	}
	for i := 0; i < n; i++ {
		v := vert[i]
		for _, u32 := range s.Neighbours(v) {
			u := int(u32)
			if deg[u] > deg[v] {
				du, pu := deg[u], pos[u]
				pw := bin[du]
				w := vert[pw]
				if u != w {
					pos[u], pos[w] = pw, pu
					vert[pu], vert[pw] = w, u
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	return deg
}
