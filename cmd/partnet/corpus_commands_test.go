package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpusCommands is issue 14's acceptance test of the defaults: every
// command runs on every file of testdata/corpus (files people bring:
// networkx and igraph exports, a bare edge list, a 360Giving file, an
// Excel "Unicode Text" export, a star and a path; see its README) and
// exits 0 with a sensible result: organisations read, groups found where
// organisations are tied, and a note for each default that adapted.
func TestCorpusCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command on every corpus file")
	}
	cases := []struct {
		file string
		orgs int
		// groupArgs are extra flags for groups: on Trafford's grants only
		// the council is a council, so groups look across every sector.
		groupArgs []string
		// noGroups: the organisations are tied only by grants, which the
		// group search leaves out (funding, not joint working); groups
		// must then say so.
		noGroups bool
		// notes the commands must say on stderr (substrings).
		notes []string
	}{
		{"karate_networkx.graphml", 34, nil, false, []string{"no organisation has a region", "no organisation has a sector", "the data has no dates"}},
		{"karate_networkx.gexf", 34, nil, false, []string{"no organisation has a region"}},
		{"karate_igraph.graphml", 34, nil, false, []string{"no organisation has a region"}},
		{"lesmis_networkx.graphml", 77, nil, false, []string{"no organisation has a region"}},
		{"lesmis_networkx.gexf", 77, nil, false, []string{"no organisation has a region"}},
		{"lesmis_igraph.graphml", 77, nil, false, []string{"no organisation has a region"}},
		{"lesmis_edges.csv", 77, nil, false, []string{"no organisation has a region", "every organisation is eligible"}},
		{"karate_unicode_text.txt", 34, nil, false, []string{"no organisation has a region"}},
		{"star_3000.csv", 3001, nil, false, []string{"every organisation is eligible"}},
		{"path_1000.csv", 1000, nil, false, []string{"every organisation is eligible"}},
		{"trafford_360giving.csv", 324, []string{"--members", "all"}, true, []string{"no organisation has a region", "grants (100% of the partnerships) are funding, not joint working"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			in := filepath.Join("testdata", "corpus", c.file)
			if c.file == "trafford_360giving.csv" {
				in = traffordGrants
			}
			tmp := t.TempDir()
			var stderrs strings.Builder
			run := func(args ...string) string {
				t.Helper()
				code, out, stderr := runCLI(t, args...)
				stderrs.WriteString(stderr)
				if code != 0 {
					t.Fatalf("partnet %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, stderr)
				}
				return out
			}
			var sum struct {
				Organisations int `json:"organisations"`
				Ties          int `json:"ties"`
			}
			decode(t, run("summary", in, "--format", "json"), &sum)
			if sum.Organisations != c.orgs || sum.Ties == 0 {
				t.Errorf("summary: %d organisations, %d ties; want %d and some ties", sum.Organisations, sum.Ties, c.orgs)
			}
			var an struct {
				Organisations int              `json:"organisations"`
				Rows          []map[string]any `json:"by_organisation"`
			}
			decode(t, run("analyze", in, "--format", "json"), &an)
			if an.Organisations != c.orgs || len(an.Rows) != c.orgs || an.Rows[0]["betweenness"] == nil || an.Rows[0]["pagerank"] == nil {
				t.Errorf("analyze: %d organisations, %d rows; want %d with betweenness and pagerank", an.Organisations, len(an.Rows), c.orgs)
			}
			var cl struct {
				Quality struct {
					Clusters int `json:"clusters"`
				} `json:"quality"`
			}
			decode(t, run("clusters", in, "--format", "json"), &cl)
			if cl.Quality.Clusters < 1 {
				t.Errorf("clusters: %d clusters", cl.Quality.Clusters)
			}
			var gr struct {
				Tiers []struct {
					Eligible int               `json:"eligible"`
					Groups   []json.RawMessage `json:"groups"`
				} `json:"tiers"`
			}
			decode(t, run(append([]string{"groups", in, "--format", "json"}, c.groupArgs...)...), &gr)
			if len(gr.Tiers) != 1 || gr.Tiers[0].Eligible == 0 || (len(gr.Tiers[0].Groups) == 0) != c.noGroups {
				t.Errorf("groups: %+v; want groups among tied organisations", gr.Tiers)
			}
			var tl struct {
				Dates []string `json:"dates"`
			}
			decode(t, run("timeline", in, "--format", "json"), &tl)
			if len(tl.Dates) == 0 {
				t.Errorf("timeline: no dates")
			}
			page := filepath.Join(tmp, "report.html")
			run("report", in, "-o", page)
			if b, err := os.ReadFile(page); err != nil || !strings.Contains(string(b), `id="groups"`) {
				t.Errorf("report: %v (or no groups section)", err)
			}
			run("validate", in)
			out := filepath.Join(tmp, "converted.json")
			run("convert", in, out)
			decode(t, run("summary", out, "--format", "json"), &sum)
			if sum.Organisations != c.orgs {
				t.Errorf("converted: %d organisations, want %d", sum.Organisations, c.orgs)
			}
			for _, n := range c.notes {
				if !strings.Contains(stderrs.String(), n) {
					t.Errorf("stderr never says %q:\n%s", n, stderrs.String())
				}
			}
		})
	}
}

// traffordGrants is Trafford Council's 360Giving file, shipped once in the
// project with its attribution (datasets/testdata/real/trafford_grants).
const traffordGrants = "../../datasets/testdata/real/trafford_grants/trafford_council_voluntary_sector_grants.csv"

func decode(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%v in %.200q", err, s)
	}
}
