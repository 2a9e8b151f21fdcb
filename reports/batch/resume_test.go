package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/partnet/partnet/internal/lockfile"
)

// copyDir copies the files of src (one level) into a new folder.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	os.MkdirAll(dst, 0o755)
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(src, e.Name()))
		os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644)
	}
}

func execSpec(t *testing.T, yaml, base, out string, resume bool) *Manifest {
	t.Helper()
	spec, err := ParseSpec([]byte(yaml), "spec.yaml", base)
	if err != nil {
		t.Fatal(err)
	}
	man, err := Execute(context.Background(), spec, Options{OutDir: out, Jobs: 2, Resume: resume, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return man
}

func statuses(man *Manifest) map[string]int {
	counts := map[string]int{}
	for _, r := range man.Runs {
		counts[r.Status]++
	}
	return counts
}

// The resume test of issue 15: change the spec's filters, its analyses or
// one byte of an input file between two batches on one folder; the
// resumed batch's summary.csv is byte-identical to a fresh batch's, and
// only what the change touched is computed again. Before runs were keyed,
// every run was "skipped" and the summary kept the old numbers.
func TestResumeMatchesFreshRun(t *testing.T) {
	const base = `
datasets: [one, two]
filters:
  dates: [2015-07-01]
analyses: [summary]
parameters:
  seed: [1, 2]
`
	cases := []struct {
		name string
		// change edits the spec and/or the data folder of the second batch.
		change func(t *testing.T, dir string) string
		// reused is how many of the 4 runs the resumed batch may reuse.
		reused int
	}{
		{"nothing changed", func(t *testing.T, dir string) string { return base }, 4},
		{"filter changed", func(t *testing.T, dir string) string {
			return strings.Replace(base, "filters:\n", "filters:\n  kinds: [grant]\n", 1)
		}, 0},
		{"analyses changed", func(t *testing.T, dir string) string {
			return strings.Replace(base, "analyses: [summary]", "analyses: [summary, analyze]", 1)
		}, 0},
		{"one input byte changed", func(t *testing.T, dir string) string {
			// b,c becomes a,c in dataset one: the grant now joins a and c.
			p := filepath.Join(dir, "one", "partnerships.csv")
			data, _ := os.ReadFile(p)
			os.WriteFile(p, bytes.Replace(data, []byte("\nb,c,"), []byte("\na,c,"), 1), 0o644)
			return base
		}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			copyDir(t, "testdata/small", filepath.Join(dir, "one"))
			copyDir(t, "testdata/small", filepath.Join(dir, "two"))
			out, fresh := filepath.Join(dir, "out"), filepath.Join(dir, "fresh")
			execSpec(t, base, dir, out, false)
			spec2 := c.change(t, dir)
			resumed := execSpec(t, spec2, dir, out, true)
			execSpec(t, spec2, dir, fresh, false)
			if got := statuses(resumed); got[StatusSkipped] != c.reused || got[StatusOK] != 4-c.reused {
				t.Errorf("resumed batch: %v, want %d skipped and %d ok", got, c.reused, 4-c.reused)
			}
			for _, f := range []string{"summary.csv", "summary.json"} {
				a, _ := os.ReadFile(filepath.Join(out, f))
				b, _ := os.ReadFile(filepath.Join(fresh, f))
				if len(b) == 0 || !bytes.Equal(a, b) {
					t.Errorf("resumed %s differs from a fresh batch's:\n%s\nfresh:\n%s", f, a, b)
				}
			}
			// The manifest lists every input with its checksum, whether
			// its runs were reused or computed.
			var man struct {
				Inputs map[string][]struct{ Name, SHA256 string } `json:"inputs"`
			}
			data, _ := os.ReadFile(filepath.Join(out, "manifest.json"))
			if err := json.Unmarshal(data, &man); err != nil {
				t.Fatal(err)
			}
			for _, label := range []string{"one", "two"} {
				if in := man.Inputs[label]; len(in) != 2 || len(in[0].SHA256) != 64 || len(in[1].SHA256) != 64 {
					t.Errorf("manifest inputs of %s = %v, want organisations.csv and partnerships.csv with checksums", label, in)
				}
			}
		})
	}
}

// A batch killed while building runs leaves runs/.tmp-* folders and
// half-written files; the next batch on the folder removes them.
func TestLeftoversOfAKilledBatchRemoved(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "testdata/small", filepath.Join(dir, "one"))
	out := filepath.Join(dir, "out")
	for _, p := range []string{"runs/.tmp-one__2015-07-01-123", "runs/.tmp-x-9/sub", ".partnet-tmp-summary.csv-42"} {
		os.MkdirAll(filepath.Join(out, p), 0o755)
	}
	man := execSpec(t, "datasets: [one]\nfilters:\n  dates: [2015-07-01]\nanalyses: [summary]\n", dir, out, true)
	if got := statuses(man); got[StatusOK] != 1 {
		t.Errorf("statuses %v", got)
	}
	for _, p := range []string{"runs/.tmp-one__2015-07-01-123", "runs/.tmp-x-9", ".partnet-tmp-summary.csv-42"} {
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s left in place", p)
		}
	}
}

// A second batch on an output folder in use is refused, not interleaved;
// the lock goes with the batch that held it, and a lock file left by a
// killed batch (no process holds it) does not block the next.
func TestSecondBatchOnFolderRefused(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, LockFile), []byte("4194303\n"), 0o644) // a dead batch's
	lock, err := lockfile.Acquire(out, LockFile)
	if err != nil {
		t.Fatal(err)
	}
	spec, err := ParseSpec([]byte("datasets:\n  - generate: {organisations: 20}\nanalyses: [summary]\n"), "s.yaml", ".")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Execute(context.Background(), spec, Options{OutDir: out, Jobs: 1})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "process "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("second batch: err = %v, want ErrLocked naming this process", err)
	}
	if _, err := os.Stat(filepath.Join(out, "runs", Expand(spec)[0].ID)); err == nil {
		t.Error("the refused batch wrote a run")
	}
	lock.Release()
	if _, err := Execute(context.Background(), spec, Options{OutDir: out, Jobs: 1}); err != nil {
		t.Fatalf("after the first batch ended: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, LockFile)); err == nil {
		t.Error("the lock file outlived its batch")
	}
}

// Metrics that do not exist for a run are written empty (CSV) and null
// (JSON), not as numbers that look like findings (issue 14): with no
// sectors there is no sector E-I index (it was -1), and with no eligible
// council there is no group, so no top or mean score (they were 0).
func TestMissingMetricsEmpty(t *testing.T) {
	dir := t.TempDir()
	for name, orgs := range map[string]string{
		"nosectors":  "id\na\nb\nc\n",
		"nocouncils": "id,sector\na,third_sector\nb,third_sector\nc,third_sector\n",
	} {
		os.MkdirAll(filepath.Join(dir, name), 0o755)
		os.WriteFile(filepath.Join(dir, name, "organisations.csv"), []byte(orgs), 0o644)
		os.WriteFile(filepath.Join(dir, name, "partnerships.csv"), []byte("source,target\na,b\nb,c\n"), 0o644)
	}
	const spec = "datasets: [nosectors, nocouncils]\nanalyses: [analyze, groups]\n"
	out := filepath.Join(dir, "out")
	execSpec(t, spec, dir, out, false)
	csv, _ := os.ReadFile(filepath.Join(out, "summary.csv"))
	want := map[string]bool{ // dataset,metric -> empty
		"nosectors,ei_index_sector":  true,
		"nocouncils,ei_index_sector": false, // all one sector: every tie internal, -1 is a finding
		"nocouncils,top_score":       true,
		"nocouncils,mean_score":      true,
		"nocouncils,groups":          false,
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(csv)), "\n")[1:] {
		f := strings.Split(line, ",")
		key := f[1] + "," + f[len(f)-2]
		if empty, ok := want[key]; ok {
			seen[key] = true
			if (f[len(f)-1] == "") != empty {
				t.Errorf("summary.csv: %q, want the value empty: %v", line, empty)
			}
		}
	}
	for key := range want {
		if !seen[key] {
			t.Errorf("summary.csv has no row %s", key)
		}
	}
	var rows []map[string]any
	js, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	if err := json.Unmarshal(js, &rows); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		key := r["dataset"].(string) + "," + r["metric"].(string)
		if empty, ok := want[key]; ok {
			if v, present := r["value"]; !present || (v == nil) != empty {
				t.Errorf("summary.json %s = %v, want null: %v", key, v, empty)
			}
		}
	}
	// A resumed batch reads the nulls back from run.json as missing.
	execSpec(t, spec, dir, out, true)
	if again, _ := os.ReadFile(filepath.Join(out, "summary.csv")); !bytes.Equal(again, csv) {
		t.Errorf("resumed summary.csv differs:\n%s\nwas:\n%s", again, csv)
	}
}
