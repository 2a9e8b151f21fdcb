package graph

import (
	"errors"
	"math"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// handNetwork: organisations a, b, c, d; a partnership a-b (shared_service,
// weight 2); arrangement X (joint_plan) with members a, b, c; arrangement Y
// (statutory_body, value 600) with members a, b, c, d.
func handNetwork(t *testing.T) *Network {
	t.Helper()
	n := NewNetwork()
	for _, id := range []string{"a", "b", "c", "d"} {
		if err := n.AddOrganisation(Organisation{ID: id, Sector: "council"}); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(n.AddPartnership(Partnership{Source: "a", Target: "b", Kind: "shared_service", Weight: 2, Start: day("2010-01-01"), End: day("2012-12-31")}))
	must(n.AddArrangement(Arrangement{ID: "X", Kind: "joint_plan"}))
	must(n.AddArrangement(Arrangement{ID: "Y", Kind: "statutory_body", ValueGBP: 600, HasValue: true}))
	for _, m := range []string{"a", "b", "c"} {
		must(n.AddMembership(Membership{ArrangementID: "X", OrganisationID: m}))
	}
	for _, m := range []string{"a", "b", "c", "d"} {
		must(n.AddMembership(Membership{ArrangementID: "Y", OrganisationID: m}))
	}
	return n
}

func TestProjectionWeights(t *testing.T) {
	n := handNetwork(t)
	// Worked by hand with the default kind weights (shared_service 3,
	// joint_plan 1.5, statutory_body 0.5):
	//   newman: a-b = 2*3 + 1.5/(3-1) + 0.5/(4-1) = 6 + 0.75 + 1/6
	//           a-c = 0.75 + 1/6; a-d = 1/6
	//   count:  a-b = 6 + 1.5 + 0.5 = 8; a-c = 2; a-d = 0.5
	//   value:  X has no value -> 0; Y: 600 over 6 pairs = 100, x0.5 = 50
	//           a-b = 6 + 0 + 50 = 56; a-c = 50; a-d = 50
	cases := []struct {
		scheme     Scheme
		ab, ac, ad float64
	}{
		{SchemeNewman, 6 + 0.75 + 1.0/6, 0.75 + 1.0/6, 1.0 / 6},
		{SchemeCount, 8, 2, 0.5},
		{SchemeValue, 56, 50, 50},
	}
	for _, c := range cases {
		t.Run(string(c.scheme), func(t *testing.T) {
			s := n.Snapshot(Weighting{Scheme: c.scheme})
			if s.Ties() != 6 {
				t.Fatalf("ties = %d, want 6", s.Ties())
			}
			for _, p := range []struct {
				i, j int
				want float64
			}{{0, 1, c.ab}, {0, 2, c.ac}, {0, 3, c.ad}, {1, 0, c.ab}} {
				if got := s.Weight(p.i, p.j); math.Abs(got-p.want) > 1e-12 {
					t.Errorf("weight(%d,%d) = %v, want %v", p.i, p.j, got, p.want)
				}
			}
		})
	}
	// Overriding kind weights: every kind 1.
	s := n.Snapshot(Weighting{Scheme: SchemeCount, KindWeights: map[string]float64{}})
	if got := s.Weight(0, 1); got != 4 { // 2 + 1 + 1
		t.Errorf("count with unit kinds: a-b = %v, want 4", got)
	}
}

func TestEvidenceAmong(t *testing.T) {
	n := handNetwork(t)
	ev := n.EvidenceAmong([]int{0, 2}, Weighting{})
	// a and c share X and Y, and no partnership.
	if len(ev) != 2 || ev[0].Arrangement != 0 || ev[1].Arrangement != 1 {
		t.Fatalf("EvidenceAmong(a,c) = %+v, want arrangements X and Y", ev)
	}
	ev = n.EvidenceAmong([]int{0, 1, 3}, Weighting{})
	if len(ev) != 3 || ev[0].Partnership != 0 || len(ev[2].Members) != 3 {
		t.Fatalf("EvidenceAmong(a,b,d) = %+v", ev)
	}
}

func TestEvidenceWithin(t *testing.T) {
	n := handNetwork(t)
	// Groups {a, b} and {c, d}: a-b has the partnership and shares X and Y;
	// c-d share Y only (X has c but not d).
	ev := n.EvidenceWithin([][]int{{0, 1}, {2, 3}}, Weighting{})
	if len(ev) != 2 {
		t.Fatalf("got %d groups, want 2", len(ev))
	}
	ab, cd := ev[0], ev[1]
	if len(ab) != 3 || ab[0].Partnership != 0 || ab[1].Arrangement != 0 || ab[2].Arrangement != 1 {
		t.Errorf("group {a,b} = %+v, want partnership 0, then X and Y", ab)
	}
	for _, e := range ab[1:] {
		if len(e.Members) != 2 || e.Members[0] != 0 || e.Members[1] != 1 {
			t.Errorf("group {a,b} arrangement %d members = %v, want [0 1] (only the group's own)", e.Arrangement, e.Members)
		}
	}
	if len(cd) != 1 || cd[0].Arrangement != 1 || len(cd[0].Members) != 2 || cd[0].Members[0] != 2 {
		t.Errorf("group {c,d} = %+v, want arrangement Y with members [2 3]", cd)
	}
	// The one-group form agrees with EvidenceAmong, and an empty group or
	// an out-of-range index yields nothing rather than a panic.
	ev = n.EvidenceWithin([][]int{{}, {0, 2, 99, -1}}, Weighting{})
	if len(ev[0]) != 0 || len(ev[1]) != 2 {
		t.Errorf("EvidenceWithin(empty, {a,c,bad}) = %+v, want nothing and X, Y", ev)
	}
}

func TestBuildErrors(t *testing.T) {
	n := handNetwork(t)
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"duplicate organisation", n.AddOrganisation(Organisation{ID: "a"}), ErrDuplicateID},
		{"empty id", n.AddOrganisation(Organisation{}), ErrEmptyID},
		{"unknown source", n.AddPartnership(Partnership{Source: "zz", Target: "a"}), ErrUnknownOrganisation},
		{"self tie", n.AddPartnership(Partnership{Source: "a", Target: "a"}), ErrSelfTie},
		{"negative weight", n.AddPartnership(Partnership{Source: "a", Target: "b", Weight: -1}), ErrBadWeight},
		{"NaN weight", n.AddPartnership(Partnership{Source: "a", Target: "b", Weight: math.NaN()}), ErrBadWeight},
		{"unknown arrangement", n.AddMembership(Membership{ArrangementID: "Q", OrganisationID: "a"}), ErrUnknownArrangement},
		{"repeated membership", n.AddMembership(Membership{ArrangementID: "X", OrganisationID: "a"}), ErrDuplicateID},
	}
	for _, c := range cases {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, c.err, c.want)
		}
	}
}

func TestFilter(t *testing.T) {
	n := handNetwork(t)
	cases := []struct {
		name                 string
		f                    Filter
		orgs, parts, arrs    int
		members, snapshotTie int
	}{
		{"everything", Filter{}, 4, 1, 2, 7, 6},
		{"kind shared_service", Filter{Kinds: []string{"shared_service"}}, 4, 1, 0, 0, 1},
		{"kind joint_plan", Filter{Kinds: []string{"joint_plan"}}, 4, 0, 1, 3, 3},
		{"at 2014: dated partnership ended", Filter{At: day("2014-01-01")}, 4, 0, 2, 7, 6},
		{"range meets partnership", Filter{From: day("2012-06-01"), To: day("2020-01-01")}, 4, 1, 2, 7, 6},
		{"drop undated", Filter{At: day("2011-01-01"), DropUndated: true}, 4, 1, 0, 0, 1},
		{"sector agency", Filter{Sectors: []string{"agency"}}, 0, 0, 2, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := n.NumPartnerships()
			got := n.Filter(c.f)
			if got.NumOrganisations() != c.orgs || got.NumPartnerships() != c.parts ||
				got.NumArrangements() != c.arrs || len(got.Memberships()) != c.members {
				t.Errorf("Filter = %d orgs, %d partnerships, %d arrangements, %d memberships; want %d, %d, %d, %d",
					got.NumOrganisations(), got.NumPartnerships(), got.NumArrangements(), len(got.Memberships()),
					c.orgs, c.parts, c.arrs, c.members)
			}
			if ties := got.Snapshot(Weighting{}).Ties(); ties != c.snapshotTie {
				t.Errorf("ties = %d, want %d", ties, c.snapshotTie)
			}
			if n.NumPartnerships() != before || n.NumOrganisations() != 4 {
				t.Error("Filter changed the original network")
			}
		})
	}
}

func TestBuildSnapshotMerges(t *testing.T) {
	// Pairs 0-1 (twice, once reversed), 1-2, a self tie 2-2 (dropped), node 3
	// isolated.
	s := BuildSnapshot(4, []string{"a", "b", "c", "d"},
		[]int32{0, 1, 1, 2}, []int32{1, 0, 2, 2}, []float64{1, 2, 0.5, 9})
	if s.N() != 4 || s.Ties() != 2 {
		t.Fatalf("N, Ties = %d, %d; want 4, 2", s.N(), s.Ties())
	}
	if s.Weight(0, 1) != 3 || s.Weight(2, 1) != 0.5 || s.Weight(2, 2) != 0 {
		t.Errorf("weights = %v %v %v, want 3 0.5 0", s.Weight(0, 1), s.Weight(2, 1), s.Weight(2, 2))
	}
	if s.Strength(1) != 3.5 || s.TotalWeight() != 3.5 || s.Degree(3) != 0 {
		t.Errorf("strength(b) = %v, total = %v, degree(d) = %d", s.Strength(1), s.TotalWeight(), s.Degree(3))
	}
	if i, ok := s.Index("c"); !ok || i != 2 {
		t.Errorf("Index(c) = %d, %v", i, ok)
	}
}
