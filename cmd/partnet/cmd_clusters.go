package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis/engine"
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
	compareSet bool
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
  - agreement with an attribute (--compare, default region when
    organisations have one, else none): normalised mutual information and
    adjusted Rand index, over organisations that have a value.

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
			opts.compareSet = cmd.Flags().Changed("compare")
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
	f.IntVar(&opts.Restarts, "restarts", engine.DefaultRestarts, "independent Leiden runs per seed, keeping the one of highest quality (runs share both cores)")
	f.IntVar(&opts.Runs, "runs", engine.DefaultClusterRuns, fmt.Sprintf("Leiden seeds for the stability measures (1: a single run; %d above %d organisations unless given)", engine.LargeClusterRuns, engine.LargeNetwork))
	f.StringVar(&opts.Compare, "compare", engine.DefaultCompare, "attribute to compare the clusters with, e.g. region, type, sector (none: no comparison; by default none when no organisation has a region)")
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
	if opts.Iterations < 0 {
		return usagef(fmt.Errorf("--iterations %d: want 0 (until converged) or more", opts.Iterations))
	}
	if opts.Restarts < 1 {
		return usagef(fmt.Errorf("--restarts %d: want 1 or more", opts.Restarts))
	}
	if opts.runsSet && opts.Runs < 1 {
		return usagef(fmt.Errorf("--runs %d: want 1 or more", opts.Runs))
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
	iterations := opts.Iterations
	if opts.iterationsSet && iterations == 0 {
		iterations = -1 // until converged, whatever the size
	}
	runs := 0
	if opts.runsSet {
		runs = opts.Runs
	}
	compare := opts.Compare
	if !opts.compareSet {
		compare = ""
	}
	bars := newPhases(s)
	res, err := engine.Clusters(ctx, d.Dataset.Network, engine.ClustersOptions{Data: d.Data, Seed: s.Seed,
		Algorithm: opts.Algorithm, Objective: opts.Objective, Resolution: opts.Resolution,
		Iterations: iterations, Restarts: opts.Restarts, Runs: runs, Compare: compare, Progress: bars.Update})
	bars.Finish()
	if err != nil {
		return engineErr(err)
	}
	s.report(res.Run)
	v := reports.NewClustersView(reports.ClustersInput{Dataset: d.Dataset.Name, Algorithm: res.Algorithm,
		Network: res.Network, Snapshot: res.Snapshot, Clustering: res.Clustering, Stability: res.Stability,
		CompareAttr: res.CompareAttr, Agreement: res.Agreement})
	return printer{
		JSON: func(w io.Writer) error { return reports.WriteJSON(w, v) },
		CSV:  func(w io.Writer) error { return reports.WriteClustersCSV(w, v, opts.Table) },
		Text: func(w io.Writer) error { return reports.WriteClustersText(w, v) },
	}.print(s, opts.format.value)
}
