package engine

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/analysis/timeline"
	"github.com/partnet/partnet/graph"
)

// TimelineOptions set the dates and what Timeline tracks. The zero value
// takes yearly dates from 1 January of the first year in the data to
// Today.
type TimelineOptions struct {
	// Data's Filter must not set At: a timeline takes its own dates.
	Data
	Seed uint64
	// Resolution is the Leiden resolution of each date's clusters (0:
	// DefaultResolution).
	Resolution float64
	// Dates, when given, are the exact snapshot dates (increasing);
	// otherwise every Every (DefaultEvery) from From to To. A zero From
	// is 1 January of the earliest year in the data; a zero To is Today.
	Dates    []time.Time
	From, To time.Time
	Every    string
	Today    time.Time
	// CarrySuccessors, DropUndated and Threshold: see
	// timeline.Options (Threshold 0 means
	// timeline.DefaultTrackThreshold).
	CarrySuccessors bool
	DropUndated     bool
	Threshold       float64
}

// TimelineResult is Timeline's answer. Run.Snapshot is the whole
// network's; each date's snapshot is the timeline's own.
type TimelineResult struct {
	Run
	Timeline *timeline.Result
}

// Timeline measures net on a series of dates (timeline.Measure) with
// clusters tracked by TimelineClusters. On data with no dates at all and
// no dates asked for, it gives the one snapshot it can, on To (Today by
// default), with a note. It stops with ctx's error.
func Timeline(ctx context.Context, net *graph.Network, opts TimelineOptions) (*TimelineResult, error) {
	if !opts.Filter.At.IsZero() {
		return nil, &OptionError{Option: "at", Err: errors.New("does not apply to a timeline: give from, to and every, or dates")}
	}
	if opts.Threshold < 0 || opts.Threshold >= 1 {
		return nil, optionErr("match-threshold", fmt.Sprint(opts.Threshold), "want a number from 0 up to (not including) 1")
	}
	if len(opts.Dates) > 0 && (!opts.From.IsZero() || !opts.To.IsZero()) {
		return nil, &OptionError{Option: "dates", Err: errors.New("give either dates or from/to, not both")}
	}
	r, err := opts.Data.prepare(net)
	if err != nil {
		return nil, err
	}
	dates, end, err := timelineDates(&r, opts)
	if err != nil {
		return nil, err
	}
	tl, err := timeline.Measure(ctx, r.Network, timeline.Options{
		Dates:           dates,
		Weighting:       r.Snapshot.Weighting(),
		DropUndated:     opts.DropUndated,
		CarrySuccessors: opts.CarrySuccessors,
		Cluster:         TimelineClusters(opts.Seed, opts.Resolution),
		Track:           timeline.TrackOptions{Threshold: opts.Threshold},
		Survival:        timeline.SurvivalOptions{End: end},
	})
	if err != nil {
		return nil, err
	}
	gamma := opts.Resolution
	if gamma <= 0 {
		gamma = DefaultResolution
	}
	r.set("timeline", "%d dates, %s to %s; clusters by Leiden (modularity at resolution %g, seed %d) started from the previous date's, matched at Jaccard > %g; survival censored at %s",
		len(dates), dates[0].Format(time.DateOnly), dates[len(dates)-1].Format(time.DateOnly), gamma, opts.Seed, tl.Clusters.Threshold, end.Format(time.DateOnly))
	return &TimelineResult{Run: r, Timeline: tl}, nil
}

// timelineDates returns the snapshot dates and the survival end date.
func timelineDates(r *Run, opts TimelineOptions) ([]time.Time, time.Time, error) {
	if len(opts.Dates) > 0 {
		if err := timeline.CheckDates(opts.Dates); err != nil {
			return nil, time.Time{}, &OptionError{Option: "dates", Err: err}
		}
		return opts.Dates, opts.Dates[len(opts.Dates)-1], nil
	}
	every := opts.Every
	if every == "" {
		every = DefaultEvery
	}
	step, err := timeline.ParseInterval(every)
	if err != nil {
		return nil, time.Time{}, &OptionError{Option: "every", Err: err}
	}
	from, to := opts.From, opts.To
	if to.IsZero() {
		to = opts.Today
	}
	if to.IsZero() {
		return nil, time.Time{}, &OptionError{Option: "to", Err: errors.New("give the last date (or Today)")}
	}
	if from.IsZero() {
		first, _, ok := timeline.DataSpan(r.Network)
		if !ok {
			r.note("the data has no dates: one snapshot, on %s (give --from or --dates for a series)", to.Format("2006-01-02"))
			return []time.Time{to}, to, nil
		}
		from = time.Date(first.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	dates, err := timeline.SeriesDates(from, to, step)
	if err != nil {
		return nil, time.Time{}, &OptionError{Option: "from", Value: from.Format("2006-01-02"), Err: err}
	}
	return dates, to, nil
}

// TimelineClusters is the clustering run on each timeline snapshot, by
// partnet timeline and by the report alike: seeded Leiden (modularity at
// resolution gamma, 0 meaning DefaultResolution) started from the
// previous date's partition, so that clusters keep their identity.
func TimelineClusters(seed uint64, gamma float64) timeline.ClusterFunc {
	if gamma <= 0 {
		gamma = DefaultResolution
	}
	return func(ctx context.Context, s *graph.Snapshot, initial []int) ([]int, error) {
		c, err := community.Leiden(ctx, s, community.LeidenOptions{Seed: seed, Resolution: gamma, Initial: initial})
		if err != nil {
			return nil, err
		}
		return c.Membership, nil
	}
}
