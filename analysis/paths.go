package analysis

import (
	"context"
	"math"
	"sync"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
)

// pathEpsilon is the relative tolerance under which two weighted path
// lengths count as equal, as in igraph (IGRAPH_SHORTEST_PATH_EPSILON): with
// distances 1/weight, 1/2 + 1/6 and 1/3 + 1/3 are both shortest.
const pathEpsilon = 1e-10

// sameLength reports whether path lengths a and b are equal within
// pathEpsilon relative to their sum (igraph_cmp_epsilon).
func sameLength(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) < pathEpsilon*(math.Abs(a)+math.Abs(b))
}

// shorter reports whether a is shorter than b by more than the tolerance.
func shorter(a, b float64) bool { return a < b && !sameLength(a, b) }

// pathState holds one worker's single-source shortest-path arrays. After a
// search, order lists the reached nodes in non-decreasing distance (the
// source first), dist their distances and sigma their shortest-path counts.
// Unreached nodes have dist +Inf.
type pathState struct {
	dist  []float64
	sigma []float64
	delta []float64
	order []int32
	heap  nodeHeap
}

func newPathState(n int) *pathState {
	p := &pathState{
		dist:  make([]float64, n),
		sigma: make([]float64, n),
		delta: make([]float64, n),
		order: make([]int32, 0, n),
	}
	for i := range p.dist {
		p.dist[i] = math.Inf(1)
	}
	p.heap.pos = make([]int32, n)
	for i := range p.heap.pos {
		p.heap.pos[i] = notQueued
	}
	return p
}

// reset clears what the last search touched.
func (p *pathState) reset() {
	for _, v := range p.order {
		p.dist[v] = math.Inf(1)
		p.sigma[v] = 0
		p.delta[v] = 0
		p.heap.pos[v] = notQueued
	}
	p.order = p.order[:0]
}

// search runs a breadth-first search (weighted false) or Dijkstra with
// distance 1/weight (weighted true) from src. Ties of zero weight have
// infinite length and are never used by the weighted search.
func (p *pathState) search(s *graph.Snapshot, src int, weighted bool) {
	p.reset()
	if weighted {
		p.dijkstra(s, src)
	} else {
		p.bfs(s, src)
	}
}

func (p *pathState) bfs(s *graph.Snapshot, src int) {
	off, adj := s.Offsets(), s.Adjacency()
	p.dist[src], p.sigma[src] = 0, 1
	p.order = append(p.order, int32(src))
	for head := 0; head < len(p.order); head++ {
		v := p.order[head]
		dv := p.dist[v] + 1
		for _, w := range adj[off[v]:off[v+1]] {
			switch {
			case math.IsInf(p.dist[w], 1):
				p.dist[w] = dv
				p.sigma[w] = p.sigma[v]
				p.order = append(p.order, w)
			case p.dist[w] == dv:
				p.sigma[w] += p.sigma[v]
			}
		}
	}
}

func (p *pathState) dijkstra(s *graph.Snapshot, src int) {
	off, adj, wts := s.Offsets(), s.Adjacency(), s.AdjacencyWeights()
	h := &p.heap
	h.items = h.items[:0]
	p.dist[src], p.sigma[src] = 0, 1
	h.push(int32(src), 0)
	for len(h.items) > 0 {
		v := h.pop()
		h.pos[v] = settled
		p.order = append(p.order, v)
		for k := off[v]; k < off[v+1]; k++ {
			if wts[k] <= 0 {
				continue
			}
			w := adj[k]
			if h.pos[w] == settled {
				continue
			}
			nd := p.dist[v] + 1/wts[k]
			switch {
			case math.IsInf(p.dist[w], 1):
				p.dist[w] = nd
				p.sigma[w] = p.sigma[v]
				h.push(w, nd)
			case shorter(nd, p.dist[w]):
				p.dist[w] = nd
				p.sigma[w] = p.sigma[v]
				h.decrease(w, nd)
			case sameLength(nd, p.dist[w]):
				p.sigma[w] += p.sigma[v]
			}
		}
	}
}

// isPred reports whether v lies just before w on a shortest path, given the
// tie between them has length c (1 unweighted, 1/weight weighted).
func (p *pathState) isPred(v, w int32, c float64, weighted bool) bool {
	if weighted {
		return p.dist[v] < p.dist[w] && sameLength(p.dist[v]+c, p.dist[w])
	}
	return p.dist[v]+1 == p.dist[w]
}

// Heap positions with a meaning of their own.
const (
	notQueued int32 = -1
	settled   int32 = -2
)

// nodeHeap is a binary min-heap of nodes keyed by dist (then node index),
// with each node's position kept in pos so that a shorter distance moves
// the node up in place: the heap never holds more than n entries. Each
// entry carries its key, so comparisons read the heap array alone rather
// than dist at random (on a million-node network those reads missed the
// cache); the order is the same.
type nodeHeap struct {
	items []heapItem
	pos   []int32
}

type heapItem struct {
	d float64
	v int32
}

func (a heapItem) less(b heapItem) bool {
	if a.d != b.d {
		return a.d < b.d
	}
	return a.v < b.v
}

func (h *nodeHeap) push(v int32, d float64) {
	h.items = append(h.items, heapItem{d, v})
	h.pos[v] = int32(len(h.items) - 1)
	h.up(len(h.items) - 1)
}

// decrease lowers queued node v's key to d.
func (h *nodeHeap) decrease(v int32, d float64) {
	i := int(h.pos[v])
	h.items[i].d = d
	h.up(i)
}

func (h *nodeHeap) up(i int) {
	it := h.items
	x := it[i]
	for i > 0 {
		parent := (i - 1) / 2
		if !x.less(it[parent]) {
			break
		}
		it[i] = it[parent]
		h.pos[it[i].v] = int32(i)
		i = parent
	}
	it[i] = x
	h.pos[x.v] = int32(i)
}

func (h *nodeHeap) pop() int32 {
	it := h.items
	top := it[0].v
	last := it[len(it)-1]
	it = it[:len(it)-1]
	h.items = it
	if len(it) == 0 {
		return top
	}
	i := 0
	for {
		l := 2*i + 1
		if l >= len(it) {
			break
		}
		m := l
		if r := l + 1; r < len(it) && it[r].less(it[l]) {
			m = r
		}
		if !it[m].less(last) {
			break
		}
		it[i] = it[m]
		h.pos[it[i].v] = int32(i)
		i = m
	}
	it[i] = last
	h.pos[last.v] = int32(i)
	return top
}

// eachSource runs fn for every source on workers goroutines, each with its
// own pathState. Sources are split into contiguous chunks, one per worker,
// so which worker sees which source (and so every floating-point sum) is
// fixed for a given worker count. It stops early and returns ctx.Err() when
// ctx is cancelled.
func eachSource(ctx context.Context, n int, sources []int32, workers int, fn func(worker int, st *pathState, src int)) error {
	return eachSourceWith(ctx, sources, workers, func() *pathState { return newPathState(n) }, fn)
}

// eachSourceWith is eachSource with per-worker state made by newState.
func eachSourceWith[T any](ctx context.Context, sources []int32, workers int, newState func() T, fn func(worker int, st T, src int)) error {
	workers = parallel.Workers(workers, len(sources))
	chunk := (len(sources) + workers - 1) / workers
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, len(sources))
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func(w int, part []int32) {
			defer wg.Done()
			st := newState()
			for k, src := range part {
				if k%32 == 0 {
					if err := ctx.Err(); err != nil {
						errs[w] = err
						return
					}
				}
				fn(w, st, int(src))
			}
		}(w, sources[lo:hi])
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// allSources returns 0..n-1.
func allSources(n int) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = int32(i)
	}
	return s
}
