package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/partnet/partnet/graph"
	"gopkg.in/yaml.v3"
)

// Spec is a validated batch specification.
type Spec struct {
	// Name labels the batch in the manifest.
	Name string `json:"name,omitempty"`
	// Datasets to run on, globs already expanded, in spec order.
	Datasets []DatasetSpec `json:"datasets"`
	// Kinds keeps only these partnership kinds (empty: all).
	Kinds []string `json:"kinds,omitempty"`
	// Dates are the days snapshots are taken on (empty: no date filter).
	Dates []string `json:"dates,omitempty"`
	// Analyses to run on every run, in a fixed order.
	Analyses []string `json:"analyses"`
	// Parameter grids; each list has at least one entry (defaults applied).
	Resolutions []float64            `json:"resolutions"`
	Seeds       []uint64             `json:"seeds"`
	Tiers       []string             `json:"tiers"`
	Weightings  []string             `json:"weightings"`
	KindWeights []map[string]float64 `json:"kind_weights"`
}

// DatasetSpec is one dataset of a spec: a path or embedded name, or a
// generated network.
type DatasetSpec struct {
	// Source is a folder, file or embedded:NAME; empty for a generated one.
	Source string `json:"source,omitempty"`
	// Generate holds generator parameters (organisations, ties, clusters,
	// mixing, seed) when the dataset is generated.
	Generate map[string]float64 `json:"generate,omitempty"`
	// Label names the dataset in run ids and the summary.
	Label string `json:"label"`
}

// Analyses a spec may ask for, in the order they run.
var knownAnalyses = []string{"summary", "analyze", "clusters", "groups", "report"}

// SpecError is a problem in a spec at a YAML line.
type SpecError struct {
	File string
	Line int
	Msg  string
}

func (e *SpecError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ErrSpec is wrapped by every spec validation error.
var ErrSpec = errors.New("invalid batch spec")

// Limits on what one spec may ask for.
const (
	MaxRuns              = 100000
	MaxGeneratedOrgs     = 10_000_000
	MaxGeneratedTies     = 100_000_000
	maxSpecBytes         = 1 << 20
	defaultDateMonthDay  = "04-01"
	defaultGeneratedTies = 10
)

// ParseSpecFile reads and validates a spec file. Relative dataset paths
// are resolved against the spec's folder.
func ParseSpecFile(path string) (*Spec, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("batch spec: %w", err)
	}
	if info.Size() > maxSpecBytes {
		return nil, fmt.Errorf("batch spec %s: %d bytes, at most %d allowed: %w", path, info.Size(), maxSpecBytes, ErrSpec)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("batch spec: %w", err)
	}
	return ParseSpec(data, filepath.Base(path), filepath.Dir(path))
}

// ParseSpec validates a spec held in data. name labels errors; baseDir
// resolves relative dataset paths. Every problem is reported, each with
// its line, joined into one error that wraps ErrSpec.
func ParseSpec(data []byte, name, baseDir string) (*Spec, error) {
	p := &specParser{file: name, base: baseDir}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s:%d: %v: %w", name, yamlErrLine(err), err, ErrSpec)
	}
	spec := &Spec{}
	if len(doc.Content) == 0 {
		p.errf(1, "empty spec: it needs at least datasets and analyses")
		return nil, p.err()
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.errf(root.Line, "the spec must be a mapping of keys (name, datasets, filters, analyses, parameters)")
		return nil, p.err()
	}
	seen := map[string]bool{}
	p.mapping(root, map[string]func(*yaml.Node){
		"name":       func(n *yaml.Node) { spec.Name = p.str(n) },
		"datasets":   func(n *yaml.Node) { spec.Datasets = p.datasets(n) },
		"filters":    func(n *yaml.Node) { p.filters(n, spec) },
		"analyses":   func(n *yaml.Node) { spec.Analyses = p.analyses(n) },
		"parameters": func(n *yaml.Node) { p.parameters(n, spec) },
	}, seen)
	if !seen["datasets"] {
		p.errf(root.Line, "missing key datasets: list at least one dataset")
	}
	if !seen["analyses"] {
		p.errf(root.Line, "missing key analyses: list at least one of %s", strings.Join(knownAnalyses, ", "))
	}
	p.defaults(spec)
	if len(p.errs) == 0 {
		if n := spec.runCount(); n > MaxRuns {
			p.errf(root.Line, "the spec expands to more than %d runs (the product of its lists), at most %d allowed", MaxRuns, MaxRuns)
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return spec, nil
}

// runCount is the size of the cross product, saturating at MaxRuns+1 so
// that long lists cannot overflow it into a small number.
func (s *Spec) runCount() int {
	n := 1
	for _, k := range []int{len(s.Datasets), max(1, len(s.Dates)), len(s.Weightings), len(s.KindWeights), len(s.Resolutions), len(s.Seeds), len(s.Tiers)} {
		if k == 0 {
			return 0
		}
		if n > (MaxRuns+1)/k {
			return MaxRuns + 1
		}
		n *= k
	}
	return n
}

type specParser struct {
	file string
	base string
	errs []error
}

func (p *specParser) errf(line int, format string, args ...any) {
	p.errs = append(p.errs, &SpecError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (p *specParser) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	sort.SliceStable(p.errs, func(i, j int) bool {
		return p.errs[i].(*SpecError).Line < p.errs[j].(*SpecError).Line
	})
	return fmt.Errorf("%w: %w", ErrSpec, errors.Join(p.errs...))
}

func yamlErrLine(err error) int {
	var n int
	s := err.Error()
	if i := strings.Index(s, "line "); i >= 0 {
		fmt.Sscanf(s[i+5:], "%d", &n)
	}
	return n
}

// mapping walks a mapping node, calling the handler of each known key and
// reporting unknown and repeated keys.
func (p *specParser) mapping(n *yaml.Node, handlers map[string]func(*yaml.Node), seen map[string]bool) {
	if n.Kind != yaml.MappingNode {
		p.errf(n.Line, "expected a mapping of keys")
		return
	}
	known := make([]string, 0, len(handlers))
	for k := range handlers {
		known = append(known, k)
	}
	sort.Strings(known)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h, ok := handlers[k.Value]
		switch {
		case !ok:
			p.errf(k.Line, "unknown key %q (known: %s)", k.Value, strings.Join(known, ", "))
		case seen[k.Value]:
			p.errf(k.Line, "key %q given twice", k.Value)
		default:
			seen[k.Value] = true
			h(v)
		}
	}
}

func (p *specParser) str(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		p.errf(n.Line, "expected a single value")
		return ""
	}
	return n.Value
}

// list returns a sequence's items; a single scalar counts as a list of one.
func (p *specParser) list(n *yaml.Node) []*yaml.Node {
	switch n.Kind {
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			p.errf(n.Line, "empty list")
		}
		return n.Content
	case yaml.ScalarNode:
		return []*yaml.Node{n}
	}
	p.errf(n.Line, "expected a list")
	return nil
}

func (p *specParser) datasets(n *yaml.Node) []DatasetSpec {
	var out []DatasetSpec
	for _, item := range p.list(n) {
		switch item.Kind {
		case yaml.ScalarNode:
			out = append(out, p.datasetPaths(item)...)
		case yaml.MappingNode:
			var gen map[string]float64
			var label string
			p.mapping(item, map[string]func(*yaml.Node){
				"generate": func(v *yaml.Node) { gen = p.generate(v) },
				"label":    func(v *yaml.Node) { label = p.str(v) },
			}, map[string]bool{})
			if gen == nil {
				p.errf(item.Line, "a dataset entry is a path, embedded:NAME, or a mapping with generate")
				continue
			}
			if label == "" {
				label = fmt.Sprintf("generated-n%g-m%g-k%g-s%g", gen["organisations"], gen["ties"], gen["clusters"], gen["seed"])
			}
			out = append(out, DatasetSpec{Generate: gen, Label: label})
		default:
			p.errf(item.Line, "a dataset entry is a path, embedded:NAME, or a mapping with generate")
		}
	}
	// Labels name run folders: make them path-safe first, so two labels
	// that differ only in unsafe characters cannot share a folder.
	labels := map[string]int{}
	for i := range out {
		out[i].Label = sanitize(out[i].Label)
		labels[out[i].Label]++
	}
	taken := map[string]bool{}
	for i := range out {
		if labels[out[i].Label] > 1 {
			label := fmt.Sprintf("%s-%d", out[i].Label, i+1)
			for k := 2; taken[label] || (labels[label] > 0 && label != out[i].Label); k++ {
				label = fmt.Sprintf("%s-%d-%d", out[i].Label, i+1, k)
			}
			out[i].Label = label
		}
		taken[out[i].Label] = true
	}
	return out
}

// datasetPaths resolves one path entry: embedded:NAME as is; a glob to the
// sorted matches; a plain path that must exist.
func (p *specParser) datasetPaths(n *yaml.Node) []DatasetSpec {
	v := strings.TrimSpace(n.Value)
	if v == "" {
		p.errf(n.Line, "empty dataset path")
		return nil
	}
	if name, ok := strings.CutPrefix(v, "embedded:"); ok {
		return []DatasetSpec{{Source: v, Label: sanitize(name)}}
	}
	path := v
	if !filepath.IsAbs(path) {
		path = filepath.Join(p.base, path)
	}
	if strings.ContainsAny(v, "*?[") {
		matches, err := filepath.Glob(path)
		if err != nil {
			p.errf(n.Line, "dataset glob %q: %v", v, err)
			return nil
		}
		if len(matches) == 0 {
			p.errf(n.Line, "dataset glob %q matches nothing", v)
			return nil
		}
		sort.Strings(matches)
		out := make([]DatasetSpec, 0, len(matches))
		for _, m := range matches {
			out = append(out, DatasetSpec{Source: m, Label: sanitize(filepath.Base(m))})
		}
		return out
	}
	if _, err := os.Stat(path); err != nil {
		p.errf(n.Line, "dataset %q does not exist (paths are relative to the spec's folder)", v)
		return nil
	}
	return []DatasetSpec{{Source: path, Label: sanitize(filepath.Base(filepath.Clean(path)))}}
}

var generateKeys = []string{"organisations", "ties", "clusters", "mixing", "seed"}

func (p *specParser) generate(n *yaml.Node) map[string]float64 {
	out := map[string]float64{}
	handlers := map[string]func(*yaml.Node){}
	for _, k := range generateKeys {
		handlers[k] = func(v *yaml.Node) {
			x, err := strconv.ParseFloat(p.str(v), 64)
			if err != nil || x < 0 {
				p.errf(v.Line, "generate %s: %q is not a number >= 0", k, v.Value)
				return
			}
			out[k] = x
		}
	}
	p.mapping(n, handlers, map[string]bool{})
	if out["organisations"] < 2 {
		p.errf(n.Line, "generate needs organisations >= 2")
	}
	if out["organisations"] > MaxGeneratedOrgs {
		p.errf(n.Line, "generate organisations %g: at most %d allowed on one machine", out["organisations"], MaxGeneratedOrgs)
	}
	if out["ties"] == 0 {
		out["ties"] = out["organisations"] * defaultGeneratedTies / 2
	}
	if out["ties"] > MaxGeneratedTies {
		p.errf(n.Line, "generate ties %g: at most %d allowed on one machine", out["ties"], MaxGeneratedTies)
	}
	if m, ok := out["mixing"]; ok && m > 1 {
		p.errf(n.Line, "generate mixing %g: must be between 0 and 1", m)
	}
	return out
}

func (p *specParser) filters(n *yaml.Node, spec *Spec) {
	p.mapping(n, map[string]func(*yaml.Node){
		"kinds": func(v *yaml.Node) {
			for _, k := range p.list(v) {
				spec.Kinds = append(spec.Kinds, p.str(k))
			}
		},
		"dates": func(v *yaml.Node) {
			for _, d := range p.list(v) {
				s := p.str(d)
				if _, err := time.Parse("2006-01-02", s); err != nil {
					p.errf(d.Line, "date %q: expected YYYY-MM-DD", s)
					continue
				}
				spec.Dates = append(spec.Dates, s)
			}
		},
		"years": func(v *yaml.Node) { spec.Dates = append(spec.Dates, p.years(v)...) },
	}, map[string]bool{})
	slices.Sort(spec.Dates)
	spec.Dates = slices.Compact(spec.Dates)
}

// years expands {from: 2014, to: 2024, on: "04-01"} into one date a year.
func (p *specParser) years(n *yaml.Node) []string {
	var from, to int
	on := defaultDateMonthDay
	p.mapping(n, map[string]func(*yaml.Node){
		"from": func(v *yaml.Node) { from = p.year(v) },
		"to":   func(v *yaml.Node) { to = p.year(v) },
		"on":   func(v *yaml.Node) { on = p.str(v) },
	}, map[string]bool{})
	if from == 0 || to == 0 {
		p.errf(n.Line, "years needs from and to, e.g. {from: 2014, to: 2024}")
		return nil
	}
	if to < from {
		p.errf(n.Line, "years: to %d is before from %d", to, from)
		return nil
	}
	if _, err := time.Parse("2006-01-02", fmt.Sprintf("2000-%s", on)); err != nil {
		p.errf(n.Line, "years on %q: expected MM-DD, e.g. 04-01", on)
		return nil
	}
	var out []string
	for y := from; y <= to; y++ {
		out = append(out, fmt.Sprintf("%04d-%s", y, on))
	}
	return out
}

func (p *specParser) year(n *yaml.Node) int {
	y, err := strconv.Atoi(p.str(n))
	if err != nil || y < 1900 || y > 2200 {
		p.errf(n.Line, "year %q: expected a year such as 2014", n.Value)
		return 0
	}
	return y
}

func (p *specParser) analyses(n *yaml.Node) []string {
	want := map[string]bool{}
	for _, a := range p.list(n) {
		s := p.str(a)
		if !slices.Contains(knownAnalyses, s) {
			p.errf(a.Line, "unknown analysis %q (known: %s)", s, strings.Join(knownAnalyses, ", "))
			continue
		}
		want[s] = true
	}
	var out []string
	for _, a := range knownAnalyses {
		if want[a] {
			out = append(out, a)
		}
	}
	return out
}

func (p *specParser) parameters(n *yaml.Node, spec *Spec) {
	p.mapping(n, map[string]func(*yaml.Node){
		"resolution": func(v *yaml.Node) {
			for _, x := range p.list(v) {
				f, err := strconv.ParseFloat(p.str(x), 64)
				if err != nil || f <= 0 {
					p.errf(x.Line, "resolution %q: expected a number > 0", x.Value)
					continue
				}
				spec.Resolutions = append(spec.Resolutions, f)
			}
		},
		"seed": func(v *yaml.Node) {
			for _, x := range p.list(v) {
				s, err := strconv.ParseUint(p.str(x), 10, 64)
				if err != nil {
					p.errf(x.Line, "seed %q: expected a whole number >= 0", x.Value)
					continue
				}
				spec.Seeds = append(spec.Seeds, s)
			}
		},
		"tier": func(v *yaml.Node) {
			for _, x := range p.list(v) {
				s := p.str(x)
				if s != "large" && s != "small" {
					p.errf(x.Line, "tier %q: expected large or small", s)
					continue
				}
				spec.Tiers = append(spec.Tiers, s)
			}
		},
		"weighting": func(v *yaml.Node) {
			for _, x := range p.list(v) {
				s := p.str(x)
				if _, err := graph.ParseScheme(s); err != nil || s == "" {
					p.errf(x.Line, "weighting %q: expected count, newman or value", s)
					continue
				}
				spec.Weightings = append(spec.Weightings, s)
			}
		},
		"kind_weights": func(v *yaml.Node) {
			for _, x := range p.list(v) {
				if x.Kind != yaml.MappingNode {
					p.errf(x.Line, "kind_weights: each entry is a mapping such as {joint_plan: 2}")
					continue
				}
				m := map[string]float64{}
				for i := 0; i+1 < len(x.Content); i += 2 {
					f, err := strconv.ParseFloat(x.Content[i+1].Value, 64)
					if err != nil || f < 0 {
						p.errf(x.Content[i+1].Line, "kind weight %s: %q is not a number >= 0", x.Content[i].Value, x.Content[i+1].Value)
						continue
					}
					m[x.Content[i].Value] = f
				}
				spec.KindWeights = append(spec.KindWeights, m)
			}
		},
	}, map[string]bool{})
}

func (p *specParser) defaults(spec *Spec) {
	if len(spec.Resolutions) == 0 {
		spec.Resolutions = []float64{1}
	}
	if len(spec.Seeds) == 0 {
		spec.Seeds = []uint64{1}
	}
	if len(spec.Tiers) == 0 {
		spec.Tiers = []string{"large"}
	}
	if len(spec.Weightings) == 0 {
		spec.Weightings = []string{string(graph.SchemeNewman)}
	}
	if len(spec.KindWeights) == 0 {
		spec.KindWeights = []map[string]float64{{}}
	}
	// A value listed twice would give two runs with the same id (and
	// folder): keep the first.
	spec.Resolutions = dedupe(spec.Resolutions, func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) })
	spec.Seeds = dedupe(spec.Seeds, func(u uint64) string { return strconv.FormatUint(u, 10) })
	spec.Tiers = dedupe(spec.Tiers, func(s string) string { return s })
	spec.Weightings = dedupe(spec.Weightings, func(s string) string { return s })
	spec.KindWeights = dedupe(spec.KindWeights, kindWeightsTag)
}

// dedupe keeps the first of the items that share a key, in order.
func dedupe[T any](items []T, key func(T) string) []T {
	seen := map[string]bool{}
	out := items[:0:0]
	for _, it := range items {
		if k := key(it); !seen[k] {
			seen[k] = true
			out = append(out, it)
		}
	}
	return out
}

// sanitize makes a label safe as a path component: lower-case letters,
// digits, '.', '-' and '_' only, never "." or "..".
func sanitize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == '.':
			b.WriteRune('.')
		default:
			b.WriteRune('-')
		}
	}
	out := strings.Trim(b.String(), ".-")
	if out == "" {
		out = "dataset"
	}
	return out
}
