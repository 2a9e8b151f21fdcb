package analysis

import "github.com/partnet/partnet/graph"

// weightedDependencies runs Dijkstra from src with distance 1/weight (ties
// of zero weight are not paths) and accumulates Brandes' dependencies,
// calling add(x, delta) for every reached node x other than src, in
// reverse order of distance. Afterwards order and dist hold the reached
// nodes and their distances, as after search(s, src, true).
//
// A node's shortest-path count is taken when it is settled, from its
// already settled neighbours u with dist(u) + 1/w(u,x) equal to its own
// distance (within pathEpsilon, the test the dependency pass used to make
// over every tie); those predecessors are recorded one after another
// (preds, grouped by the node's place in order, end closing each group),
// so the dependency pass reads only them instead of every tie again.
// Distances and the order of every sum are as before, so results are the
// same (path counts are whole numbers, added exactly).
func (p *pathState) weightedDependencies(s *graph.Snapshot, src int, add func(x int32, delta float64)) {
	p.reset()
	off, adj, wts := s.Offsets(), s.Adjacency(), s.AdjacencyWeights()
	dist, sigma, delta := p.dist, p.sigma, p.delta
	h := &p.heap
	h.items = h.items[:0]
	preds, end := p.preds[:0], p.end[:0]
	dist[src] = 0
	h.push(int32(src), 0)
	for len(h.items) > 0 {
		v := h.pop()
		h.pos[v] = settled
		p.order = append(p.order, v)
		dv := dist[v]
		var sg float64
		if int(v) == src {
			sg = 1
		}
		for k := off[v]; k < off[v+1]; k++ {
			if wts[k] <= 0 {
				continue
			}
			w := adj[k]
			c := 1 / wts[k]
			if h.pos[w] == settled {
				if dist[w] < dv && sameLength(dist[w]+c, dv) {
					sg += sigma[w]
					preds = append(preds, w)
				}
				continue
			}
			nd := dv + c
			switch {
			case h.pos[w] == notQueued:
				dist[w] = nd
				h.push(w, nd)
			case shorter(nd, dist[w]):
				dist[w] = nd
				h.decrease(w, nd)
			}
		}
		sigma[v] = sg
		end = append(end, int32(len(preds)))
	}
	p.preds, p.end = preds, end
	order := p.order
	for i := len(order) - 1; i >= 0; i-- {
		x := order[i]
		var start int32
		if i > 0 {
			start = end[i-1]
		}
		coef := (1 + delta[x]) / sigma[x]
		for _, v := range preds[start:end[i]] {
			delta[v] += sigma[v] * coef
		}
		if int(x) != src {
			add(x, delta[x])
		}
	}
}
