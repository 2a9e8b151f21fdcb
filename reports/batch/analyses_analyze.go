package batch

import (
	"context"
	"io"
	"math"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/reports"
)

func init() { analyses["analyze"] = runAnalyze }

// runAnalyze computes the density, position and structure measures of a
// run with the engine's defaults (grouped by sector when organisations
// have one; betweenness exact up to engine.ExactBetweennessLimit, sampled
// above, as partnet analyze and the report do) and records the
// network-level figures. A measure that cannot be computed is left out of
// the metrics and null in analyze.json.
func runAnalyze(ctx context.Context, rc *runContext) error {
	res, err := engine.Analyze(ctx, rc.net, engine.AnalyzeOptions{Data: rc.data, Seed: rc.run.Seed, Workers: 1})
	if err != nil {
		return err
	}
	rc.record("analyze", res.Run)
	a := res.Analysis
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
	if a.EI != nil && res.By == "sector" {
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
