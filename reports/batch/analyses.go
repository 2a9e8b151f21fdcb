package batch

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"time"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/atomicfile"
	"github.com/partnet/partnet/reports"
)

// runContext is what an analysis of one run works with.
type runContext struct {
	run       Run
	net       *graph.Network // filtered to the run's kinds and date
	at        time.Time      // the run's date (zero: none)
	weighting graph.Weighting
	snap      *graph.Snapshot
	dir       string
	metrics   []Metric
	files     []string
}

func newRunContext(run Run, net *graph.Network, kinds []string, dir string) (*runContext, error) {
	f := graph.Filter{Kinds: kinds}
	if run.Date != "" {
		at, err := datasets.ParseDate(run.Date)
		if err != nil {
			return nil, err
		}
		f.At = at
	}
	scheme, err := graph.ParseScheme(run.Weighting)
	if err != nil {
		return nil, err
	}
	w := graph.Weighting{Scheme: scheme}
	if len(run.KindWeights) > 0 {
		w.KindWeights = graph.DefaultKindWeights()
		for k, v := range run.KindWeights {
			w.KindWeights[k] = v
		}
	}
	filtered := net.Filter(f)
	return &runContext{run: run, net: filtered, at: f.At, weighting: w, snap: filtered.Snapshot(w), dir: dir}, nil
}

// metric records one value; NaN or an infinity records the metric as
// missing (see Metric).
func (rc *runContext) metric(analysisName, name string, v float64) {
	if math.IsInf(v, 0) {
		v = math.NaN()
	}
	rc.metrics = append(rc.metrics, Metric{Analysis: analysisName, Metric: name, Value: v})
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
	s := analysis.Summarize(rc.net, rc.snap)
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
	return rc.file("summary.json", func(w io.Writer) error { return reports.WriteJSON(w, s) })
}

// loadDataset reads or generates a spec's dataset.
func loadDataset(ds DatasetSpec) (*graph.Network, []datasets.Input, error) {
	if ds.Generate != nil {
		g := ds.Generate
		net, _, err := datasets.Generate(datasets.GenerateOptions{
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
