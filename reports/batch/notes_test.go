package batch

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The engine's notes (each default that adapted to the data) are kept per
// run, in run.json and the manifest, prefixed with the analysis; a resumed
// run keeps them. Before, batch dropped them: a researcher could not tell
// that analyze grouped everyone as one sector or that groups made every
// organisation eligible.
func TestRunNotesRecorded(t *testing.T) {
	dir := t.TempDir()
	edges := filepath.Join(dir, "edges.csv")
	if err := os.WriteFile(edges, []byte("source,target\na,b\nb,c\na,c\nc,d\nd,e\ne,f\nd,f\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	spec, err := ParseSpec([]byte("datasets: ["+edges+"]\nanalyses: [analyze, groups]\n"), "spec.yaml", dir)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	man, err := Execute(context.Background(), spec, Options{OutDir: out, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"analyze: ", "groups: no organisation has a sector: every organisation is eligible"}
	check := func(where string, notes []string) {
		t.Helper()
		for _, w := range want {
			found := false
			for _, n := range notes {
				found = found || strings.HasPrefix(n, w)
			}
			if !found {
				t.Errorf("%s notes %q: none starts %q", where, notes, w)
			}
		}
	}
	check("manifest", man.Runs[0].Notes)
	data, err := os.ReadFile(filepath.Join(out, "runs", man.Runs[0].Run.ID, "run.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rec runRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	check("run.json", rec.Notes)
	man2, err := Execute(context.Background(), spec, Options{OutDir: out, Jobs: 1, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	if man2.Runs[0].Status != StatusSkipped {
		t.Fatalf("resume: status %s, want skipped", man2.Runs[0].Status)
	}
	check("resumed manifest", man2.Runs[0].Notes)
}
