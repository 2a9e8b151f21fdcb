package engine

import (
	"context"
	"fmt"
	"time"

	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/graph"
)

// BacktestOptions set how Backtest replays the group search on earlier
// days. The zero value tests DefaultBacktestDates (moved into the data's
// years when they fall outside: BacktestDates) at DefaultBacktestKs
// with the large then small ready tiers, weighted as Data says (its
// weighting is parsed once, by graph.ParseWeighting, from the group kind
// weights).
type BacktestOptions struct {
	Data
	Seed uint64
	// Dates are the days T to propose on; Ks the cut-offs for precision
	// at K; Tiers the ready tiers whose groups are tested, filled in order.
	Dates []time.Time
	Ks    []int
	Tiers []groups.Tier
	// Adjacency pairs organisations sharing a border; only those of
	// organisations that still exist are used (groups.SurvivorBorders).
	Adjacency [][2]string
	Progress  func(phase string, done, total int)
}

// BacktestResult is Backtest's answer: the pair backtest (potential
// against distance) and the ready-tier backtest (mergers against groups
// by distance), and how the ready rounds were formed.
type BacktestResult struct {
	Run
	Pairs       *groups.PairBacktest
	Ready       *groups.ReadyBacktest
	ReadyRounds string
}

// ReadyRounds says how Backtest forms the ready round on day T.
const ReadyRounds = "partnet groups --at T (groups.SearchTiers with Options.At) on what was known on T (as for potential pairs), tiers filled in order"

// Backtest runs the candidate-group search as it would have run on each
// day T, using only what was known then, and counts what began after T
// (groups.BacktestPairs and groups.BacktestReady).
func Backtest(ctx context.Context, net *graph.Network, opts BacktestOptions) (*BacktestResult, error) {
	if net == nil {
		net = graph.NewNetwork()
	}
	dates, ks, tierList := opts.Dates, opts.Ks, opts.Tiers
	if len(ks) == 0 {
		ks = DefaultBacktestKs()
	}
	for _, k := range ks {
		if k < 1 {
			return nil, optionErr("k", fmt.Sprint(k), "want a whole number of pairs, 1 or more")
		}
	}
	if len(tierList) == 0 {
		tierList = []groups.Tier{groups.TierLarge, groups.TierSmall}
	}
	r := Run{Network: net}
	// The ready tiers as Groups forms them (same defaults), on the
	// borders of organisations that still exist.
	gw, err := opts.Data.weightingFrom(groups.KindWeights)
	if err != nil {
		return nil, err
	}
	borders := groups.SurvivorBorders(net, opts.Adjacency)
	var tiers []groups.Options
	for _, t := range tierList {
		if t != groups.TierLarge && t != groups.TierSmall && t != groups.TierCustom {
			return nil, optionErr("tier", string(t), "want large, small or custom")
		}
		o := groupDefaults(opts.Seed, 0)
		o.Tier, o.Weighting, o.Adjacency = t, gw, borders
		tiers = append(tiers, o)
	}
	// With no dates given, the defaults, moved into the data's own years
	// when they fall outside (decided after the options are checked).
	if len(dates) == 0 {
		adapted, note, err := BacktestDates(net)
		if err != nil {
			return nil, err
		}
		dates = adapted
		if note != "" {
			r.note("%s", note)
		}
	}
	if opts.Progress != nil {
		opts.Progress("backtest: potential pairs", 0, -1)
	}
	pairs, err := groups.BacktestPairs(ctx, net, groups.PairBacktestOptions{Dates: dates, Ks: ks, Adjacency: opts.Adjacency})
	if err != nil {
		return nil, err
	}
	if opts.Progress != nil {
		opts.Progress("backtest: ready tiers", 0, -1)
	}
	ready, err := groups.BacktestReady(ctx, net, groups.ReadyBacktestOptions{Dates: dates}, readyProposer(net, tiers))
	if err != nil {
		return nil, err
	}
	r.set("ready rounds", "%s, seed %d", ReadyRounds, opts.Seed)
	return &BacktestResult{Run: r, Pairs: pairs, Ready: ready, ReadyRounds: ReadyRounds}, nil
}

// readyProposer returns the ready tiers' groups for a round on day at:
// SearchTiers with Options.At = at (the round on that day, grants left
// out) on what was known then (groups.KnownAt: ties started by at, undated
// ones only when they are fire, police or resilience areas), every group
// of every tier.
func readyProposer(net *graph.Network, tiers []groups.Options) groups.ProposeFunc {
	return func(ctx context.Context, at time.Time) ([][]string, error) {
		known := groups.KnownAt(net, at)
		dated := make([]groups.Options, len(tiers))
		for i, o := range tiers {
			o.At = at
			dated[i] = o
		}
		res, err := groups.SearchTiers(ctx, known, nil, dated)
		if err != nil {
			return nil, err
		}
		var out [][]string
		for _, r := range res {
			for _, g := range r.Groups {
				ids := make([]string, len(g.Members))
				for i, m := range g.Members {
					ids[i] = known.Organisation(m).ID
				}
				out = append(out, ids)
			}
		}
		return out, nil
	}
}
