package batch

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/datasets/synthetic"
	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/atomicfile"
	"github.com/partnet/partnet/reports"
)

// runContext is what an analysis of one run works with: the dataset's
// network and the engine's Data made from the run (its kinds, date and
// weighting). Every analysis calls the engine's verb with them.
type runContext struct {
	run     Run
	net     *graph.Network // the dataset's, unfiltered
	data    engine.Data
	dir     string
	metrics []Metric
	files   []string
	// notes and warnings are the engine's, from every verb of the run,
	// each prefixed with the analysis that gave it (run.json, manifest).
	notes, warnings []string
	// version and inputs go into report footers.
	version string
	inputs  []datasets.Input
}

func newRunContext(run Run, net *graph.Network, kinds []string, dir string) (*runContext, error) {
	kinds, err := datasets.CheckKinds(net, kinds)
	if err != nil {
		return nil, fmt.Errorf("filters.kinds %w", err)
	}
	d := engine.Data{Filter: graph.Filter{Kinds: kinds}}
	if run.Date != "" {
		at, err := datasets.ParseDate(run.Date)
		if err != nil {
			return nil, err
		}
		d.Filter.At = at
	}
	d.Scheme, d.KindWeights = run.Weighting, run.KindWeights
	if _, err := d.Weighting(); err != nil {
		return nil, err
	}
	return &runContext{run: run, net: net, data: d, dir: dir}, nil
}

// metric records one value; NaN or an infinity records the metric as
// missing (see Metric).
func (rc *runContext) metric(analysisName, name string, v float64) {
	if math.IsInf(v, 0) {
		v = math.NaN()
	}
	rc.metrics = append(rc.metrics, Metric{Analysis: analysisName, Metric: name, Value: v})
}

// record keeps what the engine said about a verb's run: each note (a
// default that adapted to the data) and warning (a step that could not be
// computed), once each, as "analysis: text".
func (rc *runContext) record(analysisName string, r engine.Run) {
	add := func(list []string, s string) []string {
		s = analysisName + ": " + s
		if slices.Contains(list, s) {
			return list
		}
		return append(list, s)
	}
	for _, n := range r.Notes {
		rc.notes = add(rc.notes, n)
	}
	for _, w := range r.Warnings {
		rc.warnings = add(rc.warnings, w)
	}
}

// file writes one output file of the run.
func (rc *runContext) file(name string, write func(io.Writer) error) error {
	rc.files = append(rc.files, name)
	return atomicfile.WriteFile(filepath.Join(rc.dir, name), write)
}

// analyses maps each analysis name of a spec to what it computes and
// writes for one run.
var analyses = map[string]func(ctx context.Context, rc *runContext) error{
	"summary": runSummary,
}

func runSummary(_ context.Context, rc *runContext) error {
	res, err := engine.Summary(rc.net, engine.SummaryOptions{Data: rc.data})
	if err != nil {
		return err
	}
	rc.record("summary", res.Run)
	s := res.Summary
	for _, m := range []struct {
		name string
		v    float64
	}{
		{"organisations", float64(s.Organisations)}, {"ties", float64(s.Ties)}, {"density", s.Density},
		{"weighted_density", s.WeightedDensity}, {"components", float64(s.Components)},
		{"largest_component", float64(s.Largest)}, {"isolated", float64(s.Isolated)},
	} {
		rc.metric("summary", m.name, m.v)
	}
	return rc.file("summary.json", func(w io.Writer) error { return reports.WriteSummaryJSON(w, s) })
}

// loadDataset reads or generates a spec's dataset.
func loadDataset(ds DatasetSpec) (*graph.Network, []datasets.Input, error) {
	if ds.Generate != nil {
		g := ds.Generate
		net, _, err := synthetic.Generate(synthetic.Options{
			Organisations: int(g["organisations"]), Ties: int64(g["ties"]), Clusters: int(g["clusters"]),
			Mixing: g["mixing"], Seed: uint64(g["seed"]),
		})
		if err != nil {
			return nil, nil, fmt.Errorf("dataset %s: %w", ds.Label, err)
		}
		return net, nil, nil
	}
	d, err := datasets.Load(ds.Source)
	if err != nil {
		return nil, nil, err
	}
	return d.Network, d.Inputs, nil
}
