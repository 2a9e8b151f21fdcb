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
	"time"

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
	CountAllTies                bool
	Args                        []string
	// Mode is ready or potential; Pairs how many pairs potential lists;
	// tierFlags names a tier-only flag given (an error with potential).
	Mode       string
	Pairs      int
	tierFlags  string
	membersSet bool
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

The round: by default groups are formed among organisations that exist on
the data's latest date (abolished councils are not offered); --at DATE
reconstructs an earlier round (councils abolished later are then eligible,
their successors not). Partnerships and arrangements count only if active
that day; grants never count (they are funding, not joint working).

Score (0-100) = 40 collaboration + 15 cohesion + 10 density + 10 depth
+ 10 compactness (20 with --prefer-near) + 15 scale (large tier) - 10 weakest
link; each part is between 0 and 1 and is shown. Cohesion counts a member's
joint working with other organisations of the --members sectors (other
councils); --count-all-ties counts every tie except those to third-sector
bodies. Depth: shared management 1, shared service 0.75, joint plan 0.4,
shared statutory area 0.1 (each member's deepest tie inside). A member
without a location makes distance unknown (compactness 0, said), never near.
Hard rules, always met: sizes, no organisation in two groups, --must-link
(kept together or both left out), --cannot-link, --exclude,
--require-adjacent (every group joined through shared borders) and
--max-distance-km (no two members further apart).

Shared borders come from the dataset's adjacency.csv (pairs of ids, "a,b"),
or from --adjacency FILE (the ONS lad21 neighbours file works as is). The
embedded England data carries its own, derived from ONS's May 2024 district
outlines (counties as the union of their districts; abolished councils from
their successors' outlines; partnet datasets export writes it as adjacency.csv).
With --require-adjacent, organisations with no border row are counted and
named on stderr.
Organisation ids in --must-link, --cannot-link and --exclude must be in the
dataset (a usage error, exit 2, otherwise).

Candidates: every arrangement of 2 to max-size eligible members, every
connected set of up to 5 joined by shared management or shared service ties,
their unions that fit the tier, and groups grown from Leiden clusters. The
shortlist is the set of disjoint candidates with the highest total score,
found by branch and bound: "exact", or "within X of the bound" when the
search is cut short (stated in every format). With at most 12 eligible
organisations every possible group is scored. docs/methods.md has the
reasons.

--mode potential answers a different question, who could work together next:
pairs of eligible organisations not yet sharing management or a service on the
data's latest date (or --at), ranked 0-100 = 40 shared partners (Adamic-Adar on
the partnership network, grants left out) + 20 shared statutory areas (fire,
police, resilience, combined authority) + 30 shared border (or a district and
its county) + 10 same type, each with the partners and areas it shares, then
groups of three whose pairs all rank. Tier flags do not apply to it.`,
		Example: `  partnet groups --tier large
  partnet groups --tier large,small --format csv
  partnet groups --tier small --at 2014-04-01
  partnet groups --tier small --max-distance-km 40 --exclude E09000001
  partnet groups --tier custom --min-size 2 --max-size 3 --max-groups 5 --must-link E07000200,E07000203
  partnet groups ./mydata --tier small --require-adjacent --adjacency borders.csv
  partnet groups --mode potential --pairs 20 --types district`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			opts.membersSet = cmd.Flags().Changed("members")
			for _, f := range []string{"tier", "min-size", "max-size", "max-groups", "must-link", "cannot-link", "require-adjacent", "max-distance-km", "prefer-near", "count-all-ties"} {
				if cmd.Flags().Changed(f) && opts.tierFlags == "" {
					opts.tierFlags = f
				}
			}
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
	f.BoolVar(&opts.CountAllTies, "count-all-ties", false, "cohesion and the weakest member's share count ties to every organisation except third-sector bodies (default: only ties to organisations of the --members sectors)")
	f.StringVar(&opts.Adjacency, "adjacency", "", "CSV of id pairs sharing a border (default: the dataset's adjacency.csv if any)")
	f.StringVar(&opts.Mode, "mode", modeReady, "ready (groups ready to combine services) or potential (pairs not yet sharing, who could work together next)")
	f.IntVar(&opts.Pairs, "pairs", 30, "with --mode potential: how many pairs to list")
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
			Seed: seed, Weighting: w, CountAllTies: opts.CountAllTies}
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
// adjacency.csv when the dataset is a folder or embedded. Ids are checked
// against net (an unknown one is bad input); warnings go to stderr.
func (opts *groupsOptions) adjacency(dsName string, net *graph.Network, s *streams) ([][2]string, string, error) {
	src, from := opts.Adjacency, opts.Adjacency
	if src == "" {
		if !strings.HasPrefix(dsName, "embedded:") {
			if info, err := os.Stat(dsName); err != nil || !info.IsDir() {
				return nil, "", nil
			}
		}
		src, from = dsName, datasets.AdjacencyFile+" in "+dsName
	}
	adj, warnings, err := datasets.LoadAdjacencyFor(src, net)
	if err != nil {
		return nil, "", err
	}
	if !s.Quiet {
		for _, w := range warnings {
			fmt.Fprintf(s.ErrOut, "partnet: warning: %v\n", w)
		}
	}
	switch {
	case adj == nil && opts.Adjacency != "":
		return nil, "", usagef(fmt.Errorf("--adjacency %s: no %s there", opts.Adjacency, datasets.AdjacencyFile))
	case adj == nil:
		return nil, "", nil
	}
	return adj, from, nil
}

func runGroups(ctx context.Context, opts *groupsOptions, s *streams) error {
	if ctx == nil {
		ctx = context.Background()
	}
	switch opts.Mode {
	case modePotential:
		return runGroupsPotential(ctx, opts, s)
	case modeReady, "":
	default:
		return usagef(fmt.Errorf("--mode %q: want ready or potential", opts.Mode))
	}
	w, err := opts.data.weightingFrom(groups.KindWeights)
	if err != nil {
		return err
	}
	if w.KindWeights == nil { // say the weights the search uses
		w.KindWeights = groups.KindWeights()
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
	adj, adjFrom, err := opts.adjacency(d.Dataset.Name, net, s)
	if err != nil {
		return err
	}
	if opts.RequireAdjacent && adj == nil {
		return usagef(errors.New("--require-adjacent needs shared borders: the dataset has no adjacency.csv; give --adjacency FILE"))
	}
	if opts.RequireAdjacent {
		warnMissingBorders(s, net, adj, adjFrom, opts.Members, opts.Types)
	}
	large := net.NumOrganisations() > reports.LargeNetwork
	how := ""
	for i := range tiers {
		tiers[i].Adjacency = adj
		tiers[i].At = d.Filter.At
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
	res, err := groups.SearchTiers(ctx, net, nil, tiers) // the search builds the round's own snapshot
	bars.Finish()
	if errors.Is(err, groups.ErrOptions) {
		return usagef(err)
	}
	if err != nil {
		return err
	}
	if !s.Quiet && len(res) > 0 {
		if at := res[0].At; at.IsZero() {
			fmt.Fprintf(s.ErrOut, "partnet: note: the data carries no dates: groups are formed among all its organisations\n")
		} else if res[0].AtSource == "given" {
			fmt.Fprintf(s.ErrOut, "partnet: note: groups formed among organisations active on %s (--at)\n", at.Format(time.DateOnly))
		} else {
			fmt.Fprintf(s.ErrOut, "partnet: note: groups formed among organisations active on %s, the data's latest date (--at DATE for an earlier round)\n", at.Format(time.DateOnly))
		}
	}
	v := reports.NewGroupsView(d.Dataset.Name, net, w, adjFrom, res)
	switch opts.format.value {
	case "json":
		return reports.WriteJSON(s.Out, v)
	case "csv":
		return reports.WriteGroupsCSV(s.Out, v)
	}
	return writeText(s.Out, func(w io.Writer) error { return reports.WriteGroupsText(w, v) })
}
