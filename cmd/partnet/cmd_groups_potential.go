package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/reports"
)

// Group modes: ready (the ranked shortlist per tier) and potential (who
// could work together next).
const (
	modeReady     = "ready"
	modePotential = "potential"
)

// runGroupsPotential answers groups --mode potential: pairs (and groups of
// three) not yet sharing management or a service, ranked by what predicts
// joint working, each with its evidence.
func runGroupsPotential(ctx context.Context, opts *groupsOptions, s *streams) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	if opts.tierFlags != "" {
		return usagef(fmt.Errorf("--%s applies to --mode ready", opts.tierFlags))
	}
	if opts.Pairs < 0 {
		return usagef(fmt.Errorf("--pairs %d: want a positive number", opts.Pairs))
	}
	// --at is the round's day (as in ready mode): the whole dataset is
	// loaded and Potential keeps what was active then.
	var at time.Time
	if opts.data.At != "" {
		t, err := datasets.ParseDate(opts.data.At)
		if err != nil {
			return usagef(fmt.Errorf("--at: %w", err))
		}
		at = t
	}
	data := opts.data
	data.At = ""
	d, err := data.load(s, opts.Args)
	if err != nil {
		return err
	}
	net := d.Network
	for _, id := range opts.Exclude {
		if _, ok := net.Index(id); !ok {
			return usagef(fmt.Errorf("--exclude: no organisation %q in the dataset", id))
		}
	}
	adj, adjFrom, err := opts.adjacency(d.Dataset.Name, net, s)
	if err != nil {
		return err
	}
	if adj == nil && !s.Quiet {
		fmt.Fprintf(s.ErrOut, "partnet: note: no border table (adjacency.csv or --adjacency): the border part of the potential score is 0 for every pair\n")
	}
	members := opts.Members
	if !opts.membersSet {
		members = nil // the default: councils, or everyone when the data has no sectors
	}
	res, err := groups.Potential(ctx, net, groups.PotentialOptions{At: at, Sectors: members, Types: opts.Types,
		Exclude: opts.Exclude, Adjacency: adj, Pairs: opts.Pairs})
	if errors.Is(err, groups.ErrPotentialOptions) {
		return usagef(err)
	}
	if err != nil {
		return err
	}
	if !s.Quiet && res.AllEligible {
		fmt.Fprintf(s.ErrOut, "partnet: note: the data has no sectors: every organisation is eligible (--members to choose)\n")
	}
	if !s.Quiet && !res.At.IsZero() && at.IsZero() {
		fmt.Fprintf(s.ErrOut, "partnet: note: potential partners as on %s, the data's latest date (--at to choose another)\n", res.At.Format("2006-01-02"))
	}
	v := reports.NewPotentialView(d.Dataset.Name, net, adjFrom, res)
	switch opts.format.value {
	case "json":
		return reports.WriteJSON(s.Out, v)
	case "csv":
		return reports.WritePotentialCSV(s.Out, v)
	}
	return reports.WritePotentialText(s.Out, v)
}
