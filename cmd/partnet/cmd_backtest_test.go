package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const methodsDoc = "../../docs/methods.md"

// backtestMarkdown renders partnet backtest's JSON as the tables
// docs/methods.md shows.
func backtestMarkdown(t *testing.T, out string) string {
	t.Helper()
	var v struct {
		Dates []struct {
			Date              string  `json:"date"`
			Eligible          int     `json:"eligible"`
			OpenPairs         int     `json:"open_pairs"`
			LaterArrangements int     `json:"later_arrangements"`
			PositivePairs     int     `json:"positive_pairs"`
			Chance            float64 `json:"chance"`
		} `json:"dates"`
		Precision []struct {
			Date      string   `json:"date"`
			Method    string   `json:"method"`
			K         int      `json:"k"`
			Proposed  int      `json:"proposed"`
			Hits      int      `json:"hits"`
			Precision *float64 `json:"precision"`
		} `json:"precision"`
		Ready []struct {
			Date    string `json:"date"`
			Method  string `json:"method"`
			Mergers int    `json:"mergers"`
			Hits    int    `json:"hits"`
			Groups  int    `json:"groups"`
			Placed  int    `json:"placed"`
		} `json:"ready"`
		Mergers []struct {
			Date          string `json:"date"`
			Method        string `json:"method"`
			SuccessorName string `json:"successor_name"`
			Hit           bool   `json:"hit"`
		} `json:"mergers"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("| T | eligible | open pairs | later arrangements | positive pairs | random pair | potential @10 | @30 | @100 | distance @10 | @30 | @100 |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, d := range v.Dates {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %.3f%% |", d.Date, d.Eligible, d.OpenPairs, d.LaterArrangements, d.PositivePairs, 100*d.Chance)
		for _, m := range []string{"potential", "distance"} {
			for _, p := range v.Precision {
				if p.Date == d.Date && p.Method == m {
					prec := "-"
					if p.Precision != nil {
						prec = fmt.Sprintf("%.3f", *p.Precision)
					}
					fmt.Fprintf(&b, " %d/%d (%s) |", p.Hits, p.Proposed, prec)
				}
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("\n| T | ready tiers: mergers held | held | distance-only groups: mergers held | groups | councils placed |\n")
	b.WriteString("| --- | ---: | --- | ---: | ---: | ---: |\n")
	for _, r := range v.Ready {
		if r.Method != "ready" {
			continue
		}
		var held []string
		for _, m := range v.Mergers {
			if m.Date == r.Date && m.Method == r.Method && m.Hit {
				held = append(held, m.SuccessorName)
			}
		}
		base := ""
		for _, s := range v.Ready {
			if s.Date == r.Date && s.Method == "distance_group" {
				base = fmt.Sprintf("%d/%d", s.Hits, s.Mergers)
			}
		}
		fmt.Fprintf(&b, "| %s | %d/%d | %s | %s | %d | %d |\n", r.Date, r.Hits, r.Mergers, strings.Join(held, ", "), base, r.Groups, r.Placed)
	}
	return b.String()
}

// TestBacktestEnglandDocs runs the backtest on embedded England and checks
// the table's structure, and that docs/methods.md shows exactly these
// figures (go test ./cmd/partnet -run TestBacktestEnglandDocs -update
// rewrites the table between its markers).
func TestBacktestEnglandDocs(t *testing.T) {
	code, out, stderr := runCLI(t, "backtest", "-q", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	table := backtestMarkdown(t, out)
	rows := strings.Count(table, "\n| 20")
	if rows != 6 {
		t.Fatalf("want 3 dates in each of two tables, got %d rows:\n%s", rows, table)
	}
	// The England facts' count of shared arrangements starting after each
	// date (19, 14, 8: counted in arrangements.csv), with every one of the
	// 363 councils then in existence eligible.
	later := map[string]string{}
	for _, line := range strings.Split(table, "\n") {
		if cells := strings.Split(line, " | "); len(cells) == 12 && strings.HasPrefix(cells[0], "| 20") {
			later[strings.TrimPrefix(cells[0], "| ")] = cells[1] + " " + cells[3]
		}
	}
	for date, want := range map[string]string{"2012-04-01": "363 19", "2014-04-01": "363 14", "2016-04-01": "363 8"} {
		if later[date] != want {
			t.Errorf("%s: eligible and later arrangements %q, want %q", date, later[date], want)
		}
	}
	path := filepath.FromSlash(methodsDoc)
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- backtest-table:begin -->\n", "<!-- backtest-table:end -->"
	i, j := strings.Index(string(doc), begin), strings.Index(string(doc), end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q markers", path, begin, end)
	}
	if *update {
		doc = []byte(string(doc[:i+len(begin)]) + table + string(doc[j:]))
		if err := os.WriteFile(path, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		i, j = strings.Index(string(doc), begin), strings.Index(string(doc), end)
	}
	if got := string(doc[i+len(begin) : j]); got != table {
		t.Errorf("%s shows\n%s\nthe backtest gives\n%s", path, got, table)
	}
}

// The backtest's text and CSV on a small dated fixture: Ashby+Cole (2013)
// and Dene+Esk (2015) begin sharing after 2012-04-01; Esk and Fell merge
// into North Fell and Esk in 2019.
func TestBacktestGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"backtest_small.txt", []string{"backtest", "testdata/backtest_small", "-q", "--dates", "2012-04-01", "--k", "1,3"}},
		{"backtest_small.csv", []string{"backtest", "testdata/backtest_small", "-q", "--dates", "2012-04-01", "--k", "1,3", "--format", "csv"}},
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

func TestBacktestUsage(t *testing.T) {
	for _, c := range []struct {
		args     []string
		inStderr string
	}{
		{[]string{"--dates", "2012-02-30"}, "--dates"},
		{[]string{"--k", "0"}, "--k \"0\""},
		{[]string{"--tier", "huge"}, "--tier \"huge\""},
		{[]string{"--format", "xml"}, "--format \"xml\""},
	} {
		code, _, stderr := runCLI(t, append([]string{"backtest", "-q"}, c.args...)...)
		if code != 2 || !strings.Contains(stderr, c.inStderr) {
			t.Errorf("backtest %v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.inStderr)
		}
	}
}

// A dataset given as a file has no folder to hold a border table: the
// file itself must not be read as one. The edge list's ties are undated,
// so nothing is known on T and no pair has evidence.
func TestBacktestFileDatasetBorders(t *testing.T) {
	code, out, stderr := runCLI(t, "backtest", "testdata/edgelist_triangle_tail.csv", "-q", "--dates", "2012-04-01", "--k", "2", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var v struct {
		Dates []struct {
			Eligible   int `json:"eligible"`
			Candidates int `json:"candidates"`
		} `json:"dates"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Dates) != 1 || v.Dates[0].Eligible != 4 || v.Dates[0].Candidates != 0 {
		t.Errorf("dates %+v; want 4 eligible and no candidate", v.Dates)
	}
}
