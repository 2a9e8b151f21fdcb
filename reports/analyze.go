package reports

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/partnet/partnet/analysis"
)

// analyzeColumn is one per-organisation field of `partnet analyze`: its
// snake_case name (the JSON key and CSV header, a stable contract), the
// metric group that produces it ("" for always present) and its value.
type analyzeColumn struct {
	name   string
	metric string
	value  func(r *analysis.OrganisationFigures) any // int, float64, bool or string
}

func f64(get func(r *analysis.OrganisationFigures) float64) func(r *analysis.OrganisationFigures) any {
	return func(r *analysis.OrganisationFigures) any { return get(r) }
}

// analyzeColumns lists every per-organisation field in output order.
var analyzeColumns = []analyzeColumn{
	{"rank", "", nil}, // filled from the row position
	{"id", "", func(r *analysis.OrganisationFigures) any { return r.ID }},
	{"name", "", func(r *analysis.OrganisationFigures) any { return r.Name }},
	{"group", "", func(r *analysis.OrganisationFigures) any { return r.Group }},
	{"degree", "", func(r *analysis.OrganisationFigures) any { return r.Degree }},
	{"strength", "", f64(func(r *analysis.OrganisationFigures) float64 { return r.Strength })},
	{"degree_centrality", "", f64(func(r *analysis.OrganisationFigures) float64 { return r.DegreeCentrality })},
	{"betweenness", "betweenness", f64(func(r *analysis.OrganisationFigures) float64 { return r.Betweenness })},
	{"betweenness_raw", "betweenness", f64(func(r *analysis.OrganisationFigures) float64 { return r.BetweennessRaw })},
	{"betweenness_raw_stderr", "betweenness", f64(func(r *analysis.OrganisationFigures) float64 { return r.BetweennessStdErr })},
	{"weighted_betweenness", "betweenness", f64(func(r *analysis.OrganisationFigures) float64 { return r.WeightedBetweenness })},
	{"closeness", "closeness", f64(func(r *analysis.OrganisationFigures) float64 { return r.Closeness })},
	{"harmonic", "closeness", f64(func(r *analysis.OrganisationFigures) float64 { return r.Harmonic })},
	{"weighted_closeness", "closeness", f64(func(r *analysis.OrganisationFigures) float64 { return r.WeightedCloseness })},
	{"weighted_harmonic", "closeness", f64(func(r *analysis.OrganisationFigures) float64 { return r.WeightedHarmonic })},
	{"eigenvector", "eigenvector", f64(func(r *analysis.OrganisationFigures) float64 { return r.Eigenvector })},
	{"weighted_eigenvector", "eigenvector", f64(func(r *analysis.OrganisationFigures) float64 { return r.WeightedEigenvector })},
	{"pagerank", "pagerank", f64(func(r *analysis.OrganisationFigures) float64 { return r.PageRank })},
	{"weighted_pagerank", "pagerank", f64(func(r *analysis.OrganisationFigures) float64 { return r.WeightedPageRank })},
	{"clustering", "clustering", f64(func(r *analysis.OrganisationFigures) float64 { return r.Clustering })},
	{"weighted_clustering", "clustering", f64(func(r *analysis.OrganisationFigures) float64 { return r.WeightedClustering })},
	{"ego_density", "clustering", f64(func(r *analysis.OrganisationFigures) float64 { return r.EgoDensity })},
	{"core", "core", func(r *analysis.OrganisationFigures) any { return r.Core }},
	{"constraint", "constraint", f64(func(r *analysis.OrganisationFigures) float64 { return r.Constraint })},
	{"effective_size", "constraint", f64(func(r *analysis.OrganisationFigures) float64 { return r.EffectiveSize })},
	{"articulation_point", "articulation_point", func(r *analysis.OrganisationFigures) any { return r.ArticulationPoint }},
	{"coordinator", "brokerage", func(r *analysis.OrganisationFigures) any { return r.Brokerage.Coordinator }},
	{"itinerant", "brokerage", func(r *analysis.OrganisationFigures) any { return r.Brokerage.Itinerant }},
	{"representative", "brokerage", func(r *analysis.OrganisationFigures) any { return r.Brokerage.Representative }},
	{"gatekeeper", "brokerage", func(r *analysis.OrganisationFigures) any { return r.Brokerage.Gatekeeper }},
	{"liaison", "brokerage", func(r *analysis.OrganisationFigures) any { return r.Brokerage.Liaison }},
}

// columnsFor returns the columns of the metric groups a computed.
func columnsFor(a *analysis.Analysis) []analyzeColumn {
	var out []analyzeColumn
	for _, c := range analyzeColumns {
		if c.metric == "" || a.Has(c.metric) {
			out = append(out, c)
		}
	}
	return out
}

func cell(c analyzeColumn, rank int, r *analysis.OrganisationFigures) any {
	if c.value == nil {
		return rank
	}
	return c.value(r)
}

// num is a float that marshals with 12 significant digits (so goldens do
// not depend on the last bits a platform's fused multiply-add changes), and
// as null when NaN or infinite (undefined, e.g. constraint of an isolate).
type num float64

func (x num) MarshalJSON() ([]byte, error) {
	return appendNum(nil, float64(x)), nil
}

// appendNum appends f rounded to 12 significant digits, written as
// strconv's shortest 'g' form writes the rounded value (exponent form below
// 1e-4 and from 1e6 up, trailing zeros dropped), or null when f is NaN or
// infinite. It formats once, into a stack buffer: the same bytes as
// FormatFloat(roundSig(f), 'g', -1, 64) without the string round trip (a
// 12-digit decimal survives float64 and back, so its digits are the
// shortest, for every normal float64; TestAppendNum).
func appendNum(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	if f != 0 && math.Abs(f) < 0x1p-1022 {
		// Subnormals carry fewer than 12 digits: take the round trip.
		return strconv.AppendFloat(b, roundSig(f), 'g', -1, 64)
	}
	var tmp [32]byte
	e := strconv.AppendFloat(tmp[:0], f, 'e', 11, 64) // [-]d.ddddddddddde±XX
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	x := 0
	for x < len(e) && e[x] != 'e' {
		x++
	}
	exp, _ := strconv.Atoi(string(e[x+1:]))
	// The significant digits, trailing zeros dropped.
	var digs [12]byte
	nd := 0
	for _, c := range e[:x] {
		if c != '.' {
			digs[nd] = c
			nd++
		}
	}
	for nd > 1 && digs[nd-1] == '0' {
		nd--
	}
	if nd == 1 && digs[0] == '0' {
		return append(b, '0') // zero, and no negative zero
	}
	if neg {
		b = append(b, '-')
	}
	if exp < -4 || exp >= 6 {
		b = append(b, digs[0])
		if nd > 1 {
			b = append(b, '.')
			b = append(b, digs[1:nd]...)
		}
		b = append(b, 'e')
		if exp < 0 {
			b, exp = append(b, '-'), -exp
		} else {
			b = append(b, '+')
		}
		if exp < 10 {
			b = append(b, '0')
		}
		return strconv.AppendInt(b, int64(exp), 10)
	}
	if exp < 0 {
		b = append(b, '0', '.')
		for i := -1; i > exp; i-- {
			b = append(b, '0')
		}
		return append(b, digs[:nd]...)
	}
	// exp in [0, 6): exp+1 digits before the point, zero-padded.
	for i := 0; i <= exp; i++ {
		if i < nd {
			b = append(b, digs[i])
		} else {
			b = append(b, '0')
		}
	}
	if nd > exp+1 {
		b = append(b, '.')
		b = append(b, digs[exp+1:nd]...)
	}
	return b
}

func roundSig(f float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 12, 64), 64)
	if r == 0 {
		return 0 // no negative zero
	}
	return r
}

// object is a JSON object that keeps its keys in the order given.
type object []field

type field struct {
	key   string
	value any
}

func (o object) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 64*len(o))
	b = append(b, '{')
	for i, f := range o {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendKey(b, f.key)
		b = append(b, ':')
		var err error
		if b, err = appendValue(b, f.value); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// appendKey appends key as a JSON string: keys are snake_case names,
// written as they are; anything else goes through encoding/json.
func appendKey(b []byte, key string) []byte {
	for i := 0; i < len(key); i++ {
		if c := key[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			k, _ := json.Marshal(key)
			return append(b, k...)
		}
	}
	return append(append(append(b, '"'), key...), '"')
}

// appendValue appends v as encoding/json would write jsonValue(v), with
// the common scalar types written directly: a million-row analysis
// spent most of a minute in reflection otherwise.
func appendValue(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case float64:
		return appendNum(b, v), nil
	case num:
		return appendNum(b, float64(v)), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	}
	m, err := json.Marshal(jsonValue(v))
	if err != nil {
		return nil, err
	}
	return append(b, m...), nil
}

// jsonValue converts floats (and float slices) to num.
func jsonValue(v any) any {
	switch v := v.(type) {
	case float64:
		return num(v)
	case []float64:
		out := make([]num, len(v))
		for i, x := range v {
			out[i] = num(x)
		}
		return out
	case [][]float64:
		out := make([][]num, len(v))
		for i, row := range v {
			out[i] = jsonValue(row).([]num)
		}
		return out
	}
	return v
}
