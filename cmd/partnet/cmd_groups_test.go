package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const smallNet = "testdata/groups_small"

func TestGroupsGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"groups_england.txt", []string{"groups", "-q", "--tier", "large,small"}},
		{"groups_england.csv", []string{"groups", "-q", "--tier", "large,small", "--format", "csv"}},
		{"groups_england.json", []string{"groups", "-q", "--tier", "large,small", "--format", "json"}},
		{"groups_small.txt", []string{"groups", smallNet, "-q", "--tier", "large,small"}},
		{"groups_small.csv", []string{"groups", smallNet, "-q", "--tier", "large,small", "--format", "csv"}},
		{"groups_small.json", []string{"groups", smallNet, "-q", "--tier", "large,small", "--format", "json"}},
		{"groups_small_rules.txt", []string{"groups", smallNet, "-q", "--tier", "custom", "--min-size", "2", "--max-size", "4",
			"--require-adjacent", "--must-link", "N5,S4", "--cannot-link", "N1,NC", "--exclude", "E2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, c.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden(t, c.name, out)
		})
	}
}

func TestGroupsExitCodes(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"min above max", []string{"--tier", "custom", "--min-size", "5", "--max-size", "3"}, 2, "--min-size: 5 is more than the maximum size, 3"},
		{"min above tier max", []string{"--tier", "small", "--min-size", "6"}, 2, "--min-size: 6 is more than the maximum size, 5"},
		{"min size one", []string{"--tier", "custom", "--min-size", "1"}, 2, "at least 2 members"},
		{"unknown tier", []string{"--tier", "huge"}, 2, `--tier "huge"`},
		{"tier twice", []string{"--tier", "small,small"}, 2, "given twice"},
		{"sizes with two tiers", []string{"--tier", "large,small", "--max-size", "4"}, 2, "apply to one tier"},
		{"unknown must-link id", []string{"--must-link", "E07000200,NOPE"}, 2, `--must-link: no organisation "NOPE"`},
		{"unknown cannot-link id", []string{"--cannot-link", "NOPE,E07000200"}, 2, `--cannot-link: no organisation "NOPE"`},
		{"unknown exclude id", []string{"--exclude", "NOPE"}, 2, `--exclude: no organisation "NOPE"`},
		{"bad pair", []string{"--must-link", "E07000200"}, 2, "want two organisation ids"},
		{"same pair", []string{"--cannot-link", "E07000200,E07000200"}, 2, "the same"},
		{"must and cannot", []string{"--must-link", "E07000200,E07000203", "--cannot-link", "E07000203,E07000200"}, 2, "both must-link and cannot-link"},
		{"must-link too big", []string{"--tier", "small", "--must-link", "E07000200,E07000203", "--must-link", "E07000203,E07000204", "--must-link", "E07000204,E07000205",
			"--must-link", "E07000205,E07000206", "--must-link", "E07000206,E07000207"}, 2, "more than the maximum group size 5"},
		{"adjacent without table", []string{"--require-adjacent"}, 2, "--require-adjacent: needs shared borders"},
		{"negative distance", []string{"--max-distance-km", "-3"}, 2, "--max-distance-km -3"},
		{"bad format", []string{"--format", "xml"}, 2, `--format "xml"`},
		{"missing adjacency file", []string{"--adjacency", "testdata/nope.csv"}, 1, "adjacency testdata/nope.csv"},
		{"bad data", []string{"testdata/bad"}, 3, "listed twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, append([]string{"groups", "-q"}, c.args...)...)
			if code != c.code || !strings.Contains(stderr, c.inStderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, c.code, c.inStderr)
			}
		})
	}
}

// On England the shortlists must rest on real joint working: known shared
// arrangements appear as groups with their shared management or shared
// service listed first in the evidence.
func TestGroupsEnglandEvidence(t *testing.T) {
	code, out, stderr := runCLI(t, "groups", "-q", "--tier", "large,small", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var v struct {
		Tiers []struct {
			Tier   string `json:"tier"`
			Groups []struct {
				GroupID string `json:"group_id"`
				Members []struct {
					ID string `json:"id"`
				} `json:"members"`
				Evidence []struct {
					Kind      string   `json:"kind"`
					Name      string   `json:"name"`
					Weight    float64  `json:"weight"`
					MemberIDs []string `json:"member_ids"`
				} `json:"evidence"`
			} `json:"groups"`
		} `json:"tiers"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Tiers) != 2 || len(v.Tiers[0].Groups) == 0 || len(v.Tiers[1].Groups) < 10 {
		t.Fatalf("want a large and a small shortlist, got %+v", v.Tiers)
	}
	seen := map[string]bool{}
	find := func(ids ...string) (string, []string, []float64) {
		for _, tier := range v.Tiers {
			for _, g := range tier.Groups {
				var got []string
				for _, m := range g.Members {
					if seen[m.ID] {
						t.Errorf("%s offered twice", m.ID)
					}
					got = append(got, m.ID)
				}
				if slices.Equal(got, ids) {
					var ev []string
					var w []float64
					for _, e := range g.Evidence {
						ev, w = append(ev, e.Kind+": "+e.Name), append(w, e.Weight)
					}
					return g.GroupID, ev, w
				}
			}
		}
		return "", nil, nil
	}
	for _, c := range []struct {
		ids       []string
		first     string // the strongest evidence
		mentions  string // evidence that must be listed
		statutory bool   // a fire/police area is listed after it
	}{
		// Babergh and Mid Suffolk: one shared workforce and joint local plan.
		{[]string{"E07000200", "E07000203"}, "shared_management", "joint_plan: ", true},
		// The tri-borough: Hammersmith and Fulham, Kensington and Chelsea, Westminster.
		{[]string{"E09000013", "E09000020", "E09000033"}, "shared_service", "shared_service: Tri-borough", true},
	} {
		id, ev, w := find(c.ids...)
		if id == "" {
			t.Errorf("no group of exactly %v", c.ids)
			continue
		}
		if !strings.HasPrefix(ev[0], c.first) {
			t.Errorf("%s: strongest evidence %q, want a %s", id, ev[0], c.first)
		}
		if !slices.ContainsFunc(ev, func(e string) bool { return strings.HasPrefix(e, c.mentions) }) {
			t.Errorf("%s: evidence %q lacks %q", id, ev, c.mentions)
		}
		if !slices.IsSortedFunc(w, func(a, b float64) int { return -cmpF(a, b) }) {
			t.Errorf("%s: evidence not strongest first: %v", id, w)
		}
		last := ev[len(ev)-1]
		if c.statutory && !strings.HasPrefix(last, "statutory") {
			t.Errorf("%s: weakest evidence %q, want a statutory area last", id, last)
		}
	}
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Above reports.LargeNetwork organisations partnet groups uses the lighter
// search (reports.LargeGroupSearch) and says so: on a generated network of
// 20,500 organisations both tiers still give valid shortlists of councils,
// and the note names the bounded Leiden iterations and improved candidates.
func TestGroupsLargeNetwork(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 20,500 organisations")
	}
	dir := filepath.Join(t.TempDir(), "big")
	if code, _, stderr := runCLI(t, "generate", "-q", "--organisations", "20500", "--ties", "61500", "--seed", "4", "-o", dir); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	code, out, stderr := runCLI(t, "groups", dir, "--tier", "large,small", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "2 iterations") || !strings.Contains(stderr, "best 250 candidates") {
		t.Errorf("stderr %q does not state the lighter search", stderr)
	}
	var v struct {
		Tiers []struct {
			Tier   string `json:"tier"`
			Groups []struct {
				Members []struct {
					ID string `json:"id"`
				} `json:"members"`
			} `json:"groups"`
		} `json:"tiers"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, tier := range v.Tiers {
		lo, hi, most := 3, 10, 4
		if tier.Tier == "small" {
			lo, hi, most = 2, 5, 30
		}
		if len(tier.Groups) == 0 || len(tier.Groups) > most {
			t.Errorf("tier %s: %d groups, want 1 to %d", tier.Tier, len(tier.Groups), most)
		}
		for _, g := range tier.Groups {
			if len(g.Members) < lo || len(g.Members) > hi {
				t.Errorf("tier %s: a group of %d, want %d to %d", tier.Tier, len(g.Members), lo, hi)
			}
			for _, m := range g.Members {
				if seen[m.ID] {
					t.Errorf("%s offered twice", m.ID)
				}
				seen[m.ID] = true
			}
		}
	}
}
