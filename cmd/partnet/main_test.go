package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// runCLI runs partnet in-process and returns its exit code, stdout and
// stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runContext(context.Background(), args, &streams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
		Now: func() string { return "2026-01-01T00:00:00Z" }})
	return code, out.String(), errOut.String()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/partnet -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update to accept):\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"help", []string{"--help"}, 0, ""},
		{"summary on embedded data", []string{"summary", "-q"}, 0, ""},
		{"unknown command", []string{"frobnicate"}, 2, `partnet: unknown command "frobnicate"`},
		{"unknown flag", []string{"summary", "--nope"}, 2, "unknown flag: --nope"},
		{"bad format", []string{"summary", "--format", "xml"}, 2, `--format "xml": want one of text, json`},
		{"bad --at", []string{"summary", "--at", "04/13/2014"}, 2, "--at:"},
		{"too many args", []string{"summary", "a", "b"}, 2, "accepts at most 1 arg"},
		{"missing dataset", []string{"summary", "testdata/nope"}, 1, "dataset testdata/nope"},
		{"invalid data", []string{"summary", "testdata/bad"}, 3, `testdata/bad/organisations.csv:3: column "id": "a" is listed twice`},
		{"validate invalid", []string{"validate", "testdata/bad"}, 3, "the dataset is not valid"},
		{"validate valid", []string{"validate", "-q"}, 0, ""},
		{"unknown embedded", []string{"datasets", "export", "mars", t.TempDir()}, 2, `no embedded dataset "mars"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, c.args...)
			if code != c.code {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, c.code, stderr)
			}
			if !strings.Contains(stderr, c.inStderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, c.inStderr)
			}
			if c.code != 0 && strings.Count(stderr, "partnet: ") < 1 {
				t.Errorf("error not prefixed once with partnet: %q", stderr)
			}
		})
	}
}

func TestValidateListsEveryProblem(t *testing.T) {
	code, out, _ := runCLI(t, "validate", "testdata/bad")
	if code != 3 {
		t.Fatalf("exit code %d, want 3", code)
	}
	golden(t, "validate_bad.txt", out)
}

func TestSummaryGolden(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			code, out, stderr := runCLI(t, "summary", "-q", "--format", format)
			if code != 0 {
				t.Fatalf("exit code %d: %s", code, stderr)
			}
			golden(t, "summary."+format, out)
		})
	}
}

func TestDatasetsExportRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "england")
	if code, _, stderr := runCLI(t, "datasets", "export", "england", dir, "-q"); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	_, fromDir, _ := runCLI(t, "summary", dir, "-q", "--format", "json")
	_, embedded, _ := runCLI(t, "summary", "-q", "--format", "json")
	if fromDir != embedded {
		t.Errorf("summary of the exported folder differs from the embedded dataset's")
	}
}
