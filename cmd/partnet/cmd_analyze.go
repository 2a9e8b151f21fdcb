package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/reports"
	"github.com/spf13/cobra"
)

type analyzeOptions struct {
	data    dataOptions
	format  formatFlag
	By      string
	Metrics []string
	Samples int
	Top     int
	Args    []string
	// byGiven is true when --by was set on the command line.
	byGiven bool
	// samplesSet records an explicit --betweenness-samples (0 then means
	// exact even on a large network).
	samplesSet bool
}

func newAnalyzeCommand(s *streams) *cobra.Command {
	opts := &analyzeOptions{}
	cmd := &cobra.Command{
		Use:   "analyze [DATASET]",
		Short: "Density, E-I and block density by an attribute; centrality and brokerage per organisation",
		Long: `analyze measures how dense collaboration is, between whom, and who holds the
network together. It prints network figures (density, components,
transitivity, clustering, assortativity, centralisation, diameter), the E-I
index and the block density matrix by an attribute (--by, default sector),
and per-organisation measures ranked by betweenness: degree, strength,
betweenness, closeness, harmonic, eigenvector, PageRank, clustering, k-core,
Burt's constraint and effective size, articulation points and
Gould-Fernandez brokerage roles. Fields with a weighted_ prefix use tie
weights (distance = 1/weight for paths); the others ignore weights.
Values match networkx; the README lists every field and its convention.

On large networks use --betweenness-samples K: betweenness, closeness and
distances are then estimated from K seeded random sources (--seed), and
betweenness_raw_stderr gives each estimate's standard error.

Metric groups for --metrics: ` + strings.Join(analysis.Metrics, ", ") + `.`,
		Example: `  partnet analyze
  partnet analyze --by region --format csv > organisations.csv
  partnet analyze ./mydata --metrics betweenness,brokerage --format json
  partnet analyze --kinds shared_service,shared_management --at 2016-04-01 --top 10
  partnet analyze big.csv --betweenness-samples 500 --seed 7`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			opts.byGiven = cmd.Flags().Changed("by")
			opts.samplesSet = cmd.Flags().Changed("betweenness-samples")
			return runAnalyze(cmd.Context(), opts, s)
		},
	}
	opts.data.addFlags(cmd)
	opts.format.add(cmd, "text", "text", "csv", "json")
	cmd.Flags().StringVar(&opts.By, "by", engine.DefaultBy, "organisation attribute for the E-I index, block density and brokerage (sector, type, region, or any column; by default everyone is one group when no organisation has a sector)")
	cmd.Flags().StringSliceVar(&opts.Metrics, "metrics", nil, "only these metric groups (comma-separated); default all")
	cmd.Flags().IntVar(&opts.Samples, "betweenness-samples", 0, fmt.Sprintf("estimate path measures from this many random sources (default: exact up to %d organisations, %d sources above, fewer above %d ties; 0 given: exact)", engine.ExactBetweennessLimit, engine.DefaultBetweennessSamples, engine.BetweennessTieBudget/engine.DefaultBetweennessSamples))
	cmd.Flags().IntVar(&opts.Top, "top", -1, "only the top N organisations (0: all; default 20 for text, all for csv and json)")
	return cmd
}

func runAnalyze(ctx context.Context, opts *analyzeOptions, s *streams) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	if opts.Samples < 0 {
		return usagef(fmt.Errorf("--betweenness-samples %d: want 0 (exact) or a positive number", opts.Samples))
	}
	for _, m := range opts.Metrics {
		if !slices.Contains(analysis.Metrics, m) {
			return usagef(fmt.Errorf("--metrics %q: want some of %s", m, strings.Join(analysis.Metrics, ", ")))
		}
	}
	d, err := opts.data.load(s, opts.Args)
	if err != nil {
		return err
	}
	by := ""
	if opts.byGiven {
		by = opts.By
	}
	bars := newPhases(s)
	bars.Update("analysing", 0, -1)
	res, err := engine.Analyze(ctx, d.Dataset.Network, engine.AnalyzeOptions{Data: d.Data, Seed: s.Seed, By: by,
		Metrics: opts.Metrics, BetweennessSamples: opts.Samples, ExactPaths: opts.samplesSet && opts.Samples == 0,
		Progress: bars.Update})
	bars.Finish()
	if err != nil {
		return engineErr(err)
	}
	s.report(res.Run)
	a := res.Analysis
	// --top: 20 rows by default in text (which cuts the table itself), all
	// in CSV and JSON.
	if opts.format.value != "text" && opts.Top > 0 && opts.Top < len(a.Organisations) {
		a.Organisations = a.Organisations[:opts.Top]
	}
	top := opts.Top
	if top < 0 {
		top = 20
	}
	return printer{
		JSON: func(w io.Writer) error { return reports.WriteAnalyzeJSON(w, a) },
		CSV:  func(w io.Writer) error { return reports.WriteAnalyzeCSV(w, a) },
		Text: func(w io.Writer) error { return reports.WriteAnalyzeText(w, a, top) },
	}.print(s, opts.format.value)
}
