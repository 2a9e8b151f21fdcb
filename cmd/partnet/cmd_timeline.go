package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/analysis/timeline"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/reports"
	"github.com/spf13/cobra"
)

type timelineOptions struct {
	data            dataOptions
	format          formatFlag
	From, To, Every string
	Dates           []string
	Table           string
	CarrySuccessors bool
	DropUndated     bool
	Threshold       float64
	Args            []string
}

func newTimelineCommand(s *streams) *cobra.Command {
	opts := &timelineOptions{}
	cmd := &cobra.Command{
		Use:   "timeline [DATASET]",
		Short: "How the network changed: per-date measures, cluster transitions, successions, partnership survival",
		Long: `timeline takes the network as it stood on a series of dates (every --every
from --from to --to, or the --dates given), respecting the start and end dates
of organisations, partnerships and arrangements, and prints:

  - per date: organisations and ties, ties formed and ended since the date
    before, density and weighted density, components, average clustering and
    clusters; newly central organisations and the largest changes in ties;
    sector block density on the first and last date;
  - cluster transitions between dates (continues, grows, shrinks, splits,
    merges, appears, dissolves; Greene, Doyle & Cunningham 2010);
  - successions: councils abolished and replaced (the successor column), with
    the partnerships their predecessors shared before, such as a shared
    management team before a merger;
  - survival: how long dated partnerships and arrangements last (Kaplan-Meier
    by kind and service area, censored at --to).

Partnerships and arrangements with no dates count as active on every date
(the output says how many) unless --drop-undated is given.
--carry-successors moves the ties of abolished organisations onto the
organisations that replaced them. --from defaults to 1 January of the year of
the earliest date in the data, --to to today; data with no dates at all gives
one snapshot, on --to. CSV output writes one table,
chosen with --table: ` + strings.Join(reports.TimelineTables, ", ") + `.`,
		Example: `  partnet timeline --from 2008-01-01 --to 2024-01-01
  partnet timeline --from 2015-01-01 --to 2024-01-01 --every 6m --format json
  partnet timeline --dates 2010-04-01,2015-04-01,2020-04-01 --carry-successors
  partnet timeline ./mydata --format csv --table survival`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			return runTimeline(cmd.Context(), opts, s)
		},
	}
	opts.data.addFlags(cmd)
	// A timeline takes its own dates (--from/--to/--every or --dates); the
	// shared --at filter would fix it to one day, so it is not offered.
	cmd.Flags().MarkHidden("at")
	opts.format.add(cmd, "text", "text", "csv", "json")
	f := cmd.Flags()
	f.StringVar(&opts.From, "from", "", "first date, YYYY-MM-DD (default: 1 January of the year of the earliest date in the data)")
	f.StringVar(&opts.To, "to", "", "last date, YYYY-MM-DD; also where survival is censored (default: today)")
	f.StringVar(&opts.Every, "every", engine.DefaultEvery, "step between dates: a number and y, m, w or d, e.g. 1y, 6m, 2y")
	f.StringSliceVar(&opts.Dates, "dates", nil, "exact dates instead of a series, comma-separated, increasing")
	f.StringVar(&opts.Table, "table", "periods", "table for --format csv: "+strings.Join(reports.TimelineTables, ", "))
	f.BoolVar(&opts.CarrySuccessors, "carry-successors", false, "carry the ties of abolished organisations onto their successors")
	f.BoolVar(&opts.DropUndated, "drop-undated", false, "leave out partnerships and arrangements with no dates")
	f.Float64Var(&opts.Threshold, "match-threshold", timeline.DefaultTrackThreshold, "Jaccard overlap a cluster must exceed to match one on the next date")
	return cmd
}

func runTimeline(ctx context.Context, opts *timelineOptions, s *streams) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := opts.format.check(); err != nil {
		return err
	}
	if !slices.Contains(reports.TimelineTables, opts.Table) {
		return usagef(fmt.Errorf("--table %q: want one of %s", opts.Table, strings.Join(reports.TimelineTables, ", ")))
	}
	if opts.data.At != "" {
		return usagef(errors.New("--at does not apply to timeline: use --from, --to and --every, or --dates"))
	}
	if opts.Threshold < 0 || opts.Threshold >= 1 {
		return usagef(fmt.Errorf("--match-threshold %v: want a number from 0 up to (not including) 1", opts.Threshold))
	}
	if len(opts.Dates) > 0 && (opts.From != "" || opts.To != "") {
		return usagef(errors.New("give either --dates or --from/--to, not both"))
	}
	o, err := opts.options(s)
	if err != nil {
		return err
	}
	d, err := opts.data.load(s, opts.Args)
	if err != nil {
		return err
	}
	o.Data = d.Data
	res, err := engine.Timeline(ctx, d.Dataset.Network, o)
	if err != nil {
		return engineErr(err)
	}
	s.report(res.Run)
	return printer{
		JSON: func(w io.Writer) error { return reports.WriteTimelineJSON(w, res.Timeline) },
		CSV:  func(w io.Writer) error { return reports.WriteTimelineCSV(w, res.Timeline, opts.Table) },
		Text: func(w io.Writer) error { return reports.WriteTimelineText(w, res.Timeline) },
	}.print(s, opts.format.value)
}

// options parses the date flags into the engine's TimelineOptions (the
// defaults, and the single snapshot of undated data, are the engine's).
func (opts *timelineOptions) options(s *streams) (engine.TimelineOptions, error) {
	o := engine.TimelineOptions{Seed: s.Seed, Every: opts.Every, CarrySuccessors: opts.CarrySuccessors,
		DropUndated: opts.DropUndated, Threshold: opts.Threshold}
	for _, v := range opts.Dates {
		t, err := datasets.ParseDate(v)
		if err != nil || t.IsZero() {
			return o, usagef(fmt.Errorf("--dates: %q: %w", v, errOr(err, "empty date")))
		}
		o.Dates = append(o.Dates, t)
	}
	var err error
	if o.From, err = datasets.ParseDate(opts.From); err != nil {
		return o, usagef(fmt.Errorf("--from: %w", err))
	}
	if o.To, err = datasets.ParseDate(opts.To); err != nil {
		return o, usagef(fmt.Errorf("--to: %w", err))
	}
	if o.Today, err = datasets.ParseDate(s.Now()); err != nil {
		return o, fmt.Errorf("today's date: %w", err)
	}
	return o, nil
}

func errOr(err error, msg string) error {
	if err != nil {
		return err
	}
	return errors.New(msg)
}
