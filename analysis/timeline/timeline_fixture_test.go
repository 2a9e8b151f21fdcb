package timeline

import (
	"testing"
	"time"

	"github.com/partnet/partnet/graph"
)

// datedNetwork builds the small dated network most timeline tests use:
//
//	A, B  councils, abolished 2019-03-31, both replaced by E
//	C     council, no dates;  D third sector from 2012-01-01
//	E     council from 2019-04-01;  F agency, no dates
//
//	mgmt-ab  shared_management A,B from 2008-04-01 (no end)
//	fire     statutory_body B,C,F (undated)
//	A-C      shared_service 2010-01-01 .. 2015-12-31
//	C-D      grant from 2012-06-01
//	B-D      joint_plan (undated)
//	C-F      pooled_budget 2016-01-01 .. 2020-12-31
func datedNetwork(t testing.TB) *graph.Network {
	t.Helper()
	net := graph.NewNetwork()
	end := day("2019-03-31")
	orgs := []graph.Organisation{
		{ID: "A", Name: "Alpha", Sector: "council", End: end, Successors: []string{"E"}},
		{ID: "B", Name: "Beta", Sector: "council", End: end, Successors: []string{"E"}},
		{ID: "C", Name: "Gamma", Sector: "council"},
		{ID: "D", Name: "Delta", Sector: "third_sector", Start: day("2012-01-01")},
		{ID: "E", Name: "East", Sector: "council", Start: day("2019-04-01")},
		{ID: "F", Name: "Fire", Sector: "agency"},
	}
	for _, o := range orgs {
		must(t, net.AddOrganisation(o))
	}
	must(t, net.AddArrangement(graph.Arrangement{ID: "mgmt-ab", Name: "Alpha and Beta joint management", Kind: "shared_management", ServiceArea: "management", Start: day("2008-04-01")}))
	must(t, net.AddArrangement(graph.Arrangement{ID: "fire", Name: "Fire area", Kind: "statutory_body", ServiceArea: "fire"}))
	for _, m := range [][2]string{{"mgmt-ab", "A"}, {"mgmt-ab", "B"}, {"fire", "B"}, {"fire", "C"}, {"fire", "F"}} {
		must(t, net.AddMembership(graph.Membership{ArrangementID: m[0], OrganisationID: m[1]}))
	}
	for _, p := range []graph.Partnership{
		{ID: "ac", Source: "A", Target: "C", Kind: "shared_service", ServiceArea: "it", Start: day("2010-01-01"), End: day("2015-12-31")},
		{ID: "cd", Source: "C", Target: "D", Kind: "grant", Start: day("2012-06-01")},
		{ID: "bd", Source: "B", Target: "D", Kind: "joint_plan", ServiceArea: "planning"},
		{ID: "cf", Source: "C", Target: "F", Kind: "pooled_budget", ServiceArea: "social_care", Start: day("2016-01-01"), End: day("2020-12-31")},
	} {
		must(t, net.AddPartnership(p))
	}
	return net
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func datedSeries() []time.Time {
	return []time.Time{day("2010-01-01"), day("2014-01-01"), day("2018-01-01"), day("2020-01-01")}
}
