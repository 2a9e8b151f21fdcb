package batch

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseSpec: ParseSpec never panics; an error wraps ErrSpec and names
// the spec; a spec that parses expands to at most MaxRuns runs whose ids
// are distinct, safe single path components (so no run can write outside
// runs/), and Expand agrees with the run count.
func FuzzParseSpec(f *testing.F) {
	for _, p := range []string{"../../cmd/partnet/testdata/batch_england.yaml", "testdata/bad_spec.yaml"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"",
		"datasets: [embedded:england]\nanalyses: [summary]\n",
		"datasets:\n  - generate: {organisations: 100, ties: 300, clusters: 4, mixing: 0.1, seed: 7}\n    label: ../../etc\nanalyses: [summary, clusters]\n",
		"datasets: [embedded:england, embedded:england]\nanalyses: [summary]\nparameters:\n  seed: [1, 1]\n  resolution: [1, 1.0]\n",
		"datasets:\n  - generate: {organisations: 10}\n    label: x y\n  - generate: {organisations: 10}\n    label: x-y\nanalyses: [summary]\n",
		"a: &a [1,2,3]\nb: &b [*a,*a,*a,*a]\nc: [*b,*b,*b,*b]\n",
		"datasets: [embedded:england]\nfilters:\n  years: {from: 1900, to: 2200}\n  kinds: [grant]\nanalyses: [summary]\nparameters:\n  kind_weights: [{grant: 2}, {grant: 2.0}]\n",
		"datasets: [/etc]\nanalyses: [report]\n",
		"datasets:\n  - generate: {organisations: 10}\n    label: a\n  - generate: {organisations: 10}\n    label: a\n  - generate: {organisations: 10}\n    label: a-2\n  - generate: {organisations: 10}\n    label: a-2-2\nanalyses: [summary]\n",
	} {
		f.Add([]byte(s))
	}
	base := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		spec, err := ParseSpec(data, "fuzz.yaml", base)
		if err != nil {
			if !errors.Is(err, ErrSpec) || !strings.Contains(err.Error(), "fuzz.yaml") {
				t.Fatalf("error does not wrap ErrSpec or name the file: %v", err)
			}
			return
		}
		n := spec.runCount()
		if n > MaxRuns {
			t.Fatalf("%d runs accepted, limit %d", n, MaxRuns)
		}
		runs := Expand(spec)
		if len(runs) != n {
			t.Fatalf("Expand gave %d runs, runCount %d", len(runs), n)
		}
		seen := map[string]bool{}
		for _, r := range runs {
			if r.ID == "" || r.ID == "." || r.ID == ".." || strings.ContainsAny(r.ID, `/\`) || filepath.Base(r.ID) != r.ID {
				t.Fatalf("run id %q is not a safe folder name", r.ID)
			}
			if seen[r.ID] {
				t.Fatalf("two runs share the id %q: they would write the same folder", r.ID)
			}
			seen[r.ID] = true
		}
	})
}

// TestRunCountDoesNotOverflow: six lists of 1,024 items and one of 16 make
// 2^64 runs, which a plain int64 product wraps to 0 (and so accepted).
func TestRunCountDoesNotOverflow(t *testing.T) {
	s := &Spec{}
	for i := range 1024 {
		s.Datasets = append(s.Datasets, DatasetSpec{})
		s.Dates = append(s.Dates, "")
		s.Weightings = append(s.Weightings, "")
		s.KindWeights = append(s.KindWeights, nil)
		s.Resolutions = append(s.Resolutions, 1)
		s.Seeds = append(s.Seeds, 1)
		if i < 16 {
			s.Tiers = append(s.Tiers, "")
		}
	}
	if n := s.runCount(); n <= MaxRuns {
		t.Errorf("runCount = %d, want more than %d", n, MaxRuns)
	}
}
