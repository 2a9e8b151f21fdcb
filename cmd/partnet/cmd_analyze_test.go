package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// The goldens pin each output format of `partnet analyze` on the embedded
// england dataset; refresh them with go test ./cmd/partnet -update after a
// deliberate change. The figures themselves are checked against networkx
// and igraph in package analysis.
func TestAnalyzeGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"analyze.text", []string{"analyze", "-q"}},
		{"analyze_region.text", []string{"analyze", "-q", "--by", "region", "--metrics", "betweenness,brokerage", "--top", "10"}},
		{"analyze.csv", []string{"analyze", "-q", "--format", "csv", "--top", "25"}},
		{"analyze.json", []string{"analyze", "-q", "--format", "json", "--top", "10"}},
		{"analyze_sampled.json", []string{"analyze", "-q", "--format", "json", "--top", "5", "--metrics", "betweenness,closeness", "--betweenness-samples", "100", "--seed", "3"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, c.args...)
			if code != 0 {
				t.Fatalf("exit code %d: %s", code, stderr)
			}
			golden(t, c.name, out)
		})
	}
}

func TestAnalyzeOutputsParse(t *testing.T) {
	code, out, _ := runCLI(t, "analyze", "-q", "--format", "json")
	if code != 0 {
		t.Fatal("json: exit", code)
	}
	var doc struct {
		Organisations int              `json:"organisations"`
		Ties          int              `json:"ties"`
		ByOrg         []map[string]any `json:"by_organisation"`
		Blocks        struct {
			Groups []string `json:"groups"`
		} `json:"block_density"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("json output does not parse: %v", err)
	}
	if len(doc.ByOrg) != doc.Organisations || doc.Organisations == 0 || len(doc.Blocks.Groups) == 0 {
		t.Errorf("json: %d organisations, %d rows, groups %v", doc.Organisations, len(doc.ByOrg), doc.Blocks.Groups)
	}
	for _, key := range []string{"id", "name", "degree", "strength", "degree_centrality", "betweenness", "betweenness_raw",
		"closeness", "harmonic", "eigenvector", "pagerank", "clustering", "core", "constraint", "effective_size",
		"articulation_point", "weighted_betweenness", "weighted_closeness", "weighted_eigenvector", "weighted_pagerank",
		"weighted_clustering", "coordinator", "gatekeeper", "representative", "itinerant", "liaison"} {
		if _, ok := doc.ByOrg[0][key]; !ok {
			t.Errorf("json row lacks %q", key)
		}
	}
	code, out, _ = runCLI(t, "analyze", "-q", "--format", "csv")
	if code != 0 {
		t.Fatal("csv: exit", code)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("csv output does not parse: %v", err)
	}
	if len(rows) != doc.Organisations+1 || rows[0][1] != "id" {
		t.Errorf("csv: %d rows, header %v", len(rows), rows[0])
	}
}

func TestAnalyzeUsageErrors(t *testing.T) {
	cases := []struct {
		args     []string
		inStderr string
	}{
		{[]string{"analyze", "--metrics", "nope"}, `--metrics "nope"`},
		{[]string{"analyze", "--by", "no_such_column", "-q"}, `--by "no_such_column"`},
		{[]string{"analyze", "--betweenness-samples", "-3"}, "--betweenness-samples -3"},
		{[]string{"analyze", "--format", "xml"}, `--format "xml"`},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.inStderr) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.inStderr)
		}
	}
}

func TestAnalyzeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	code := runContext(ctx, []string{"analyze", "-q"}, &streams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
		Now: func() string { return "2026-01-01T00:00:00Z" }})
	if code != exitFailure || out.Len() != 0 || !strings.Contains(errOut.String(), "interrupted") {
		t.Errorf("cancelled analyze: exit %d, %d bytes out, stderr %q", code, out.Len(), errOut.String())
	}
}

// TestAnalyzeEdgeList: a bare edge list has no sectors, so the default
// grouping falls back to one group (with a note) rather than failing. The
// graph is a triangle a-b-c with a tail c-d: c is the one articulation
// point and 2 of 3 paths between the others pass through it.
func TestAnalyzeEdgeList(t *testing.T) {
	code, out, stderr := runCLI(t, "analyze", "testdata/edgelist_triangle_tail.csv", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "no organisation has a sector") {
		t.Errorf("stderr lacks the note: %q", stderr)
	}
	var got struct {
		Organisations      int `json:"organisations"`
		ArticulationPoints int `json:"articulation_points"`
		ByOrganisation     []struct {
			ID          string  `json:"id"`
			Betweenness float64 `json:"betweenness"`
		} `json:"by_organisation"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	// c lies on the shortest paths a-d and b-d: raw 2, normalised
	// 2 / ((n-1)(n-2)/2) = 2/3.
	if got.Organisations != 4 || got.ArticulationPoints != 1 || got.ByOrganisation[0].ID != "c" ||
		math.Abs(got.ByOrganisation[0].Betweenness-2.0/3) > 1e-12 {
		t.Errorf("got %+v", got)
	}
	if code, _, _ := runCLI(t, "analyze", "testdata/edgelist_triangle_tail.csv", "--by", "region"); code != 2 {
		t.Errorf("--by region on an edge list: exit %d, want 2", code)
	}
}
