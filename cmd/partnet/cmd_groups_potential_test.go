package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestGroupsPotentialGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"groups_potential_small.txt", []string{"groups", smallNet, "-q", "--mode", "potential", "--pairs", "8"}},
		{"groups_potential_small.csv", []string{"groups", smallNet, "-q", "--mode", "potential", "--pairs", "8", "--format", "csv"}},
		{"groups_potential_small.json", []string{"groups", smallNet, "-q", "--mode", "potential", "--pairs", "8", "--format", "json"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, c.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden(t, c.name, out)
		})
	}
}

func TestGroupsPotentialUsage(t *testing.T) {
	for _, c := range []struct {
		name     string
		args     []string
		inStderr string
	}{
		{"unknown mode", []string{"--mode", "later"}, `--mode "later"`},
		{"tier with potential", []string{"--mode", "potential", "--tier", "small"}, "--tier applies to --mode ready"},
		{"negative pairs", []string{"--mode", "potential", "--pairs", "-1"}, "--pairs -1"},
		{"unknown exclude", []string{"--mode", "potential", "--exclude", "NOPE"}, `--exclude: no organisation "NOPE"`},
		{"bad date", []string{"--mode", "potential", "--at", "2012-13-01"}, "--at"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, append([]string{"groups", "-q"}, c.args...)...)
			if code != 2 || !strings.Contains(stderr, c.inStderr) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, c.inStderr)
			}
		})
	}
}

// On England, --mode potential proposes only pairs that do not yet share
// management or a service (High Peak and Staffordshire Moorlands, one
// officer team since 2008, are never proposed), each with evidence, and
// states its date.
func TestGroupsPotentialEngland(t *testing.T) {
	code, out, stderr := runCLI(t, "groups", "--mode", "potential", "--pairs", "200", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "potential partners as on ") {
		t.Errorf("stderr does not state the round's date: %s", stderr)
	}
	var v struct {
		At        string `json:"at"`
		Adjacency string `json:"adjacency"`
		Pairs     []struct {
			Members []struct {
				ID string `json:"id"`
			} `json:"members"`
			SharesBorder   bool              `json:"shares_border"`
			SharedPartners []json.RawMessage `json:"shared_partners"`
			SharedAreas    []json.RawMessage `json:"shared_areas"`
			Parts          struct {
				Border float64 `json:"border"`
			} `json:"parts"`
		} `json:"pairs"`
		Groups []json.RawMessage `json:"groups"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.At == "" || v.Adjacency == "" || len(v.Pairs) != 200 || len(v.Groups) == 0 {
		t.Fatalf("at %q, adjacency %q, %d pairs, %d groups; want a date, the embedded borders, 200 pairs and some groups", v.At, v.Adjacency, len(v.Pairs), len(v.Groups))
	}
	sharing := map[string]bool{
		"E07000037+E07000198": true, // High Peak + Staffordshire Moorlands: shared officer team since 2008
		"E07000144+E07000149": true, // Broadland + South Norfolk: one team since 2018
		"E09000020+E09000033": true, // Kensington and Chelsea + Westminster: bi-borough
	}
	for _, p := range v.Pairs {
		key := p.Members[0].ID + "+" + p.Members[1].ID
		if sharing[key] {
			t.Errorf("pair %s already shares management or a service, yet is proposed", key)
		}
		if len(p.SharedPartners) == 0 && len(p.SharedAreas) == 0 && p.Parts.Border == 0 {
			t.Errorf("pair %s is proposed with no evidence", key)
		}
	}
}

// A bare edge list has no sectors: potential then proposes among every
// organisation and says so. The triangle a-b-c with a tail c-d: a+b, a+c
// and b+c are tied already but share no management or service, so they
// are candidates like a+d and b+d (c is their shared partner).
func TestGroupsPotentialNoSectors(t *testing.T) {
	code, out, stderr := runCLI(t, "groups", "testdata/edgelist_triangle_tail.csv", "--mode", "potential", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "the data has no sectors: every organisation is eligible") {
		t.Errorf("stderr does not say every organisation is eligible: %s", stderr)
	}
	var v struct {
		Eligible   int    `json:"eligible"`
		Candidates int    `json:"candidates"`
		Note       string `json:"note"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Eligible != 4 || v.Candidates != 5 || !strings.Contains(v.Note, "no sectors") {
		t.Errorf("eligible %d, candidates %d, note %q; want 4, 5 and the note", v.Eligible, v.Candidates, v.Note)
	}
}
