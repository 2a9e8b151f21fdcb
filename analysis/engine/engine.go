package engine

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/partnet/partnet/graph"
)

// ErrOption is what every OptionError unwraps to: an option that does not
// fit the data (the command line's usage error).
var ErrOption = errors.New("invalid option")

// OptionError names the option that cannot apply and why (Option is
// empty when the options contradict each other as a whole). It prints as
// `by "nonexistent": no organisation has a value for it`; a door adds
// its own spelling of the option (the command line prefixes "--").
type OptionError struct {
	Option string
	Value  string
	Err    error
}

func (e *OptionError) Error() string {
	if e.Option == "" {
		return e.Err.Error()
	}
	if e.Value == "" {
		return fmt.Sprintf("%s: %v", e.Option, e.Err)
	}
	if _, err := strconv.ParseFloat(e.Value, 64); err == nil {
		return fmt.Sprintf("%s %s: %v", e.Option, e.Value, e.Err)
	}
	return fmt.Sprintf("%s %q: %v", e.Option, e.Value, e.Err)
}

// Unwrap returns ErrOption and the cause.
func (e *OptionError) Unwrap() []error { return []error{ErrOption, e.Err} }

func optionErr(option, value, format string, args ...any) error {
	return &OptionError{Option: option, Value: value, Err: fmt.Errorf(format, args...)}
}

// Data says which part of a dataset's network a verb analyses and how its
// partnerships and arrangements become tie weights. The zero value is the
// whole network under the default weighting (newman, default kind
// weights).
type Data struct {
	// Scheme is count, newman ("") or value; KindWeights override the
	// default kind weights (graph.DefaultKindWeights; for the candidate
	// groups, groups.KindWeights). Both are parsed by graph.ParseWeighting.
	Scheme      string
	KindWeights map[string]float64
	Filter      graph.Filter
}

// Weighting is the weighting d gives the analyses (the group search
// starts its kind weights from groups.KindWeights instead).
func (d Data) Weighting() (graph.Weighting, error) {
	return d.weightingFrom(nil)
}

func (d Data) weightingFrom(base func() map[string]float64) (graph.Weighting, error) {
	w, err := graph.ParseWeighting(d.Scheme, d.KindWeights, base)
	if err != nil {
		opt := "weighting"
		if len(d.KindWeights) > 0 && !strings.HasPrefix(err.Error(), "unknown weighting scheme") {
			opt = "kind-weight"
		}
		return w, &OptionError{Option: opt, Err: err}
	}
	return w, nil
}

// Setting is one setting a verb ran with, for a footer or a log.
type Setting struct {
	Label, Value string
}

// Run is what every verb's result carries: the network it analysed (the
// dataset's, filtered), its snapshot (which records the weighting), the
// settings used and the notes on what adapted to the data.
type Run struct {
	Network  *graph.Network
	Snapshot *graph.Snapshot
	// Settings say how each step ran (the report shows them).
	Settings []Setting
	// Notes explain each default that adapted to the data, once each, in
	// the order they were decided; a door prints them ("note: ...").
	Notes []string
	// Warnings are steps that could not be computed; the rest of the
	// result stands.
	Warnings []string
}

func (r *Run) note(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !slices.Contains(r.Notes, msg) {
		r.Notes = append(r.Notes, msg)
	}
}

func (r *Run) set(label, format string, args ...any) {
	r.Settings = append(r.Settings, Setting{Label: label, Value: fmt.Sprintf(format, args...)})
}

// prepare filters net and builds its snapshot under d's weighting.
func (d Data) prepare(net *graph.Network) (Run, error) {
	w, err := d.Weighting()
	if err != nil {
		return Run{}, err
	}
	if net == nil {
		net = graph.NewNetwork()
	}
	f := net.Filter(d.Filter)
	return Run{Network: f, Snapshot: f.Snapshot(w)}, nil
}

// hasValue reports whether any organisation has a value for attr.
func hasValue(net *graph.Network, attr string) bool {
	return slices.ContainsFunc(net.AttrColumn(attr), func(v string) bool { return v != "" })
}

// valuesOf lists the distinct non-empty values of attr, sorted.
func valuesOf(net *graph.Network, attr string) []string {
	seen := map[string]bool{}
	for _, v := range net.AttrColumn(attr) {
		if v != "" {
			seen[v] = true
		}
	}
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// attrsHint lists the organisation attributes that some organisation has
// a value for, so a refused --by or --compare names what would work (a
// GraphML's "club", say, where partnet's own region is missing).
func attrsHint(net *graph.Network) string {
	var have []string
	for _, a := range []string{"sector", "type", "region", "parent"} {
		if hasValue(net, a) {
			have = append(have, a)
		}
	}
	extra := map[string]bool{}
	for i := 0; i < net.NumOrganisations(); i++ {
		for k, v := range net.Organisation(i).Attrs {
			if v != "" {
				extra[k] = true
			}
		}
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	have = append(have, keys...)
	if len(have) == 0 {
		return "none has a value for any attribute"
	}
	if len(have) > 12 {
		have = append(have[:12], "...")
	}
	return "attributes with values: " + strings.Join(have, ", ")
}

// resolveBy applies the rule for a grouping attribute: by ("" means def)
// when some organisation has a value; when none has, an error if it was
// asked for, else "" (everyone one group) with a note saying what.
func resolveBy(r *Run, option, by, def, consequence string) (string, error) {
	given := by != ""
	if !given {
		by = def
	}
	if r.Network.NumOrganisations() == 0 || hasValue(r.Network, by) {
		return by, nil
	}
	if given {
		return "", optionErr(option, by, "no organisation has a value for this attribute (%s)", attrsHint(r.Network))
	}
	r.note("no organisation has a %s: %s", by, consequence)
	return "", nil
}
