package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAdaptiveDefaultsCLI: the messages issue 14 named are replaced by the
// behaviour it asked for, each default decided by the engine and said once
// on stderr by the command.
func TestAdaptiveDefaultsCLI(t *testing.T) {
	edges := filepath.Join("testdata", "corpus", "lesmis_edges.csv")
	page := filepath.Join(t.TempDir(), "r.html")
	cases := []struct {
		name       string
		args       []string
		code       int
		stderr     []string // substrings stderr must hold
		notStderr  string   // substring it must not hold
		pageHolds  string   // substring the written page must hold
		onceStderr string   // a note said exactly once
	}{
		{name: "clusters on an edge list compares with nothing", args: []string{"clusters", edges, "--runs", "2"},
			stderr: []string{"note: no organisation has a region"}, onceStderr: "no organisation has a region"},
		{name: "compare asked for by name", args: []string{"clusters", edges, "--compare", "region"}, code: 2,
			stderr: []string{`--compare "region": no organisation has a value`}, notStderr: "try region"},
		{name: "groups of everyone without sectors", args: []string{"groups", edges},
			stderr: []string{"note: no organisation has a sector: every organisation is eligible"}},
		{name: "unknown members value", args: []string{"groups", "--members", "councils"}, code: 2,
			stderr: []string{`--members "councils": no organisation has this sector (sectors seen: agency, council`}},
		{name: "members all", args: []string{"groups", edges, "--members", "all", "--tier", "small"}},
		{name: "groups say why none", args: []string{"groups", traffordGrants},
			stderr: []string{"only 1 organisation eligible (sector council), fewer than the 3 members a group needs"}},
		{name: "timeline on undated data", args: []string{"timeline", edges},
			stderr: []string{"note: the data has no dates: one snapshot, on 2026-01-01"}},
		{name: "report refuses an unknown by", args: []string{"report", "--by", "nonexistent", "-o", page}, code: 2,
			stderr: []string{`--by "nonexistent": no organisation has a value for this attribute`}},
		{name: "report says why groups are empty", args: []string{"report", traffordGrants, "-o", page},
			pageHolds: "No candidate group: only 1 organisation eligible"},
		{name: "report on data without sectors compares no groups", args: []string{"report", edges, "-o", page},
			stderr:    []string{"note: no organisation has a sector: the page treats all as one group"},
			pageHolds: "All organisations fall in one sector group"},
		{name: "report says groups were left out", args: []string{"report", edges, "--no-groups", "-o", page},
			pageHolds: "left out with --no-groups"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			os.Remove(page)
			code, _, stderr := runCLI(t, c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, c.code, stderr)
			}
			for _, s := range c.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
			if c.notStderr != "" && strings.Contains(stderr, c.notStderr) {
				t.Errorf("stderr holds %q:\n%s", c.notStderr, stderr)
			}
			if c.onceStderr != "" && strings.Count(stderr, c.onceStderr) != 1 {
				t.Errorf("%q said %d times, want once:\n%s", c.onceStderr, strings.Count(stderr, c.onceStderr), stderr)
			}
			if c.pageHolds != "" {
				b, err := os.ReadFile(page)
				if err != nil || !strings.Contains(string(b), c.pageHolds) {
					t.Errorf("page lacks %q (%v)", c.pageHolds, err)
				}
			}
		})
	}
}
