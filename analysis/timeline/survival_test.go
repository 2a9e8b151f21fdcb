package timeline

import (
	"context"
	"math"
	"testing"

	"github.com/partnet/partnet/graph"
)

func TestKaplanMeier(t *testing.T) {
	// Six subjects: 3 ends, 5 censored, 6 ends twice, 8 censored, 10 ends.
	// t=3:  6 at risk, 1 ends: S = 5/6
	// t=5:  censored (5 at risk), S stays 5/6
	// t=6:  4 at risk, 2 end:  S = 5/6 x 2/4 = 5/12
	// t=8:  censored (2 at risk)
	// t=10: 1 at risk, 1 ends: S = 0
	// Median: first t with S <= 0.5 is 6.
	obs := []Observation{{10, true}, {3, true}, {6, true}, {5, false}, {8, false}, {6, true}}
	c, err := KaplanMeier(obs)
	if err != nil {
		t.Fatal(err)
	}
	want := []SurvivalStep{
		{Days: 3, AtRisk: 6, Events: 1, Survival: 5.0 / 6},
		{Days: 5, AtRisk: 5, Censored: 1, Survival: 5.0 / 6},
		{Days: 6, AtRisk: 4, Events: 2, Survival: 5.0 / 12},
		{Days: 8, AtRisk: 2, Censored: 1, Survival: 5.0 / 12},
		{Days: 10, AtRisk: 1, Events: 1, Survival: 0},
	}
	if len(c.Steps) != len(want) {
		t.Fatalf("%d steps, want %d: %+v", len(c.Steps), len(want), c.Steps)
	}
	for k, w := range want {
		g := c.Steps[k]
		if g.Days != w.Days || g.AtRisk != w.AtRisk || g.Events != w.Events || g.Censored != w.Censored || math.Abs(g.Survival-w.Survival) > 1e-12 {
			t.Errorf("step %d = %+v, want %+v", k, g, w)
		}
	}
	if c.N != 6 || c.Events != 4 || c.Censored != 2 {
		t.Errorf("N %d events %d censored %d, want 6 4 2", c.N, c.Events, c.Censored)
	}
	if c.MedianYears == nil || math.Abs(*c.MedianYears-6/DaysPerYear) > 1e-12 {
		t.Errorf("median %v, want 6 days", c.MedianYears)
	}
	// At: before the first event 1; between 6 and 8 days 5/12; past the
	// end the curve is 0 and stays defined.
	for _, at := range []struct {
		days float64
		want float64
		ok   bool
	}{{1, 1, true}, {7, 5.0 / 12, true}, {100, 0, true}} {
		got, ok := c.At(at.days / DaysPerYear)
		if ok != at.ok || math.Abs(got-at.want) > 1e-12 {
			t.Errorf("At(%v days) = %v %v, want %v %v", at.days, got, ok, at.want, at.ok)
		}
	}
	// An event and a censoring at the same time: the censored subject is
	// at risk for the event. 2 ends, 2 censored, 4 censored: S(2) = 1 -
	// 1/3 = 2/3, never <= 0.5, so no median; past 4 days undefined.
	c, _ = KaplanMeier([]Observation{{2, true}, {2, false}, {4, false}})
	if len(c.Steps) != 2 || c.Steps[0].AtRisk != 3 || math.Abs(c.Steps[0].Survival-2.0/3) > 1e-12 || c.MedianYears != nil {
		t.Errorf("tied censoring: %+v", c)
	}
	if _, ok := c.At(10); ok {
		t.Error("At past follow-up with S > 0: want undefined")
	}
	if c, err := KaplanMeier(nil); err != nil || c.N != 0 || c.MedianYears != nil || len(c.Steps) != 0 {
		t.Errorf("no observations: %+v %v", c, err)
	}
	if _, err := KaplanMeier([]Observation{{-1, true}}); err == nil {
		t.Error("negative time: no error")
	}
}

func TestSurvival(t *testing.T) {
	// Subjects of datedNetwork with the analysis ending 2020-01-01:
	//   mgmt-ab 2008-04-01, no end; A and B end 2019-03-31: ends by abolition
	//           after 4016 days (10.995 years)
	//   ac      2010-01-01 .. 2015-12-31: ends after 2190 days
	//   cd      2012-06-01, open: censored after 2770 days
	//   cf      2016-01-01 .. 2020-12-31: censored at 2020-01-01, 1461 days
	//   bd, fire: no start, left out
	// All four: t=1461 censored (4 at risk); t=2190 3 at risk, 1 ends:
	// S = 2/3; t=2770 censored; t=4016 1 at risk, 1 ends: S = 0. Median
	// 4016 days. At 5 years (1826.25 days): 1; at 10 years: 2/3.
	res, err := Survival(context.Background(), datedNetwork(t), SurvivalOptions{End: day("2020-01-01"), Horizons: []float64{5, 10, 12}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Subjects != 4 || res.NoStart != 2 || res.StartedAfterEnd != 0 || res.Invalid != 0 {
		t.Errorf("subjects %d, no start %d, after end %d, invalid %d; want 4 2 0 0", res.Subjects, res.NoStart, res.StartedAfterEnd, res.Invalid)
	}
	all := res.Groups[0]
	if all.By != "all" || all.N != 4 || all.Events != 2 || all.Censored != 2 || all.EndedByAbolition != 1 {
		t.Errorf("all: %+v", all)
	}
	if all.MedianYears == nil || math.Abs(*all.MedianYears-4016/DaysPerYear) > 1e-12 {
		t.Errorf("median %v, want 4016 days", all.MedianYears)
	}
	wantAt := []*float64{ptr(1), ptr(2.0 / 3), ptr(0)}
	for k, h := range all.Horizons {
		if (h.Survival == nil) != (wantAt[k] == nil) || (h.Survival != nil && math.Abs(*h.Survival-*wantAt[k]) > 1e-12) {
			t.Errorf("at %v years: %v, want %v", h.Years, h.Survival, *wantAt[k])
		}
	}
	// Groups: all, then kinds (4 of one each, by name), then service areas
	// (one each; cd has none).
	var names []string
	for _, g := range res.Groups {
		names = append(names, g.By+"="+g.Value)
	}
	want := []string{"all=all", "kind=grant", "kind=pooled_budget", "kind=shared_management", "kind=shared_service",
		"service_area=(none)", "service_area=it", "service_area=management", "service_area=social_care"}
	if len(names) != len(want) {
		t.Fatalf("groups %v, want %v", names, want)
	}
	for k := range want {
		if names[k] != want[k] {
			t.Errorf("group %d = %s, want %s", k, names[k], want[k])
		}
	}
	if _, err := Survival(context.Background(), graph.NewNetwork(), SurvivalOptions{}); err == nil {
		t.Error("no end date: no error")
	}
	if _, err := Survival(context.Background(), graph.NewNetwork(), SurvivalOptions{End: day("2020-01-01"), By: []string{"colour"}}); err == nil {
		t.Error("unknown grouping: no error")
	}
}

func TestLastMembersEnd(t *testing.T) {
	net := graph.NewNetwork()
	for _, o := range []graph.Organisation{{ID: "a", End: day("2010-01-01")}, {ID: "b", End: day("2015-01-01")}, {ID: "c", End: day("2012-01-01")}, {ID: "open"}, {ID: "open2"}} {
		must(t, net.AddOrganisation(o))
	}
	cases := []struct {
		members []int32
		want    string
	}{
		{[]int32{0, 1, 2}, "2012-01-01"}, // after c ends only b is left
		{[]int32{0, 3}, "2010-01-01"},    // a ends, the open one is alone
		{[]int32{3, 4, 0}, ""},           // two never end
		{[]int32{0}, ""},                 // one member
	}
	for _, c := range cases {
		if got := formatDay(lastMembersEnd(net, c.members)); got != c.want {
			t.Errorf("lastMembersEnd(%v) = %q, want %q", c.members, got, c.want)
		}
	}
}

func ptr(v float64) *float64 { return &v }
