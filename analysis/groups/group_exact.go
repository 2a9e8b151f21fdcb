package groups

import "math/bits"

// exact finds, among all valid groups of the (few) eligible organisations,
// the set of at most maxGroups disjoint groups with the highest total
// score, by dynamic programming over subsets: best(mask, k) is the best
// total using only organisations in mask and at most k groups; the lowest
// organisation in mask is either left out or placed in a valid group
// inside mask:
//
//	best(mask, k) = max( best(mask \ {v}, k),
//	                     max over valid g with v in g, g within mask of
//	                     score(g) + best(mask \ g, k-1) ),  v = min(mask)
//
// with best(0, k) = best(mask, 0) = 0 (dynamic programming over subsets,
// as in Held & Karp 1962, applied to weighted set packing).
// Groups with no tie inside, or a score <= 0, are never
// chosen. Feasible up to about 16 organisations.
func (p *groupProblem) exact() [][]int {
	n := len(p.orgs)
	if n == 0 {
		return nil
	}
	type cand struct {
		mask  uint32
		score float64
	}
	byLow := make([][]cand, n) // valid groups by their lowest member
	for mask := uint32(1); mask < 1<<n; mask++ {
		size := bits.OnesCount32(mask)
		if size < p.minSize || size > p.maxSize {
			continue
		}
		g := maskMembers(mask)
		if !p.valid(g) {
			continue
		}
		sc := p.score(g)
		if sc.InsideWeight <= 0 || sc.Total <= 0 {
			continue
		}
		low := bits.TrailingZeros32(mask)
		byLow[low] = append(byLow[low], cand{mask, sc.Total})
	}
	kMax := min(p.maxGroups, n/p.minSize)
	type state struct {
		total float64
		pick  uint32 // group containing the lowest member, or 0
	}
	memo := make([]map[uint32]state, kMax+1)
	for k := range memo {
		memo[k] = map[uint32]state{}
	}
	var best func(mask uint32, k int) state
	best = func(mask uint32, k int) state {
		if mask == 0 || k == 0 {
			return state{}
		}
		if s, ok := memo[k][mask]; ok {
			return s
		}
		low := bits.TrailingZeros32(mask)
		out := best(mask&^(1<<low), k)
		out.pick = 0
		for _, c := range byLow[low] {
			if c.mask&^mask != 0 {
				continue
			}
			if t := c.score + best(mask&^c.mask, k-1).total; t > out.total+1e-12 {
				out = state{total: t, pick: c.mask}
			}
		}
		memo[k][mask] = out
		return out
	}
	var chosen [][]int
	mask, k := uint32(1<<n-1), kMax
	for mask != 0 && k > 0 {
		s := best(mask, k)
		low := bits.TrailingZeros32(mask)
		if s.pick == 0 {
			mask &^= 1 << low
			continue
		}
		chosen = append(chosen, maskMembers(s.pick))
		mask &^= s.pick
		k--
	}
	return chosen
}

func maskMembers(mask uint32) []int {
	var g []int
	for mask != 0 {
		i := bits.TrailingZeros32(mask)
		g = append(g, i)
		mask &^= 1 << i
	}
	return g
}
