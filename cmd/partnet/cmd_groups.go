package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/reports"
	"github.com/spf13/cobra"
)

type groupsOptions struct {
	data                        dataOptions
	format                      formatFlag
	Tiers                       []string
	MinSize, MaxSize, MaxGroups int
	Members, Types              []string
	RequireAdjacent, PreferNear bool
	MaxDistanceKm               float64
	MustLink, CannotLink        []string
	Exclude                     []string
	Adjacency                   string
	Args                        []string
}

func newGroupsCommand(s *streams) *cobra.Command {
	opts := &groupsOptions{}
	cmd := &cobra.Command{
		Use:   "groups [DATASET]",
		Short: "Candidate council groupings for a funding round, ranked, with the evidence behind each",
		Long: `groups proposes groups of councils (or other organisations, --members) that
could combine services, ranked by how much they already work together, and
lists for each group the partnerships and shared bodies behind it, its weakest
member and how often the search found it.

Tiers follow the Transformation Challenge Award (2013):
  large   3 to 10 members, at most 4 groups; combined population counts
  small   2 to 5 members, at most 30 groups
  custom  2 to 10 members, at most 10 groups (set with --min-size, --max-size,
          --max-groups)
Several tiers can be chosen together (--tier large,small): they are filled in
that order and no organisation is offered in two of them.

Score (0-100) = 40 collaboration + 20 cohesion + 15 density + 10 compactness
(20 with --prefer-near) + 15 scale (large tier) - 10 weakest link; each part
is between 0 and 1 and is shown. Hard rules, always met: sizes, no
organisation in two groups, --must-link (kept together or both left out),
--cannot-link, --exclude, --require-adjacent (every group joined through
shared borders) and --max-distance-km (no two members further apart).

Shared borders come from the dataset's adjacency.csv (pairs of ids, "a,b"),
or from --adjacency FILE (the ONS lad21 neighbours file works as is).
Organisation ids in --must-link, --cannot-link and --exclude must be in the
dataset (a usage error, exit 2, otherwise).

With at most 12 eligible organisations the search is exact; otherwise it
grows groups from Leiden clusters at several resolutions and seeds and
improves them by local moves: good, not provably the best.`,
		Example: `  partnet groups --tier large
  partnet groups --tier large,small --format csv
  partnet groups --tier small --max-distance-km 40 --exclude E09000001
  partnet groups --tier custom --min-size 2 --max-size 3 --max-groups 5 --must-link E07000200,E07000203
  partnet groups ./mydata --tier small --require-adjacent --adjacency borders.csv`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			return runGroups(cmd.Context(), opts, s)
		},
	}
	opts.data.addFlags(cmd)
	opts.format.add(cmd, "text", "text", "csv", "json")
	f := cmd.Flags()
	f.StringSliceVar(&opts.Tiers, "tier", []string{"large"}, "large, small or custom; several, comma-separated, are filled in order with no organisation in two")
	f.IntVar(&opts.MinSize, "min-size", 0, "fewest members per group (0: the tier's)")
	f.IntVar(&opts.MaxSize, "max-size", 0, "most members per group (0: the tier's)")
	f.IntVar(&opts.MaxGroups, "max-groups", 0, "most groups (0: the tier's)")
	f.StringSliceVar(&opts.Members, "members", []string{graph.SectorCouncil}, "sectors members may come from")
	f.StringSliceVar(&opts.Types, "types", nil, "organisation types members may have (default: any), e.g. district,unitary")
	f.BoolVar(&opts.RequireAdjacent, "require-adjacent", false, "every group must be joined through shared borders (needs an adjacency table)")
	f.Float64Var(&opts.MaxDistanceKm, "max-distance-km", 0, "no two members further apart than this, in km (0: no limit)")
	f.BoolVar(&opts.PreferNear, "prefer-near", false, "double the weight of compactness")
	f.StringArrayVar(&opts.MustLink, "must-link", nil, "A,B: always in the same group, or both left out (repeatable)")
	f.StringArrayVar(&opts.CannotLink, "cannot-link", nil, "A,B: never in the same group (repeatable)")
	f.StringSliceVar(&opts.Exclude, "exclude", nil, "organisation ids never to place")
	f.StringVar(&opts.Adjacency, "adjacency", "", "CSV of id pairs sharing a border (default: the dataset's adjacency.csv if any)")
	return cmd
}

// pairs parses repeated A,B flag values.
func pairs(flag string, vals []string) ([][2]string, error) {
	var out [][2]string
	for _, v := range vals {
		a, b, ok := strings.Cut(v, ",")
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		if !ok || a == "" || b == "" || strings.Contains(b, ",") {
			return nil, usagef(fmt.Errorf("--%s %q: want two organisation ids, A,B", flag, v))
		}
		if a == b {
			return nil, usagef(fmt.Errorf("--%s %q: the two ids are the same", flag, v))
		}
		out = append(out, [2]string{a, b})
	}
	return out, nil
}

func (opts *groupsOptions) tierOptions(seed uint64, w graph.Weighting) ([]groups.Options, error) {
	if err := opts.format.check(); err != nil {
		return nil, err
	}
	if len(opts.Tiers) == 0 {
		return nil, usagef(errors.New("--tier: give large, small or custom"))
	}
	must, err := pairs("must-link", opts.MustLink)
	if err != nil {
		return nil, err
	}
	cannot, err := pairs("cannot-link", opts.CannotLink)
	if err != nil {
		return nil, err
	}
	for _, v := range []struct {
		name string
		n    int
	}{{"min-size", opts.MinSize}, {"max-size", opts.MaxSize}, {"max-groups", opts.MaxGroups}} {
		if v.n < 0 {
			return nil, usagef(fmt.Errorf("--%s %d: want a positive number", v.name, v.n))
		}
	}
	if opts.MinSize != 0 && opts.MinSize < 2 {
		return nil, usagef(fmt.Errorf("--min-size %d: a group has at least 2 members", opts.MinSize))
	}
	if opts.MaxDistanceKm < 0 || math.IsNaN(opts.MaxDistanceKm) {
		return nil, usagef(fmt.Errorf("--max-distance-km %v: want a number >= 0", opts.MaxDistanceKm))
	}
	sized := opts.MinSize != 0 || opts.MaxSize != 0 || opts.MaxGroups != 0
	if sized && len(opts.Tiers) > 1 {
		return nil, usagef(errors.New("--min-size, --max-size and --max-groups apply to one tier: give a single --tier"))
	}
	var out []groups.Options
	for _, t := range opts.Tiers {
		tier := groups.Tier(strings.TrimSpace(t))
		if tier != groups.TierLarge && tier != groups.TierSmall && tier != groups.TierCustom {
			return nil, usagef(fmt.Errorf("--tier %q: want large, small or custom", t))
		}
		if slices.ContainsFunc(out, func(o groups.Options) bool { return o.Tier == tier }) {
			return nil, usagef(fmt.Errorf("--tier %s given twice", tier))
		}
		o := groups.Options{Tier: tier, MinSize: opts.MinSize, MaxSize: opts.MaxSize, MaxGroups: opts.MaxGroups,
			Sectors: opts.Members, Types: opts.Types, Exclude: opts.Exclude, MustLink: must, CannotLink: cannot,
			RequireAdjacent: opts.RequireAdjacent, MaxDistanceKm: opts.MaxDistanceKm, PreferNear: opts.PreferNear,
			Seed: seed, Weighting: w}
		lo, hi, _ := groups.TierSizes(tier)
		if o.MinSize != 0 {
			lo = o.MinSize
		}
		if o.MaxSize != 0 {
			hi = o.MaxSize
		}
		if lo > hi {
			return nil, usagef(fmt.Errorf("--min-size %d is more than --max-size %d", lo, hi))
		}
		out = append(out, o)
	}
	return out, nil
}

// checkIDs makes every id named in a flag one of the dataset's.
func (opts *groupsOptions) checkIDs(net *graph.Network, tiers []groups.Options) error {
	check := func(flag string, ids ...string) error {
		for _, id := range ids {
			if _, ok := net.Index(id); !ok {
				return usagef(fmt.Errorf("--%s: no organisation %q in the dataset", flag, id))
			}
		}
		return nil
	}
	o := tiers[0]
	for _, p := range o.MustLink {
		if err := check("must-link", p[0], p[1]); err != nil {
			return err
		}
	}
	for _, p := range o.CannotLink {
		if err := check("cannot-link", p[0], p[1]); err != nil {
			return err
		}
	}
	return check("exclude", o.Exclude...)
}

// adjacency loads the border table: --adjacency, else the dataset's
// adjacency.csv when the dataset is a folder or embedded.
func (opts *groupsOptions) adjacency(dsName string) ([][2]string, string, error) {
	if opts.Adjacency != "" {
		adj, err := datasets.LoadAdjacency(opts.Adjacency)
		if err != nil {
			return nil, "", err
		}
		if adj == nil {
			return nil, "", usagef(fmt.Errorf("--adjacency %s: no %s there", opts.Adjacency, datasets.AdjacencyFile))
		}
		return adj, opts.Adjacency, nil
	}
	if !strings.HasPrefix(dsName, "embedded:") {
		if info, err := os.Stat(dsName); err != nil || !info.IsDir() {
			return nil, "", nil
		}
	}
	adj, err := datasets.LoadAdjacency(dsName)
	if err != nil || adj == nil {
		return nil, "", err
	}
	return adj, datasets.AdjacencyFile + " in " + dsName, nil
}

func runGroups(ctx context.Context, opts *groupsOptions, s *streams) error {
	if ctx == nil {
		ctx = context.Background()
	}
	w, err := opts.data.weighting()
	if err != nil {
		return err
	}
	tiers, err := opts.tierOptions(s.Seed, w)
	if err != nil {
		return err
	}
	d, err := opts.data.load(s, opts.Args)
	if err != nil {
		return err
	}
	net := d.Network
	if err := opts.checkIDs(net, tiers); err != nil {
		return err
	}
	adj, adjFrom, err := opts.adjacency(d.Dataset.Name)
	if err != nil {
		return err
	}
	if opts.RequireAdjacent && adj == nil {
		return usagef(errors.New("--require-adjacent needs shared borders: the dataset has no adjacency.csv; give --adjacency FILE"))
	}
	large := net.NumOrganisations() > reports.LargeNetwork
	how := ""
	for i := range tiers {
		tiers[i].Adjacency = adj
		if large {
			// As the report does.
			how = reports.LargeGroupSearch(&tiers[i])
		}
	}
	if large && !s.Quiet {
		tprintf(s.ErrOut, "partnet: note: %d organisations (more than %d): %s\n",
			net.NumOrganisations(), reports.LargeNetwork, how)
	}
	bars := newPhases(s)
	bars.Update("candidate groups", 0, -1)
	res, err := groups.SearchTiers(ctx, net, net.Snapshot(d.Weighting), tiers)
	bars.Finish()
	if errors.Is(err, groups.ErrOptions) {
		return usagef(err)
	}
	if err != nil {
		return err
	}
	v := reports.NewGroupsView(d.Dataset.Name, net, d.Weighting, adjFrom, res)
	switch opts.format.value {
	case "json":
		return reports.WriteJSON(s.Out, v)
	case "csv":
		return reports.WriteGroupsCSV(s.Out, v)
	}
	return writeText(s.Out, func(w io.Writer) error { return reports.WriteGroupsText(w, v) })
}
