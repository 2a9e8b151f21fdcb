package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnet/partnet/datasets"
)

func TestConvert(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name     string
		args     []string
		code     int
		inStderr string
		out      string // file to read back with datasets.Load
	}{
		{"to graphml", []string{"convert", "embedded:england", filepath.Join(dir, "e.graphml")}, 0, "wrote", "e.graphml"},
		{"to gexf", []string{"convert", "embedded:england", filepath.Join(dir, "e.gexf")}, 0, "wrote", "e.gexf"},
		{"to json", []string{"convert", "embedded:england", filepath.Join(dir, "e.json")}, 0, "wrote", "e.json"},
		{"to xlsx", []string{"convert", "embedded:england", filepath.Join(dir, "e.xlsx")}, 0, "wrote", "e.xlsx"},
		{"to folder", []string{"convert", "embedded:england", filepath.Join(dir, "efolder")}, 0, "wrote", "efolder"},
		{"to edge list with --to", []string{"convert", "embedded:england", filepath.Join(dir, "edges.txt"), "--to", "edgelist"}, 0, "from the member pairs of 248 arrangements", ""},
		{"unknown --to", []string{"convert", "embedded:england", filepath.Join(dir, "x"), "--to", "pdf"}, 2, `--to "pdf": want one of`, ""},
		{"unknown extension", []string{"convert", "embedded:england", filepath.Join(dir, "x.pdf")}, 2, "cannot tell the output format", ""},
		{"missing input", []string{"convert", "testdata/nope.json", filepath.Join(dir, "y.json")}, 1, "dataset testdata/nope.json", ""},
		{"invalid input", []string{"convert", "testdata/bad", filepath.Join(dir, "z.json")}, 3, "is listed twice", ""},
		{"one argument", []string{"convert", "x"}, 2, "accepts 2 arg(s)", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, c.args...)
			if code != c.code || !strings.Contains(stderr, c.inStderr) {
				t.Fatalf("exit %d, stderr %q; want %d containing %q", code, stderr, c.code, c.inStderr)
			}
			if c.out == "" {
				return
			}
			ds, err := datasets.Load(filepath.Join(dir, c.out))
			if err != nil {
				t.Fatal(err)
			}
			want, _ := datasets.Load("")
			if d := datasets.Diff(want.Network, ds.Network); d != "" {
				t.Errorf("%s differs from the embedded dataset: %s", c.out, d)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "z.json")); err == nil {
		t.Error("a failed convert left an output file")
	}
}

func TestConvertDOTGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "small.dot")
	code, _, stderr := runCLI(t, "convert", "-q", "testdata/convert_small", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "convert_small.dot", string(got))
}

// convert to an edge list projects arrangements with --weighting and says
// exactly what it wrote (issue 14: it kept only the two-organisation
// partnerships yet reported "248 arrangements"). Read back, the list gives
// the same ties as the source under that weighting.
func TestConvertEdgeListProjectsArrangements(t *testing.T) {
	out := filepath.Join(t.TempDir(), "england.txt")
	code, _, stderr := runCLI(t, "convert", "embedded:england", out, "--to", "edgelist", "--weighting", "count")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(out)
	rows := strings.Count(string(data), "\n") - 1
	// England: 555 partnerships, 248 arrangements with 6,678 member pairs
	// (the sum of n(n-1)/2 over arrangements); 3,221 ties once combined,
	// the figure `partnet summary` gives for england.
	want := fmt.Sprintf("%d rows, 555 from partnerships and %d from the member pairs of 248 arrangements (count weighting", rows, rows-555)
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "3221 ties") {
		t.Errorf("stderr %q\nwant it to contain %q and 3221 ties", stderr, want)
	}
	summary := func(args ...string) map[string]any {
		code, stdout, stderr := runCLI(t, append([]string{"summary", "--format", "json", "-q"}, args...)...)
		if code != 0 {
			t.Fatalf("summary %v: exit %d: %s", args, code, stderr)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(stdout), &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	src, back := summary("--weighting", "count"), summary(out)
	for _, k := range []string{"ties", "largest_component"} {
		if src[k] != back[k] {
			t.Errorf("%s: source %v, edge list read back %v", k, src[k], back[k])
		}
	}
	// Weighted density over a different organisation count (the edge list
	// has no isolated organisations): compare total weight instead.
	n1, n2 := src["organisations"].(float64), back["organisations"].(float64)
	w1 := src["weighted_density"].(float64) * n1 * (n1 - 1) / 2
	w2 := back["weighted_density"].(float64) * n2 * (n2 - 1) / 2
	if math.Abs(w1-w2) > 1e-9*w1 {
		t.Errorf("total tie weight: source %v, edge list read back %v", w1, w2)
	}
	if code, _, stderr := runCLI(t, "convert", "embedded:england", filepath.Join(t.TempDir(), "e.json"), "--weighting", "count"); code != exitUsage {
		t.Errorf("--weighting with JSON output: exit %d (%s), want 2", code, stderr)
	}
}
