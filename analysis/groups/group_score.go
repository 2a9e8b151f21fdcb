package groups

import "math"

// Score weights: Total = sum of weight x part, each part in [0, 1].
const (
	WeightCollaboration = 40.0 // existing collaboration
	WeightCohesion      = 20.0 // share of members' collaboration kept inside
	WeightDensity       = 15.0 // share of member pairs already tied
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
// [0, 1]; Total = 40 Collaboration + 20 Cohesion + 15 Density + 10
// Compactness (20 with PreferNear) + 15 Scale (large tier only) - 10
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
	// Compactness is the mean of the parts available: exp(-mean distance
	// between located members / 50 km), and, with an adjacency table, the
	// share of members bordering another member. 0 when neither is known.
	Compactness float64
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
	MeanDistanceKm float64 // NaN when fewer than two members are located
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
	for a := 0; a < k; a++ {
		for b := a + 1; b < k; b++ {
			if d := p.distance(g[a], g[b]); !math.IsInf(d, 1) {
				dist += d
				pairs++
			}
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
	if p.tier == TierLarge && sc.Population > 0 {
		pop := float64(sc.Population)
		sc.Scale = pop / (pop + ScaleHalfPopulation)
	}
	wc := WeightCompactness
	if p.opts.PreferNear {
		wc *= 2
	}
	sc.Total = WeightCollaboration*sc.Collaboration + WeightCohesion*sc.Cohesion + WeightDensity*sc.Density +
		wc*sc.Compactness + WeightScale*sc.Scale - WeightWeakestLink*sc.WeakestLink
	return sc
}
