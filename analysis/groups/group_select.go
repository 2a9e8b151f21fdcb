package groups

import (
	"fmt"
	"math"
	"sort"
)

// DefaultSelectionWork bounds the branch-and-bound search over the
// candidate pool when Options.SelectionWork is zero: how many candidates
// it may examine in all (each node examines the candidates after it to
// bound what they can add), about a second on one core.
const DefaultSelectionWork = 200_000_000

// selection is the chosen set of candidates and how good it is.
type selection struct {
	groups [][]int
	total  float64
	// bound is an upper bound on the total of any set of at most
	// maxGroups disjoint candidates; equal to total when exact.
	bound float64
	exact bool
}

// statement says "exact" or "within X of the bound" (X in score points).
func (s selection) statement() string {
	if s.exact {
		return "exact"
	}
	return fmt.Sprintf("within %.2f of the bound", s.bound-s.total)
}

// selectExact picks at most maxGroups pairwise disjoint candidates with the
// highest total score: weighted set packing with a cardinality limit,
// solved by depth-first branch and bound. Candidates are taken in order of
// score (best first); each node either takes the next candidate that fits
// or leaves it out. A node is pruned when its total plus an upper bound on
// what the remaining candidates can add is no better than the best set
// found. The bound is the smaller of two relaxations:
//
//   - count: the sum of the r best remaining candidates disjoint from what
//     is taken, r the groups still allowed (ignoring overlaps among them);
//   - members: the sum, over organisations not yet placed, of the best
//     score per member of any remaining candidate holding it (each
//     candidate's score spread evenly over its members; ignoring the
//     count limit).
//
// Candidates with a score <= 0 never raise a total and are left out. When
// work (candidate examinations) is spent the search stops and the bound
// is the largest bound
// of the parts left unexplored (and the best found so far), so the answer
// states its gap. The pool must be distinct groups of local indices.
func (p *groupProblem) selectExact(pool [][]int, work int) selection {
	if work <= 0 {
		work = DefaultSelectionWork
	}
	spent := 0
	type cand struct {
		g     []int
		score float64
	}
	var cs []cand
	for _, g := range pool {
		if sc := p.score(g).Total; sc > 0 {
			cs = append(cs, cand{g, sc})
		}
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].score != cs[b].score {
			return cs[a].score > cs[b].score
		}
		return groupKey(cs[a].g) < groupKey(cs[b].g)
	})
	// Dominance: a candidate with a proper subset in the pool that scores
	// at least as much can be replaced by that subset in any set (same
	// count, fewer members used), so it never needs to be chosen.
	byFirst := make([][]int, len(p.orgs)) // lowest member -> candidates
	for j, c := range cs {
		byFirst[c.g[0]] = append(byFirst[c.g[0]], j)
	}
	kept := cs[:0:0]
	for _, c := range cs {
		dominated := false
		for _, x := range c.g { // a subset's lowest member is one of c's
			for _, j := range byFirst[x] {
				if d := cs[j]; len(d.g) < len(c.g) && d.score >= c.score && subset(d.g, c.g) {
					dominated = true
					break
				}
			}
			if dominated {
				break
			}
		}
		if !dominated {
			kept = append(kept, c)
		}
	}
	cs = kept
	used := make([]bool, len(p.orgs))
	fits := func(i int) bool {
		for _, x := range cs[i].g {
			if used[x] {
				return false
			}
		}
		return true
	}
	perMember := make([]float64, len(p.orgs))
	// byCount: the r best remaining candidates that fit.
	byCount := func(i, r int) float64 {
		var sum float64
		for j := i; j < len(cs) && r > 0; j++ {
			spent++
			if fits(j) {
				sum += cs[j].score
				r--
			}
		}
		return sum
	}
	// byMember: the best per-member share of each organisation not yet
	// placed.
	byMember := func(i int) float64 {
		var sum float64
		var touched []int
		for j := i; j < len(cs); j++ {
			spent++
			if !fits(j) {
				continue
			}
			share := cs[j].score / float64(len(cs[j].g))
			for _, x := range cs[j].g {
				if perMember[x] == 0 {
					touched = append(touched, x)
				}
				perMember[x] = math.Max(perMember[x], share)
			}
		}
		for _, x := range touched {
			sum += perMember[x]
			perMember[x] = 0
		}
		return sum
	}
	// bound returns an upper bound on what candidates from i on can add
	// with r groups left, or a value that already fails against need (the
	// cheaper count bound is tried first).
	bound := func(i, r int, need float64) float64 {
		if r == 0 {
			return 0
		}
		b := byCount(i, r)
		if b <= need {
			return b
		}
		return math.Min(b, byMember(i))
	}
	var best []int
	bestTotal := 0.0
	var pick []int
	openBound := math.Inf(-1) // largest bound of a part left unexplored
	stopped := false
	leaf := false // a first full descent was made
	const eps = 1e-9
	var search func(i, r int, total float64)
	search = func(i, r int, total float64) {
		if total > bestTotal+eps {
			bestTotal, best = total, append(best[:0], pick...)
		}
		// Skip candidates that no longer fit.
		for i < len(cs) && !fits(i) {
			i++
		}
		if r == 0 || i == len(cs) {
			leaf = true
			return
		}
		b := bound(i, r, bestTotal+eps-total)
		if total+b <= bestTotal+eps {
			return
		}
		if stopped || (spent >= work && leaf) { // the first descent (greedy) always completes
			stopped = true
			openBound = math.Max(openBound, total+b)
			return
		}
		for _, x := range cs[i].g {
			used[x] = true
		}
		pick = append(pick, i)
		search(i+1, r-1, total+cs[i].score)
		pick = pick[:len(pick)-1]
		for _, x := range cs[i].g {
			used[x] = false
		}
		search(i+1, r, total)
	}
	search(0, p.maxGroups, 0)
	out := selection{total: bestTotal, bound: math.Max(bestTotal, openBound), exact: !stopped}
	if out.exact {
		out.bound = bestTotal
	}
	for _, i := range best {
		out.groups = append(out.groups, cs[i].g)
	}
	return out
}

// subset reports whether ascending a is contained in ascending b.
func subset(a, b []int) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
	}
	return true
}
