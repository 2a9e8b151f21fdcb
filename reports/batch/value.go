package batch

import (
	"encoding/json"
	"math"

	"github.com/partnet/partnet/reports"
)

// A metric's value is NaN when it does not exist for the run; it is
// written empty in summary.csv and null in JSON (see Metric).

// jsonValue is v for JSON: null when v is NaN or infinite.
func jsonValue(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// csvValue is v for CSV as every partnet CSV writes a number
// (reports.Num): empty when v is NaN or infinite.
func csvValue(v float64) string { return reports.Num(v, "") }

type metricJSON struct {
	Analysis string   `json:"analysis"`
	Metric   string   `json:"metric"`
	Value    *float64 `json:"value"`
}

// MarshalJSON writes a missing value as null.
func (m Metric) MarshalJSON() ([]byte, error) {
	return json.Marshal(metricJSON{m.Analysis, m.Metric, jsonValue(m.Value)})
}

// UnmarshalJSON reads null as a missing value (NaN).
func (m *Metric) UnmarshalJSON(data []byte) error {
	var j metricJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	m.Analysis, m.Metric, m.Value = j.Analysis, j.Metric, math.NaN()
	if j.Value != nil {
		m.Value = *j.Value
	}
	return nil
}

// MarshalJSON writes a missing value as null.
func (r SummaryRow) MarshalJSON() ([]byte, error) {
	type plain SummaryRow
	return json.Marshal(struct {
		plain
		Value *float64 `json:"value"`
	}{plain(r), jsonValue(r.Value)})
}
