package engine

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/graph"
)

// AnalyzeOptions set what Analyze measures. The zero value measures
// everything with the defaults in defaults.go.
type AnalyzeOptions struct {
	Data
	Seed uint64
	// By is the attribute for the E-I index, block density and brokerage;
	// "" means DefaultBy, and then, when no organisation has a value,
	// everyone is one group (with a note). A By given that no
	// organisation has a value for is an OptionError.
	By string
	// Metrics are the metric groups (analysis.Metrics); empty means all.
	Metrics []string
	// BetweennessSamples: 0 means the rule of BetweennessSamples (exact
	// up to ExactBetweennessLimit organisations); positive samples that
	// many sources (exact when >= n). ExactPaths forces exact path
	// measures whatever the size.
	BetweennessSamples int
	ExactPaths         bool
	// Workers bounds the cores used (0: up to 2); results do not depend
	// on it.
	Workers int
	// Progress, when set, is told each metric group as it starts.
	Progress func(phase string, done, total int)
}

// AnalyzeResult is Analyze's answer: the measures, and the grouping and
// sampling actually used.
type AnalyzeResult struct {
	Run
	Analysis *analysis.Analysis
	// By is the grouping attribute used ("" when everyone is one group).
	By string
	// BetweennessSamples is the number of sampled sources asked for (0:
	// exact).
	BetweennessSamples int
}

// Analyze computes density, E-I and block density by an attribute, and
// every organisation's position and brokerage (analysis.Analyze) on net
// filtered and weighted as opts.Data says. A measure that cannot be
// computed (an iterative one that does not converge) is left undefined
// (NaN, null in JSON) with a warning in Run.Warnings and
// Analysis.Warnings; the others stand. It stops with ctx's error.
func Analyze(ctx context.Context, net *graph.Network, opts AnalyzeOptions) (*AnalyzeResult, error) {
	if opts.BetweennessSamples < 0 {
		return nil, optionErr("betweenness-samples", fmt.Sprint(opts.BetweennessSamples), "want 0 (the default rule) or a positive number")
	}
	r, err := opts.Data.prepare(net)
	if err != nil {
		return nil, err
	}
	layerNote(&r)
	by, err := resolveBy(&r, "by", opts.By, DefaultBy,
		"E-I, block density and brokerage treat all as one group (choose another with --by)")
	if err != nil {
		return nil, err
	}
	var col []string
	if by != "" {
		col = r.Network.AttrColumn(by)
	}
	n := r.Snapshot.N()
	samples := opts.BetweennessSamples
	switch {
	case opts.ExactPaths:
		samples = 0
	case samples == 0:
		if samples = BetweennessSamples(n, r.Snapshot.Ties()); samples > 0 {
			r.note("%d organisations (more than %d): betweenness, closeness and distances are estimated from %d random sources (--seed); --betweenness-samples 0 computes them exactly, taking time proportional to organisations x ties",
				n, ExactBetweennessLimit, samples)
		}
	}
	names := make([]string, n)
	for i := range names {
		names[i] = r.Network.Organisation(i).Name
	}
	a, err := analysis.Analyze(ctx, r.Snapshot,
		analysis.Attributes{Names: names, GroupBy: by, By: col},
		analysis.AnalyzeOptions{Metrics: opts.Metrics, BetweennessSamples: samples, Seed: opts.Seed,
			Workers: opts.Workers, Progress: opts.Progress})
	if err != nil {
		return nil, err
	}
	r.Warnings = append(r.Warnings, a.Warnings...)
	if samples > 0 && samples < n {
		r.set("betweenness", "sampled: %d of %d organisations as sources (seed %d), scaled by n/k", a.Network.BetweennessSources, n, opts.Seed)
	} else {
		r.set("betweenness", "exact (Brandes)")
	}
	return &AnalyzeResult{Run: r, Analysis: a, By: by, BetweennessSamples: samples}, nil
}
