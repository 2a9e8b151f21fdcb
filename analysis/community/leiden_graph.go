package community

import (
	"runtime"
	"sort"
	"sync"

	"github.com/partnet/partnet/graph"
)

// levelGraph is the compressed-sparse-row network one Leiden level works
// on: the snapshot (in canonical node order) at the first level, then the
// aggregate networks. Aggregate networks carry no self ties: a node's
// internal weight never changes a move's gain, and quality is computed on
// the snapshot at the end. a[v] is the node's weight in the objective: its
// strength for modularity (summed over the nodes it stands for), its number
// of organisations for CPM.
type levelGraph struct {
	n   int
	off []int
	adj []int32
	w   []float64
	a   []float64
}

// canonicalOrder returns the nodes sorted by id (shorter ids first, so
// numeric ids sort as numbers), or nil when they already are in that
// order. Leiden runs in this order so that its result does not depend on
// the order of the input rows.
func canonicalOrder(s *graph.Snapshot) []int32 {
	n := s.N()
	ids := make([]string, n)
	sorted := true
	for i := 0; i < n; i++ {
		ids[i] = s.ID(i)
		if i > 0 && idLess(ids[i], ids[i-1]) {
			sorted = false
		}
	}
	if sorted {
		return nil
	}
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	sort.Slice(perm, func(x, y int) bool { return idLess(ids[perm[x]], ids[perm[y]]) })
	return perm
}

// idLess orders ids by length, then bytes.
func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// baseGraph builds the first-level graph from the snapshot in the order
// perm (nil: the snapshot's own order, sharing its arrays).
func baseGraph(s *graph.Snapshot, perm []int32, obj Objective) *levelGraph {
	n := s.N()
	g := &levelGraph{n: n, a: make([]float64, n)}
	if perm == nil {
		g.off, g.adj, g.w = s.Offsets(), s.Adjacency(), s.AdjacencyWeights()
	} else {
		inv := make([]int32, n)
		for k, v := range perm {
			inv[v] = int32(k)
		}
		g.off = make([]int, n+1)
		g.adj = make([]int32, len(s.Adjacency()))
		g.w = make([]float64, len(s.Adjacency()))
		for k, v := range perm {
			start := g.off[k]
			row, ws := s.Neighbours(int(v)), s.Weights(int(v))
			for x, u := range row {
				g.adj[start+x], g.w[start+x] = inv[u], ws[x]
			}
			g.off[k+1] = start + len(row)
			graph.SortRow(g.adj[start:g.off[k+1]], g.w[start:g.off[k+1]])
		}
	}
	for k := 0; k < n; k++ {
		if obj == ObjectiveCPM {
			g.a[k] = 1
		} else {
			g.a[k] = s.Strength(nodeAt(perm, k))
		}
	}
	return g
}

// aggregate collapses each refined community (labels 0..nref-1) of g into
// one node, summing the ties between them and dropping those inside: the
// aggregate network of Leiden's third phase (Traag, Waltman & van Eck
// 2019, Algorithm A.2, AggregateGraph), with tie weight
// W_RS = sum_{u in R, v in S} w_uv for refined communities R != S. It
// returns the aggregate graph and the partition of its nodes induced by
// part (each refined community lies inside one community of part, whose
// labels are dense).
func aggregate(g *levelGraph, refined []int32, nref int32, part []int32) (*levelGraph, []int32) {
	k := int(nref)
	start := make([]int, k+1)
	for _, r := range refined {
		start[r+1]++
	}
	for r := 0; r < k; r++ {
		start[r+1] += start[r]
	}
	members := make([]int32, g.n)
	fill := append([]int(nil), start[:k]...)
	for v, r := range refined {
		members[fill[r]] = int32(v)
		fill[r]++
	}
	next := &levelGraph{n: k, off: make([]int, k+1), a: make([]float64, k)}
	nextPart := make([]int32, k)
	// Two halves of the aggregate nodes are built on two goroutines and
	// joined; each half's rows do not depend on the other's.
	mid := k / 2
	var adj [2][]int32
	var w [2][]float64
	build := func(h, lo, hi int) {
		mark := make([]int32, k)
		pos := make([]int, k)
		ra := make([]int32, 0, len(g.adj)/4)
		rw := make([]float64, 0, len(g.adj)/4)
		for r := lo; r < hi; r++ {
			var a float64
			for _, v := range members[start[r]:start[r+1]] {
				a += g.a[v]
				for e := g.off[v]; e < g.off[v+1]; e++ {
					t := refined[g.adj[e]]
					if int(t) == r {
						continue
					}
					if mark[t] != int32(r)+1 {
						mark[t] = int32(r) + 1
						pos[t] = len(ra)
						ra = append(ra, t)
						rw = append(rw, g.w[e])
					} else {
						rw[pos[t]] += g.w[e]
					}
				}
			}
			next.a[r] = a
			next.off[r+1] = len(ra) // relative to the half; fixed below
			nextPart[r] = part[members[start[r]]]
		}
		adj[h], w[h] = ra, rw
	}
	parallelRange2(len(g.adj), func() { build(0, 0, mid) }, func() { build(1, mid, k) })
	shift := len(adj[0])
	for r := mid + 1; r <= k; r++ {
		next.off[r] += shift
	}
	next.adj = append(adj[0], adj[1]...)
	next.w = append(w[0], w[1]...)
	return next, nextPart
}

// splitDisconnected relabels memb so that every community is connected in
// g: a community made of several components becomes one community per
// component. Labels end dense, numbered by first node.
func splitDisconnected(g *levelGraph, memb []int32) {
	comp := make([]int32, g.n)
	for i := range comp {
		comp[i] = -1
	}
	next := int32(0)
	stack := make([]int32, 0, 64)
	for v := 0; v < g.n; v++ {
		if comp[v] >= 0 {
			continue
		}
		comp[v] = next
		stack = append(stack[:0], int32(v))
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for e := g.off[x]; e < g.off[x+1]; e++ {
				u := g.adj[e]
				if comp[u] < 0 && memb[u] == memb[x] {
					comp[u] = next
					stack = append(stack, u)
				}
			}
		}
		next++
	}
	copy(memb, comp)
}

// parallelRange2 runs a and b on two goroutines when the job is large and
// more than one CPU is available, otherwise one after the other; they must
// write disjoint memory.
func parallelRange2(cost int, a, b func()) {
	if cost < 200_000 || runtime.GOMAXPROCS(0) < 2 {
		a()
		b()
		return
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		b()
	}()
	a()
	wg.Wait()
}
