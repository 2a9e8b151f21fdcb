package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnet/partnet/reports/batch"
)

// A batch spec cannot name a run folder outside runs/: labels are made
// safe path components, whatever the spec says.
func TestBatchLabelsCannotEscape(t *testing.T) {
	for _, label := range []string{"../../etc", "/etc/passwd", "..", "a/../../b", `..\..\win`, "~root", ""} {
		spec, err := batch.ParseSpec([]byte("datasets:\n  - generate: {organisations: 10}\n    label: \""+strings.ReplaceAll(label, `\`, `\\`)+"\"\nanalyses: [summary]\n"), "s.yaml", t.TempDir())
		if err != nil {
			t.Fatalf("label %q: %v", label, err)
		}
		for _, r := range batch.Expand(spec) {
			if strings.ContainsAny(r.ID, `/\`) || r.ID == ".." || r.ID == "." || filepath.Dir(filepath.Join("runs", r.ID)) != "runs" {
				t.Errorf("label %q gives run id %q", label, r.ID)
			}
		}
	}
}

// Links planted in a batch output folder cannot redirect writes: a link in
// place of runs/ is refused, and a link in place of summary.csv is replaced
// by the new file while the file it pointed at is untouched.
func TestBatchOutputLinks(t *testing.T) {
	outside := t.TempDir()
	victim := filepath.Join(outside, "victim.txt")
	os.WriteFile(victim, []byte("keep me"), 0o644)
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.yaml")
	os.WriteFile(spec, []byte("datasets: [embedded:england]\nanalyses: [summary]\n"), 0o644)

	out := filepath.Join(dir, "out1")
	os.MkdirAll(out, 0o755)
	if err := os.Symlink(outside, filepath.Join(out, "runs")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	code, _, stderr := runCLI(t, "batch", spec, "-o", out, "-q")
	if code == 0 || !strings.Contains(stderr, "symbolic link") {
		t.Errorf("runs/ as a link: exit %d, stderr %q; want a refusal", code, stderr)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 1 {
		t.Errorf("the batch wrote through the link: %d entries outside", len(entries))
	}

	out = filepath.Join(dir, "out2")
	os.MkdirAll(out, 0o755)
	os.Symlink(victim, filepath.Join(out, "summary.csv"))
	if code, _, stderr := runCLI(t, "batch", spec, "-o", out, "-q"); code != 0 {
		t.Fatalf("batch: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(victim); string(got) != "keep me" {
		t.Errorf("the file behind a summary.csv link was overwritten: %q", got)
	}
	if fi, err := os.Lstat(filepath.Join(out, "summary.csv")); err != nil || fi.Mode()&os.ModeSymlink != 0 {
		t.Errorf("summary.csv is still a link (%v)", err)
	}
}

// A dataset folder cannot make partnet read a file outside it through a
// link, and validate says why (exit 3).
func TestDatasetLinkOutsideRefused(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.csv"), []byte("id\nsecret-a\nsecret-b\n"), 0o644)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "partnerships.csv"), []byte("source,target\nsecret-a,secret-b\n"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "secret.csv"), filepath.Join(dir, "organisations.csv")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	code, out, _ := runCLI(t, "validate", dir)
	if code != exitInput || !strings.Contains(out, "outside the dataset folder") {
		t.Errorf("validate: exit %d, output %q", code, out)
	}
}
