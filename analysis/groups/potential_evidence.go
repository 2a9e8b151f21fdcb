package groups

import (
	"math"
	"slices"
	"sort"
	"time"

	"github.com/partnet/partnet/graph"
)

// What Potential explains its pairs with, the groups of three it forms,
// and the helpers both use.

// evidence fills in the shared partners and areas of the given pairs.
func (c *candidates) evidence(pairs []PotentialPair) {
	for i := range pairs {
		p := &pairs[i]
		a, b := c.fromNt[p.A], c.fromNt[p.B]
		shared := CommonNeighbours(c.snap, a, b)
		sort.Slice(shared, func(x, y int) bool {
			dx, dy := c.snap.Degree(shared[x]), c.snap.Degree(shared[y])
			if dx != dy {
				return dx < dy
			}
			return c.round.Organisation(shared[x]).ID < c.round.Organisation(shared[y]).ID
		})
		p.Partners, p.PartnerDegrees = make([]int, len(shared)), make([]int, len(shared))
		for k, w := range shared {
			p.Partners[k], p.PartnerDegrees[k] = c.toNet[w], c.snap.Degree(w)
		}
		p.Areas = nil
		for _, ai := range c.areas[orderedPair(a, b)] {
			if ni, ok := c.net.ArrangementIndex(c.round.Arrangement(ai).ID); ok {
				p.Areas = append(p.Areas, ni)
			}
		}
		sort.Slice(p.Areas, func(x, y int) bool {
			return c.net.Arrangement(p.Areas[x]).Name < c.net.Arrangement(p.Areas[y]).Name
		})
	}
}

// triangles returns up to k groups of three whose three pairs are all
// among the best 10k candidate pairs, by the mean of their scores.
func (c *candidates) triangles(k int) []PotentialGroup {
	top := c.pairs[:min(len(c.pairs), 10*k)]
	rank := map[[2]int]int{}
	adj := map[int][]int{}
	for _, p := range top {
		rank[orderedPair(p.A, p.B)] = p.Rank
		adj[p.A] = append(adj[p.A], p.B)
		adj[p.B] = append(adj[p.B], p.A)
	}
	score := func(r int) float64 { return c.pairs[r-1].Score }
	var out []PotentialGroup
	seen := map[[3]int]bool{}
	for _, p := range top {
		for _, w := range adj[p.A] {
			r1, ok1 := rank[orderedPair(p.A, w)]
			r2, ok2 := rank[orderedPair(p.B, w)]
			if w == p.B || !ok1 || !ok2 {
				continue
			}
			m := []int{p.A, p.B, w}
			sort.Slice(m, func(x, y int) bool { return c.net.Organisation(m[x]).ID < c.net.Organisation(m[y]).ID })
			key := [3]int{m[0], m[1], m[2]}
			if seen[key] {
				continue
			}
			seen[key] = true
			rs := [3]int{p.Rank, r1, r2}
			slices.Sort(rs[:])
			out = append(out, PotentialGroup{Members: m, Pairs: rs, Score: (score(rs[0]) + score(rs[1]) + score(rs[2])) / 3})
		}
	}
	sort.Slice(out, func(x, y int) bool {
		if out[x].Score != out[y].Score {
			return out[x].Score > out[y].Score
		}
		for i := range out[x].Members {
			if a, b := c.net.Organisation(out[x].Members[i]).ID, c.net.Organisation(out[y].Members[i]).ID; a != b {
				return a < b
			}
		}
		return false
	})
	out = out[:min(len(out), k)]
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

// eachPair calls f for every pair of eligible members (lower index first).
func eachPair(members []int32, eligible []bool, f func([2]int)) {
	for x, a := range members {
		if !eligible[a] {
			continue
		}
		for _, b := range members[x+1:] {
			if a != b && eligible[b] {
				f(orderedPair(int(a), int(b)))
			}
		}
	}
}

func orderedPair(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

// distanceKm is the great-circle distance between two organisations'
// locations (haversine, mean Earth radius 6371.0088 km), NaN when either
// has none.
func distanceKm(a, b *graph.Organisation) float64 {
	if !a.HasLocation || !b.HasLocation {
		return math.NaN()
	}
	const r = 6371.0088
	rad := math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// partnerNetwork returns the round without statutory areas: the chosen
// joint working (shared management and services, joint plans, pooled
// budgets, bids, and other ties) in which shared partners are counted.
// Statutory areas are counted as a part of their own, so that thirty
// boroughs in one police area are not thirty shared partners. Indices
// are the round's.
func partnerNetwork(round *graph.Network) *graph.Network {
	kinds := map[string]bool{}
	for i := 0; i < round.NumPartnerships(); i++ {
		kinds[round.PartnershipKind(i)] = true
	}
	for i := 0; i < round.NumArrangements(); i++ {
		kinds[round.Arrangement(i).Kind] = true
	}
	f := graph.Filter{Kinds: []string{"\x00none"}}
	for k := range kinds {
		if !slices.Contains(StatutoryKinds, k) {
			f.Kinds = append(f.Kinds, k)
		}
	}
	sort.Strings(f.Kinds)
	return round.Filter(f)
}

// potentialRound returns the network as it stood on day at (every
// organisation, partnership and arrangement active then, undated ties
// counting as always active; everything when at is zero) without grants,
// which are funding rather than joint working, and for each of its
// organisations the index in net.
func potentialRound(net *graph.Network, at time.Time) (*graph.Network, []int) {
	kinds := map[string]bool{}
	for i := 0; i < net.NumPartnerships(); i++ {
		kinds[net.PartnershipKind(i)] = true
	}
	for i := 0; i < net.NumArrangements(); i++ {
		kinds[net.Arrangement(i).Kind] = true
	}
	f := graph.Filter{At: at}
	if kinds[KindGrant] {
		f.Kinds = []string{"\x00none"} // keeps nothing if every tie was a grant
		for k := range kinds {
			if k != KindGrant {
				f.Kinds = append(f.Kinds, k)
			}
		}
		sort.Strings(f.Kinds)
	}
	round := net.Filter(f)
	toNet := make([]int, round.NumOrganisations())
	for i := range toNet {
		toNet[i], _ = net.Index(round.Organisation(i).ID)
	}
	return round, toNet
}
