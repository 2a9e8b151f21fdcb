package groups

import (
	"fmt"
	"sort"
)

// The candidate pool: groups the selection chooses from. Leiden clusters
// follow the densest ties, and shared police, fire and resilience areas
// pull them along county lines, so a partnership that crosses a county
// border (two districts sharing one officer team) would never be a
// candidate if clusters were the only source. The pool therefore also
// holds every arrangement's eligible members, every small connected set
// joined by shared management or shared service ties, and unions of those.

// DefaultPoolLimit bounds the candidates drawn from arrangements, shared
// ties and unions when Options.PoolLimit is zero.
const DefaultPoolLimit = 100_000

// SharedSetSize is the largest connected set of shared-management or
// shared-service ties taken whole as a candidate.
const SharedSetSize = 5

// deepKinds are the kinds whose ties join organisations into connected
// candidate sets: staff and budgets already shared.
var deepKinds = map[string]bool{"shared_management": true, "shared_service": true}

// candidatePool returns every distinct valid candidate with joint working
// inside and a positive score, ascending by member list, and a note of
// its sources.
func (p *groupProblem) candidatePool(runs [][][]int) ([][]int, string) {
	limit := p.opts.PoolLimit
	if limit <= 0 {
		limit = DefaultPoolLimit
	}
	seen := map[string]bool{}
	var pool [][]int
	add := func(g []int) bool {
		if len(g) < p.minSize || len(g) > p.maxSize {
			return false
		}
		k := groupKey(g)
		if seen[k] {
			return false
		}
		seen[k] = true
		if !p.valid(g) {
			return false
		}
		if sc := p.score(g); sc.InsideWeight <= 0 || sc.Total <= 0 {
			return false
		}
		pool = append(pool, g)
		return true
	}
	clusters := 0
	for _, r := range runs {
		for _, g := range r {
			if add(g) {
				clusters++
			}
		}
	}
	arrs := p.arrangementSets()
	shared, sharedCut := p.sharedSets(limit)
	arrN, sharedN := 0, 0
	var base [][]int
	for _, g := range arrs {
		if len(g) <= p.maxSize {
			base = append(base, g)
		}
		if add(g) {
			arrN++
		} else if rep := p.repair(g); rep != nil && add(rep) {
			arrN++
		}
	}
	for _, g := range shared {
		base = append(base, g)
		if add(g) {
			sharedN++
		}
	}
	unionN, unionCut := p.addUnions(base, limit, add)
	sort.Slice(pool, func(a, b int) bool { return groupKey(pool[a]) < groupKey(pool[b]) })
	note := fmt.Sprintf("%d from clusters, %d from arrangements, %d from shared management or service ties, %d unions", clusters, arrN, sharedN, unionN)
	if sharedCut || unionCut {
		note += fmt.Sprintf(", cut at the pool limit of %d", limit)
	}
	return pool, note
}

// addUnions offers the union of every two base sets that share a member
// or a shared-management or shared-service tie, up to limit pairs
// examined; it returns how many unions add took and whether the limit
// cut the pairs short.
func (p *groupProblem) addUnions(base [][]int, limit int, add func([]int) bool) (int, bool) {
	inH := p.sharedTies()
	bySet := make([][]int, len(p.orgs)) // member -> base sets holding it
	for i, g := range base {
		for _, x := range g {
			bySet[x] = append(bySet[x], i)
		}
	}
	stamp := make([]int, len(base))
	for i := range stamp {
		stamp[i] = -1
	}
	added, examined := 0, 0
	for i, a := range base {
		var near []int
		mark := func(x int) {
			for _, j := range bySet[x] {
				if j > i && stamp[j] != i {
					stamp[j] = i
					near = append(near, j)
				}
			}
		}
		for _, x := range a {
			mark(x)
			for _, u := range inH[x] {
				mark(u)
			}
		}
		sort.Ints(near)
		for _, j := range near {
			if examined >= limit {
				return added, true
			}
			examined++
			u := with(a, base[j])
			if len(u) > p.maxSize || len(u) < p.minSize || len(u) == len(a) || len(u) == len(base[j]) {
				continue
			}
			if add(u) {
				added++
			}
		}
	}
	return added, false
}

// arrangementSets returns each arrangement's eligible members (local
// indices, ascending) where there are at least two, in arrangement order.
func (p *groupProblem) arrangementSets() [][]int {
	var out [][]int
	for ai := 0; ai < p.net.NumArrangements(); ai++ {
		if !p.mask.arr[ai] {
			continue
		}
		var g []int
		for _, m := range p.net.ArrangementMembers(ai) {
			if l := p.local[m]; l >= 0 {
				g = append(g, int(l))
			}
		}
		if len(g) >= 2 {
			sort.Ints(g)
			out = append(out, uniqueInts(g))
		}
	}
	return out
}

// sharedTies returns, for each eligible organisation, the eligible
// organisations it shares management or a service with (a recorded
// partnership or an arrangement of those kinds), ascending.
func (p *groupProblem) sharedTies() [][]int {
	adj := make([][]int, len(p.orgs))
	link := func(a, b int32) {
		if a >= 0 && b >= 0 && a != b {
			adj[a] = append(adj[a], int(b))
			adj[b] = append(adj[b], int(a))
		}
	}
	for i := 0; i < p.net.NumPartnerships(); i++ {
		if p.mask.part[i] && deepKinds[p.net.PartnershipKind(i)] {
			a, b := p.net.PartnershipEnds(i)
			link(p.local[a], p.local[b])
		}
	}
	for ai := 0; ai < p.net.NumArrangements(); ai++ {
		if !p.mask.arr[ai] || !deepKinds[p.net.Arrangement(ai).Kind] {
			continue
		}
		ms := p.net.ArrangementMembers(ai)
		for x := range ms {
			for y := x + 1; y < len(ms); y++ {
				link(p.local[ms[x]], p.local[ms[y]])
			}
		}
	}
	for i := range adj {
		sort.Ints(adj[i])
		adj[i] = uniqueInts(adj[i])
	}
	return adj
}

// sharedSets enumerates every connected set of 2 to SharedSetSize (at
// most maxSize) eligible organisations in the shared-ties graph, each
// once (Wernicke's ESU algorithm, 2006: a set is grown from its lowest
// vertex, adding only exclusive neighbours). cut reports whether limit
// stopped it.
func (p *groupProblem) sharedSets(limit int) (sets [][]int, cut bool) {
	adj := p.sharedTies()
	k := min(SharedSetSize, p.maxSize)
	inSub := make([]bool, len(adj))
	nbr := make([]int, len(adj)) // how many members of the set x neighbours
	var sub []int
	var extend func(ext []int, v int)
	extend = func(ext []int, v int) {
		if len(sub) >= 2 {
			g := append([]int(nil), sub...)
			sort.Ints(g)
			sets = append(sets, g)
		}
		if len(sub) == k || len(sets) >= limit {
			cut = cut || len(sets) >= limit
			return
		}
		for len(ext) > 0 {
			w := ext[len(ext)-1]
			ext = ext[:len(ext)-1]
			// Exclusive neighbours of w: above v, not in the set nor next
			// to it.
			next := append([]int(nil), ext...)
			for _, u := range adj[w] {
				if u > v && !inSub[u] && nbr[u] == 0 {
					next = append(next, u)
				}
			}
			sub = append(sub, w)
			inSub[w] = true
			for _, u := range adj[w] {
				nbr[u]++
			}
			extend(next, v)
			for _, u := range adj[w] {
				nbr[u]--
			}
			inSub[w] = false
			sub = sub[:len(sub)-1]
			if len(sets) >= limit {
				cut = true
				return
			}
		}
	}
	for v := range adj {
		if len(adj[v]) == 0 {
			continue
		}
		sub = append(sub[:0], v)
		inSub[v] = true
		for _, u := range adj[v] {
			nbr[u]++
		}
		var ext []int
		for _, u := range adj[v] {
			if u > v {
				ext = append(ext, u)
			}
		}
		extend(ext, v)
		for _, u := range adj[v] {
			nbr[u]--
		}
		inSub[v] = false
		if cut {
			break
		}
	}
	return sets, cut
}

func uniqueInts(s []int) []int {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
