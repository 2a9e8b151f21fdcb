package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/partnet/partnet/analysis/engine"
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
	adj, adjFrom, err := opts.adjacency(d.Dataset.Name, net, s)
	if err != nil {
		return err
	}
	members := opts.Members
	if !opts.membersSet {
		members = nil // the default: councils, or everyone when the data has no sectors
	}
	res, err := engine.Potential(ctx, net, engine.PotentialOptions{At: at, Members: members, Types: opts.Types,
		Exclude: opts.Exclude, Adjacency: adj, Pairs: opts.Pairs})
	if err != nil {
		return engineErr(err)
	}
	s.report(res.Run)
	v := reports.NewPotentialView(d.Dataset.Name, net, adjFrom, res.PotentialResult)
	return printer{
		JSON: func(w io.Writer) error { return reports.WriteJSON(w, v) },
		CSV:  func(w io.Writer) error { return reports.WritePotentialCSV(w, v) },
		Text: func(w io.Writer) error { return reports.WritePotentialText(w, v) },
	}.print(s, opts.format.value)
}
