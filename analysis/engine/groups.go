package engine

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/graph"
)

// MembersAll is the Members value that makes every organisation eligible,
// whatever its sector.
const MembersAll = "all"

// GroupsOptions set how Groups searches. The zero value proposes the
// large tier of councils (every organisation when none has a sector).
type GroupsOptions struct {
	Data
	Seed uint64
	// Tiers are filled in order, no organisation in two; nil means large.
	Tiers []groups.Tier
	// MinSize, MaxSize and MaxGroups override the tier's (one tier only).
	MinSize, MaxSize, MaxGroups int
	// Members are the sectors members may come from, or MembersAll. Nil
	// means councils when some organisation has a sector, and every
	// organisation when none has (with a note). A value that is no
	// organisation's sector is an OptionError listing those seen.
	Members []string
	// Types are the organisation types members may have (nil: any).
	Types []string
	// Exclude, MustLink and CannotLink name organisation ids, which must
	// be in the network.
	Exclude              []string
	MustLink, CannotLink [][2]string
	// Adjacency pairs organisations sharing a border; AdjacencySource
	// says where it came from (for the output).
	Adjacency       [][2]string
	AdjacencySource string
	RequireAdjacent bool
	MaxDistanceKm   float64
	PreferNear      bool
	// CountAllTies counts ties to organisations of any sector in
	// cohesion and the weakest link (groups.Options.CountAllTies).
	CountAllTies bool
	// Resolution scales the Leiden resolutions candidates are drawn from
	// (GroupResolutions); 0 means DefaultResolution.
	Resolution float64
	Progress   func(phase string, done, total int)
}

// GroupsResult is Groups' answer: one shortlist per tier.
type GroupsResult struct {
	Run
	Tiers []*groups.Result
	// Search describes the candidate search used.
	Search string
}

// Groups proposes candidate groups per tier (groups.SearchTiers) on net
// filtered and weighted as opts.Data says. Above LargeNetwork the lighter
// search of largeGroupSearch runs (a note says so). When no organisation
// is eligible, a note says why.
func Groups(ctx context.Context, net *graph.Network, opts GroupsOptions) (*GroupsResult, error) {
	r, err := opts.Data.prepare(net)
	if err != nil {
		return nil, err
	}
	tiers, err := groupTiers(&r, opts)
	if err != nil {
		return nil, err
	}
	n := r.Network.NumOrganisations()
	search := fmt.Sprintf("Leiden candidates at resolutions %s x %d seeds", fmtFloats(GroupResolutions(opts.Resolution)), DefaultGroupSeeds)
	if Large(n) {
		var how string
		res, seeds, iters, improve, exact, h := largeGroupSearch(opts.Resolution)
		for i := range tiers {
			tiers[i].Resolutions, tiers[i].Seeds, tiers[i].LeidenIterations = res, seeds, iters
			tiers[i].ImproveLimit, tiers[i].ExactLimit = improve, exact
		}
		how = h
		search = "large network: " + how
		r.note("%d organisations (more than %d): %s", n, LargeNetwork, how)
	}
	if opts.Progress != nil {
		opts.Progress("candidate groups", 0, -1)
	}
	out, err := groups.SearchTiers(ctx, r.Network, r.Snapshot, tiers)
	if errors.Is(err, groups.ErrOptions) {
		return nil, &OptionError{Err: err}
	}
	if err != nil {
		return nil, err
	}
	if len(out) > 0 && n > 0 {
		// The round the groups were formed in (groups.Options.At).
		switch at := out[0].At; {
		case at.IsZero():
			r.note("the data carries no dates: groups are formed among all its organisations")
		case out[0].AtSource == "given":
			r.note("groups formed among organisations active on %s (--at)", at.Format(time.DateOnly))
		default:
			r.note("groups formed among organisations active on %s, the data's latest date (--at DATE for an earlier round)", at.Format(time.DateOnly))
		}
	}
	if why := whyNoGroups(r.Network, tiers, out); why != "" {
		r.note("%s", why)
	}
	r.set("candidate groups", "%s, seed %d", search, opts.Seed)
	return &GroupsResult{Run: r, Tiers: out, Search: search}, nil
}

// whyNoGroups says why no tier found a group ("" when some did): no
// organisation eligible, too few for a group, or none meeting the rules.
func whyNoGroups(net *graph.Network, tiers []groups.Options, res []*groups.Result) string {
	if len(res) == 0 || net.NumOrganisations() == 0 || !empty(res) {
		return ""
	}
	o, eligible := tiers[0], res[0].Eligible
	who := "every organisation"
	if !o.AnySector {
		who = "sector " + strings.Join(o.Sectors, " or ")
	}
	choose := fmt.Sprintf("choose sectors with --members (seen: %s), or --members %s", strings.Join(valuesOf(net, "sector"), ", "), MembersAll)
	switch {
	case eligible == 0 && o.AnySector:
		return "no organisation is eligible for a group (check --types, --exclude and --max-distance-km)"
	case eligible == 0:
		return fmt.Sprintf("no organisation is eligible for a group: none has %s; %s", who, choose)
	case eligible < res[0].MinSize:
		n := fmt.Sprintf("%d organisations", eligible)
		if eligible == 1 {
			n = "1 organisation"
		}
		return fmt.Sprintf("only %s eligible (%s), fewer than the %d members a group needs; %s", n, who, res[0].MinSize, choose)
	}
	why := fmt.Sprintf("no group meets the rules among the %d eligible organisations (%s): the sizes, one group per organisation and the rules given", eligible, who)
	if grants := grantShare(net); grants > 0 {
		why += fmt.Sprintf("; grants (%.0f%% of the partnerships) are funding, not joint working, and are left out of the groups' round", 100*grants)
	}
	return why
}

// grantShare is the share of partnerships that are grants.
func grantShare(net *graph.Network) float64 {
	n := net.NumPartnerships()
	if n == 0 {
		return 0
	}
	g := 0
	for i := 0; i < n; i++ {
		if net.PartnershipKind(i) == groups.KindGrant {
			g++
		}
	}
	return float64(g) / float64(n)
}

// groupTiers checks the options against the network and makes one
// groups.Options per tier.
func groupTiers(r *Run, opts GroupsOptions) ([]groups.Options, error) {
	net := r.Network
	tierList := opts.Tiers
	if len(tierList) == 0 {
		tierList = []groups.Tier{groups.TierLarge}
	}
	for _, v := range []struct {
		name string
		n    int
	}{{"min-size", opts.MinSize}, {"max-size", opts.MaxSize}, {"max-groups", opts.MaxGroups}} {
		if v.n < 0 {
			return nil, optionErr(v.name, fmt.Sprint(v.n), "want a positive number")
		}
	}
	if opts.MinSize != 0 && opts.MinSize < 2 {
		return nil, optionErr("min-size", fmt.Sprint(opts.MinSize), "a group has at least 2 members")
	}
	if opts.MaxDistanceKm < 0 || math.IsNaN(opts.MaxDistanceKm) {
		return nil, optionErr("max-distance-km", fmt.Sprint(opts.MaxDistanceKm), "want a number >= 0")
	}
	if (opts.MinSize != 0 || opts.MaxSize != 0 || opts.MaxGroups != 0) && len(tierList) > 1 {
		return nil, &OptionError{Option: "min-size, max-size and max-groups", Err: errors.New("they apply to one tier: give a single tier")}
	}
	if opts.RequireAdjacent && len(opts.Adjacency) == 0 {
		return nil, &OptionError{Option: "require-adjacent", Err: errors.New("needs shared borders: the dataset has no adjacency.csv; give an adjacency table")}
	}
	for _, id := range opts.Exclude {
		if _, ok := net.Index(id); !ok {
			return nil, &OptionError{Option: "exclude", Err: fmt.Errorf("no organisation %q in the dataset", id)}
		}
	}
	for _, l := range []struct {
		name  string
		pairs [][2]string
	}{{"must-link", opts.MustLink}, {"cannot-link", opts.CannotLink}} {
		for _, p := range l.pairs {
			for _, id := range p {
				if _, ok := net.Index(id); !ok {
					return nil, &OptionError{Option: l.name, Err: fmt.Errorf("no organisation %q in the dataset", id)}
				}
			}
		}
	}
	// The search projects its own snapshot of the round (the network on
	// opts.Filter.At, or the data's latest date) with the group kind
	// weights (groups.KindWeights) unless overridden.
	gw, err := opts.Data.weightingFrom(groups.KindWeights)
	if err != nil {
		return nil, err
	}
	base := groupDefaults(opts.Seed, opts.Resolution)
	base.Weighting, base.At, base.CountAllTies = gw, opts.Filter.At, opts.CountAllTies
	base.MinSize, base.MaxSize, base.MaxGroups = opts.MinSize, opts.MaxSize, opts.MaxGroups
	base.Types, base.Exclude, base.MustLink, base.CannotLink = opts.Types, opts.Exclude, opts.MustLink, opts.CannotLink
	base.Adjacency, base.RequireAdjacent, base.MaxDistanceKm, base.PreferNear = opts.Adjacency, opts.RequireAdjacent, opts.MaxDistanceKm, opts.PreferNear
	if err := members(r, opts.Members, &base); err != nil {
		return nil, err
	}
	var out []groups.Options
	for _, t := range tierList {
		if t != groups.TierLarge && t != groups.TierSmall && t != groups.TierCustom {
			return nil, optionErr("tier", string(t), "want large, small or custom")
		}
		if slices.ContainsFunc(out, func(o groups.Options) bool { return o.Tier == t }) {
			return nil, optionErr("tier", string(t), "given twice")
		}
		lo, hi, _ := groups.TierSizes(t)
		if opts.MinSize != 0 {
			lo = opts.MinSize
		}
		if opts.MaxSize != 0 {
			hi = opts.MaxSize
		}
		if lo > hi {
			return nil, &OptionError{Option: "min-size", Err: fmt.Errorf("%d is more than the maximum size, %d", lo, hi)}
		}
		o := base
		o.Tier = t
		out = append(out, o)
	}
	return out, nil
}

// members applies the eligibility rule: the sectors given (each seen in
// the data, or MembersAll), else councils when organisations have
// sectors, else everyone.
func members(r *Run, list []string, o *groups.Options) error {
	seen := valuesOf(r.Network, "sector")
	if len(list) == 0 {
		if len(seen) == 0 && r.Network.NumOrganisations() > 0 {
			o.AnySector = true
			r.note("no organisation has a sector: every organisation is eligible for a group (choose sectors with --members)")
			return nil
		}
		o.Sectors = []string{graph.SectorCouncil}
		return nil
	}
	for _, m := range list {
		if m == MembersAll {
			o.AnySector = true
			return nil
		}
	}
	for _, m := range list {
		if !slices.Contains(seen, m) {
			want := "no organisation has a sector"
			if len(seen) > 0 {
				want = "sectors seen: " + strings.Join(seen, ", ")
			}
			return optionErr("members", m, "no organisation has this sector (%s; or %s for every organisation)", want, MembersAll)
		}
	}
	o.Sectors = slices.Clone(list)
	return nil
}

func fmtFloats(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ", ")
}
