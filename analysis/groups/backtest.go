package groups

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/partnet/partnet/graph"
)

// Backtest methods.
const (
	MethodPotential = "potential" // Potential's ranking
	MethodDistance  = "distance"  // nearest pairs by great-circle distance between lat/lon
)

// PairBacktestOptions configures BacktestPairs.
type PairBacktestOptions struct {
	// Dates are the days T to propose pairs on and Ks the cut-offs; at
	// least one of each (engine.Backtest supplies its defaults).
	Dates []time.Time
	Ks    []int
	// Sectors, Types and Adjacency are as in PotentialOptions; only the
	// borders of organisations with no end date are used (see
	// SurvivorBorders).
	Sectors, Types []string
	Adjacency      [][2]string
}

// PrecisionRow is one line of the pair backtest: of the K pairs a method
// proposes on At, how many later began sharing management or a service.
type PrecisionRow struct {
	At     time.Time
	Method string
	K      int
	// Proposed is how many pairs the method proposed (K, or fewer when it
	// had fewer candidates); Hits how many of them later began sharing.
	Proposed, Hits int
	// Precision is Hits / Proposed (NaN when nothing was proposed).
	Precision float64
	// HitPairs are the pairs that hit, in rank order (indices in the
	// network, lower id first).
	HitPairs [][2]int
}

// PairBacktestDate describes the hold-out after one date.
type PairBacktestDate struct {
	At time.Time
	// Eligible organisations on At, and the eligible pairs not yet sharing
	// management or a service then (every one could be proposed).
	Eligible, OpenPairs int
	// Later is the number of shared-management or shared-service
	// arrangements and partnerships that start after At and join two or
	// more organisations eligible on At; Positives the open pairs they
	// join.
	Later, Positives int
	// Chance is Positives / OpenPairs: the precision of pairs drawn at
	// random.
	Chance float64
	// Candidates is how many pairs Potential ranked (those with evidence);
	// Located how many open pairs the distance baseline could rank (both
	// with a location).
	Candidates, Located int
}

// PairBacktest is the result of BacktestPairs.
type PairBacktest struct {
	Dates []PairBacktestDate
	// Rows: for each date, potential then distance, each at every K.
	Rows []PrecisionRow
}

// SurvivorBorders returns the pairs of adj whose two organisations have
// no end date. A border table drawn after the fact (the embedded England
// one, from May 2024 outlines) can give an abolished council only the
// borders of its successor, which would tell a backtest what happened
// later; the backtests use only the borders of organisations that still
// exist.
func SurvivorBorders(net *graph.Network, adj [][2]string) [][2]string {
	var out [][2]string
	alive := func(id string) bool {
		o := net.OrganisationByID(id)
		return o != nil && o.End.IsZero()
	}
	for _, p := range adj {
		if alive(p[0]) && alive(p[1]) {
			out = append(out, p)
		}
	}
	return out
}

// BacktestPairs tests Potential on the data's own dates: on each date T it
// ranks pairs using only what was known on T (KnownAt: organisations
// active then, partnerships and arrangements started by then and not
// ended, undated ones only when they are fire, police or resilience
// areas) and counts, among the top K, the pairs that share management or
// a service through an arrangement or partnership that starts after T. The distance baseline
// ranks the same open pairs by the great-circle distance between their
// lat/lon (nearest first; pairs where either has no location are not
// ranked). Ties in either ranking are broken by ids.
//
// Memberships carry no dates, so a council that joined an older
// arrangement after T is not counted as a later start.
func BacktestPairs(ctx context.Context, net *graph.Network, opts PairBacktestOptions) (*PairBacktest, error) {
	dates, ks := opts.Dates, opts.Ks
	if len(dates) == 0 || len(ks) == 0 {
		return nil, fmt.Errorf("%w: the pair backtest needs at least one date and one K (the engine's defaults: engine.DefaultBacktestDates, engine.DefaultBacktestKs)", ErrOptions)
	}
	out := &PairBacktest{}
	maxK := slices.Max(ks)
	adj := SurvivorBorders(net, opts.Adjacency)
	for _, at := range dates {
		c, err := potentialCandidates(ctx, KnownAt(net, at), PotentialOptions{At: at, Sectors: opts.Sectors, Types: opts.Types, Adjacency: adj})
		if err != nil {
			return nil, fmt.Errorf("backtest %s: %w", at.Format("2006-01-02"), err)
		}
		eligible := c.eligibleNet()
		later, positives := laterSharing(net, at, eligible)
		open := c.result.Eligible*(c.result.Eligible-1)/2 - c.result.Sharing
		d := PairBacktestDate{At: at, Eligible: c.result.Eligible, OpenPairs: open, Later: later, Candidates: len(c.pairs)}
		hit := func(p [2]int) bool { return positives[orderedPair(p[0], p[1])] }
		for p := range positives {
			if !c.sharingNet(p) {
				d.Positives++
			}
		}
		if open > 0 {
			d.Chance = float64(d.Positives) / float64(open)
		}
		pot := make([][2]int, 0, maxK)
		for _, p := range c.pairs[:min(maxK, len(c.pairs))] {
			pot = append(pot, [2]int{p.A, p.B})
		}
		near, located := c.nearestPairs(eligible, maxK)
		d.Located = located
		out.Dates = append(out.Dates, d)
		for _, m := range []struct {
			name  string
			pairs [][2]int
		}{{MethodPotential, pot}, {MethodDistance, near}} {
			for _, k := range ks {
				r := PrecisionRow{At: at, Method: m.name, K: k, Proposed: min(k, len(m.pairs)), Precision: math.NaN()}
				for _, p := range m.pairs[:r.Proposed] {
					if hit(p) {
						r.Hits++
						r.HitPairs = append(r.HitPairs, p)
					}
				}
				if r.Proposed > 0 {
					r.Precision = float64(r.Hits) / float64(r.Proposed)
				}
				out.Rows = append(out.Rows, r)
			}
		}
	}
	return out, nil
}

// eligibleNet returns, by index in the caller's network, whether each
// organisation was eligible in the round.
func (c *candidates) eligibleNet() []bool {
	out := make([]bool, c.net.NumOrganisations())
	for r, i := range c.toNet {
		o := c.round.Organisation(r)
		out[i] = c.isEligible(o)
	}
	return out
}

// sharingNet reports whether a pair (indices in the caller's network)
// already shared management or a service in the round.
func (c *candidates) sharingNet(p [2]int) bool {
	a, okA := c.fromNt[p[0]]
	b, okB := c.fromNt[p[1]]
	return okA && okB && c.sharing[orderedPair(a, b)]
}

// nearestPairs returns up to k open pairs of eligible located
// organisations, nearest first (ties by ids), as indices in the caller's
// network, and how many open located pairs there were.
func (c *candidates) nearestPairs(eligible []bool, k int) ([][2]int, int) {
	type near struct {
		p [2]int
		d float64
	}
	var all []near
	var ids []int
	for i, ok := range eligible {
		if ok && c.net.Organisation(i).HasLocation {
			ids = append(ids, i)
		}
	}
	for x, a := range ids {
		for _, b := range ids[x+1:] {
			p := orderedPair(a, b)
			if c.sharingNet(p) {
				continue
			}
			all = append(all, near{p, distanceKm(c.net.Organisation(a), c.net.Organisation(b))})
		}
	}
	id := func(i int) string { return c.net.Organisation(i).ID }
	sort.Slice(all, func(x, y int) bool {
		if all[x].d != all[y].d {
			return all[x].d < all[y].d
		}
		ax, ay := min(id(all[x].p[0]), id(all[x].p[1])), min(id(all[y].p[0]), id(all[y].p[1]))
		if ax != ay {
			return ax < ay
		}
		return max(id(all[x].p[0]), id(all[x].p[1])) < max(id(all[y].p[0]), id(all[y].p[1]))
	})
	out := make([][2]int, 0, k)
	for _, n := range all[:min(k, len(all))] {
		out = append(out, n.p)
	}
	return out, len(all)
}

// laterSharing returns how many shared-management or shared-service
// arrangements and partnerships start after at and join two or more of
// the eligible organisations (indices in net), and the pairs they join.
func laterSharing(net *graph.Network, at time.Time, eligible []bool) (int, map[[2]int]bool) {
	pairs := map[[2]int]bool{}
	n := 0
	for i := 0; i < net.NumPartnerships(); i++ {
		if !slices.Contains(SharedKinds, net.PartnershipKind(i)) || !net.PartnershipStart(i).After(at) {
			continue
		}
		a, b := net.PartnershipEnds(i)
		if a != b && eligible[a] && eligible[b] {
			pairs[orderedPair(a, b)] = true
			n++
		}
	}
	for ai := 0; ai < net.NumArrangements(); ai++ {
		a := net.Arrangement(ai)
		if !slices.Contains(SharedKinds, a.Kind) || !a.Start.After(at) {
			continue
		}
		joined := false
		eachPair(net.ArrangementMembers(ai), eligible, func(p [2]int) { pairs[p], joined = true, true })
		if joined {
			n++
		}
	}
	return n, pairs
}
