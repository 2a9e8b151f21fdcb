package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis/engine"
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
	f.StringSliceVar(&opts.Members, "members", nil, "sectors members may come from, or "+engine.MembersAll+" (default: council, or every organisation when none has a sector)")
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
	f.IntVar(&opts.Pairs, "pairs", engine.DefaultPotentialPairs, "with --mode potential: how many pairs to list")
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

// options turns the flags into the engine's GroupsOptions (without the
// data and borders); the engine checks them against the data.
func (opts *groupsOptions) options(seed uint64) (engine.GroupsOptions, error) {
	var o engine.GroupsOptions
	if err := opts.format.check(); err != nil {
		return o, err
	}
	if len(opts.Tiers) == 0 {
		return o, usagef(errors.New("--tier: give large, small or custom"))
	}
	must, err := pairs("must-link", opts.MustLink)
	if err != nil {
		return o, err
	}
	cannot, err := pairs("cannot-link", opts.CannotLink)
	if err != nil {
		return o, err
	}
	o = engine.GroupsOptions{MinSize: opts.MinSize, MaxSize: opts.MaxSize, MaxGroups: opts.MaxGroups,
		Members: opts.Members, Types: opts.Types, Exclude: opts.Exclude, MustLink: must, CannotLink: cannot,
		RequireAdjacent: opts.RequireAdjacent, MaxDistanceKm: opts.MaxDistanceKm, PreferNear: opts.PreferNear,
		CountAllTies: opts.CountAllTies, Seed: seed}
	for _, t := range opts.Tiers {
		o.Tiers = append(o.Tiers, groups.Tier(strings.TrimSpace(t)))
	}
	return o, nil
}

// adjacency loads the border table: --adjacency, else the dataset's own
// (datasets.DatasetAdjacency). Ids are checked against net (an unknown
// one is bad input); warnings go to stderr.
func (opts *groupsOptions) adjacency(dsName string, net *graph.Network, s *streams) ([][2]string, string, error) {
	var (
		adj      [][2]string
		from     = opts.Adjacency
		warnings []*datasets.ParseError
		err      error
	)
	if opts.Adjacency != "" {
		adj, warnings, err = datasets.LoadAdjacencyFor(opts.Adjacency, net)
	} else {
		adj, from, warnings, err = datasets.DatasetAdjacency(dsName, net)
	}
	if err != nil {
		return nil, "", err
	}
	if !s.Quiet {
		for _, w := range warnings {
			tprintf(s.ErrOut, "partnet: warning: %v\n", w)
		}
	}
	if adj == nil && opts.Adjacency != "" {
		return nil, "", usagef(fmt.Errorf("--adjacency %s: no %s there", opts.Adjacency, datasets.AdjacencyFile))
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
	o, err := opts.options(s.Seed)
	if err != nil {
		return err
	}
	d, err := opts.data.load(s, opts.Args)
	if err != nil {
		return err
	}
	o.Data = d.Data
	if o.Adjacency, o.AdjacencySource, err = opts.adjacency(d.Dataset.Name, d.Dataset.Network, s); err != nil {
		return err
	}
	if opts.RequireAdjacent && o.Adjacency != nil {
		members := opts.Members
		if len(members) == 0 && slices.ContainsFunc(d.Network.AttrColumn("sector"), func(v string) bool { return v != "" }) {
			members = []string{graph.SectorCouncil} // the engine's default when organisations have sectors
		}
		warnMissingBorders(s, d.Network, o.Adjacency, o.AdjacencySource, members, opts.Types)
	}
	bars := newPhases(s)
	o.Progress = bars.Update
	res, err := engine.Groups(ctx, d.Dataset.Network, o)
	bars.Finish()
	if err != nil {
		return engineErr(err)
	}
	s.report(res.Run)
	v := reports.NewGroupsView(d.Dataset.Name, res.Network, o.AdjacencySource, res.Tiers)
	return printer{
		JSON: func(w io.Writer) error { return reports.WriteJSON(w, v) },
		CSV:  func(w io.Writer) error { return reports.WriteGroupsCSV(w, v) },
		Text: func(w io.Writer) error { return reports.WriteGroupsText(w, v) },
	}.print(s, opts.format.value)
}
