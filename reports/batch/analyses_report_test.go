package batch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const reportSpec = `
name: report
datasets: [testdata/small]
filters:
  dates: [2014-06-01, 2015-07-01]
analyses: [summary, report]
parameters:
  seed: [1, 2]
  resolution: [0.5]
`

// TestReportAnalysis runs the report analysis on testdata/small (a-b
// shared service 2014-2016, b-c grant from 2015-06-01) and checks each
// run's report.html carries the run's seed, resolution and date, that a
// second batch gives identical files, and the single-points-of-failure
// metric worked by hand: on 2015-07-01 the ties a-b and b-c are active
// and b is an articulation point (1); on 2014-06-01 only a-b is active
// and nothing is (0).
func TestReportAnalysis(t *testing.T) {
	spec, err := ParseSpec([]byte(reportSpec), "spec.yaml", ".")
	if err != nil {
		t.Fatal(err)
	}
	var outs [2]string
	for k := range outs {
		outs[k] = t.TempDir()
		man, err := Execute(context.Background(), spec, Options{OutDir: outs[k], Jobs: 2})
		if err != nil {
			t.Fatalf("batch %d: %v", k, err)
		}
		if len(man.Runs) != 4 {
			t.Fatalf("%d runs, want 4", len(man.Runs))
		}
		for _, r := range man.Runs {
			page, err := os.ReadFile(filepath.Join(outs[k], "runs", r.Run.ID, "report.html"))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"<dt>Seed</dt><dd>" + map[uint64]string{1: "1", 2: "2"}[r.Run.Seed] + "</dd>",
				"<td>resolution</td><td>0.5</td>", "<td>date</td><td>" + r.Run.Date + "</td>", batchReportTime} {
				if !strings.Contains(string(page), want) {
					t.Errorf("run %s: report.html lacks %q", r.Run.ID, want)
				}
			}
			want := map[string]float64{"2014-06-01": 0, "2015-07-01": 1}[r.Run.Date]
			found := false
			for _, m := range r.Metrics {
				if m.Analysis == "report" && m.Metric == "single_points_of_failure" {
					found = true
					if m.Value != want {
						t.Errorf("run %s: single_points_of_failure = %v, want %v", r.Run.ID, m.Value, want)
					}
				}
			}
			if !found {
				t.Errorf("run %s: no single_points_of_failure metric", r.Run.ID)
			}
		}
	}
	a, _ := os.ReadFile(filepath.Join(outs[0], "summary.csv"))
	b, _ := os.ReadFile(filepath.Join(outs[1], "summary.csv"))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Error("summary.csv differs between two batches")
	}
	entries, _ := os.ReadDir(filepath.Join(outs[0], "runs"))
	for _, e := range entries {
		x, _ := os.ReadFile(filepath.Join(outs[0], "runs", e.Name(), "report.html"))
		y, _ := os.ReadFile(filepath.Join(outs[1], "runs", e.Name(), "report.html"))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("run %s: report.html differs between two batches", e.Name())
		}
	}
}
