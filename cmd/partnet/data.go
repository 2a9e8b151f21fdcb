package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
	"github.com/spf13/cobra"
)

// dataOptions are the flags every analysis command shares: which data, and
// which part of it.
type dataOptions struct {
	Kinds     []string
	At        string
	Weighting string
	// KindWeights are kind=weight overrides of the default kind weights.
	KindWeights []string
}

func (o *dataOptions) addFlags(cmd *cobra.Command) {
	cmd.Flags().StringSliceVar(&o.Kinds, "kinds", nil, "only these partnership kinds (comma-separated), e.g. shared_service,shared_management")
	cmd.Flags().StringVar(&o.At, "at", "", "only what was active on this date (YYYY-MM-DD)")
	cmd.Flags().StringVar(&o.Weighting, "weighting", "newman", "how arrangements become tie weights: count, newman or value")
	cmd.Flags().StringSliceVar(&o.KindWeights, "kind-weight", nil, "override a kind's weight, e.g. --kind-weight joint_plan=2,statutory_body=0.1")
}

// loaded is a dataset after the shared flags were applied.
type loaded struct {
	Dataset   *datasets.Dataset
	Network   *graph.Network // filtered
	Filter    graph.Filter
	Weighting graph.Weighting
}

// load reads the dataset named by args (none: the default), prints its
// warnings to stderr unless quiet, and applies the filter flags.
func (o *dataOptions) load(s *streams, args []string) (*loaded, error) {
	w, err := o.weighting()
	if err != nil {
		return nil, err
	}
	var f graph.Filter
	f.Kinds = o.Kinds
	if o.At != "" {
		at, err := datasets.ParseDate(o.At)
		if err != nil {
			return nil, usagef(fmt.Errorf("--at: %w", err))
		}
		f.At = at
	}
	ds, err := loadDataset(s, args)
	if err != nil {
		return nil, err
	}
	return &loaded{Dataset: ds, Network: ds.Network.Filter(f), Filter: f, Weighting: w}, nil
}

func (o *dataOptions) weighting() (graph.Weighting, error) {
	return o.weightingFrom(graph.DefaultKindWeights)
}

// weightingFrom is weighting with the --kind-weight overrides applied to
// base's kind weights (the group search starts from its own).
func (o *dataOptions) weightingFrom(base func() map[string]float64) (graph.Weighting, error) {
	scheme, err := graph.ParseScheme(o.Weighting)
	if err != nil {
		return graph.Weighting{}, usagef(fmt.Errorf("--weighting: %w", err))
	}
	w := graph.Weighting{Scheme: scheme}
	if len(o.KindWeights) > 0 {
		w.KindWeights = base()
		for _, kv := range o.KindWeights {
			k, v, ok := strings.Cut(kv, "=")
			x, _, perr := datasets.ParseNumber(v)
			if !ok || k == "" || perr != nil || x < 0 {
				return w, usagef(fmt.Errorf("--kind-weight %q: expected kind=weight with a number >= 0, e.g. joint_plan=2", kv))
			}
			w.KindWeights[k] = x
		}
	}
	return w, nil
}

// loadDataset reads the dataset argument (or the default) and reports its
// warnings.
func loadDataset(s *streams, args []string) (*datasets.Dataset, error) {
	spec := ""
	if len(args) > 0 {
		spec = args[0]
	}
	start := time.Now()
	bars := newPhases(s)
	label := spec
	if label == "" {
		label = "the default dataset"
	}
	bars.Update("reading "+label, 0, -1)
	ds, err := datasets.Load(spec)
	bars.Finish()
	if err != nil {
		return nil, err
	}
	if !s.Quiet {
		for _, w := range ds.Warnings {
			tprintf(s.ErrOut, "partnet: warning: %v\n", w)
		}
		if s.stderrTerminal() && time.Since(start) > time.Second {
			tprintf(s.ErrOut, "partnet: read %s in %.1fs\n", ds.Name, time.Since(start).Seconds())
		}
	}
	return ds, nil
}

// formatFlag validates --format values.
type formatFlag struct {
	value   string
	allowed []string
}

func (f *formatFlag) add(cmd *cobra.Command, def string, allowed ...string) {
	f.allowed = allowed
	cmd.Flags().StringVar(&f.value, "format", def, "output format: "+strings.Join(allowed, ", "))
}

func (f *formatFlag) check() error {
	for _, a := range f.allowed {
		if f.value == a {
			return nil
		}
	}
	return usagef(fmt.Errorf("--format %q: want one of %s", f.value, strings.Join(f.allowed, ", ")))
}
