package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/datasets/synthetic"
	"github.com/partnet/partnet/reports"
)

// TestDoorsAgree runs the same analyses through the three doors — the
// command line (in-process run), partnet batch and the library (the
// engine's verbs with the reports' writers) — on the embedded England data
// and on a generated network of 6,000 organisations (above
// engine.ExactBetweennessLimit, so betweenness is sampled), and wants
// byte-identical JSON for the same options. Only the "dataset" field
// differs by door (batch names a dataset by its spec label), so it is
// blanked. It also wants the report's betweenness to be analyze's, to the
// last bit.
func TestDoorsAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every verb three times on 6,000 organisations")
	}
	gen := filepath.Join(t.TempDir(), "generated")
	net, _, err := synthetic.Generate(synthetic.Options{Organisations: 6000, Ties: 15000, Clusters: 60, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	if err := datasets.WriteDir(net, gen); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, spec string
		cliArgs    []string
	}{
		{"england", "embedded:england", nil},
		{"generated", gen, []string{gen}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := t.TempDir()
			spec := filepath.Join(t.TempDir(), "spec.yaml")
			os.WriteFile(spec, []byte(fmt.Sprintf("datasets: [%q]\nanalyses: [summary, analyze, clusters, groups]\nparameters:\n  seed: [1]\n  resolution: [1]\n  tier: [large]\n", c.spec)), 0o644)
			if code, _, stderr := runCLI(t, "batch", spec, "-o", out, "-q"); code != 0 {
				t.Fatalf("batch: exit %d: %s", code, stderr)
			}
			runs, _ := filepath.Glob(filepath.Join(out, "runs", "*"))
			if len(runs) != 1 {
				t.Fatalf("%d run folders, want 1", len(runs))
			}
			ds, err := datasets.Load(c.spec)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			library := map[string]func(io.Writer) error{
				"summary": func(w io.Writer) error {
					r, err := engine.Summary(ds.Network, engine.SummaryOptions{})
					if err != nil {
						return err
					}
					return reports.WriteSummaryJSON(w, r.Summary)
				},
				"analyze": func(w io.Writer) error {
					r, err := engine.Analyze(ctx, ds.Network, engine.AnalyzeOptions{Seed: 1})
					if err != nil {
						return err
					}
					return reports.WriteAnalyzeJSON(w, r.Analysis)
				},
				"clusters": func(w io.Writer) error {
					r, err := engine.Clusters(ctx, ds.Network, engine.ClustersOptions{Seed: 1, Runs: 1})
					if err != nil {
						return err
					}
					return reports.WriteJSON(w, reports.NewClustersView(reports.ClustersInput{Dataset: c.spec, Algorithm: r.Algorithm,
						Network: r.Network, Snapshot: r.Snapshot, Clustering: r.Clustering, CompareAttr: r.CompareAttr, Agreement: r.Agreement}))
				},
				"groups": func(w io.Writer) error {
					adj, from, _, err := datasets.DatasetAdjacency(c.spec, ds.Network)
					if err != nil {
						return err
					}
					r, err := engine.Groups(ctx, ds.Network, engine.GroupsOptions{Seed: 1, Adjacency: adj, AdjacencySource: from})
					if err != nil {
						return err
					}
					return reports.WriteJSON(w, reports.NewGroupsView(c.spec, r.Network, from, r.Tiers))
				},
			}
			for _, verb := range []struct {
				name string
				args []string
			}{
				{"summary", []string{"summary", "--format", "json"}},
				{"analyze", []string{"analyze", "--format", "json"}},
				{"clusters", []string{"clusters", "--runs", "1", "--format", "json"}},
				{"groups", []string{"groups", "--tier", "large", "--format", "json"}},
			} {
				code, cli, stderr := runCLI(t, append(verb.args, c.cliArgs...)...)
				if code != 0 {
					t.Fatalf("%s: exit %d: %s", verb.name, code, stderr)
				}
				fromBatch, err := os.ReadFile(filepath.Join(runs[0], verb.name+".json"))
				if err != nil {
					t.Fatal(err)
				}
				var lib bytes.Buffer
				if err := library[verb.name](&lib); err != nil {
					t.Fatalf("%s: library: %v", verb.name, err)
				}
				cliJSON, batchJSON, libJSON := blankDataset(cli), blankDataset(string(fromBatch)), blankDataset(lib.String())
				if cliJSON != batchJSON {
					t.Errorf("%s: the command line and batch differ:\n%s", verb.name, firstDiff(cliJSON, batchJSON))
				}
				if cliJSON != libJSON {
					t.Errorf("%s: the command line and the library differ:\n%s", verb.name, firstDiff(cliJSON, libJSON))
				}
			}
			// The report's betweenness is analyze's on the network the
			// report analyses (the collaboration layer when the layer
			// rule splits, as on England): same sources, same seed.
			rep, err := engine.Report(ctx, ds.Network, engine.ReportOptions{Seed: 1, NoGroups: true, NoTimeline: true, StabilityRuns: -1})
			if err != nil {
				t.Fatal(err)
			}
			if got := rep.Layers.Split; got != (c.name == "england") {
				t.Errorf("layers split %v (%s)", got, rep.Layers.Reason)
			}
			a, err := engine.Analyze(ctx, rep.Layers.Analysed(), engine.AnalyzeOptions{Seed: 1, Metrics: []string{"betweenness", "pagerank", "eigenvector"}})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rep.Betweenness.Sources, a.Analysis.Network.BetweennessSources; got != want {
				t.Errorf("report sampled %d sources, analyze %d", got, want)
			}
			if c.name == "generated" && rep.Betweenness.Sources != engine.BetweennessSamples(6000, rep.Snapshot.Ties()) {
				t.Errorf("report used %d sources, want the engine's rule %d", rep.Betweenness.Sources, engine.BetweennessSamples(6000, rep.Snapshot.Ties()))
			}
			// The report's candidate groups are partnet groups --tier
			// large,small.
			if c.name == "england" {
				full, err := engine.Report(ctx, ds.Network, engine.ReportOptions{Seed: 1, NoTimeline: true, StabilityRuns: -1})
				if err != nil {
					t.Fatal(err)
				}
				g, err := engine.Groups(ctx, ds.Network, engine.GroupsOptions{Seed: 1, Tiers: []groups.Tier{groups.TierLarge, groups.TierSmall}})
				if err != nil {
					t.Fatal(err)
				}
				// Compared as written (NaN parts would defeat DeepEqual).
				var a, b bytes.Buffer
				reports.WriteJSON(&a, reports.NewGroupsView("", full.Network, "", full.Groups))
				reports.WriteJSON(&b, reports.NewGroupsView("", g.Network, "", g.Tiers))
				if a.String() != b.String() || len(g.Tiers[1].Groups) == 0 {
					t.Errorf("the report's candidate groups differ from partnet groups --tier large,small:\n%s", firstDiff(a.String(), b.String()))
				}
			}
			for _, o := range a.Analysis.Organisations {
				if got := rep.Betweenness.Normalised[o.Index]; got != o.Betweenness && !(math.IsNaN(got) && math.IsNaN(o.Betweenness)) {
					t.Fatalf("%s: report betweenness %v, analyze %v", o.ID, got, o.Betweenness)
				}
				// PageRank and eigenvector run with the same settings in
				// both doors (the analysis defaults below LargeNetwork).
				if got := rep.PageRank[o.Index]; got != o.PageRank {
					t.Fatalf("%s: report pagerank %v, analyze %v", o.ID, got, o.PageRank)
				}
				if got := rep.Eigenvector[o.Index]; got != o.Eigenvector {
					t.Fatalf("%s: report eigenvector %v, analyze %v", o.ID, got, o.Eigenvector)
				}
			}
		})
	}
}

var datasetField = regexp.MustCompile(`(?m)^  "dataset": ".*",$`)

func blankDataset(s string) string { return datasetField.ReplaceAllString(s, `  "dataset": "",`) }

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

// TestBatchReportFooter: a batch report's footer carries partnet's version
// and the inputs' checksums, as partnet report's does.
func TestBatchReportFooter(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a full report")
	}
	out := t.TempDir()
	spec := filepath.Join(t.TempDir(), "spec.yaml")
	os.WriteFile(spec, []byte("datasets: [embedded:england]\nanalyses: [report]\n"), 0o644)
	if code, _, stderr := runCLI(t, "batch", spec, "-o", out, "-q"); code != 0 {
		t.Fatalf("batch: exit %d: %s", code, stderr)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "runs", "*", "report.html"))
	if len(pages) != 1 {
		t.Fatalf("%d reports, want 1", len(pages))
	}
	page, err := os.ReadFile(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	ds, err := datasets.Load("embedded:england")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "partnet batch</") || !strings.Contains(string(page), version) {
		t.Errorf("the footer does not give partnet's version %s", version)
	}
	for _, in := range ds.Inputs {
		if !strings.Contains(string(page), in.SHA256) {
			t.Errorf("the footer lacks %s's checksum %s", in.Name, in.SHA256)
		}
	}

}
