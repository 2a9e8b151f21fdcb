package graph

import (
	"fmt"
	"math"
	"sort"
)

// Scheme says how an arrangement with n members is projected into ties
// between each pair of its members.
type Scheme string

const (
	// SchemeNewman gives each pair 1/(n-1) per arrangement (Newman 2001,
	// "Scientific collaboration networks II"), so a two-member shared service
	// weighs 1 and a forty-member body 1/39 per pair. This is the default.
	SchemeNewman Scheme = "newman"
	// SchemeCount gives each pair 1 per arrangement it shares.
	SchemeCount Scheme = "count"
	// SchemeValue splits the arrangement's ValueGBP evenly across its
	// n(n-1)/2 pairs; an arrangement without a value contributes nothing.
	SchemeValue Scheme = "value"
)

// ParseScheme checks a scheme name; the empty string gives SchemeNewman.
func ParseScheme(s string) (Scheme, error) {
	switch Scheme(s) {
	case "":
		return SchemeNewman, nil
	case SchemeNewman, SchemeCount, SchemeValue:
		return Scheme(s), nil
	}
	return "", fmt.Errorf("unknown weighting scheme %q: want count, newman or value", s)
}

// ParseWeighting is the one place a weighting is made from what a user
// gives: a scheme name ("" means newman) and kind weights that override
// base's (nil base: DefaultKindWeights; the group search starts from its
// own). With no overrides the weighting's KindWeights stay nil (the
// defaults). Every override must be a finite number >= 0 with a non-empty
// kind; the error names the first bad one. The command line, batch specs
// and Go users all come through here.
func ParseWeighting(scheme string, overrides map[string]float64, base func() map[string]float64) (Weighting, error) {
	sc, err := ParseScheme(scheme)
	if err != nil {
		return Weighting{}, err
	}
	w := Weighting{Scheme: sc}
	if len(overrides) == 0 {
		return w, nil
	}
	kinds := make([]string, 0, len(overrides))
	for k := range overrides {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	if base == nil {
		base = DefaultKindWeights
	}
	w.KindWeights = base()
	for _, k := range kinds {
		v := overrides[k]
		if k == "" || v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return Weighting{}, fmt.Errorf("kind weight %s=%v: want kind=weight with a number >= 0, e.g. joint_plan=2", k, v)
		}
		w.KindWeights[k] = v
	}
	return w, nil
}

// DefaultKindWeight is the weight of a partnership kind missing from the
// kind weights.
const DefaultKindWeight = 1.0

// DefaultKindWeights returns partnet's documented partnership strengths. A
// formal shared service or a shared management team commits money, staff and
// governance and is the strongest tie; pooled budgets and joint commissioning
// come next; joint plans and programme bids are medium; a grant is a plain
// tie of 1; joint membership of a statutory body or area (fire, police,
// resilience forum, combined authority area) is weak, because membership is
// set by geography and law rather than chosen.
//
// The map is a fresh copy: callers may change it.
func DefaultKindWeights() map[string]float64 {
	return map[string]float64{
		"shared_service":        3,
		"shared_management":     3,
		"pooled_budget":         2.5,
		"joint_commissioning":   2.5,
		"joint_plan":            1.5,
		"programme_bid":         1.5,
		"grant":                 1,
		"combined_authority":    1,
		"statutory_partnership": 0.5,
		"statutory_body":        0.5,
	}
}

// Weighting sets how partnerships and arrangements become tie weights. The
// zero value uses SchemeNewman and DefaultKindWeights.
type Weighting struct {
	Scheme Scheme
	// KindWeights multiplies each partnership's or arrangement's weight by
	// its kind's entry; kinds not present weigh DefaultKindWeight. Nil means
	// DefaultKindWeights(). Set it to an empty, non-nil map to weigh every
	// kind 1.
	KindWeights map[string]float64
}

func (w Weighting) scheme() Scheme {
	if w.Scheme == "" {
		return SchemeNewman
	}
	return w.Scheme
}

// KindWeight returns the multiplier for a kind.
func (w Weighting) KindWeight(kind string) float64 {
	kw := w.KindWeights
	if kw == nil {
		kw = defaultKindWeights
	}
	if v, ok := kw[kind]; ok {
		return v
	}
	return DefaultKindWeight
}

// PairWeight returns the weight an arrangement of the given size and value
// gives each pair of its members, before the kind weight.
func (w Weighting) PairWeight(members int, value float64, hasValue bool) float64 {
	if members < 2 {
		return 0
	}
	switch w.scheme() {
	case SchemeCount:
		return 1
	case SchemeValue:
		if !hasValue {
			return 0
		}
		pairs := float64(members) * float64(members-1) / 2
		return value / pairs
	default:
		return 1 / float64(members-1)
	}
}

// Describe lists the weighting for a report footer: scheme, then kind=weight
// pairs in kind order.
func (w Weighting) Describe() string {
	kw := w.KindWeights
	if kw == nil {
		kw = defaultKindWeights
	}
	kinds := make([]string, 0, len(kw))
	for k := range kw {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	s := "scheme=" + string(w.scheme())
	for _, k := range kinds {
		s += fmt.Sprintf(" %s=%g", k, kw[k])
	}
	return s
}

var defaultKindWeights = DefaultKindWeights()
