package main

import (
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
		{"to edge list with --to", []string{"convert", "embedded:england", filepath.Join(dir, "edges.txt"), "--to", "edgelist"}, 0, "248 arrangements and organisation details are left out", ""},
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
