package community

import (
	"math"
	"math/rand/v2"
)

// refine is Leiden's refinement phase (Traag et al. 2019, Algorithm A.2,
// RefinePartition and MergeNodesSubset): inside each community of part
// (dense labels 0..count-1), start from singletons and visit the nodes in
// a seeded random order; a node that is still alone and well connected to
// its community (its tie weight to the rest of the community is at least
// scale a_v (A_C - a_v)) joins a well-connected sub-community T of the same
// community (one whose tie weight to the rest of the community is at least
// scale A_T (A_C - A_T)), chosen at random with probability proportional to
// exp(gain/theta) among those with gain >= 0; staying alone has gain 0.
// Candidates whose weight exp((gain - best)/theta) is below e^-40 are
// dropped. Merging only along ties keeps every sub-community connected. It
// returns the sub-community labels (dense) and how many there are.
//
// Communities are refined independently, each with its own generator
// seeded from ld.rng and the community's label, so the work is split
// across two goroutines without changing the result. Inside a community
// nodes get local indices, which keeps the per-sub-community arrays small
// and in cache.
func (ld *leidenRun) refine(g *levelGraph, part []int32, count int) ([]int32, int32) {
	n := g.n
	start := make([]int, count+1)
	for _, c := range part {
		start[c+1]++
	}
	for c := 0; c < count; c++ {
		start[c+1] += start[c]
	}
	members := make([]int32, n)
	key := make([]uint64, n) // community << 32 | local index
	fill := append([]int(nil), start[:count]...)
	for v, c := range part {
		i := fill[c]
		fill[c]++
		members[i] = int32(v)
		key[v] = uint64(c)<<32 | uint64(i-start[c])
	}
	ref := make([]int32, n)
	base := ld.rng.Uint64()
	// Split the communities into two runs of about equal node counts.
	mid := 0
	for mid < count && start[mid] < n/2 {
		mid++
	}
	r := &refiner{g: g, key: key, scale: ld.scale, theta: ld.theta}
	work := func(lo, hi int) {
		rc := *r
		for c := lo; c < hi; c++ {
			rc.community(members[start[c]:start[c+1]], c, start[c], rand.New(rand.NewPCG(base, uint64(c))), ref)
		}
	}
	if mid > 0 && mid < count {
		parallelRange2(len(g.adj), func() { work(0, mid) }, func() { work(mid, count) })
	} else {
		work(0, count)
	}
	return ref, renumber(ref)
}

// refiner holds one goroutine's scratch space for refining communities.
type refiner struct {
	g            *levelGraph
	key          []uint64
	scale, theta float64

	sub     []subCommunity
	lref    []int32
	merged  []bool
	acc     []float64
	order   []int32
	touched []int32
	cands   []int32
	diffs   []float64
}

// subCommunity is the refinement's record of a sub-community: its node
// weight, and its tie weight to the rest of its community.
type subCommunity struct {
	a, ext float64
}

// community refines one community whose nodes are mem (community label c);
// sub-community labels written to ref are offset+local anchor index.
func (r *refiner) community(mem []int32, c int, offset int, rng *rand.Rand, ref []int32) {
	k := len(mem)
	if k == 1 {
		ref[mem[0]] = int32(offset)
		return
	}
	r.grow(k)
	g, key, scale := r.g, r.key, r.scale
	hiC := uint64(c) << 32
	var commA float64
	for i, v := range mem {
		var ext float64
		for e := g.off[v]; e < g.off[v+1]; e++ {
			if key[g.adj[e]]&^0xffffffff == hiC {
				ext += g.w[e]
			}
		}
		r.sub[i] = subCommunity{a: g.a[v], ext: ext}
		r.lref[i] = int32(i)
		r.merged[i] = false
		r.order[i] = int32(i)
		commA += g.a[v]
	}
	order := r.order[:k]
	for i := k - 1; i > 0; i-- {
		j := rng.IntN(i + 1)
		order[i], order[j] = order[j], order[i]
	}
	sub, lref, acc := r.sub, r.lref, r.acc
	for _, i := range order {
		if r.merged[i] {
			continue
		}
		v := mem[i]
		av, extV := sub[i].a, sub[i].ext
		if extV < scale*av*(commA-av) {
			continue
		}
		sub[i] = subCommunity{}
		touched := r.touched[:0]
		for e := g.off[v]; e < g.off[v+1]; e++ {
			w := g.w[e]
			x := key[g.adj[e]]
			if x&^0xffffffff != hiC || !(w > 0) {
				continue
			}
			t := lref[uint32(x)]
			if acc[t] == 0 {
				touched = append(touched, t)
			}
			acc[t] += w
		}
		cands, diffs := append(r.cands[:0], i), append(r.diffs[:0], 0)
		maxDiff := 0.0
		for _, t := range touched {
			st := sub[t]
			if st.ext < scale*st.a*(commA-st.a) {
				continue
			}
			if d := acc[t] - scale*av*st.a; d >= 0 {
				cands = append(cands, t)
				diffs = append(diffs, d)
				maxDiff = max(maxDiff, d)
			}
		}
		target := r.choose(cands, diffs, maxDiff, rng)
		wT := acc[target]
		if target == i {
			wT = 0
		}
		for _, t := range touched {
			acc[t] = 0
		}
		r.touched, r.cands, r.diffs = touched, cands, diffs
		lref[i] = target
		sub[target].a += av
		sub[target].ext += extV - 2*wT
		if target != i {
			r.merged[i], r.merged[target] = true, true
		}
	}
	for i, v := range mem {
		ref[v] = int32(offset) + lref[i]
	}
}

// choose picks a candidate with probability proportional to
// exp((diff - maxDiff)/theta), skipping those below e^-40.
func (r *refiner) choose(cands []int32, diffs []float64, maxDiff float64, rng *rand.Rand) int32 {
	if len(cands) == 1 {
		return cands[0]
	}
	var sum float64
	for i, d := range diffs {
		x := (d - maxDiff) / r.theta
		if x < -40 {
			diffs[i] = 0
			continue
		}
		diffs[i] = math.Exp(x)
		sum += diffs[i]
	}
	u := rng.Float64() * sum
	for i, p := range diffs {
		if p > 0 && u < p {
			return cands[i]
		}
		u -= p
	}
	for i := len(cands) - 1; i >= 0; i-- { // rounding left u just above the sum
		if diffs[i] > 0 {
			return cands[i]
		}
	}
	return cands[0]
}

// grow makes the scratch slices hold at least k entries.
func (r *refiner) grow(k int) {
	if len(r.sub) >= k {
		return
	}
	r.sub = make([]subCommunity, k)
	r.lref = make([]int32, k)
	r.merged = make([]bool, k)
	r.acc = make([]float64, k)
	r.order = make([]int32, k)
}
