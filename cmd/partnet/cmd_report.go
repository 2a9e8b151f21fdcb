package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"time"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/datasets/geo"
	"github.com/partnet/partnet/internal/atomicfile"
	"github.com/partnet/partnet/reports"
	"github.com/partnet/partnet/reports/page"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	data         dataOptions
	Output       string
	By           string
	Title        string
	AssetsHost   string
	InlineAssets string
	Tables       string
	SizeBy       string
	Resolution   float64
	Stability    int
	Samples      int
	NoGroups     bool
	Args         []string
	// byGiven is true when --by was set on the command line.
	byGiven bool
}

func newReportCommand(s *streams) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report [DATASET]",
		Short: "Write one HTML report: findings, network map, densities, brokers, clusters, groups",
		Long: `report writes one HTML file an analyst can send on: findings in plain English,
key figures, a network map laid out by partnet, a geographic view, densities
within and between groups, brokers and central organisations, clusters,
candidate groups and a timeline, each chart with its data table, and a footer
with the version, the input files' SHA-256, every parameter and the seed.

The page loads ECharts from go-echarts' CDN host by default. --assets-host
points at a mirror that serves echarts.min.js; --inline-assets FILE puts the
given echarts.min.js (from the npm package echarts@5) inside the page, so it
opens with no network at all.

Networks above 2,000 organisations are drawn as a summary (one node per
group plus the top organisations); every organisation stays in the tables.`,
		Example: `  partnet report -o england.html
  partnet report ./mydata --by region --title "Partnerships in the North West"
  partnet report --inline-assets node_modules/echarts/dist/echarts.min.js -o offline.html
  partnet report --tables results/ --kinds shared_service,shared_management`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			opts.byGiven = cmd.Flags().Changed("by")
			return runReport(cmd.Context(), opts, s)
		},
	}
	opts.data.addFlags(cmd)
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", "report.html", "the HTML file to write")
	f.StringVar(&opts.By, "by", engine.DefaultBy, "the attribute that groups organisations for densities and E-I (sector, type, region, ...)")
	f.StringVar(&opts.Title, "title", "", "the report's title (default: the dataset's title)")
	f.StringVar(&opts.AssetsHost, "assets-host", "", "URL prefix serving echarts.min.js (default "+page.DefaultAssetsHost+")")
	f.StringVar(&opts.InlineAssets, "inline-assets", "", "echarts.min.js to embed in the page, so it opens offline")
	f.StringVar(&opts.Tables, "tables", "", "also write every table as CSV and JSON into this folder")
	f.StringVar(&opts.SizeBy, "size-by", "pagerank", "the centrality that sizes nodes on the map and ranks the most central: "+strings.Join(reports.SizeMeasures, ", "))
	f.Float64Var(&opts.Resolution, "resolution", 1, "Leiden modularity resolution for the clusters (higher gives more, smaller clusters)")
	f.IntVar(&opts.Stability, "stability-runs", 0, fmt.Sprintf("Leiden seeds used to judge which clusters are robust (0: %d, none above %d organisations; -1 skips)", engine.DefaultStabilityRuns, engine.LargeNetwork))
	f.IntVar(&opts.Samples, "betweenness-samples", 0, fmt.Sprintf("estimate betweenness from this many sampled sources (0: exact up to %d organisations, %d samples above)", engine.ExactBetweennessLimit, engine.DefaultBetweennessSamples))
	f.BoolVar(&opts.NoGroups, "no-groups", false, "leave out the candidate council groups (the slowest part on large networks)")
	return cmd
}

func runReport(ctx context.Context, opts *reportOptions, s *streams) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if opts.InlineAssets != "" && opts.AssetsHost != "" {
		return usagef(fmt.Errorf("--inline-assets and --assets-host: give one, not both"))
	}
	if _, err := reports.ParseSizeBy(opts.SizeBy); err != nil {
		return usagef(fmt.Errorf("--size-by: %w", err))
	}
	if opts.Resolution <= 0 || math.IsNaN(opts.Resolution) || math.IsInf(opts.Resolution, 0) {
		return usagef(fmt.Errorf("--resolution %g: want a positive number", opts.Resolution))
	}
	var in inputs
	if len(opts.Args) > 0 {
		in.addDataset(opts.Args[0])
	}
	if opts.InlineAssets != "" {
		in.files = append(in.files, opts.InlineAssets)
	}
	if err := checkOutputs(in, output{flag: "-o", path: opts.Output},
		output{flag: "--tables", path: opts.Tables, dir: true, writes: isTableFile}); err != nil {
		return err
	}
	var inline []byte
	if opts.InlineAssets != "" {
		b, err := os.ReadFile(opts.InlineAssets)
		if err != nil {
			return usagef(fmt.Errorf("--inline-assets: %w", err))
		}
		inline = b
	}
	d, err := opts.data.load(s, opts.Args)
	if err != nil {
		return err
	}
	start := time.Now()
	bars := newPhases(s)
	inputs := make([]page.Input, len(d.Dataset.Inputs))
	for k, in := range d.Dataset.Inputs {
		inputs[k] = page.Input{Name: in.Name, SHA256: in.SHA256}
	}
	by := ""
	if opts.byGiven {
		by = opts.By
	}
	adj, adjFrom, warnings, err := datasets.DatasetAdjacency(d.Dataset.Name, d.Dataset.Network)
	if err != nil {
		return err
	}
	if !s.Quiet {
		for _, w := range warnings {
			tprintf(s.ErrOut, "partnet: warning: %v\n", w)
		}
	}
	res, err := engine.Report(ctx, d.Dataset.Network, engine.ReportOptions{Data: d.Data, Seed: s.Seed, Resolution: opts.Resolution,
		StabilityRuns: opts.Stability, BetweennessSamples: opts.Samples, NoGroups: opts.NoGroups, By: by,
		Adjacency: adj, AdjacencySource: adjFrom, Progress: bars.Update})
	if err != nil {
		bars.Finish()
		return engineErr(err)
	}
	s.report(res.Run)
	if opts.Title != "" {
		res.Network.Meta.Title = opts.Title
	}
	snap := res.Snapshot
	params := []page.Figure{
		{Label: "dataset", Value: d.Dataset.Name},
		{Label: "--by", Value: opts.By},
		{Label: "--size-by", Value: opts.SizeBy},
		{Label: "--resolution", Value: fmt.Sprint(opts.Resolution)},
		{Label: "--stability-runs", Value: ranStability(opts.Stability, res)},
		{Label: "--betweenness-samples", Value: ranSamples(opts.Samples, res.Snapshot.N(), res)},
		{Label: "--no-groups", Value: fmt.Sprint(opts.NoGroups)},
		{Label: "--kinds", Value: strings.Join(opts.data.Kinds, ",")},
		{Label: "--at", Value: opts.data.At},
		{Label: "--weighting", Value: opts.data.Weighting},
		{Label: "--kind-weight", Value: strings.Join(opts.data.KindWeights, ",")},
		{Label: "--seed", Value: fmt.Sprint(s.Seed)},
		{Label: "node budget", Value: fmt.Sprint(page.DefaultNodeBudget)},
		{Label: "layout", Value: "ForceAtlas2 with Barnes-Hut, 200 iterations"},
	}
	bars.Update("building the page", 0, -1)
	defer bars.Finish()
	// The map draws organisations whose id is an English district's GSS
	// code as that district (embedded outlines, ONS May 2024).
	areas, err := geo.EnglandAreas()
	if err != nil {
		return err
	}
	rep, err := page.Build(ctx, page.Source{
		Areas: areas, AreasAttribution: geo.AreasAttribution,
		Network: res.Network, Snapshot: snap, Dataset: d.Dataset.Name, Inputs: inputs, By: opts.By, SizeBy: opts.SizeBy,
		Version: version, GeneratedAt: s.Now(), Seed: s.Seed, Parameters: params, Results: res,
	})
	if err != nil {
		return err
	}
	bars.Update("writing "+opts.Output, 0, -1)
	err = atomicfile.WriteFileContext(ctx, opts.Output, func(w io.Writer) error {
		return page.WriteHTML(w, rep, page.HTMLOptions{AssetsHost: opts.AssetsHost, InlineJS: inline})
	})
	if err != nil {
		return err
	}
	if opts.Tables != "" {
		if err := page.WriteTables(opts.Tables, rep); err != nil {
			return err
		}
	}
	bars.Finish()
	if !s.Quiet {
		tprintf(s.ErrOut, "partnet: wrote %s (%d organisations) in %.1fs\n", opts.Output, snap.N(), time.Since(start).Seconds())
	}
	return nil
}

// isTableFile reports whether --tables may write a file of this name
// (NAME.csv and NAME.json).
func isTableFile(name string) bool {
	return strings.HasSuffix(name, ".csv") || strings.HasSuffix(name, ".json")
}

// ranStability is what --stability-runs ran: the number of Leiden seeds,
// or none, and whether that was the default.
func ranStability(flag int, res *engine.ReportResult) string {
	v := "none"
	if res.Stability != nil {
		v = fmt.Sprint(res.Stability.Runs)
	}
	if flag == 0 {
		v += " (default)"
	}
	return v
}

// ranSamples is what --betweenness-samples ran: exact, or the number of
// sampled sources, and whether that was the default.
func ranSamples(flag, n int, res *engine.ReportResult) string {
	v := "not computed"
	if b := res.Betweenness; b != nil {
		v = "exact"
		if b.Sources < n {
			v = fmt.Sprintf("%d sampled sources", b.Sources)
		}
	}
	if flag == 0 {
		v += " (default)"
	}
	return v
}
