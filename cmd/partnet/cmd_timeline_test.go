package main

import (
	"encoding/json"
	"strings"
	"testing"
)

const timelineSmall = "testdata/timeline_small"

func TestTimelineGolden(t *testing.T) {
	base := []string{"timeline", timelineSmall, "-q", "--from", "2010-01-01", "--to", "2020-01-01", "--every", "2y"}
	cases := []struct {
		golden string
		extra  []string
	}{
		{"timeline.txt", nil},
		{"timeline.json", []string{"--format", "json"}},
		{"timeline_periods.csv", []string{"--format", "csv"}},
		{"timeline_successions.csv", []string{"--format", "csv", "--table", "successions"}},
		{"timeline_survival.csv", []string{"--format", "csv", "--table", "survival"}},
		{"timeline_sectors.csv", []string{"--format", "csv", "--table", "sectors"}},
		{"timeline_carry.txt", []string{"--carry-successors"}},
	}
	for _, c := range cases {
		t.Run(c.golden, func(t *testing.T) {
			code, out, stderr := runCLI(t, append(append([]string(nil), base...), c.extra...)...)
			if code != 0 {
				t.Fatalf("exit code %d: %s", code, stderr)
			}
			golden(t, c.golden, out)
		})
	}
}

func TestTimelineJSONContract(t *testing.T) {
	code, out, stderr := runCLI(t, "timeline", timelineSmall, "-q", "--dates", "2014-01-01,2020-01-01", "--format", "json")
	if code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	var got struct {
		Dates   []string `json:"dates"`
		Undated struct {
			Partnerships int `json:"partnerships"`
			Arrangements int `json:"arrangements"`
		} `json:"undated"`
		Periods []struct {
			Date       string `json:"date"`
			Ties       int    `json:"ties"`
			TiesFormed int    `json:"ties_formed"`
			TiesEnded  int    `json:"ties_ended"`
		} `json:"periods"`
		Successions []struct {
			Successor string `json:"successor"`
		} `json:"successions"`
		Survival struct {
			End string `json:"end"`
		} `json:"survival"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	// 2014: 7 ties (see timeline.TestTimelinePeriods); 2020: 2 ties, the
	// 5 others gone (A-B, B-C, B-F, B-D with A and B abolished; A-C ended
	// in 2015).
	if len(got.Periods) != 2 || got.Periods[0].Ties != 7 || got.Periods[1].Ties != 2 || got.Periods[1].TiesEnded != 5 {
		t.Errorf("periods %+v", got.Periods)
	}
	if got.Undated.Partnerships != 1 || got.Undated.Arrangements != 1 || got.Survival.End != "2020-01-01" ||
		len(got.Successions) != 1 || got.Successions[0].Successor != "E" {
		t.Errorf("contract fields: %+v", got)
	}
}

// On the embedded England data, the successions are found from the data
// and include Suffolk Coastal and Waveney, which shared a chief executive
// from 2008, becoming East Suffolk in 2019.
func TestTimelineEngland(t *testing.T) {
	code, out, stderr := runCLI(t, "timeline", "-q", "--from", "2008-01-01", "--to", "2024-01-01")
	if code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Timeline: 17 dates from 2008-01-01 to 2024-01-01",
		"2019-04-01  East Suffolk (E07000244) <- Suffolk Coastal (E07000205), Waveney (E07000206)",
		`shared_management "Suffolk Coastal and Waveney joint chief executive" from 2008-04-01`,
		"Somerset West and Taunton (E07000246) <- Taunton Deane (E07000190), West Somerset (E07000191)",
		"kind=shared_management",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestTimelineUsage(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		inStderr string
	}{
		{"bad every", []string{"--every", "1q"}, "--every"},
		{"bad from", []string{"--from", "01/13/2010"}, "--from"},
		{"from after to", []string{"--from", "2020-01-01", "--to", "2010-01-01"}, "is after end"},
		{"dates and from", []string{"--dates", "2010-01-01", "--from", "2010-01-01"}, "either --dates"},
		{"dates decreasing", []string{"--dates", "2012-01-01,2010-01-01"}, "dates must increase"},
		{"at", []string{"--at", "2010-01-01"}, "--at does not apply"},
		{"table", []string{"--format", "csv", "--table", "nope"}, "--table"},
		{"threshold", []string{"--match-threshold", "1"}, "--match-threshold"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, append([]string{"timeline", timelineSmall, "-q"}, c.args...)...)
			if code != exitUsage || !strings.Contains(stderr, c.inStderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, exitUsage, c.inStderr)
			}
		})
	}
}
