package engine

import (
	"context"
	"errors"
	"time"

	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/graph"
)

// PotentialOptions set how Potential ranks who could work together next.
// The zero value ranks DefaultPotentialPairs pairs of councils (every
// organisation when none has a sector) on the data's latest date.
type PotentialOptions struct {
	// At is the round's day (zero: the data's latest date, with a note).
	// The whole network is given: Potential keeps what was active then.
	At time.Time
	// Members are the sectors proposals may come from (nil: councils, or
	// everyone when no organisation has a sector, with a note); Types the
	// organisation types (nil: any).
	Members, Types []string
	// Exclude names organisation ids never to propose; each must be in
	// the network.
	Exclude []string
	// Adjacency pairs organisations sharing a border; without it the
	// border part of every score is 0 (a note says so).
	Adjacency [][2]string
	// Pairs is how many pairs to list (0: DefaultPotentialPairs; negative:
	// every candidate).
	Pairs int
}

// PotentialResult is Potential's answer. Run.Snapshot is nil: the ranking
// reads the round's partnership network, not tie weights.
type PotentialResult struct {
	Run
	*groups.PotentialResult
}

// Potential ranks pairs (and groups of three) of eligible organisations
// not yet sharing management or a service on the round's day
// (groups.Potential), with a note for each default that adapted to the
// data.
func Potential(ctx context.Context, net *graph.Network, opts PotentialOptions) (*PotentialResult, error) {
	if net == nil {
		net = graph.NewNetwork()
	}
	r := Run{Network: net}
	if opts.Pairs < 0 {
		return nil, optionErr("pairs", "", "want a positive number")
	}
	for _, id := range opts.Exclude {
		if _, ok := net.Index(id); !ok {
			return nil, optionErr("exclude", "", "no organisation %q in the dataset", id)
		}
	}
	pairs := opts.Pairs
	if pairs == 0 {
		pairs = DefaultPotentialPairs
	}
	if opts.Adjacency == nil {
		r.note("no border table (adjacency.csv or --adjacency): the border part of the potential score is 0 for every pair")
	}
	res, err := groups.Potential(ctx, net, groups.PotentialOptions{At: opts.At, Sectors: opts.Members, Types: opts.Types,
		Exclude: opts.Exclude, Adjacency: opts.Adjacency, Pairs: pairs, Groups: DefaultPotentialGroups})
	if errors.Is(err, groups.ErrPotentialOptions) {
		return nil, &OptionError{Err: err}
	}
	if err != nil {
		return nil, err
	}
	if res.AllEligible {
		r.note("the data has no sectors: every organisation is eligible (--members to choose)")
	}
	if !res.At.IsZero() && opts.At.IsZero() {
		r.note("potential partners as on %s, the data's latest date (--at to choose another)", res.At.Format(time.DateOnly))
	}
	r.set("potential pairs", "%d pairs, %d groups of three", pairs, DefaultPotentialGroups)
	return &PotentialResult{Run: r, PotentialResult: res}, nil
}
