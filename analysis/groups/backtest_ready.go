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

// Backtest methods for the ready tiers.
const (
	MethodReady         = "ready"          // the ready tiers' shortlists
	MethodDistanceGroup = "distance_group" // groups of the same sizes formed by distance alone
)

// ProposeFunc returns the groups (organisation ids) a shortlist proposes
// for a round on day at: for the ready backtest, every group of every tier.
type ProposeFunc func(ctx context.Context, at time.Time) ([][]string, error)

// ReadyBacktestOptions configures BacktestReady.
type ReadyBacktestOptions struct {
	// Dates are the rounds; at least one.
	Dates []time.Time
	// From and To bound the start dates of the mergers tested (zero: 1
	// January 2019 and 31 December 2023).
	From, To time.Time
	// Sectors say which organisations count as predecessors (nil:
	// councils), as the shortlist's eligibility.
	Sectors []string
}

// MergerRow is one merger at one date under one method.
type MergerRow struct {
	At     time.Time
	Method string
	// Successor is the organisation the merger created (an index in the
	// network), Start its first day.
	Successor int
	Start     time.Time
	// Predecessors are the organisations active on At that it replaced,
	// directly or through an earlier merger (indices, by id).
	Predecessors []int
	// Unlocated is how many predecessors have no location (the distance
	// baseline cannot place them).
	Unlocated int
	// Together is the most predecessors inside one proposed group;
	// Group that group's index in the proposal (-1 when none holds any).
	Together, Group int
	// Hit: more than half of the predecessors are inside one group.
	Hit bool
}

// ReadySummary counts one date and method.
type ReadySummary struct {
	At     time.Time
	Method string
	// Mergers with at least two predecessors active on At; Hits those
	// with most of them inside one proposed group.
	Mergers, Hits int
	// Groups proposed and organisations placed in them.
	Groups, Placed int
}

// ReadyBacktest is the result of BacktestReady.
type ReadyBacktest struct {
	Rows    []MergerRow
	Summary []ReadySummary
}

// BacktestReady tests a shortlist against the mergers the data records:
// organisations whose start lies in [From, To] and that an earlier
// organisation names as its successor. On each date T it asks propose for
// the round's groups and counts the mergers most of whose predecessors
// then active (two or more) sit inside one proposed group. The baseline
// forms groups of the same number and sizes by distance alone (see
// DistanceGroups) from the same eligible organisations, and is counted the
// same way.
func BacktestReady(ctx context.Context, net *graph.Network, opts ReadyBacktestOptions, propose ProposeFunc) (*ReadyBacktest, error) {
	dates := opts.Dates
	if len(dates) == 0 {
		return nil, fmt.Errorf("%w: the ready backtest needs at least one date (engine.Backtest supplies its defaults)", ErrOptions)
	}
	from, to := opts.From, opts.To
	if from.IsZero() {
		from = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if to.IsZero() {
		to = time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	sectors := opts.Sectors
	if sectors == nil {
		sectors = []string{graph.SectorCouncil}
	}
	mergers := mergersBetween(net, from, to)
	out := &ReadyBacktest{}
	for _, at := range dates {
		ids, err := propose(ctx, at)
		if err != nil {
			return nil, fmt.Errorf("backtest %s: %w", at.Format("2006-01-02"), err)
		}
		proposed := make([][]int, 0, len(ids))
		sizes := make([]int, 0, len(ids))
		for _, g := range ids {
			var members []int
			for _, id := range g {
				i, ok := net.Index(id)
				if !ok {
					return nil, fmt.Errorf("backtest %s: proposed organisation %q is not in the network", at.Format("2006-01-02"), id)
				}
				members = append(members, i)
			}
			proposed, sizes = append(proposed, members), append(sizes, len(members))
		}
		var eligible []int
		for i := 0; i < net.NumOrganisations(); i++ {
			if o := net.Organisation(i); o.ActiveOn(at) && slices.Contains(sectors, o.Sector) {
				eligible = append(eligible, i)
			}
		}
		baseline := DistanceGroups(net, eligible, sizes)
		for _, m := range []struct {
			name   string
			groups [][]int
		}{{MethodReady, proposed}, {MethodDistanceGroup, baseline}} {
			sum := ReadySummary{At: at, Method: m.name, Groups: len(m.groups)}
			for _, g := range m.groups {
				sum.Placed += len(g)
			}
			for _, mg := range mergers {
				preds := predecessorsOn(net, mg, at, sectors)
				if len(preds) < 2 {
					continue
				}
				row := MergerRow{At: at, Method: m.name, Successor: mg, Start: net.Organisation(mg).Start, Predecessors: preds, Group: -1}
				for _, p := range preds {
					if !net.Organisation(p).HasLocation {
						row.Unlocated++
					}
				}
				for gi, g := range m.groups {
					n := 0
					for _, p := range preds {
						if slices.Contains(g, p) {
							n++
						}
					}
					if n > row.Together {
						row.Together, row.Group = n, gi
					}
				}
				row.Hit = 2*row.Together > len(preds)
				sum.Mergers++
				if row.Hit {
					sum.Hits++
				}
				out.Rows = append(out.Rows, row)
			}
			out.Summary = append(out.Summary, sum)
		}
	}
	return out, nil
}

// mergersBetween returns the organisations, by id, that start within
// [from, to] and that some organisation names as its successor.
func mergersBetween(net *graph.Network, from, to time.Time) []int {
	named := map[int]bool{}
	for i := 0; i < net.NumOrganisations(); i++ {
		for _, s := range net.Organisation(i).Successors {
			if k, ok := net.Index(s); ok {
				named[k] = true
			}
		}
	}
	var out []int
	for k := range named {
		if st := net.Organisation(k).Start; !st.IsZero() && !st.Before(from) && !st.After(to) {
			out = append(out, k)
		}
	}
	sort.Slice(out, func(a, b int) bool { return net.Organisation(out[a]).ID < net.Organisation(out[b]).ID })
	return out
}

// predecessorsOn returns the organisations of the given sectors active on
// at that m replaced, directly or through other successors, by id.
func predecessorsOn(net *graph.Network, m int, at time.Time, sectors []string) []int {
	var out []int
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		if i != m && o.ActiveOn(at) && slices.Contains(sectors, o.Sector) && leadsTo(net, i, m, map[int]bool{}) {
			out = append(out, i)
		}
	}
	sort.Slice(out, func(a, b int) bool { return net.Organisation(out[a]).ID < net.Organisation(out[b]).ID })
	return out
}

// leadsTo reports whether m is among i's successors, or theirs.
func leadsTo(net *graph.Network, i, m int, seen map[int]bool) bool {
	if seen[i] {
		return false
	}
	seen[i] = true
	for _, s := range net.Organisation(i).Successors {
		if k, ok := net.Index(s); ok && (k == m || leadsTo(net, k, m, seen)) {
			return true
		}
	}
	return false
}

// DistanceGroups forms, from the located organisations among eligible,
// groups of the given sizes by distance alone: for each size in turn, the
// two unplaced organisations nearest each other, then, until the size is
// reached, the unplaced organisation nearest the group's mean position.
// Ties go to the lower id. It stops when fewer unplaced organisations
// remain than a size needs. Organisations without a location are never
// placed.
func DistanceGroups(net *graph.Network, eligible []int, sizes []int) [][]int {
	var free []int
	for _, i := range eligible {
		if net.Organisation(i).HasLocation {
			free = append(free, i)
		}
	}
	sort.Slice(free, func(a, b int) bool { return net.Organisation(free[a]).ID < net.Organisation(free[b]).ID })
	var out [][]int
	for _, size := range sizes {
		if size < 2 || len(free) < size {
			break
		}
		best, bx, by := math.Inf(1), -1, -1
		for x := range free {
			for y := x + 1; y < len(free); y++ {
				if d := distanceKm(net.Organisation(free[x]), net.Organisation(free[y])); d < best {
					best, bx, by = d, x, y
				}
			}
		}
		g := []int{free[bx], free[by]}
		free = slices.Delete(free, by, by+1)
		free = slices.Delete(free, bx, bx+1)
		for len(g) < size {
			var lat, lon float64
			for _, m := range g {
				lat, lon = lat+net.Organisation(m).Lat, lon+net.Organisation(m).Lon
			}
			centre := graph.Organisation{Lat: lat / float64(len(g)), Lon: lon / float64(len(g)), HasLocation: true}
			best, bx = math.Inf(1), -1
			for x, f := range free {
				if d := distanceKm(&centre, net.Organisation(f)); d < best {
					best, bx = d, x
				}
			}
			g = append(g, free[bx])
			free = slices.Delete(free, bx, bx+1)
		}
		sort.Slice(g, func(a, b int) bool { return net.Organisation(g[a]).ID < net.Organisation(g[b]).ID })
		out = append(out, g)
	}
	return out
}
