package batch

import (
	"encoding/json"
	"io"
	"path/filepath"
	"strconv"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/internal/atomicfile"
	"github.com/partnet/partnet/reports"
)

// Manifest is manifest.json: how a batch was made and how each run went.
type Manifest struct {
	Version  string                      `json:"partnet_version"`
	Name     string                      `json:"name,omitempty"`
	Started  string                      `json:"started"`
	Finished string                      `json:"finished"`
	Spec     *Spec                       `json:"spec"`
	Inputs   map[string][]datasets.Input `json:"inputs"`
	Runs     []RunResult                 `json:"runs"`
}

// SummaryRow is one row of summary.csv and summary.json.
type SummaryRow struct {
	RunID       string  `json:"run_id"`
	Dataset     string  `json:"dataset"`
	Date        string  `json:"date"`
	Weighting   string  `json:"weighting"`
	KindWeights string  `json:"kind_weights"`
	Resolution  float64 `json:"resolution"`
	Seed        uint64  `json:"seed"`
	Tier        string  `json:"tier"`
	Analysis    string  `json:"analysis"`
	Metric      string  `json:"metric"`
	// Value is NaN (empty in CSV, null in JSON) when the metric does not
	// exist for the run.
	Value float64 `json:"value"`
}

var summaryHeader = []string{"run_id", "dataset", "date", "weighting", "kind_weights", "resolution", "seed", "tier", "analysis", "metric", "value"}

// Summary returns the tidy rows of a manifest's completed runs, in run
// order then metric order.
func (m *Manifest) Summary() []SummaryRow {
	var rows []SummaryRow
	for _, r := range m.Runs {
		for _, x := range r.Metrics {
			rows = append(rows, SummaryRow{
				RunID: r.Run.ID, Dataset: r.Run.Dataset.Label, Date: r.Run.Date, Weighting: r.Run.Weighting,
				KindWeights: kindWeightsTag(r.Run.KindWeights), Resolution: r.Run.Resolution, Seed: r.Run.Seed,
				Tier: r.Run.Tier, Analysis: x.Analysis, Metric: x.Metric, Value: x.Value,
			})
		}
	}
	return rows
}

func writeOutputs(dir string, m *Manifest) error {
	rows := m.Summary()
	if err := atomicfile.WriteFile(filepath.Join(dir, "summary.csv"), func(w io.Writer) error {
		return writeSummaryCSV(w, rows)
	}); err != nil {
		return err
	}
	if rows == nil {
		rows = []SummaryRow{}
	}
	if err := writeJSONFile(filepath.Join(dir, "summary.json"), rows); err != nil {
		return err
	}
	return writeJSONFile(filepath.Join(dir, "manifest.json"), m)
}

func writeSummaryCSV(w io.Writer, rows []SummaryRow) error {
	cw := reports.NewCSVWriter(w)
	cw.Write(summaryHeader)
	for _, r := range rows {
		cw.Write([]string{r.RunID, r.Dataset, r.Date, r.Weighting, r.KindWeights,
			strconv.FormatFloat(r.Resolution, 'g', -1, 64), strconv.FormatUint(r.Seed, 10), r.Tier,
			r.Analysis, r.Metric, csvValue(r.Value)})
	}
	cw.Flush()
	return cw.Error()
}

func writeJSONFile(path string, v any) error {
	return atomicfile.WriteFile(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	})
}
