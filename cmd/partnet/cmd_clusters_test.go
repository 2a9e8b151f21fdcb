package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestClustersGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"clusters_england.txt", []string{"clusters", "-q"}},
		{"clusters_england.csv", []string{"clusters", "-q", "--format", "csv"}},
		{"clusters_england_clusters.csv", []string{"clusters", "-q", "--format", "csv", "--table", "clusters"}},
		{"clusters_england.json", []string{"clusters", "-q", "--format", "json", "--kinds", "shared_service,shared_management,joint_plan"}},
		{"clusters_england_louvain.txt", []string{"clusters", "-q", "--algorithm", "louvain", "--compare", "type"}},
		{"clusters_small.txt", []string{"clusters", smallNet, "-q"}},
		{"clusters_small.csv", []string{"clusters", smallNet, "-q", "--format", "csv"}},
		{"clusters_small.json", []string{"clusters", smallNet, "-q", "--format", "json", "--runs", "1"}},
		{"clusters_small_cpm.txt", []string{"clusters", smallNet, "-q", "--objective", "cpm", "--resolution", "0.5", "--runs", "5"}},
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

func TestClustersExitCodes(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"bad objective", []string{"--objective", "entropy"}, 2, `unknown objective "entropy"`},
		{"negative resolution", []string{"--resolution", "-1"}, 2, "--resolution -1"},
		{"zero runs", []string{"--runs", "0"}, 2, "--runs 0"},
		{"negative iterations", []string{"--iterations", "-2"}, 2, "--iterations -2"},
		{"zero restarts", []string{"--restarts", "0"}, 2, "--restarts 0"},
		{"bad algorithm", []string{"--algorithm", "infomap"}, 2, `--algorithm "infomap"`},
		{"louvain cpm", []string{"--algorithm", "louvain", "--objective", "cpm"}, 2, "only maximises modularity"},
		{"louvain runs", []string{"--algorithm", "louvain", "--runs", "5"}, 2, "single run"},
		{"unknown attribute", []string{"--compare", "county"}, 2, `--compare "county": no organisation has a value`},
		{"bad table", []string{"--format", "csv", "--table", "edges"}, 2, `--table "edges"`},
		{"bad data", []string{"testdata/bad"}, 3, "listed twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, append([]string{"clusters", "-q"}, c.args...)...)
			if code != c.code || !strings.Contains(stderr, c.inStderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, c.code, c.inStderr)
			}
		})
	}
}

// The formats agree: every organisation once in CSV and JSON, with the
// same cluster, and cluster sizes that add up.
func TestClustersFormatsAgree(t *testing.T) {
	_, csvOut, _ := runCLI(t, "clusters", smallNet, "-q", "--format", "csv")
	_, jsonOut, _ := runCLI(t, "clusters", smallNet, "-q", "--format", "json")
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Quality struct {
			Organisations int `json:"organisations"`
		} `json:"quality"`
		Clusters []struct {
			Size int `json:"size"`
		} `json:"clusters"`
		Membership []struct {
			ID      string `json:"id"`
			Cluster int    `json:"cluster"`
		} `json:"membership"`
	}
	if err := json.Unmarshal([]byte(jsonOut), &v); err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != v.Quality.Organisations || len(v.Membership) != v.Quality.Organisations || v.Quality.Organisations != 14 {
		t.Fatalf("csv rows %d, json members %d, organisations %d; want 14", len(rows)-1, len(v.Membership), v.Quality.Organisations)
	}
	total := 0
	for _, c := range v.Clusters {
		total += c.Size
	}
	if total != 14 {
		t.Errorf("cluster sizes add to %d, want 14", total)
	}
	for i, m := range v.Membership {
		if rows[i+1][0] != m.ID || rows[i+1][5] != itoaT(m.Cluster) {
			t.Errorf("row %d: csv %v, json %+v", i, rows[i+1], m)
		}
	}
}

func itoaT(x int) string { b, _ := json.Marshal(x); return string(b) }

// --restarts N keeps the best of N runs per seed: never a lower objective
// than one run (run 0 is the single run), and the output says how many.
func TestClustersRestarts(t *testing.T) {
	quality := func(args ...string) (float64, int) {
		t.Helper()
		code, out, stderr := runCLI(t, append([]string{"clusters", "-q", "--runs", "1", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var v struct {
			Restarts int `json:"restarts"`
			Quality  struct {
				Objective float64 `json:"objective_value"`
			} `json:"quality"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		return v.Quality.Objective, v.Restarts
	}
	for _, seed := range []string{"1", "2", "3"} {
		one, r1 := quality("--seed", seed)
		best, r4 := quality("--seed", seed, "--restarts", "4")
		if r1 != 1 || r4 != 4 {
			t.Errorf("seed %s: restarts reported %d and %d, want 1 and 4", seed, r1, r4)
		}
		if best < one {
			t.Errorf("seed %s: best of 4 runs %.6f below one run %.6f", seed, best, one)
		}
	}
}
