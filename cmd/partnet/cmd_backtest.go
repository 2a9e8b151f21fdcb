package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/reports"
	"github.com/spf13/cobra"
)

type backtestOptions struct {
	format    formatFlag
	Dates     []string
	Ks        []string
	Tiers     []string
	Weighting string
	Adjacency string
	Args      []string
	// datesGiven says --dates was on the command line; otherwise the
	// dates adapt to the data (engine.BacktestDates).
	datesGiven bool
}

func newBacktestCommand(s *streams) *cobra.Command {
	opts := &backtestOptions{}
	cmd := &cobra.Command{
		Use:   "backtest [DATASET]",
		Short: "Test groups on the data's own dates: proposals at T against what began after T",
		Long: `backtest runs partnet groups as it would have run on earlier dates T, using only
what was active on T, and counts what happened after T:

(a) --mode potential: of the top K pairs proposed on T, how many began sharing
    management or a service (an arrangement or partnership starting after T);
    beside it the K nearest open pairs by lat/lon, and the rate of a random pair.
(b) the ready tiers on T (--tier, default large,small): how many of the mergers
    the data records (organisations started 2019-2023 that others name as their
    successor) have more than half of their predecessors active on T inside one
    proposed group; beside it as many groups of the same sizes formed by
    distance alone.

Counts are printed beside rates: a hold-out of a few dozen pairs gives rates
that move a lot with one hit. See docs/methods.md for the England table.`,
		Example: `  partnet backtest
  partnet backtest --dates 2014-04-01 --k 10,50 --format json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			opts.datesGiven = cmd.Flags().Changed("dates")
			return runBacktest(cmd.Context(), opts, s)
		},
	}
	opts.format.add(cmd, "text", "text", "csv", "json")
	f := cmd.Flags()
	f.StringSliceVar(&opts.Dates, "dates", append([]string(nil), engine.BacktestDefaultDates...), "the days T to propose on (YYYY-MM-DD; defaults moved into the data's years when they fall outside)")
	f.StringSliceVar(&opts.Ks, "k", []string{"10", "30", "100"}, "cut-offs for precision at K")
	f.StringSliceVar(&opts.Tiers, "tier", []string{"large", "small"}, "the ready tiers whose groups are tested, filled in order")
	f.StringVar(&opts.Adjacency, "adjacency", "", "CSV of id pairs sharing a border (default: the dataset's adjacency.csv if any)")
	f.StringVar(&opts.Weighting, "weighting", "newman", "how arrangements become tie weights for the ready tiers: count, newman or value")
	return cmd
}

func runBacktest(ctx context.Context, opts *backtestOptions, s *streams) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := opts.format.check(); err != nil {
		return err
	}
	var dates []time.Time
	for _, d := range opts.Dates {
		t, err := datasets.ParseDate(strings.TrimSpace(d))
		if err != nil {
			return usagef(fmt.Errorf("--dates %q: %w", d, err))
		}
		dates = append(dates, t)
	}
	var ks []int
	for _, k := range opts.Ks {
		n, err := strconv.Atoi(strings.TrimSpace(k))
		if err != nil || n < 1 {
			return usagef(fmt.Errorf("--k %q: want a whole number of pairs, 1 or more", k))
		}
		ks = append(ks, n)
	}
	if len(dates) == 0 || len(ks) == 0 {
		return usagef(errors.New("--dates and --k need at least one value each"))
	}
	scheme, err := graph.ParseScheme(opts.Weighting)
	if err != nil {
		return usagef(fmt.Errorf("--weighting: %w", err))
	}
	var tiers []groups.Options
	for _, t := range opts.Tiers {
		tier := groups.Tier(strings.TrimSpace(t))
		if tier != groups.TierLarge && tier != groups.TierSmall && tier != groups.TierCustom {
			return usagef(fmt.Errorf("--tier %q: want large, small or custom", t))
		}
		tiers = append(tiers, groups.Options{Tier: tier, Seed: s.Seed, Weighting: graph.Weighting{Scheme: scheme}})
	}
	ds, err := loadDataset(s, opts.Args)
	if err != nil {
		return err
	}
	net := ds.Network
	if !opts.datesGiven {
		adapted, note, err := engine.BacktestDates(net)
		if err != nil {
			return &inputError{fmt.Errorf("%s: %w", ds.Name, err)}
		}
		dates = adapted
		if note != "" && !s.Quiet {
			tprintf(s.ErrOut, "partnet: note: %s\n", note)
		}
	}
	// Borders as groups finds them: --adjacency, else the dataset's
	// adjacency.csv when it is a folder or embedded.
	adj, _, err := (&groupsOptions{Adjacency: opts.Adjacency}).adjacency(ds.Name, net, s)
	if err != nil {
		return err
	}
	bars := newPhases(s)
	bars.Update("backtest: potential pairs", 0, -1)
	pairs, err := groups.BacktestPairs(ctx, net, groups.PairBacktestOptions{Dates: dates, Ks: ks, Adjacency: adj})
	if err != nil {
		bars.Finish()
		return err
	}
	bars.Update("backtest: ready tiers", 0, -1)
	for i := range tiers {
		tiers[i].Adjacency = groups.SurvivorBorders(net, adj)
	}
	ready, err := groups.BacktestReady(ctx, net, groups.ReadyBacktestOptions{Dates: dates}, ReadyProposer(net, tiers))
	bars.Finish()
	if err != nil {
		return err
	}
	v := reports.NewBacktestView(ds.Name, ReadyRounds, net, pairs, ready)
	switch opts.format.value {
	case "json":
		return reports.WriteJSON(s.Out, v)
	case "csv":
		return reports.WriteBacktestCSV(s.Out, v)
	}
	return reports.WriteBacktestText(s.Out, v)
}

// ReadyRounds says how ReadyProposer forms the round on day T.
const ReadyRounds = "partnet groups --at T (groups.SearchTiers with Options.At) on what was known on T (as for potential pairs), tiers filled in order"

// ReadyProposer returns the ready tiers' groups for a round on day at:
// SearchTiers with Options.At = at (the round on that day, grants left
// out) on what was known then (groups.KnownAt: ties started by at, undated
// ones only when they are fire, police or resilience areas), every group
// of every tier.
func ReadyProposer(net *graph.Network, tiers []groups.Options) groups.ProposeFunc {
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
