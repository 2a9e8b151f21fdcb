package community

import "math"

// moveNodesFast is Leiden's fast local moving phase (Traag et al. 2019,
// Algorithm A.2): nodes wait in a queue, first all of them in a seeded
// random order; a node moves to the neighbouring community (or an empty
// one) that raises the quality most, and when it moves, its neighbours
// outside its new community join the queue again. part (dense labels
// below g.n) is updated in place.
//
// The gain of moving node v into community C is w(v, C) - scale a_v A_C,
// with A_C the summed node weight of C without v; scale is gamma/(2m) for
// modularity and gamma for CPM.
func (ld *leidenRun) moveNodesFast(g *levelGraph, part []int32) error {
	n := g.n
	commA := make([]float64, n)
	commN := make([]int32, n)
	for v, c := range part {
		commA[c] += g.a[v]
		commN[c]++
	}
	var empty []int32
	for c := n - 1; c >= 0; c-- {
		if commN[c] == 0 {
			empty = append(empty, int32(c))
		}
	}
	queue := ld.visitOrder(n)
	inQueue := make([]bool, n)
	for v := range inQueue {
		inQueue[v] = true
	}
	acc := make([]float64, n)
	touched := make([]int32, 0, 64)
	small := newNeighbourTable()
	// The dense array wins while it fits in cache; beyond about 64k
	// communities its random accesses miss and the hash table wins.
	useTable := n >= 1<<16
	head, count := 0, n
	scale := ld.scale
	for count > 0 {
		if err := ld.cancelled(); err != nil {
			return err
		}
		v := queue[head]
		head++
		if head == n {
			head = 0
		}
		count--
		inQueue[v] = false

		c0 := part[v]
		av := g.a[v]
		commA[c0] -= av
		commN[c0]--
		lo, hi := g.off[v], g.off[v+1]
		var best int32
		var bestGain, stay float64
		if useTable && hi-lo <= smallDegree {
			best, bestGain, stay = small.best(g, part, commA, lo, hi, c0, scale*av)
		} else {
			// acc[c] > 0 marks a community already in touched: ties of
			// weight <= 0 are skipped, as they cannot make a move worth
			// more than a move to an empty community.
			touched = touched[:0]
			for e := lo; e < hi; e++ {
				w := g.w[e]
				if !(w > 0) {
					continue
				}
				c := part[g.adj[e]]
				if acc[c] == 0 {
					touched = append(touched, c)
				}
				acc[c] += w
			}
			best, bestGain = c0, acc[c0]-scale*av*commA[c0]
			stay = bestGain
			for _, c := range touched {
				if gain := acc[c] - scale*av*commA[c]; gain > bestGain {
					best, bestGain = c, gain
				}
			}
			for _, c := range touched {
				acc[c] = 0
			}
		}
		toEmpty := commN[c0] > 0 && bestGain < 0 && len(empty) > 0
		if toEmpty {
			best, bestGain = empty[len(empty)-1], 0
		}
		if best == c0 || !improves(bestGain, stay) {
			commA[c0] += av
			commN[c0]++
			continue
		}
		if toEmpty {
			empty = empty[:len(empty)-1]
		}
		part[v] = best
		commA[best] += av
		commN[best]++
		if commN[c0] == 0 {
			empty = append(empty, c0)
		}
		for e := lo; e < hi; e++ {
			u := g.adj[e]
			if !inQueue[u] && part[u] != best {
				inQueue[u] = true
				tail := head + count
				if tail >= n {
					tail -= n
				}
				queue[tail] = u
				count++
			}
		}
	}
	return nil
}

// improves reports whether gain beats old by more than rounding noise.
func improves(gain, old float64) bool {
	return gain-old > 1e-12*(math.Abs(gain)+math.Abs(old))
}

// localBlock is the run of consecutive nodes visitOrder keeps together on
// large networks.
const localBlock = 256

// visitOrder is the first order in which local moving visits the nodes: a
// seeded random permutation, except on networks of 1<<16 nodes or more,
// where it is a seeded random permutation of blocks of localBlock
// consecutive nodes, each block in ascending order. Rows of consecutive
// nodes are adjacent in memory and, when ids follow any grouping (a region,
// a file written cluster by cluster), so are their neighbours: on a
// million-node network this halves the cache misses that bound the phase,
// and the order stays random at the scale that matters for quality.
func (ld *leidenRun) visitOrder(n int) []int32 {
	if n < 1<<16 {
		return ld.perm(n)
	}
	blocks := ld.perm((n + localBlock - 1) / localBlock)
	p := make([]int32, 0, n)
	for _, b := range blocks {
		for v := int(b) * localBlock; v < min(int(b+1)*localBlock, n); v++ {
			p = append(p, int32(v))
		}
	}
	return p
}

// perm returns a seeded random permutation of 0..n-1.
func (ld *leidenRun) perm(n int) []int32 {
	p := make([]int32, n)
	for i := range p {
		p[i] = int32(i)
	}
	for i := n - 1; i > 0; i-- {
		j := ld.rng.IntN(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}

// smallDegree is the largest degree whose neighbouring communities are
// summed in a neighbourTable rather than in the dense per-community array.
const smallDegree = 48

// neighbourTable sums a node's tie weight per neighbouring community in a
// small open-addressing hash table that stays in the L1 cache, instead of
// the dense array indexed by community, whose random accesses dominate
// local moving on large sparse networks.
type neighbourTable struct {
	keys [128]int32
	vals [128]float64
	used []uint8
}

func newNeighbourTable() *neighbourTable {
	t := &neighbourTable{used: make([]uint8, 0, 128)}
	for i := range t.keys {
		t.keys[i] = -1
	}
	return t
}

// best returns the neighbouring community with the largest gain
// w(v,C) - sa*commA[C] (ties: the first seen; c0 first of all), that gain,
// and the gain of staying in c0. Visiting order is the row order, as in the
// dense path, so both give the same result.
func (t *neighbourTable) best(g *levelGraph, part []int32, commA []float64, lo, hi int, c0 int32, sa float64) (int32, float64, float64) {
	for e := lo; e < hi; e++ {
		w := g.w[e]
		if !(w > 0) {
			continue
		}
		c := part[g.adj[e]]
		h := uint8(uint32(c)*2654435761>>25) & 127
		for t.keys[h] != c && t.keys[h] >= 0 {
			h = (h + 1) & 127
		}
		if t.keys[h] < 0 {
			t.keys[h] = c
			t.used = append(t.used, h)
		}
		t.vals[h] += w
	}
	h := uint8(uint32(c0)*2654435761>>25) & 127
	for t.keys[h] != c0 && t.keys[h] >= 0 {
		h = (h + 1) & 127
	}
	var w0 float64
	if t.keys[h] == c0 {
		w0 = t.vals[h]
	}
	best, bestGain := c0, w0-sa*commA[c0]
	stay := bestGain
	for _, h := range t.used {
		c := t.keys[h]
		if gain := t.vals[h] - sa*commA[c]; gain > bestGain {
			best, bestGain = c, gain
		}
		t.keys[h], t.vals[h] = -1, 0
	}
	t.used = t.used[:0]
	return best, bestGain, stay
}
