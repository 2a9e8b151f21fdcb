package batch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseSpecErrors(t *testing.T) {
	_, err := ParseSpecFile("testdata/bad_spec.yaml")
	if !errors.Is(err, ErrSpec) {
		t.Fatalf("err = %v, want ErrSpec", err)
	}
	// Every problem, with its line, in line order.
	want := []string{
		`bad_spec.yaml:4: dataset "./nowhere" does not exist`,
		`bad_spec.yaml:7: date "01/04/2015": expected YYYY-MM-DD`,
		`bad_spec.yaml:8: unknown analysis "analyse"`,
		`bad_spec.yaml:10: unknown key "resolutin"`,
		`bad_spec.yaml:11: seed "-2": expected a whole number >= 0`,
		`bad_spec.yaml:12: tier "huge": expected large or small`,
	}
	msg := err.Error()
	last := -1
	for _, w := range want {
		i := strings.Index(msg, w)
		if i < 0 {
			t.Errorf("error lacks %q:\n%s", w, msg)
			continue
		}
		if i < last {
			t.Errorf("%q out of line order", w)
		}
		last = i
	}
}

func TestParseSpecCases(t *testing.T) {
	cases := []struct {
		name, yaml, wantErr string
	}{
		{"empty", "", "empty spec"},
		{"not a mapping", "- a\n- b\n", "must be a mapping"},
		{"missing analyses", "datasets: [embedded:england]\n", "missing key analyses"},
		{"bad yaml", "datasets: [\n", "bad.yaml:"},
		{"huge generator", "datasets:\n  - generate: {organisations: 1e12}\nanalyses: [summary]\n", "at most 10000000 allowed"},
		{"years backwards", "datasets: [embedded:england]\nfilters:\n  years: {from: 2020, to: 2010}\nanalyses: [summary]\n", "to 2010 is before from 2020"},
		{"repeated key", "datasets: [embedded:england]\nanalyses: [summary]\nanalyses: [clusters]\n", `key "analyses" given twice`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseSpec([]byte(c.yaml), "bad.yaml", ".")
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("err = %v, want it to contain %q", err, c.wantErr)
			}
		})
	}
}

func TestExpand(t *testing.T) {
	spec, err := ParseSpec([]byte(`
datasets: [embedded:england, testdata/small]
filters:
  years: {from: 2014, to: 2016}
analyses: [summary]
parameters:
  resolution: [0.5, 1]
  seed: [1, 2]
`), "spec.yaml", ".")
	if err != nil {
		t.Fatal(err)
	}
	runs := Expand(spec)
	// 2 datasets x 3 years x 2 resolutions x 2 seeds (one weighting, one
	// kind-weight set, one tier by default) = 24.
	if len(runs) != 24 {
		t.Fatalf("%d runs, want 24", len(runs))
	}
	if runs[0].ID != "england__2014-04-01__newman__kw-default__r0.5__s1__large" {
		t.Errorf("first run id = %q", runs[0].ID)
	}
	ids := map[string]bool{}
	for _, r := range runs {
		if ids[r.ID] {
			t.Errorf("duplicate run id %q", r.ID)
		}
		ids[r.ID] = true
		if strings.Contains(r.ID, "/") || strings.Contains(r.ID, "..") {
			t.Errorf("unsafe run id %q", r.ID)
		}
	}
}

const smallSpec = `
name: test
datasets: [testdata/small, testdata/bad]
filters:
  dates: [2014-06-01, 2015-07-01, 2017-01-01]
analyses: [summary]
parameters:
  seed: [1, 2]
`

func TestExecuteWithFailingRunAndResume(t *testing.T) {
	spec, err := ParseSpec([]byte(smallSpec), "spec.yaml", ".")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	man, err := Execute(context.Background(), spec, Options{OutDir: out, Jobs: 2})
	if !errors.Is(err, ErrRunsFailed) {
		t.Fatalf("err = %v, want ErrRunsFailed", err)
	}
	counts := map[string]int{}
	for _, r := range man.Runs {
		counts[r.Status]++
	}
	if counts[StatusOK] != 6 || counts[StatusFailed] != 6 {
		t.Fatalf("statuses = %v, want 6 ok and 6 failed", counts)
	}
	// Hand-checked: on 2015-07-01 both ties of testdata/small are active:
	// 2 ties among 3 organisations, density 2/3.
	for _, row := range man.Summary() {
		if row.Date == "2015-07-01" && row.Metric == "density" && row.Value != 2.0/3 {
			t.Errorf("density on 2015-07-01 = %v, want 2/3", row.Value)
		}
		if row.Date == "2017-01-01" && row.Metric == "ties" && row.Value != 1 {
			t.Errorf("ties on 2017-01-01 = %v, want 1 (the shared service ended)", row.Value)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(out, "runs"))
	if len(entries) != 6 {
		t.Errorf("%d run folders, want 6 (failed runs leave none)", len(entries))
	}
	first, _ := os.ReadFile(filepath.Join(out, "summary.csv"))

	// Resume: every ok run is skipped, and the summary is unchanged.
	man2, _ := Execute(context.Background(), spec, Options{OutDir: out, Jobs: 1, Resume: true})
	skipped := 0
	for _, r := range man2.Runs {
		if r.Status == StatusSkipped {
			skipped++
		}
	}
	if skipped != 6 {
		t.Errorf("resume skipped %d runs, want 6", skipped)
	}
	second, _ := os.ReadFile(filepath.Join(out, "summary.csv"))
	if string(first) != string(second) {
		t.Error("summary.csv changed on resume")
	}
}

func TestExecuteDeterministic(t *testing.T) {
	spec, err := ParseSpec([]byte(smallSpec), "spec.yaml", ".")
	if err != nil {
		t.Fatal(err)
	}
	var outs [2]string
	for i, jobs := range []int{1, 2} {
		outs[i] = t.TempDir()
		Execute(context.Background(), spec, Options{OutDir: outs[i], Jobs: jobs})
	}
	for _, f := range []string{"summary.csv", "summary.json"} {
		a, _ := os.ReadFile(filepath.Join(outs[0], f))
		b, _ := os.ReadFile(filepath.Join(outs[1], f))
		if len(a) == 0 || string(a) != string(b) {
			t.Errorf("%s differs between two batches (or is empty)", f)
		}
	}
}

func TestExecuteCancelled(t *testing.T) {
	spec, err := ParseSpec([]byte(smallSpec), "spec.yaml", ".")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := t.TempDir()
	man, err := Execute(ctx, spec, Options{OutDir: out, Jobs: 2})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	for _, r := range man.Runs {
		if r.Status != StatusCancelled {
			t.Errorf("run %s status %s, want cancelled", r.Run.ID, r.Status)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(out, "runs"))
	if len(entries) != 0 {
		t.Errorf("a cancelled batch left %d run folders", len(entries))
	}
}

func TestExecuteAnalyzeAndGenerated(t *testing.T) {
	spec, err := ParseSpec([]byte(`
datasets:
  - testdata/small
  - generate: {organisations: 300, ties: 1200, clusters: 3, seed: 7}
filters:
  dates: [2015-07-01]
analyses: [summary, analyze]
`), "spec.yaml", ".")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	man, err := Execute(context.Background(), spec, Options{OutDir: out, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, row := range man.Summary() {
		got[row.Dataset+"/"+row.Analysis+"/"+row.Metric] = row.Value
	}
	// testdata/small on 2015-07-01 is the path a-b-c: b is the one
	// articulation point, both ties are bridges, no triangle.
	for key, want := range map[string]float64{
		"small/analyze/articulation_points": 1,
		"small/analyze/bridges":             2,
		"small/analyze/transitivity":        0,
		"small/analyze/density":             2.0 / 3,
	} {
		if got[key] != want {
			t.Errorf("%s = %v, want %v", key, got[key], want)
		}
	}
	gen := "generated-n300-m1200-k3-s7"
	if got[gen+"/summary/organisations"] != 300 || got[gen+"/analyze/organisations"] != 300 {
		t.Errorf("generated dataset: %v organisations", got[gen+"/summary/organisations"])
	}
	if got[gen+"/summary/density"] != got[gen+"/analyze/density"] {
		t.Errorf("summary and analyze disagree on density: %v vs %v", got[gen+"/summary/density"], got[gen+"/analyze/density"])
	}
	for _, f := range []string{"analyze.json", "analyze.csv", "summary.json", "run.json"} {
		if _, err := os.Stat(filepath.Join(out, "runs", man.Runs[0].Run.ID, f)); err != nil {
			t.Error(err)
		}
	}
}
