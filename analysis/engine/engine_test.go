package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/partnet/partnet/graph"
)

// bare is what a bare edge list gives: organisations with ids only, no
// sector, region or dates. Two triangles joined by one tie (0-1-2, 3-4-5,
// 2-3).
func bare(t testing.TB) *graph.Network {
	t.Helper()
	net := graph.NewNetwork()
	for i := 0; i < 6; i++ {
		if err := net.AddOrganisation(graph.Organisation{ID: fmt.Sprint("n", i)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range [][2]int{{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}} {
		if err := net.AddTie(p[0], p[1], 1); err != nil {
			t.Fatal(err)
		}
	}
	return net
}

func hasNote(notes []string, part string) bool {
	for _, n := range notes {
		if strings.Contains(n, part) {
			return true
		}
	}
	return false
}

// TestDefaultsAdaptToBareData: on data without sectors, regions or dates
// every verb runs, and says what it chose; an attribute asked for by name
// that no organisation has is an option error.
func TestDefaultsAdaptToBareData(t *testing.T) {
	ctx := context.Background()
	net := bare(t)
	t.Run("clusters compare nothing", func(t *testing.T) {
		r, err := Clusters(ctx, net, ClustersOptions{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if r.CompareAttr != "" || r.Agreement != nil || !hasNote(r.Notes, "no organisation has a region") {
			t.Errorf("compare %q, notes %q; want no comparison and a note", r.CompareAttr, r.Notes)
		}
		if _, err := Clusters(ctx, net, ClustersOptions{Seed: 1, Compare: "region"}); !errors.Is(err, ErrOption) {
			t.Errorf("compare region asked for: %v, want ErrOption", err)
		}
	})
	t.Run("groups of everyone", func(t *testing.T) {
		r, err := Groups(ctx, net, GroupsOptions{Seed: 1, Tiers: nil})
		if err != nil {
			t.Fatal(err)
		}
		// Two triangles of three: the large tier (3 to 10 members) takes
		// both (exact search: at most 12 eligible).
		if r.Tiers[0].Eligible != 6 || len(r.Tiers[0].Groups) != 2 || !hasNote(r.Notes, "every organisation is eligible") {
			t.Errorf("eligible %d, %d groups, notes %q; want 6, 2 and a note", r.Tiers[0].Eligible, len(r.Tiers[0].Groups), r.Notes)
		}
		var oe *OptionError
		_, err = Groups(ctx, net, GroupsOptions{Members: []string{"councils"}})
		if !errors.As(err, &oe) || oe.Option != "members" || !errors.Is(err, ErrOption) {
			t.Errorf("members councils: %v, want an OptionError on members", err)
		}
	})
	t.Run("analyze and report by", func(t *testing.T) {
		a, err := Analyze(ctx, net, AnalyzeOptions{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if a.By != "" || !hasNote(a.Notes, "no organisation has a sector") {
			t.Errorf("by %q, notes %q; want everyone one group and a note", a.By, a.Notes)
		}
		if _, err := Analyze(ctx, net, AnalyzeOptions{By: "nonexistent"}); !errors.Is(err, ErrOption) {
			t.Errorf("analyze by nonexistent: %v, want ErrOption", err)
		}
		if _, err := Report(ctx, net, ReportOptions{By: "nonexistent"}); !errors.Is(err, ErrOption) {
			t.Errorf("report by nonexistent: %v, want ErrOption", err)
		}
		r, err := Report(ctx, net, ReportOptions{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Groups) != 2 || len(r.Groups[0].Groups) == 0 || r.GroupsWhy != "" {
			t.Errorf("report groups %v, why %q; want groups of everyone", r.Groups, r.GroupsWhy)
		}
		if r.TimelineWhy == "" {
			t.Errorf("no timeline and no reason given")
		}
	})
	t.Run("timeline of undated data", func(t *testing.T) {
		today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		r, err := Timeline(ctx, net, TimelineOptions{Seed: 1, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Timeline.Dates) != 1 || r.Timeline.Dates[0] != "2026-01-01" || !hasNote(r.Notes, "no dates") {
			t.Errorf("dates %v, notes %q; want one snapshot on 2026-01-01 and a note", r.Timeline.Dates, r.Notes)
		}
	})
}

// TestGroupsWhyEmpty: data with sectors but no council gets no groups,
// and the note (and the report) say why.
func TestGroupsWhyEmpty(t *testing.T) {
	net := graph.NewNetwork()
	for i := 0; i < 4; i++ {
		net.AddOrganisation(graph.Organisation{ID: fmt.Sprint("c", i), Sector: "third_sector"})
	}
	net.AddTie(0, 1, 1)
	net.AddTie(2, 3, 1)
	r, err := Report(context.Background(), net, ReportOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.GroupsWhy, "no organisation is eligible") || !strings.Contains(r.GroupsWhy, "third_sector") {
		t.Errorf("why = %q; want no organisation eligible, naming the sectors seen", r.GroupsWhy)
	}
	g, err := Groups(context.Background(), net, GroupsOptions{Members: []string{"third_sector"}, Tiers: nil, MinSize: 2})
	if err != nil || len(g.Tiers[0].Groups) != 2 {
		t.Errorf("members third_sector: %v, %v; want two groups of two", g, err)
	}
}

// TestSnapshotWeighting: the verbs weigh evidence with the weighting the
// snapshot was built with.
func TestSnapshotWeighting(t *testing.T) {
	kw := map[string]float64{"joint_plan": 2}
	w, err := graph.ParseWeighting("count", kw, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Summary(bare(t), SummaryOptions{Data: Data{Scheme: "count", KindWeights: kw}})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Snapshot.Weighting(); got.Describe() != w.Describe() {
		t.Errorf("snapshot weighting %s, want %s", got.Describe(), w.Describe())
	}
	if _, err := graph.ParseWeighting("newman", map[string]float64{"joint_plan": -1}, nil); err == nil {
		t.Errorf("a negative kind weight was accepted")
	}
}
