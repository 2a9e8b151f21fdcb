package groups

import (
	"context"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnet/partnet/graph"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// pairFixture is a five-council network worked by hand in the tests below.
//
// Councils A, B, C, D, E (all districts) lie on the Greenwich meridian at
// latitudes 50.0, 50.1, 50.3, 50.7 and 51.2; G (a district) starts in 2014;
// P is a charity. Before T = 2012-04-01: P has joint plans with A, C and E
// (2010); A, B, C, D share a fire area (undated); A+B share a service from
// 2011 (S0), B+D from June 2011 (S2). After T: A+C share a service from
// 2013 (S1), D+E a management team from 2015 (M1), A+G a service from 2015
// (S3). Borders: A-B, B-C, C-D, D-E.
func pairFixture(t *testing.T) (*graph.Network, [][2]string) {
	t.Helper()
	net := graph.NewNetwork()
	lat := map[string]float64{"A": 50.0, "B": 50.1, "C": 50.3, "D": 50.7, "E": 51.2}
	for _, id := range []string{"A", "B", "C", "D", "E"} {
		must(t, net.AddOrganisation(graph.Organisation{ID: id, Name: "Council " + id, Sector: "council", Type: "district", Lat: lat[id], HasLocation: true}))
	}
	must(t, net.AddOrganisation(graph.Organisation{ID: "G", Sector: "council", Type: "district", Lat: 50.05, HasLocation: true, Start: day("2014-01-01")}))
	must(t, net.AddOrganisation(graph.Organisation{ID: "P", Name: "Charity P", Sector: "third_sector"}))
	for _, c := range []string{"A", "C", "E"} {
		must(t, net.AddPartnership(graph.Partnership{Source: "P", Target: c, Kind: "joint_plan", Start: day("2010-01-01")}))
	}
	arr := []struct {
		id, kind, start string
		members         []string
	}{
		{"F", "statutory_body", "", []string{"A", "B", "C", "D"}},
		{"S0", "shared_service", "2011-01-01", []string{"A", "B"}},
		{"S2", "shared_service", "2011-06-01", []string{"B", "D"}},
		{"S1", "shared_service", "2013-01-01", []string{"A", "C"}},
		{"M1", "shared_management", "2015-01-01", []string{"D", "E"}},
		{"S3", "shared_service", "2015-01-01", []string{"A", "G"}},
	}
	for _, a := range arr {
		var start time.Time
		if a.start != "" {
			start = day(a.start)
		}
		must(t, net.AddArrangement(graph.Arrangement{ID: a.id, Name: "Arrangement " + a.id, Kind: a.kind, Start: start}))
		for _, m := range a.members {
			must(t, net.AddMembership(graph.Membership{ArrangementID: a.id, OrganisationID: m}))
		}
	}
	return net, [][2]string{{"A", "B"}, {"B", "C"}, {"C", "D"}, {"D", "E"}}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestPotentialFixture checks Potential's scores against a hand count on
// pairFixture at T = 2012-04-01.
//
// Open pairs: the 10 pairs of A-E less A+B and B+D (sharing) = 8. In the
// partner network (joint working without statutory areas) A: {P, B},
// B: {A, D}, C: {P}, D: {B}, E: {P}, P: {A, C, E}. Adamic-Adar: A-D share B
// (2 partners): 1/ln 2 = 1.4427, the largest; A-C, A-E, C-E share P (3):
// 1/ln 3, so a partners part of ln 2/ln 3 = 0.6309. The fire area joins
// A-C, A-D, B-C, C-D (1 area: 1/3). Borders: B-C, C-D, D-E. All are
// districts (same type: 10 points each). B-E has no evidence: not a
// candidate. Scores:
//
//	A-D 40 + 20/3 + 10            = 56.667
//	B-C 20/3 + 30 + 10            = 46.667 (22 km)
//	C-D 20/3 + 30 + 10            = 46.667 (44 km: after B-C)
//	A-C 40(0.6309) + 20/3 + 10    = 41.904
//	D-E 30 + 10                   = 40
//	C-E 40(0.6309) + 10           = 35.237 (100 km)
//	A-E 40(0.6309) + 10           = 35.237 (133 km: after C-E)
func TestPotentialFixture(t *testing.T) {
	net, adj := pairFixture(t)
	res, err := Potential(context.Background(), net, PotentialOptions{At: day("2012-04-01"), Adjacency: adj, Pairs: -1})
	if err != nil {
		t.Fatal(err)
	}
	r := math.Log(2) / math.Log(3)
	want := []struct {
		pair  string
		score float64
	}{
		{"A-D", 40 + 20.0/3 + 10}, {"B-C", 20.0/3 + 30 + 10}, {"C-D", 20.0/3 + 30 + 10}, {"A-C", 40*r + 20.0/3 + 10},
		{"D-E", 40}, {"C-E", 40*r + 10}, {"A-E", 40*r + 10},
	}
	if res.Eligible != 5 || res.Sharing != 2 || res.Candidates != 7 || len(res.Pairs) != 7 {
		t.Fatalf("eligible %d, sharing %d, candidates %d, pairs %d; want 5, 2, 7, 7", res.Eligible, res.Sharing, res.Candidates, len(res.Pairs))
	}
	for i, w := range want {
		p := res.Pairs[i]
		got := net.Organisation(p.A).ID + "-" + net.Organisation(p.B).ID
		if got != w.pair || math.Abs(p.Score-w.score) > 1e-9 || p.Rank != i+1 {
			t.Errorf("rank %d: %s %.6f, want %s %.6f", p.Rank, got, p.Score, w.pair, w.score)
		}
	}
	// Evidence: A-C share the charity P and the fire area F.
	ac := res.Pairs[3]
	if len(ac.Partners) != 1 || net.Organisation(ac.Partners[0]).ID != "P" || ac.PartnerDegrees[0] != 3 ||
		len(ac.Areas) != 1 || net.Arrangement(ac.Areas[0]).ID != "F" || ac.Border {
		t.Errorf("A-C evidence: partners %v (degrees %v), areas %v, border %v; want [P] (3), [F], false", ac.Partners, ac.PartnerDegrees, ac.Areas, ac.Border)
	}
	if math.Abs(ac.AdamicAdar-1/math.Log(3)) > 1e-12 {
		t.Errorf("A-C Adamic-Adar %.12f, want 1/ln 3", ac.AdamicAdar)
	}
	// Groups of three whose three pairs are all candidates (A-B and B-D
	// share, B-E is no candidate): A-C-D (pairs 1, 3, 4: mean 48.41),
	// A-D-E (1, 5, 7: 43.97), C-D-E (3, 5, 6: 40.63), A-C-E (4, 6, 7: 37.46).
	var groups []string
	for _, g := range res.Groups {
		ids := make([]string, len(g.Members))
		for i, m := range g.Members {
			ids[i] = net.Organisation(m).ID
		}
		groups = append(groups, strings.Join(ids, ""))
	}
	if strings.Join(groups, " ") != "ACD ADE CDE ACE" {
		t.Errorf("groups %v, want ACD, ADE, CDE, ACE", groups)
	}
}

// TestBacktestPairsFixture checks BacktestPairs against a hand count on
// pairFixture at T = 2012-04-01 (ranking worked in TestPotentialFixture).
//
// After T, S1 (A+C) and M1 (D+E) join eligible councils; S3 joins A and G,
// which did not exist on T: 2 later arrangements, 2 positive pairs among 8
// open ones (chance 0.25). Potential's ranking A-D, B-C, C-D, A-C*, D-E*,
// C-E, A-E gives 0/1, 0/3, 2/5 and 2/7 (7 candidates) at K = 1, 3, 5, 10.
// Distance ranks the 8 open pairs by latitude gap: B-C 0.2, A-C* 0.3, C-D
// 0.4, D-E* 0.5, A-D 0.7, C-E 0.9, B-E 1.1, A-E 1.2: 0/1, 1/3, 2/5, 2/8.
func TestBacktestPairsFixture(t *testing.T) {
	net, adj := pairFixture(t)
	bt, err := BacktestPairs(context.Background(), net, PairBacktestOptions{Dates: []time.Time{day("2012-04-01")}, Ks: []int{1, 3, 5, 10}, Adjacency: adj})
	if err != nil {
		t.Fatal(err)
	}
	d := bt.Dates[0]
	if d.Eligible != 5 || d.OpenPairs != 8 || d.Later != 2 || d.Positives != 2 || d.Chance != 0.25 || d.Candidates != 7 || d.Located != 8 {
		t.Errorf("date summary %+v; want eligible 5, open 8, later 2, positives 2, chance 0.25, candidates 7, located 8", d)
	}
	want := []string{
		"potential 1: 0/1", "potential 3: 0/3", "potential 5: 2/5", "potential 10: 2/7",
		"distance 1: 0/1", "distance 3: 1/3", "distance 5: 2/5", "distance 10: 2/8",
	}
	if len(bt.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(bt.Rows), len(want))
	}
	for i, r := range bt.Rows {
		got := r.Method + " " + itoa(r.K) + ": " + itoa(r.Hits) + "/" + itoa(r.Proposed)
		if got != want[i] || math.Abs(r.Precision-float64(r.Hits)/float64(r.Proposed)) > 1e-12 {
			t.Errorf("row %d: %s (precision %g), want %s", i, got, r.Precision, want[i])
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestBacktestReadyFixture checks BacktestReady against a hand count.
//
// W1, W2, W3 (latitudes 52.0, 52.1, 52.2) were replaced by NW in 2020;
// X1 (53.0) and X2 (no location) by NX in 2019; Y1 (52.03) and Y2 (53.01)
// still exist. Z was replaced by NZ in 2009, outside 2019-2023. The
// proposal on 2012-04-01 is {W1, W2}, {X1, Y2}: NW has 2 of its 3
// predecessors in one group (held), NX 1 of 2 (not more than half): 1 of
// 2. The baseline forms two pairs by distance: X1+Y2 (1.1 km) first, then
// W1+Y1 (3.3 km): NW 1 of 3, NX 1 of 2: 0 of 2.
func TestBacktestReadyFixture(t *testing.T) {
	net := graph.NewNetwork()
	add := func(id string, lat float64, located bool, start, end string, succ ...string) {
		o := graph.Organisation{ID: id, Sector: "council", Lat: lat, HasLocation: located, Successors: succ}
		if start != "" {
			o.Start = day(start)
		}
		if end != "" {
			o.End = day(end)
		}
		must(t, net.AddOrganisation(o))
	}
	add("W1", 52.0, true, "", "2020-03-31", "NW")
	add("W2", 52.1, true, "", "2020-03-31", "NW")
	add("W3", 52.2, true, "", "2020-03-31", "NW")
	add("X1", 53.0, true, "", "2019-03-31", "NX")
	add("X2", 0, false, "", "2019-03-31", "NX")
	add("Y1", 52.03, true, "", "")
	add("Y2", 53.01, true, "", "")
	add("Z", 51, true, "", "2009-03-31", "NZ")
	add("NW", 52.1, true, "2020-04-01", "")
	add("NX", 53.0, true, "2019-04-01", "")
	add("NZ", 51, true, "2009-04-01", "")
	propose := func(_ context.Context, at time.Time) ([][]string, error) {
		return [][]string{{"W1", "W2"}, {"X1", "Y2"}}, nil
	}
	bt, err := BacktestReady(context.Background(), net, ReadyBacktestOptions{Dates: []time.Time{day("2012-04-01")}}, propose)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range bt.Rows {
		got = append(got, r.Method+" "+net.Organisation(r.Successor).ID+" "+itoa(r.Together)+"/"+itoa(len(r.Predecessors))+
			" unlocated "+itoa(r.Unlocated)+map[bool]string{true: " held", false: ""}[r.Hit])
	}
	want := "ready NW 2/3 unlocated 0 held; ready NX 1/2 unlocated 1; distance_group NW 1/3 unlocated 0; distance_group NX 1/2 unlocated 1"
	if strings.Join(got, "; ") != want {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "; "), want)
	}
	if len(bt.Summary) != 2 || bt.Summary[0].Hits != 1 || bt.Summary[0].Mergers != 2 || bt.Summary[1].Hits != 0 ||
		bt.Summary[0].Groups != 2 || bt.Summary[0].Placed != 4 || bt.Summary[1].Placed != 4 {
		t.Errorf("summary %+v; want ready 1 of 2 mergers, distance_group 0 of 2, 2 groups and 4 placed each", bt.Summary)
	}
	base := DistanceGroups(net, []int{0, 1, 2, 3, 4, 5, 6}, []int{2, 2})
	if len(base) != 2 || net.Organisation(base[0][0]).ID != "X1" || net.Organisation(base[1][0]).ID != "W1" || net.Organisation(base[1][1]).ID != "Y1" {
		t.Errorf("DistanceGroups = %v; want [X1 Y2] [W1 Y1]", base)
	}
}

// TestKnownAt: what a backtest may know on a day. Of the arrangements
// below, on 2012-04-01 only the fire area (undated, always known) and the
// 2010 plan are known: the undated joint plan and the undated combined
// authority may have begun later, and the 2013 service had not begun.
func TestKnownAt(t *testing.T) {
	net := graph.NewNetwork()
	for _, id := range []string{"A", "B"} {
		must(t, net.AddOrganisation(graph.Organisation{ID: id, Sector: "council"}))
	}
	for _, a := range []struct{ id, kind, start string }{
		{"fire", "statutory_body", ""}, {"plan2010", "joint_plan", "2010-01-01"}, {"plan", "joint_plan", ""},
		{"ca", "combined_authority", ""}, {"svc2013", "shared_service", "2013-01-01"},
	} {
		var start time.Time
		if a.start != "" {
			start = day(a.start)
		}
		must(t, net.AddArrangement(graph.Arrangement{ID: a.id, Kind: a.kind, Start: start}))
		for _, m := range []string{"A", "B"} {
			must(t, net.AddMembership(graph.Membership{ArrangementID: a.id, OrganisationID: m}))
		}
	}
	must(t, net.AddPartnership(graph.Partnership{Source: "A", Target: "B", Kind: "joint_plan"}))
	must(t, net.AddPartnership(graph.Partnership{Source: "A", Target: "B", Kind: "statutory_partnership"}))
	k := KnownAt(net, day("2012-04-01"))
	var ids []string
	for i := 0; i < k.NumArrangements(); i++ {
		ids = append(ids, k.Arrangement(i).ID)
	}
	if strings.Join(ids, ",") != "fire,plan2010" || k.NumPartnerships() != 1 || k.PartnershipKind(0) != "statutory_partnership" ||
		len(k.Memberships()) != 4 || k.NumOrganisations() != 2 {
		t.Errorf("KnownAt kept arrangements %v, %d partnerships, %d memberships; want fire,plan2010, the statutory partnership only, 4 memberships", ids, k.NumPartnerships(), len(k.Memberships()))
	}
}

// An area wider than MaxAreaMembers is not counted pair by pair (it would
// cost the square of its size and says little about any one pair).
func TestPotentialBroadArea(t *testing.T) {
	net := graph.NewNetwork()
	must(t, net.AddArrangement(graph.Arrangement{ID: "nation", Kind: "statutory_body"}))
	for i := 0; i <= MaxAreaMembers; i++ {
		id := "C" + strconv.Itoa(i)
		must(t, net.AddOrganisation(graph.Organisation{ID: id, Sector: "council"}))
		must(t, net.AddMembership(graph.Membership{ArrangementID: "nation", OrganisationID: id}))
	}
	res, err := Potential(context.Background(), net, PotentialOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Candidates != 0 || res.BroadAreas != 1 || !strings.Contains(res.Note, "1 statutory areas with more than 2000") {
		t.Errorf("candidates %d, broad areas %d, note %q; want 0, 1 and the note", res.Candidates, res.BroadAreas, res.Note)
	}
}
