package batch

import (
	"context"
	"io"
	"math"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/reports"
)

func init() { analyses["analyze"] = runAnalyze }

// analyzeExactLimit is the network size above which a batch run estimates
// betweenness and closeness from analyzeSamples seeded sources, as
// `partnet analyze --betweenness-samples` does.
const (
	analyzeExactLimit = 5000
	analyzeSamples    = 500
)

// runAnalyze computes the density, position and structure measures of a
// run (grouped by sector) and records the network-level figures.
func runAnalyze(ctx context.Context, rc *runContext) error {
	names := rc.net.AttrColumn("name")
	samples := 0
	if rc.snap.N() > analyzeExactLimit {
		samples = analyzeSamples
	}
	a, err := analysis.Analyze(ctx, rc.snap,
		analysis.Attributes{Names: names, GroupBy: "sector", By: rc.net.AttrColumn("sector")},
		analysis.AnalyzeOptions{BetweennessSamples: samples, Seed: rc.run.Seed, Workers: 1})
	if err != nil {
		return err
	}
	f := a.Network
	for _, m := range []struct {
		name string
		v    float64
	}{
		{"organisations", float64(f.Organisations)}, {"ties", float64(f.Ties)},
		{"density", f.Density}, {"weighted_density", f.WeightedDensity},
		{"components", float64(f.Components)}, {"largest_component", float64(f.LargestComponent)},
		{"transitivity", f.Transitivity}, {"average_clustering", f.AverageClustering},
		{"degree_assortativity", f.DegreeAssortativity}, {"sector_assortativity", f.AttributeAssortativity},
		{"degree_centralisation", f.DegreeCentralisation}, {"betweenness_centralisation", f.BetweennessCentralisation},
		{"articulation_points", float64(f.ArticulationPoints)}, {"bridges", float64(f.Bridges)},
	} {
		// NaN (undefined, e.g. assortativity of a regular graph) is
		// written empty (CSV) or null (JSON): see Metric.
		rc.metric("analyze", m.name, m.v)
	}
	// The sector E-I index exists only when organisations have sectors:
	// with none, every tie would be "internal" and the index a false -1.
	ei := math.NaN()
	if a.EI != nil && hasValue(rc.net.AttrColumn("sector")) {
		ei = a.EI.Index
	}
	rc.metric("analyze", "ei_index_sector", ei)
	if err := rc.file("analyze.json", func(w io.Writer) error { return reports.WriteAnalyzeJSON(w, a) }); err != nil {
		return err
	}
	return rc.file("analyze.csv", func(w io.Writer) error { return reports.WriteAnalyzeCSV(w, a) })
}

// hasValue reports whether any organisation has a non-empty value.
func hasValue(col []string) bool {
	for _, v := range col {
		if v != "" {
			return true
		}
	}
	return false
}
