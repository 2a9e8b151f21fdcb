package groups

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/graph"
)

// candidateRuns runs Leiden on the eligible organisations at each
// resolution and seed and shapes each run's clusters into valid candidate
// groups (local indices, ascending). One list per run.
func (p *groupProblem) candidateRuns(ctx context.Context) ([][][]int, error) {
	if len(p.orgs) == 0 {
		return nil, nil
	}
	resolutions := p.opts.Resolutions
	if resolutions == nil {
		resolutions = []float64{0.5, 1, 2, 4, 8}
	}
	seeds := p.opts.Seeds
	if seeds <= 0 {
		seeds = 4
	}
	var runs [][][]int
	for _, r := range resolutions {
		for sd := 0; sd < seeds; sd++ {
			c, err := community.Leiden(ctx, p.sub, community.LeidenOptions{Resolution: r, Seed: p.opts.Seed + uint64(sd), Iterations: p.opts.LeidenIterations})
			if err != nil {
				return nil, fmt.Errorf("candidates at resolution %g: %w", r, err)
			}
			var groups [][]int
			for _, cl := range community.Communities(c.Membership) {
				for _, piece := range p.fit(ctx, cl, r*4, 3) {
					if g := p.repair(piece); g != nil {
						groups = append(groups, g)
					}
				}
			}
			p.improveBest(groups)
			runs = append(runs, dedupeGroups(groups))
		}
	}
	return runs, nil
}

// fit splits a cluster that is too large (Leiden on it at a higher
// resolution, depth times, then greedy peeling) and grows pieces that are
// too small along their strongest ties. Pieces that cannot reach the
// minimum size are dropped.
func (p *groupProblem) fit(ctx context.Context, cl []int, res float64, depth int) [][]int {
	if len(cl) > p.maxSize {
		var pieces [][]int
		if depth > 0 {
			sub, _ := inducedSnapshot(p.sub, cl)
			c, err := community.Leiden(ctx, sub, community.LeidenOptions{Resolution: res, Seed: p.opts.Seed})
			if err == nil && c.Count > 1 {
				for _, part := range community.Communities(c.Membership) {
					piece := make([]int, len(part))
					for i, x := range part {
						piece[i] = cl[x]
					}
					pieces = append(pieces, p.fit(ctx, piece, res*4, depth-1)...)
				}
				return pieces
			}
		}
		for _, piece := range p.peel(cl) {
			pieces = append(pieces, p.fit(ctx, piece, res, 0)...)
		}
		return pieces
	}
	if len(cl) < p.minSize {
		if g := p.grow(cl, nil); g != nil {
			return [][]int{g}
		}
		return nil
	}
	return [][]int{cl}
}

// peel cuts a large set into groups of at most maxSize: start from the
// member with the most tie weight inside the remainder, add the member
// most tied to the group until full or no tie is left, repeat.
func (p *groupProblem) peel(cl []int) [][]int {
	rest := map[int]bool{}
	for _, x := range cl {
		rest[x] = true
	}
	var out [][]int
	for len(rest) > 0 {
		seed, best := -1, -1.0
		for _, x := range cl {
			if rest[x] {
				if w := p.tieTo(x, rest); w > best {
					seed, best = x, w
				}
			}
		}
		g := map[int]bool{seed: true}
		delete(rest, seed)
		for len(g) < p.maxSize {
			next, nb := -1, 0.0
			for _, x := range cl {
				if rest[x] {
					if w := p.tieTo(x, g); w > nb {
						next, nb = x, w
					}
				}
			}
			if next < 0 {
				break
			}
			g[next] = true
			delete(rest, next)
		}
		out = append(out, sortedSet(g))
	}
	return out
}

// grow adds the unit (must-link block) most tied to g, outside g and not
// locked, until g reaches minSize; nil when it cannot.
func (p *groupProblem) grow(g []int, locked []bool) []int {
	if locked != nil {
		return p.growFrom(g, locked)
	}
	// Unlocked growth depends only on the set: every Leiden run offers
	// the same small pieces again (around a hub, thousands of them).
	key := groupKey(slices.Sorted(slices.Values(g)))
	if out, ok := p.grown[key]; ok {
		return slices.Clone(out)
	}
	out := p.growFrom(g, nil)
	if p.grown == nil {
		p.grown = map[string][]int{}
	}
	p.grown[key] = slices.Clone(out)
	return out
}

func (p *groupProblem) growFrom(g []int, locked []bool) []int {
	in := setOf(g)
	for len(in) < p.minSize {
		// The most tied unit; among equals the lowest index (as a scan in
		// index order would find it).
		bestU, bestW := -1, 0.0
		for _, x := range p.frontierUnsorted(in, locked) {
			u := p.blocks[p.block[x]]
			if len(in)+len(u) > p.maxSize {
				continue
			}
			if w := p.unitTie(u, in); w > bestW || (w == bestW && w > 0 && x < bestU) {
				bestU, bestW = x, w
			}
		}
		if bestU < 0 {
			return nil
		}
		for _, y := range p.blocks[p.block[bestU]] {
			in[y] = true
		}
	}
	return sortedSet(in)
}

// repair makes g meet the hard rules by completing must-link blocks and
// dropping the members that break a rule; nil when it cannot.
func (p *groupProblem) repair(g []int) []int {
	in := map[int]bool{}
	for _, x := range g {
		in[x] = true
	}
	for _, x := range g {
		for _, y := range p.blocks[p.block[x]] {
			in[y] = true
		}
	}
	for range 4 * p.maxSize {
		cur := sortedSet(in)
		if len(cur) < p.minSize {
			grown := p.grow(cur, nil)
			if grown == nil {
				return nil
			}
			in = setOf(grown)
			continue
		}
		if p.valid(cur) && p.score(cur).InsideWeight > 0 {
			return cur
		}
		drop := p.worstMember(cur, in)
		if drop < 0 {
			return nil
		}
		for _, y := range p.blocks[p.block[drop]] {
			delete(in, y)
		}
	}
	return nil
}

// worstMember picks the member to drop from an invalid group: one end of
// a broken pair (the less tied), the member furthest from the rest, a
// member outside the largest border-connected part, or the least tied.
func (p *groupProblem) worstMember(g []int, in map[int]bool) int {
	less := func(a, b int) int {
		if p.tieTo(a, in) <= p.tieTo(b, in) {
			return a
		}
		return b
	}
	for a := 0; a < len(g); a++ {
		for b := a + 1; b < len(g); b++ {
			if p.cannot[groupPair(g[a], g[b])] {
				return less(g[a], g[b])
			}
		}
	}
	if d := p.opts.MaxDistanceKm; d > 0 {
		far, farSum := -1, -1.0
		for _, a := range g {
			var sum float64
			broken := false
			for _, b := range g {
				dist := p.distance(a, b)
				sum += dist
				broken = broken || dist > d
			}
			if broken && sum > farSum {
				far, farSum = a, sum
			}
		}
		if far >= 0 {
			return far
		}
	}
	if p.opts.RequireAdjacent && !p.adjacencyConnected(g, in) {
		return p.outsideLargestBorderPart(g, in)
	}
	worst, ww := -1, 0.0
	for _, x := range g {
		if w := p.tieTo(x, in); worst < 0 || w < ww {
			worst, ww = x, w
		}
	}
	return worst
}

// outsideLargestBorderPart returns a member outside the largest part of g
// that is connected through shared borders.
func (p *groupProblem) outsideLargestBorderPart(g []int, in map[int]bool) int {
	comp := map[int]int{}
	size := map[int]int{}
	for _, x := range g {
		if _, ok := comp[x]; ok {
			continue
		}
		stack := []int{x}
		comp[x] = x
		for len(stack) > 0 {
			y := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			size[x]++
			for _, z := range p.adjList[y] {
				if _, ok := comp[z]; in[z] && !ok {
					comp[z] = x
					stack = append(stack, z)
				}
			}
		}
	}
	best := g[0]
	for _, x := range g {
		if size[comp[x]] > size[comp[best]] {
			best = x
		}
	}
	for _, x := range g {
		if comp[x] != comp[best] {
			return x
		}
	}
	return -1
}

// improve applies the best improving local move (drop, add or swap a
// unit) while the score rises and the rules hold. locked marks local
// nodes that belong to other groups.
//
// Without locked nodes the result depends only on g, so it is memoised:
// the runs at different seeds and resolutions mostly produce the same
// clusters.
func (p *groupProblem) improve(g []int, locked []bool) []int {
	if locked == nil {
		key := groupKey(g)
		if out, ok := p.improved[key]; ok {
			return out
		}
		out := p.improveFrom(g, nil)
		p.improved[key] = out
		return out
	}
	return p.improveFrom(g, locked)
}

// improveBest improves the candidates in place: all of them, or with
// Options.ImproveLimit the best that many by their current score
// (ties by member list, so the choice does not depend on order).
func (p *groupProblem) improveBest(groups [][]int) {
	pick := make([]int, len(groups))
	for i := range pick {
		pick[i] = i
	}
	if k := p.opts.ImproveLimit; k > 0 && len(groups) > k {
		scores := make([]float64, len(groups))
		keys := make([]string, len(groups))
		for i, g := range groups {
			scores[i], keys[i] = p.score(g).Total, groupKey(g)
		}
		sort.Slice(pick, func(a, b int) bool {
			x, y := pick[a], pick[b]
			if scores[x] != scores[y] {
				return scores[x] > scores[y]
			}
			return keys[x] < keys[y]
		})
		pick = pick[:k]
	}
	for _, i := range pick {
		groups[i] = p.improve(groups[i], nil)
	}
}

func (p *groupProblem) improveFrom(g []int, locked []bool) []int {
	cur, curScore := g, p.score(g).Total
	for range 100 {
		in := setOf(cur)
		var best []int
		bestScore := curScore
		try := func(cand []int) {
			if s := p.score(cand); s.Total > bestScore+1e-9 && s.InsideWeight > 0 && p.valid(cand) {
				best, bestScore = cand, s.Total
			}
		}
		units := p.unitsOf(cur)
		outside := p.strongest(p.frontier(in, locked), in)
		for _, u := range units {
			try(without(cur, u))
		}
		for _, x := range outside {
			try(with(cur, p.blocks[p.block[x]]))
		}
		for _, u := range units {
			base := without(cur, u)
			for _, x := range outside {
				try(with(base, p.blocks[p.block[x]]))
			}
		}
		if best == nil {
			return cur
		}
		cur, curScore = best, bestScore
	}
	return cur
}

// frontier lists the nodes outside in (and not locked) tied to a member
// or, when groups must border, sharing a border with one; ascending.
func (p *groupProblem) frontier(in map[int]bool, locked []bool) []int {
	out := slices.Clone(p.frontierUnsorted(in, locked))
	sort.Ints(out)
	return out
}

// frontierUnsorted is frontier in no particular order, in a scratch slice
// that the next call reuses. Around a hub it is thousands long, and grow
// asks for it once per member added to every candidate: marks instead of
// a map, and no sort, keep that linear.
func (p *groupProblem) frontierUnsorted(in map[int]bool, locked []bool) []int {
	if p.mark == nil {
		p.mark = make([]uint32, p.sub.N())
	}
	if p.stamp++; p.stamp == 0 {
		clear(p.mark)
		p.stamp = 1
	}
	out := p.fbuf[:0]
	add := func(x int) {
		if p.mark[x] == p.stamp {
			return
		}
		p.mark[x] = p.stamp
		if !in[x] && (locked == nil || !locked[x]) && !p.blockLocked(x, in, locked) {
			out = append(out, x)
		}
	}
	for x := range in {
		for _, u := range p.sub.Neighbours(x) {
			add(int(u))
		}
		if p.opts.RequireAdjacent {
			for _, u := range p.adjList[x] {
				add(u)
			}
		}
	}
	p.fbuf = out
	return out
}

// strongest keeps, when opts.FrontierLimit is positive and the frontier
// is longer, only the FrontierLimit organisations most tied to the group
// (ties broken by index), in index order. On a hub with thousands of
// partners (a funder's grants) every local move would otherwise be tried
// against every partner, for every candidate; an organisation far down
// that list adds little inside weight and would rarely raise the score.
func (p *groupProblem) strongest(frontier []int, in map[int]bool) []int {
	lim := p.opts.FrontierLimit
	if lim <= 0 || len(frontier) <= lim {
		return frontier
	}
	w := make(map[int]float64, len(frontier))
	for _, x := range frontier {
		w[x] = p.tieTo(x, in)
	}
	out := slices.Clone(frontier)
	sort.SliceStable(out, func(a, b int) bool { return w[out[a]] > w[out[b]] })
	out = out[:lim]
	sort.Ints(out)
	return out
}

// blockLocked reports whether any of x's must-link block is locked or
// already in the group.
func (p *groupProblem) blockLocked(x int, in map[int]bool, locked []bool) bool {
	for _, y := range p.blocks[p.block[x]] {
		if in[y] || (locked != nil && locked[y]) {
			return true
		}
	}
	return false
}

func (p *groupProblem) unitsOf(g []int) [][]int {
	seen := map[int32]bool{}
	var out [][]int
	for _, x := range g {
		if b := p.block[x]; !seen[b] {
			seen[b] = true
			out = append(out, p.blocks[b])
		}
	}
	return out
}

// tieTo is the tie weight from x to the members of set (x excluded).
func (p *groupProblem) tieTo(x int, set map[int]bool) float64 {
	var w float64
	ws := p.sub.Weights(x)
	for k, u := range p.sub.Neighbours(x) {
		if set[int(u)] && int(u) != x {
			w += ws[k]
		}
	}
	return w
}

func (p *groupProblem) unitTie(u []int, set map[int]bool) float64 {
	var w float64
	for _, x := range u {
		w += p.tieTo(x, set)
	}
	return w
}

// inducedSnapshot returns the snapshot of s restricted to nodes (node i
// of the result is nodes[i]) and the map back.
func inducedSnapshot(s *graph.Snapshot, nodes []int) (*graph.Snapshot, []int) {
	pos := make(map[int32]int32, len(nodes))
	ids := make([]string, len(nodes))
	for i, v := range nodes {
		pos[int32(v)] = int32(i)
		ids[i] = s.ID(v)
	}
	var src, dst []int32
	var w []float64
	for i, v := range nodes {
		for k, u := range s.Neighbours(v) {
			if j, ok := pos[u]; ok && j > int32(i) {
				src, dst, w = append(src, int32(i)), append(dst, j), append(w, s.Weights(v)[k])
			}
		}
	}
	return graph.BuildSnapshot(len(nodes), ids, src, dst, w), nodes
}

func setOf(g []int) map[int]bool {
	m := make(map[int]bool, len(g))
	for _, x := range g {
		m[x] = true
	}
	return m
}

func sortedSet(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for x := range m {
		out = append(out, x)
	}
	sort.Ints(out)
	return out
}

func without(g, u []int) []int {
	out := make([]int, 0, len(g))
	for _, x := range g {
		if !slices.Contains(u, x) {
			out = append(out, x)
		}
	}
	return out
}

func with(g, u []int) []int {
	out := append(slices.Clone(g), u...)
	sort.Ints(out)
	return slices.Compact(out)
}

func groupKey(g []int) string {
	var b strings.Builder
	for i, x := range g {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(x))
	}
	return b.String()
}

func dedupeGroups(gs [][]int) [][]int {
	seen := map[string]bool{}
	var out [][]int
	for _, g := range gs {
		if k := groupKey(g); !seen[k] {
			seen[k] = true
			out = append(out, g)
		}
	}
	return out
}
