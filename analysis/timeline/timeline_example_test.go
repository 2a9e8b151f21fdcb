package timeline_test

import (
	"context"
	"fmt"
	"time"

	"github.com/partnet/partnet/analysis/timeline"
	"github.com/partnet/partnet/graph"
)

func date(s string) time.Time {
	t, _ := time.Parse(timeline.DateLayout, s)
	return t
}

// mergerNetwork: two councils share a management team from 2008 and merge
// into one in 2019; a third council works with one of them from 2010.
func mergerNetwork() *graph.Network {
	net := graph.NewNetwork()
	end := date("2019-03-31")
	_ = net.AddOrganisation(graph.Organisation{ID: "P", Name: "Pine", End: end, Successors: []string{"M"}})
	_ = net.AddOrganisation(graph.Organisation{ID: "Q", Name: "Quay", End: end, Successors: []string{"M"}})
	_ = net.AddOrganisation(graph.Organisation{ID: "R", Name: "Ridge"})
	_ = net.AddOrganisation(graph.Organisation{ID: "M", Name: "Merged", Start: date("2019-04-01")})
	_ = net.AddArrangement(graph.Arrangement{ID: "mgmt", Name: "Pine and Quay joint management", Kind: "shared_management", Start: date("2008-04-01")})
	_ = net.AddMembership(graph.Membership{ArrangementID: "mgmt", OrganisationID: "P"})
	_ = net.AddMembership(graph.Membership{ArrangementID: "mgmt", OrganisationID: "Q"})
	_ = net.AddPartnership(graph.Partnership{Source: "Q", Target: "R", Kind: "shared_service", Start: date("2010-01-01")})
	return net
}

func ExampleMeasure() {
	dates, _ := timeline.SeriesDates(date("2009-01-01"), date("2021-01-01"), timeline.Interval{Years: 4})
	res, err := timeline.Measure(context.Background(), mergerNetwork(), timeline.Options{Dates: dates})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range res.Periods {
		fmt.Printf("%s organisations %d ties %d formed %d ended %d\n", p.Date, p.Organisations, p.Ties, p.TiesFormed, p.TiesEnded)
	}
	// Output:
	// 2009-01-01 organisations 3 ties 1 formed 0 ended 0
	// 2013-01-01 organisations 3 ties 2 formed 1 ended 0
	// 2017-01-01 organisations 3 ties 2 formed 0 ended 0
	// 2021-01-01 organisations 2 ties 0 formed 0 ended 2
}

func ExampleSuccessions() {
	for _, s := range timeline.Successions(mergerNetwork(), graph.Weighting{}) {
		fmt.Println(s.Date, s.SuccessorName, "replaced", s.Predecessors[0].Name, "and", s.Predecessors[1].Name)
		for _, t := range s.Preceding {
			fmt.Println("  preceded by", t.Kind, t.Name, "from", t.Start)
		}
	}
	// Output:
	// 2019-04-01 Merged replaced Pine and Quay
	//   preceded by shared_management Pine and Quay joint management from 2008-04-01
}

func ExampleCarrySuccessors() {
	carried, c, _ := timeline.CarrySuccessors(mergerNetwork())
	ds := timeline.SnapshotAt(carried, date("2021-01-01"), timeline.SnapshotOptions{})
	fmt.Println("carried partnerships:", c.Partnerships)
	ds.Snapshot.EachTie(func(i, j int, _ float64) { fmt.Println(ds.Snapshot.ID(i), "-", ds.Snapshot.ID(j)) })
	// Output:
	// carried partnerships: 1
	// R - M
}

func ExampleTrackClusters() {
	// Organisations 0..5 on two dates: {0,1,2} and {3,4,5} become one
	// cluster (each overlaps it by 3/6 = 0.5 > 0.3).
	parts := [][]int{{0, 0, 0, 1, 1, 1}, {7, 7, 7, 7, 7, 7}}
	res, _ := timeline.TrackClusters(context.Background(), parts, timeline.TrackOptions{})
	for _, t := range res.Transitions {
		fmt.Println(t.Kind, t.From, "->", t.To)
	}
	// Output:
	// merges [1 2] -> [1]
}

func ExampleKaplanMeier() {
	// Five partnerships: ended after 2, 4 and 4 years; two still going
	// after 3 and 5 years. S(2) = 4/5; S(4) = 4/5 x (1 - 2/3) = 4/15.
	y := func(v float64) int { return int(v * timeline.DaysPerYear) }
	c, _ := timeline.KaplanMeier([]timeline.Observation{{Days: y(2), Event: true}, {Days: y(3)}, {Days: y(4), Event: true}, {Days: y(4), Event: true}, {Days: y(5)}})
	for _, s := range c.Steps {
		fmt.Printf("%.0f years: at risk %d, ended %d, S = %.4f\n", s.Years, s.AtRisk, s.Events, s.Survival)
	}
	fmt.Printf("median %.0f years\n", *c.MedianYears)
	// Output:
	// 2 years: at risk 5, ended 1, S = 0.8000
	// 3 years: at risk 4, ended 0, S = 0.8000
	// 4 years: at risk 3, ended 2, S = 0.2667
	// 5 years: at risk 1, ended 0, S = 0.2667
	// median 4 years
}

func ExampleSurvival() {
	res, _ := timeline.Survival(context.Background(), mergerNetwork(), timeline.SurvivalOptions{End: date("2024-01-01"), By: []string{"kind"}})
	for _, g := range res.Groups {
		fmt.Printf("%s=%s n=%d ended=%d (by abolition %d) censored=%d\n", g.By, g.Value, g.N, g.Events, g.EndedByAbolition, g.Censored)
	}
	// Output:
	// all=all n=2 ended=2 (by abolition 2) censored=0
	// kind=shared_management n=1 ended=1 (by abolition 1) censored=0
	// kind=shared_service n=1 ended=1 (by abolition 1) censored=0
}

func ExampleParseInterval() {
	iv, _ := timeline.ParseInterval("6m")
	dates, _ := timeline.SeriesDates(date("2019-01-01"), date("2020-01-01"), iv)
	fmt.Println(iv, len(dates), dates[1].Format(timeline.DateLayout))
	// Output:
	// 6m 3 2019-07-01
}
