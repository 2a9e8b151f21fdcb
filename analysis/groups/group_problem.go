package groups

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/partnet/partnet/graph"
)

// groupProblem is Groups' working state in local indices 0..len(orgs)-1
// over the eligible organisations, sorted by id.
type groupProblem struct {
	net  *graph.Network
	mask roundMask // what is active in the round
	at   string    // the round's day, for messages
	s    *graph.Snapshot
	opts Options

	tier                        Tier
	minSize, maxSize, maxGroups int

	orgs     []int           // local -> network index
	local    []int32         // network index -> local, or -1
	sub      *graph.Snapshot // ties among eligible organisations
	strength []float64       // joint working with peers (peerStrength)
	block    []int32         // must-link block of each local node
	blocks   [][]int         // members of each block, ascending
	cannot   map[[2]int]bool
	adjacent map[[2]int]bool
	adjList  [][]int
	hasGeo   bool
	depth    map[[2]int32]float64 // deepest DepthLevel per tied eligible pair

	// Caches (group_cache.go): positions as unit vectors, the distance
	// matrix for small problems, populations, and the member-position
	// scratch array (-1 outside the group being scored).
	located  []bool
	unit     [][3]float64
	dist     []float64
	pop      []int64
	pos      []int32
	improved map[string][]int
	// mark and stamp dedupe frontier members without a map (mark[x] ==
	// stamp: seen in this call); fbuf is the frontier's scratch slice.
	mark  []uint32
	stamp uint32
	fbuf  []int
	// grown caches unlocked growth by the sorted set grown (grow).
	grown map[string][]int
}

// ErrOptions marks Options that contradict themselves or the
// network (sizes out of order, a must-link block larger than a group, a
// pair both must-link and cannot-link, require-adjacent with no table).
var ErrOptions = errors.New("invalid group options")

// TierSizes returns a tier's default minimum and maximum group size and
// maximum number of groups; an unknown tier gets custom's.
func TierSizes(t Tier) (minSize, maxSize, maxGroups int) { return tierDefaults(t) }

func groupPair(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

func newGroupProblem(r *round, opts Options) (*groupProblem, error) {
	net, s := r.net, r.s
	tier := opts.Tier
	if tier == "" {
		tier = TierCustom
	}
	if tier != TierLarge && tier != TierSmall && tier != TierCustom {
		return nil, fmt.Errorf("unknown tier %q: want large, small or custom: %w", opts.Tier, ErrOptions)
	}
	p := &groupProblem{net: net, mask: r.mask, s: s, opts: opts, tier: tier, at: "(undated)"}
	if !r.at.IsZero() {
		p.at = r.at.Format(time.DateOnly)
	}
	p.minSize, p.maxSize, p.maxGroups = tierDefaults(tier)
	if opts.MinSize > 0 {
		p.minSize = opts.MinSize
	}
	if opts.MaxSize > 0 {
		p.maxSize = opts.MaxSize
	}
	if opts.MaxGroups > 0 {
		p.maxGroups = opts.MaxGroups
	}
	if p.minSize < 2 || p.maxSize < p.minSize {
		return nil, fmt.Errorf("group sizes %d to %d: want 2 <= min <= max: %w", p.minSize, p.maxSize, ErrOptions)
	}
	if opts.RequireAdjacent && len(opts.Adjacency) == 0 {
		return nil, fmt.Errorf("require-adjacent needs an adjacency table (adjacency.csv): %w", ErrOptions)
	}
	if opts.MaxDistanceKm < 0 || math.IsNaN(opts.MaxDistanceKm) {
		return nil, fmt.Errorf("max distance %v km must be >= 0: %w", opts.MaxDistanceKm, ErrOptions)
	}
	sectors := opts.Sectors
	if sectors == nil {
		sectors = []string{graph.SectorCouncil}
	}
	out := map[string]bool{}
	for _, id := range opts.Exclude {
		out[id] = true
	}
	for _, id := range opts.Taken {
		out[id] = true
	}
	n := net.NumOrganisations()
	p.local = make([]int32, n)
	var cand []int
	for i := 0; i < n; i++ {
		p.local[i] = -1
		o := net.Organisation(i)
		if out[o.ID] || !p.mask.org[i] || (!opts.AnySector && !slices.Contains(sectors, o.Sector)) || (opts.Types != nil && !slices.Contains(opts.Types, o.Type)) {
			continue
		}
		if opts.MaxDistanceKm > 0 && !o.HasLocation {
			continue
		}
		cand = append(cand, i)
	}
	sort.Slice(cand, func(a, b int) bool { return net.Organisation(cand[a]).ID < net.Organisation(cand[b]).ID })
	if err := p.setMustLink(cand); err != nil {
		return nil, err
	}
	p.cannot = map[[2]int]bool{}
	for _, pr := range opts.CannotLink {
		a, b, ok := p.pairLocal(pr)
		if ok {
			p.cannot[groupPair(a, b)] = true
		}
	}
	for _, b := range p.blocks { // a block holding a cannot-link pair can never be placed
		for x := 0; x < len(b); x++ {
			for y := x + 1; y < len(b); y++ {
				if p.cannot[groupPair(b[x], b[y])] {
					return nil, fmt.Errorf("%s and %s are both must-link and cannot-link: %w", net.Organisation(p.orgs[b[x]]).ID, net.Organisation(p.orgs[b[y]]).ID, ErrOptions)
				}
			}
		}
	}
	p.adjacent = map[[2]int]bool{}
	p.adjList = make([][]int, len(p.orgs))
	for _, pr := range opts.Adjacency {
		a, b, ok := p.pairLocal(pr)
		if ok && a != b && !p.adjacent[groupPair(a, b)] {
			p.adjacent[groupPair(a, b)] = true
			p.adjList[a] = append(p.adjList[a], b)
			p.adjList[b] = append(p.adjList[b], a)
		}
	}
	for _, l := range p.adjList {
		sort.Ints(l)
	}
	p.buildSub(sectors)
	p.buildDepth()
	p.buildGeo()
	p.improved = map[string][]int{}
	return p, nil
}

// setMustLink fixes the eligible set and the must-link blocks: a block
// with a member that is not eligible is dropped whole.
func (p *groupProblem) setMustLink(cand []int) error {
	parent := map[int]int{}
	var find func(x int) int
	find = func(x int) int {
		if q, ok := parent[x]; ok && q != x {
			r := find(q)
			parent[x] = r
			return r
		}
		return x
	}
	eligible := map[int]bool{}
	for _, c := range cand {
		eligible[c] = true
	}
	drop := map[int]bool{}
	for _, pr := range p.opts.MustLink {
		a, okA := p.net.Index(pr[0])
		b, okB := p.net.Index(pr[1])
		if !okA || !okB {
			return fmt.Errorf("must-link %s,%s: %w", pr[0], pr[1], graph.ErrUnknownOrganisation)
		}
		okA, okB = p.mask.org[a], p.mask.org[b]
		if !okA || !okB {
			gone := pr[0]
			if okA {
				gone = pr[1]
			}
			return fmt.Errorf("must-link %s,%s: %s is not active on the round's day %s (see --at): %w", pr[0], pr[1], gone, p.at, ErrOptions)
		}
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
		if !eligible[a] || !eligible[b] {
			drop[a], drop[b] = true, true
		}
	}
	for x := range drop {
		drop[find(x)] = true
	}
	for _, c := range cand {
		if !drop[find(c)] {
			p.local[c] = int32(len(p.orgs))
			p.orgs = append(p.orgs, c)
		}
	}
	p.block = make([]int32, len(p.orgs))
	root := map[int]int32{}
	for l, o := range p.orgs {
		r := find(o)
		b, ok := root[r]
		if !ok {
			b = int32(len(p.blocks))
			root[r] = b
			p.blocks = append(p.blocks, nil)
		}
		p.block[l] = b
		p.blocks[b] = append(p.blocks[b], l)
	}
	for _, b := range p.blocks {
		if len(b) > p.maxSize {
			return fmt.Errorf("must-link joins %d organisations, more than the maximum group size %d: %w", len(b), p.maxSize, ErrOptions)
		}
	}
	return nil
}

// pairLocal maps a pair of ids to local indices; ok is false when either
// is not eligible. Unknown ids are ignored (an adjacency table covers more
// places than a dataset).
func (p *groupProblem) pairLocal(pr [2]string) (int, int, bool) {
	a, okA := p.net.Index(pr[0])
	b, okB := p.net.Index(pr[1])
	if !okA || !okB || p.local[a] < 0 || p.local[b] < 0 {
		return 0, 0, false
	}
	return int(p.local[a]), int(p.local[b]), true
}

// buildSub builds the snapshot of ties among eligible organisations and
// each one's joint working with peers (peerStrength).
func (p *groupProblem) buildSub(sectors []string) {
	var src, dst []int32
	var w []float64
	// With every sector eligible (AnySector: data without sectors, or
	// --members all) every organisation is a peer; counting only ties to
	// councils would give a cohesion of 0 to every group on such data.
	peer := peerStrength(p.net, p.s, sectors, p.opts.CountAllTies, p.opts.AnySector)
	p.strength = make([]float64, len(p.orgs))
	ids := make([]string, len(p.orgs))
	for l, o := range p.orgs {
		ids[l] = p.net.Organisation(o).ID
		p.strength[l] = peer[o]
		for k, u := range p.s.Neighbours(o) {
			if lu := p.local[u]; lu > int32(l) {
				src, dst, w = append(src, int32(l)), append(dst, lu), append(w, p.s.Weights(o)[k])
			}
		}
	}
	p.sub = graph.BuildSnapshot(len(p.orgs), ids, src, dst, w)
}

// valid reports whether a group (local indices) meets every hard rule,
// including that its ties (or must-link) join all its members.
func (p *groupProblem) valid(g []int) bool {
	if len(g) < p.minSize || len(g) > p.maxSize {
		return false
	}
	in := make(map[int]bool, len(g))
	for _, m := range g {
		in[m] = true
	}
	for _, m := range g {
		for _, x := range p.blocks[p.block[m]] {
			if !in[x] {
				return false
			}
		}
	}
	for a := 0; a < len(g); a++ {
		for b := a + 1; b < len(g); b++ {
			if p.cannot[groupPair(g[a], g[b])] {
				return false
			}
			if p.opts.MaxDistanceKm > 0 && p.distance(g[a], g[b]) > p.opts.MaxDistanceKm {
				return false
			}
		}
	}
	if p.opts.RequireAdjacent && !p.adjacencyConnected(g, in) {
		return false
	}
	return p.tiesConnected(g, in)
}

// tiesConnected reports whether the group's ties join every member, a
// must-link block counting as joined: a member with no partnership or
// shared arrangement with the rest is never offered just to reach the
// minimum size (the exact search would otherwise pad groups with one).
func (p *groupProblem) tiesConnected(g []int, in map[int]bool) bool {
	seen := map[int]bool{g[0]: true}
	stack := []int{g[0]}
	visit := func(y int) {
		if in[y] && !seen[y] {
			seen[y] = true
			stack = append(stack, y)
		}
	}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, y := range p.sub.Neighbours(x) {
			visit(int(y))
		}
		for _, y := range p.blocks[p.block[x]] {
			visit(y)
		}
	}
	return len(seen) == len(g)
}

// adjacencyConnected reports whether the group is connected through
// shared borders.
func (p *groupProblem) adjacencyConnected(g []int, in map[int]bool) bool {
	seen := map[int]bool{g[0]: true}
	stack := []int{g[0]}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, y := range p.adjList[x] {
			if in[y] && !seen[y] {
				seen[y] = true
				stack = append(stack, y)
			}
		}
	}
	return len(seen) == len(g)
}

// Haversine returns the great-circle distance in km between two WGS84
// points in degrees, on a sphere of radius 6371.0088 km (the mean Earth
// radius).
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}
