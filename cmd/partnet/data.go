package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/partnet/partnet/analysis/engine"
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

// loaded is a dataset and the engine's Data made from the shared flags.
type loaded struct {
	Dataset *datasets.Dataset
	Data    engine.Data
	// Network is the dataset's network filtered as Data says (for the
	// commands that do not go through the engine: groups --mode
	// potential, the border warnings).
	Network *graph.Network
}

// load checks the shared flags, reads the dataset named by args (none:
// the default) and prints its warnings to stderr unless quiet.
func (o *dataOptions) load(s *streams, args []string) (*loaded, error) {
	data, err := o.data()
	if err != nil {
		return nil, err
	}
	ds, err := loadDataset(s, args)
	if err != nil {
		return nil, err
	}
	if data.Filter.Kinds, err = datasets.CheckKinds(ds.Network, data.Filter.Kinds); err != nil {
		return nil, usagef(fmt.Errorf("--kinds %w", err))
	}
	return &loaded{Dataset: ds, Data: data, Network: ds.Network.Filter(data.Filter)}, nil
}

// data turns the shared flags into the engine's Data: the filter, the
// scheme and the kind-weight overrides (checked here by
// graph.ParseWeighting, the one place a weighting is made, so that a bad
// value is a usage error before anything is read).
func (o *dataOptions) data() (engine.Data, error) {
	var d engine.Data
	d.Filter.Kinds = o.Kinds
	if o.At != "" {
		at, err := datasets.ParseDate(o.At)
		if err != nil {
			return d, usagef(fmt.Errorf("--at: %w", err))
		}
		d.Filter.At = at
	}
	var overrides map[string]float64
	for _, kv := range o.KindWeights {
		k, v, ok := strings.Cut(kv, "=")
		x, _, perr := datasets.ParseNumber(v)
		if !ok || k == "" || perr != nil || x < 0 {
			return d, usagef(fmt.Errorf("--kind-weight %q: expected kind=weight with a number >= 0, e.g. joint_plan=2", kv))
		}
		if overrides == nil {
			overrides = map[string]float64{}
		}
		overrides[k] = x
	}
	d.Scheme, d.KindWeights = o.Weighting, overrides
	if _, err := d.Weighting(); err != nil {
		return d, engineErr(err)
	}
	return d, nil
}

// report prints a run's notes and warnings on stderr (unless quiet), once
// each: the defaults that adapted to the data and the steps that could not
// be computed.
func (s *streams) report(r engine.Run) {
	if s.Quiet {
		return
	}
	for _, n := range r.Notes {
		tprintf(s.ErrOut, "partnet: note: %s\n", n)
	}
	for _, w := range r.Warnings {
		tprintf(s.ErrOut, "partnet: warning: %s\n", w)
	}
}

// engineErr turns an option the engine refused into a usage error (exit
// 2) spelled as the flag.
func engineErr(err error) error {
	var oe *engine.OptionError
	switch {
	case errors.As(err, &oe) && oe.Option == "":
		return usagef(err)
	case errors.As(err, &oe):
		return usagef(fmt.Errorf("--%w", err))
	}
	return err
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
