package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBatchExampleSpec(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := runCLI(t, "batch", "testdata/batch_england.yaml", "-o", out, "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var man struct {
		Runs []struct {
			Status string `json:"status"`
		} `json:"runs"`
	}
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &man); err != nil {
		t.Fatal(err)
	}
	// 11 years x 3 resolutions x 5 seeds.
	if len(man.Runs) != 165 {
		t.Errorf("%d runs, want 165", len(man.Runs))
	}
	for _, r := range man.Runs {
		if r.Status != "ok" {
			t.Fatalf("a run has status %s", r.Status)
		}
	}
}

func TestBatchBadSpecExitCode(t *testing.T) {
	spec := filepath.Join(t.TempDir(), "spec.yaml")
	os.WriteFile(spec, []byte("datasets: [embedded:england]\nanalyses: [sumary]\n"), 0o644)
	code, _, stderr := runCLI(t, "batch", spec, "-o", t.TempDir())
	if code != 3 || !strings.Contains(stderr, `spec.yaml:2: unknown analysis "sumary"`) {
		t.Errorf("exit %d, stderr %q; want 3 and the line of the problem", code, stderr)
	}
}
