package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/reports"
	"github.com/spf13/cobra"
)

type clustersOptions struct {
	data       dataOptions
	format     formatFlag
	Resolution float64
	Objective  string
	Iterations int
	Restarts   int
	Runs       int
	Compare    string
	Algorithm  string
	Table      string
	runsSet    bool
	// iterationsSet records an explicit --iterations.
	iterationsSet bool
	Args          []string
}

func newClustersCommand(s *streams) *cobra.Command {
	opts := &clustersOptions{}
	cmd := &cobra.Command{
		Use:   "clusters [DATASET]",
		Short: "Shared-service clusters: Leiden communities, their quality, stability and agreement with regions",
		Long: `clusters finds communities of organisations that work together more with each
other than with the rest, with the Leiden algorithm (Traag, Waltman & van Eck
2019; every cluster is connected) or, for comparison, gonum's Louvain. It prints:

  - quality: modularity, coverage (share of tie weight inside clusters), the
    number of clusters and their size distribution;
  - one row per cluster: size, its most connected members, conductance (share
    of its tie weight that leaves it), density and robustness;
  - stability: Leiden is run with --runs seeds; the reported partition is the
    consensus (the run closest to the others), each cluster's robustness is
    how well it reappears across seeds (robust at 0.8) and each organisation's
    confidence how consistently it lands with the same partners;
  - agreement with an attribute (--compare, default region): normalised
    mutual information and adjusted Rand index, over organisations that have
    a value.

--resolution: higher gives more, smaller clusters (default 1 for modularity,
the network's weighted density for cpm). CSV writes one table, chosen with
--table: membership (one row per organisation with its cluster and
confidence) or clusters.`,
		Example: `  partnet clusters
  partnet clusters --resolution 2 --runs 20
  partnet clusters --objective cpm --kinds shared_service,shared_management
  partnet clusters --compare type --format json
  partnet clusters ./mydata --format csv --table membership`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			opts.runsSet = cmd.Flags().Changed("runs")
			opts.iterationsSet = cmd.Flags().Changed("iterations")
			return runClusters(cmd.Context(), opts, s)
		},
	}
	opts.data.addFlags(cmd)
	opts.format.add(cmd, "text", "text", "csv", "json")
	f := cmd.Flags()
	f.Float64Var(&opts.Resolution, "resolution", 0, "resolution: higher gives smaller clusters (0: 1 for modularity, the weighted density for cpm)")
	f.StringVar(&opts.Objective, "objective", "modularity", "quality to maximise: modularity or cpm")
	f.IntVar(&opts.Iterations, "iterations", 0, "Leiden iterations (0: until the partition stops changing)")
	f.IntVar(&opts.Restarts, "restarts", 1, "independent Leiden runs per seed, keeping the one of highest quality (runs share both cores)")
	f.IntVar(&opts.Runs, "runs", 10, "Leiden seeds for the stability measures (1: a single run)")
	f.StringVar(&opts.Compare, "compare", "region", "attribute to compare the clusters with, e.g. region, type, sector (none: no comparison)")
	f.StringVar(&opts.Algorithm, "algorithm", "leiden", "leiden, or louvain (gonum; single run, modularity only, up to 20,000 organisations)")
	f.StringVar(&opts.Table, "table", "membership", "table for --format csv: "+strings.Join(reports.ClustersTables, ", "))
	return cmd
}

func (opts *clustersOptions) check() error {
	if err := opts.format.check(); err != nil {
		return err
	}
	if !slices.Contains(reports.ClustersTables, opts.Table) {
		return usagef(fmt.Errorf("--table %q: want one of %s", opts.Table, strings.Join(reports.ClustersTables, ", ")))
	}
	if _, err := community.ParseObjective(opts.Objective); err != nil {
		return usagef(fmt.Errorf("--objective: %w", err))
	}
	if opts.Resolution < 0 || math.IsNaN(opts.Resolution) || math.IsInf(opts.Resolution, 0) {
		return usagef(fmt.Errorf("--resolution %v: want a number >= 0", opts.Resolution))
	}
	if opts.Iterations < 0 {
		return usagef(fmt.Errorf("--iterations %d: want 0 (until converged) or more", opts.Iterations))
	}
	if opts.Restarts < 1 {
		return usagef(fmt.Errorf("--restarts %d: want 1 or more", opts.Restarts))
	}
	if opts.Runs < 1 {
		return usagef(fmt.Errorf("--runs %d: want 1 or more", opts.Runs))
	}
	switch opts.Algorithm {
	case "leiden":
	case "louvain":
		if opts.Objective != string(community.ObjectiveModularity) {
			return usagef(errors.New("--algorithm louvain only maximises modularity: drop --objective cpm"))
		}
		if opts.runsSet && opts.Runs > 1 {
			return usagef(errors.New("--runs: stability is measured with Leiden; --algorithm louvain is a single run"))
		}
	default:
		return usagef(fmt.Errorf("--algorithm %q: want leiden or louvain", opts.Algorithm))
	}
	return nil
}

func runClusters(ctx context.Context, opts *clustersOptions, s *streams) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := opts.check(); err != nil {
		return err
	}
	d, err := opts.data.load(s, opts.Args)
	if err != nil {
		return err
	}
	net := d.Network
	snap := net.Snapshot(d.Weighting)
	in := reports.ClustersInput{Dataset: d.Dataset.Name, Algorithm: opts.Algorithm, Network: net, Snapshot: snap}
	if opts.Algorithm == "louvain" {
		c, err := community.Louvain(ctx, snap, community.LouvainOptions{Resolution: opts.Resolution, Seed: s.Seed})
		if err != nil {
			return err
		}
		in.Clustering = c
	} else {
		lo := community.LeidenOptions{Objective: community.Objective(opts.Objective), Resolution: opts.Resolution, Seed: s.Seed, Iterations: opts.Iterations, Restarts: opts.Restarts}
		if n := snap.N(); n > reports.LargeNetwork {
			// Lighter defaults on large networks, as the report uses; flags
			// given on the command line win.
			var what []string
			if !opts.runsSet && opts.Runs > largeRuns {
				opts.Runs = largeRuns
				what = append(what, fmt.Sprintf("%d Leiden seeds for stability (--runs)", largeRuns))
			}
			if !opts.iterationsSet && lo.Iterations == 0 {
				lo.Iterations = largeIterations
				what = append(what, fmt.Sprintf("%d Leiden iterations per run (--iterations)", largeIterations))
			}
			if len(what) > 0 && !s.Quiet {
				tprintf(s.ErrOut, "partnet: note: %d organisations (more than %d): %s; give the flags to change this\n", n, reports.LargeNetwork, strings.Join(what, " and "))
			}
		}
		bars := newPhases(s)
		defer bars.Finish()
		bars.Update("clusters (Leiden)", 0, -1)
		if opts.Runs == 1 {
			c, err := community.Leiden(ctx, snap, lo)
			if err != nil {
				return err
			}
			in.Clustering = c
		} else {
			st, err := community.Stability(ctx, snap, community.StabilityOptions{Leiden: lo, Runs: opts.Runs,
				Progress: func(done, total int) { bars.Update("cluster stability (Leiden runs)", done, total) }})
			if err != nil {
				return err
			}
			in.Clustering, in.Stability = st.Consensus, st
		}
	}
	if opts.Compare != "" && opts.Compare != "none" {
		col := net.AttrColumn(opts.Compare)
		if !slices.ContainsFunc(col, func(v string) bool { return v != "" }) && net.NumOrganisations() > 0 {
			return usagef(fmt.Errorf("--compare %q: no organisation has a value for it (try region, type or sector, or none)", opts.Compare))
		}
		agr, err := community.Compare(in.Clustering.Membership, community.LabelsFromColumn(col))
		if err != nil {
			return err
		}
		in.CompareAttr, in.Agreement = opts.Compare, &agr
	}
	v := reports.NewClustersView(in)
	switch opts.format.value {
	case "json":
		return reports.WriteJSON(s.Out, v)
	case "csv":
		return reports.WriteClustersCSV(s.Out, v, opts.Table)
	}
	return writeText(s.Out, func(w io.Writer) error { return reports.WriteClustersText(w, v) })
}

// Leiden settings clusters uses above reports.LargeNetwork organisations
// unless --runs or --iterations are given.
const (
	largeRuns       = 3
	largeIterations = 2
)
