package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/datasets"
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
	f.StringSliceVar(&opts.Dates, "dates", defaultDates(), "the days T to propose on (YYYY-MM-DD; moved into the data's years when they fall outside, unless given)")
	f.StringSliceVar(&opts.Ks, "k", defaultKs(), "cut-offs for precision at K")
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
	var tiers []groups.Tier
	for _, t := range opts.Tiers {
		tiers = append(tiers, groups.Tier(strings.TrimSpace(t)))
	}
	ds, err := loadDataset(s, opts.Args)
	if err != nil {
		return err
	}
	net := ds.Network
	if !opts.datesGiven {
		dates = nil // the engine's defaults, moved into the data's years when they fall outside
	}
	// Borders as groups finds them: --adjacency, else the dataset's
	// adjacency.csv when it is a folder or embedded.
	adj, _, err := (&groupsOptions{Adjacency: opts.Adjacency}).adjacency(ds.Name, net, s)
	if err != nil {
		return err
	}
	bars := newPhases(s)
	res, err := engine.Backtest(ctx, net, engine.BacktestOptions{Data: engine.Data{Scheme: opts.Weighting}, Seed: s.Seed,
		Dates: dates, Ks: ks, Tiers: tiers, Adjacency: adj, Progress: bars.Update})
	bars.Finish()
	if errors.Is(err, engine.ErrNoDates) {
		return &inputError{fmt.Errorf("%s: %w", ds.Name, err)}
	}
	if err != nil {
		return engineErr(err)
	}
	s.report(res.Run)
	v := reports.NewBacktestView(ds.Name, res.ReadyRounds, net, res.Pairs, res.Ready)
	return printer{
		JSON: func(w io.Writer) error { return reports.WriteJSON(w, v) },
		CSV:  func(w io.Writer) error { return reports.WriteBacktestCSV(w, v) },
		Text: func(w io.Writer) error { return reports.WriteBacktestText(w, v) },
	}.print(s, opts.format.value)
}

// defaultDates and defaultKs spell the engine's backtest defaults as flag
// defaults (shown by --help).
func defaultDates() []string {
	var out []string
	for _, d := range engine.DefaultBacktestDates() {
		out = append(out, d.Format(time.DateOnly))
	}
	return out
}

func defaultKs() []string {
	var out []string
	for _, k := range engine.DefaultBacktestKs() {
		out = append(out, strconv.Itoa(k))
	}
	return out
}
