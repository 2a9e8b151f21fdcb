package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnet/partnet/datasets"
)

func TestGenerateGolden(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gen")
	code, _, stderr := runCLI(t, "generate", "--organisations", "12", "--ties", "20", "--clusters", "3", "--seed", "5", "-o", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{"organisations.csv", "partnerships.csv", "dataset.yaml"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "generate_small_"+f, string(b))
	}
	ds, err := datasets.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if ds.Network.NumOrganisations() != 12 || ds.Network.NumPartnerships() != 20 {
		t.Errorf("read back %d organisations, %d ties", ds.Network.NumOrganisations(), ds.Network.NumPartnerships())
	}
	edges := filepath.Join(t.TempDir(), "edges.csv")
	if code, _, stderr := runCLI(t, "generate", "-q", "--organisations", "12", "--ties", "20", "--clusters", "3", "--seed", "5", "--format", "edgelist", "-o", edges); code != 0 {
		t.Fatalf("edgelist: exit %d: %s", code, stderr)
	}
	el, err := datasets.Load(edges)
	if err != nil {
		t.Fatal(err)
	}
	// The same seed draws the same ties in both formats.
	for i := 0; i < 20; i++ {
		a, b := ds.Network.Partnership(i), el.Network.Partnership(i)
		if a.Source != b.Source || a.Target != b.Target || a.Weight != b.Weight {
			t.Fatalf("tie %d: folder %s-%s %v, edge list %s-%s %v", i, a.Source, a.Target, a.Weight, b.Source, b.Target, b.Weight)
		}
	}
}

func TestGenerateExitCodes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g")
	cases := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"no output", []string{"generate"}, 2, `required flag(s) "output" not set`},
		{"too many organisations", []string{"generate", "--organisations", "20000000", "-o", out}, 2, "20000000 organisations: over a size limit (at most 10000000)"},
		{"too many ties", []string{"generate", "--ties", "200000000", "--organisations", "100000", "-o", out}, 2, "over a size limit (at most 100000000)"},
		{"more ties than pairs", []string{"generate", "--organisations", "4", "--ties", "7", "-o", out}, 2, "more than the 6 pairs"},
		{"bad mixing", []string{"generate", "--mixing", "1.5", "-o", out}, 2, "--mixing 1.5"},
		{"bad format", []string{"generate", "--format", "xml", "-o", out}, 2, `--format "xml"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, c.args...)
			if code != c.code || !strings.Contains(stderr, c.inStderr) {
				t.Errorf("exit %d, stderr %q; want %d containing %q", code, stderr, c.code, c.inStderr)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused generate created its output folder")
	}
}
