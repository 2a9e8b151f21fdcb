package groups

import "math"

// DepthLevel returns how deep an integration a tie of the given kind is,
// from 0 to 1: shared management (one officer team or chief executive)
// 1; a formal shared service 0.75; a pooled budget or joint commissioning
// 0.6; a joint plan or programme bid 0.4; a combined authority, or any
// other named kind, 0.25; a shared statutory area (fire, police,
// resilience) 0.1, since membership is set by geography and law; no kind
// 0. Grants are not joint working: 0.
func DepthLevel(kind string) float64 {
	switch kind {
	case "shared_management":
		return 1
	case "shared_service":
		return 0.75
	case "pooled_budget", "joint_commissioning":
		return 0.6
	case "joint_plan", "programme_bid":
		return 0.4
	case "statutory_body", "statutory_partnership":
		return 0.1
	case "", KindGrant:
		return 0
	}
	return 0.25
}

func groupPair32(a, b int) [2]int32 {
	if a > b {
		a, b = b, a
	}
	return [2]int32{int32(a), int32(b)}
}

// buildDepth records, for each pair of eligible organisations with a tie
// in the round, the deepest DepthLevel of the partnerships and
// arrangements joining them (zero-weight kinds included: depth is about
// what the tie is, not how it is weighted).
func (p *groupProblem) buildDepth() {
	p.depth = map[[2]int32]float64{}
	set := func(a, b int32, lv float64) {
		if a < 0 || b < 0 || a == b || lv == 0 {
			return
		}
		k := groupPair32(int(a), int(b))
		if lv > p.depth[k] {
			p.depth[k] = lv
		}
	}
	for i := 0; i < p.net.NumPartnerships(); i++ {
		if !p.mask.part[i] {
			continue
		}
		a, b := p.net.PartnershipEnds(i)
		set(p.local[a], p.local[b], DepthLevel(p.net.PartnershipKind(i)))
	}
	for ai := 0; ai < p.net.NumArrangements(); ai++ {
		if !p.mask.arr[ai] {
			continue
		}
		lv := DepthLevel(p.net.Arrangement(ai).Kind)
		var ms []int32
		for _, m := range p.net.ArrangementMembers(ai) {
			if l := p.local[m]; l >= 0 {
				ms = append(ms, l)
			}
		}
		for x := range ms {
			for y := x + 1; y < len(ms); y++ {
				set(ms[x], ms[y], lv)
			}
		}
	}
}

// Score weights: Total = sum of weight x part, each part in [0, 1].
const (
	WeightCollaboration = 40.0 // existing collaboration
	WeightCohesion      = 15.0 // share of members' collaboration kept inside
	WeightDensity       = 10.0 // share of member pairs already tied
	WeightDepth         = 10.0 // how deeply members already integrate
	WeightCompactness   = 10.0 // geography; doubled with PreferNear
	WeightScale         = 15.0 // combined population, large tier only
	WeightWeakestLink   = 10.0 // subtracted: a member barely tied to the rest
	// ScaleHalfPopulation is the combined population at which the scale
	// part is 0.5.
	ScaleHalfPopulation = 1_000_000
	// CompactnessKm is the mean distance between members at which the
	// distance part of compactness is 1/e.
	CompactnessKm = 50.0
)

// Score is a group's score and its named parts. Each part is in
// [0, 1]; Total = 40 Collaboration + 15 Cohesion + 10 Density + 10 Depth
// + 10 Compactness (20 with PreferNear) + 15 Scale (large tier only) - 10
// WeakestLink, so higher is better and the best possible large group
// scores 100.
type Score struct {
	Total float64
	// Collaboration = 1 - exp(-W/k), with W the tie weight among the k
	// members (partnership strengths under the weighting): 0 with no ties,
	// 0.63 at one unit of weight per member, near 1 for long-standing
	// shared services.
	Collaboration float64
	// Cohesion = 2W / sum of the members' strengths in the whole network:
	// the share of their collaboration that stays inside the group.
	Cohesion float64
	// Density = tied pairs / possible pairs among members.
	Density float64
	// Depth is the mean, over members, of the deepest integration a
	// member has with another member (DepthLevel of the kind: 1 shared
	// management, 0.75 shared service, 0.6 pooled budget or joint
	// commissioning, 0.4 joint plan or bid, 0.25 combined authority or
	// another named kind, 0.1 a shared statutory area, 0 none or unnamed).
	Depth float64
	// Compactness is the mean of the parts available: exp(-mean distance
	// between members / 50 km) when every member has a location, and,
	// with an adjacency table, the share of members bordering another
	// member. When neither is known it is 0 and CompactnessKnown is false:
	// a member without a location is never taken as near.
	Compactness      float64
	CompactnessKnown bool
	// Scale = P / (P + 1,000,000), P the combined population (large tier;
	// 0 otherwise).
	Scale float64
	// WeakestLink = 1 - (least tie weight from a member to the rest) /
	// (mean such weight): 0 when every member is equally tied in, 1 when a
	// member has no tie to the rest (or there are no ties).
	WeakestLink float64

	// The raw figures behind the parts.
	InsideWeight   float64
	Ties           int
	MeanDistanceKm float64 // NaN unless every member is located
	Unlocated      int     // members without a location
	BorderShare    float64 // NaN without an adjacency table
	Population     int64
}

// score computes the score of a group of local indices.
func (p *groupProblem) score(g []int) Score {
	var sc Score
	k := len(g)
	if k == 0 {
		return sc
	}
	inside := make([]float64, k)
	clear := p.markGroup(g)
	defer clear()
	var strength float64
	for i, m := range g {
		strength += p.strength[m]
		ws := p.sub.Weights(m)
		for x, u := range p.sub.Neighbours(m) {
			if j := p.pos[u]; j >= 0 {
				inside[i] += ws[x]
				if int(j) > i {
					sc.Ties++
				}
			}
		}
		sc.Population += p.pop[m]
	}
	for _, w := range inside {
		sc.InsideWeight += w
	}
	for a := 0; a < k; a++ {
		deepest := 0.0
		for b := 0; b < k; b++ {
			if a != b {
				deepest = math.Max(deepest, p.depth[groupPair32(g[a], g[b])])
			}
		}
		sc.Depth += deepest / float64(k)
	}
	sc.InsideWeight /= 2
	sc.Collaboration = 1 - math.Exp(-sc.InsideWeight/float64(k))
	if strength > 0 {
		sc.Cohesion = math.Min(1, 2*sc.InsideWeight/strength)
	}
	if k > 1 {
		sc.Density = float64(sc.Ties) / (float64(k) * float64(k-1) / 2)
	}
	mean := 2 * sc.InsideWeight / float64(k)
	sc.WeakestLink = 1
	if mean > 0 {
		least := math.Inf(1)
		for _, w := range inside {
			least = math.Min(least, w)
		}
		sc.WeakestLink = 1 - least/mean
	}
	sc.MeanDistanceKm, sc.BorderShare = math.NaN(), math.NaN()
	var parts []float64
	var dist float64
	pairs := 0
	for _, m := range g {
		if !p.located[m] {
			sc.Unlocated++
		}
	}
	for a := 0; a < k && sc.Unlocated == 0; a++ {
		for b := a + 1; b < k; b++ {
			dist += p.distance(g[a], g[b])
			pairs++
		}
	}
	if pairs > 0 {
		sc.MeanDistanceKm = dist / float64(pairs)
		parts = append(parts, math.Exp(-sc.MeanDistanceKm/CompactnessKm))
	}
	if len(p.adjacent) > 0 {
		bordering := 0
		for _, m := range g {
			for _, y := range p.adjList[m] {
				if p.pos[y] >= 0 {
					bordering++
					break
				}
			}
		}
		sc.BorderShare = float64(bordering) / float64(k)
		parts = append(parts, sc.BorderShare)
	}
	for _, x := range parts {
		sc.Compactness += x / float64(len(parts))
	}
	sc.CompactnessKnown = len(parts) > 0
	if p.tier == TierLarge && sc.Population > 0 {
		pop := float64(sc.Population)
		sc.Scale = pop / (pop + ScaleHalfPopulation)
	}
	wc := WeightCompactness
	if p.opts.PreferNear {
		wc *= 2
	}
	sc.Total = WeightCollaboration*sc.Collaboration + WeightCohesion*sc.Cohesion + WeightDensity*sc.Density + WeightDepth*sc.Depth +
		wc*sc.Compactness + WeightScale*sc.Scale - WeightWeakestLink*sc.WeakestLink
	return sc
}
