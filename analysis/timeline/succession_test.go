package timeline

import (
	"reflect"
	"testing"

	"github.com/partnet/partnet/graph"
)

func TestSuccessions(t *testing.T) {
	net := datedNetwork(t)
	// G is abolished into two successors, one of them not in the data.
	must(t, net.AddOrganisation(graph.Organisation{ID: "G", Name: "Golf", End: day("2021-03-31"), Successors: []string{"C", "Z"}}))
	got := Successions(net, graph.Weighting{})
	// E replaced A and B on its start date 2019-04-01. They shared the
	// management team (kind weight 3) from 2008; the fire area holds B but
	// not A, and B-D has one predecessor only, so neither counts.
	want := []Succession{
		{Successor: "E", SuccessorName: "East", Date: "2019-04-01",
			Predecessors: []Predecessor{{ID: "A", Name: "Alpha", End: "2019-03-31", Successors: []string{"E"}}, {ID: "B", Name: "Beta", End: "2019-03-31", Successors: []string{"E"}}},
			Preceding: []PrecedingTie{{Record: "arrangement", ID: "mgmt-ab", Name: "Alpha and Beta joint management", Kind: "shared_management",
				ServiceArea: "management", Start: "2008-04-01", KindWeight: 3, Members: []string{"A", "B"}, start: day("2008-04-01")}},
			Pairs: 1, PairsJoined: 1, PairsChosen: 1},
		// C has no start date: the day after G ended.
		{Successor: "C", SuccessorName: "Gamma", Date: "2021-04-01",
			Predecessors: []Predecessor{{ID: "G", Name: "Golf", End: "2021-03-31", Successors: []string{"C", "Z"}}}, Preceding: []PrecedingTie{}},
		{Successor: "Z", Date: "2021-04-01",
			Predecessors: []Predecessor{{ID: "G", Name: "Golf", End: "2021-03-31", Successors: []string{"C", "Z"}}}, Preceding: []PrecedingTie{}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Successions =\n%+v\nwant\n%+v", got, want)
	}
	if got := Successions(graph.NewNetwork(), graph.Weighting{}); len(got) != 0 {
		t.Errorf("empty network: %v", got)
	}
}

func TestSuccessionsOnlyBeforeTheMerger(t *testing.T) {
	net := graph.NewNetwork()
	end := day("2019-03-31")
	must(t, net.AddOrganisation(graph.Organisation{ID: "P", End: end, Successors: []string{"S"}}))
	must(t, net.AddOrganisation(graph.Organisation{ID: "Q", End: end, Successors: []string{"S"}}))
	must(t, net.AddOrganisation(graph.Organisation{ID: "S", Start: day("2019-04-01")}))
	// A partnership dated after the merger (data error or late record) does
	// not precede it; one ended long before does.
	must(t, net.AddPartnership(graph.Partnership{ID: "late", Source: "P", Target: "Q", Kind: "shared_service", Start: day("2019-06-01")}))
	must(t, net.AddPartnership(graph.Partnership{ID: "early", Source: "Q", Target: "P", Kind: "grant", Start: day("2001-01-01"), End: day("2002-01-01")}))
	got := Successions(net, graph.Weighting{})
	if len(got) != 1 || len(got[0].Preceding) != 1 || got[0].Preceding[0].ID != "early" || !reflect.DeepEqual(got[0].Preceding[0].Members, []string{"P", "Q"}) {
		t.Errorf("preceding = %+v, want only the early partnership joining P and Q", got)
	}
}

// TestSuccessionsChosenBeyondStatutory: sharing a statutory body or
// area (graph.IsStatutory) joins predecessors but is not joint working
// they chose. P, Q and R became S; P and Q shared a fire area and a
// combined authority, Q and R a shared service: 3 pairs, 2 joined, 1
// chosen.
func TestSuccessionsChosenBeyondStatutory(t *testing.T) {
	net := graph.NewNetwork()
	end := day("2019-03-31")
	for _, id := range []string{"P", "Q", "R"} {
		must(t, net.AddOrganisation(graph.Organisation{ID: id, End: end, Successors: []string{"S"}}))
	}
	must(t, net.AddOrganisation(graph.Organisation{ID: "S", Start: day("2019-04-01")}))
	must(t, net.AddPartnership(graph.Partnership{ID: "fire", Source: "P", Target: "Q", Kind: "statutory_body"}))
	must(t, net.AddPartnership(graph.Partnership{ID: "ca", Source: "Q", Target: "P", Kind: "combined_authority"}))
	must(t, net.AddPartnership(graph.Partnership{ID: "ss", Source: "Q", Target: "R", Kind: "shared_service", Start: day("2010-01-01")}))
	got := Successions(net, graph.Weighting{})
	if len(got) != 1 || got[0].Pairs != 3 || got[0].PairsJoined != 2 || got[0].PairsChosen != 1 {
		t.Errorf("successions %+v, want 3 pairs, 2 joined, 1 chosen", got)
	}
}

func TestCarrySuccessors(t *testing.T) {
	net := datedNetwork(t)
	carried, c, err := CarrySuccessors(net)
	if err != nil {
		t.Fatal(err)
	}
	// Partnerships: A-C (ended 2015, before E began) is not carried; B-D
	// becomes E-D. Memberships: E joins mgmt-ab (once, for A and B) and
	// the fire area (for B).
	if c != (Carried{Partnerships: 1, Memberships: 2}) {
		t.Errorf("carried %+v, want 1 partnership and 2 memberships", c)
	}
	if carried.NumPartnerships() != net.NumPartnerships()+1 {
		t.Fatalf("%d partnerships, want %d", carried.NumPartnerships(), net.NumPartnerships()+1)
	}
	// Copies follow their original: B-D is the third partnership.
	p := carried.Partnership(3)
	if p.Source != "E" || p.Target != "D" || p.Kind != "joint_plan" || !p.Start.IsZero() || p.Attrs["carried_from_source"] != "B" {
		t.Errorf("carried partnership %+v, want undated E-D joint_plan from B", p)
	}
	if net.NumPartnerships() != 4 || len(net.Memberships()) != 5 {
		t.Error("CarrySuccessors changed its input")
	}
	// A chain: X (ends 2010) -> Y (ends 2015) -> W; X-V from 2005 is carried
	// to Y from 2010-01-01 and to W from 2015-01-01.
	chain := graph.NewNetwork()
	must(t, chain.AddOrganisation(graph.Organisation{ID: "X", End: day("2009-12-31"), Successors: []string{"Y"}}))
	must(t, chain.AddOrganisation(graph.Organisation{ID: "Y", End: day("2014-12-31"), Successors: []string{"W"}}))
	must(t, chain.AddOrganisation(graph.Organisation{ID: "W"}))
	must(t, chain.AddOrganisation(graph.Organisation{ID: "V"}))
	must(t, chain.AddPartnership(graph.Partnership{Source: "X", Target: "V", Kind: "shared_service", Start: day("2005-01-01")}))
	out, c, err := CarrySuccessors(chain)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := 0; i < out.NumPartnerships(); i++ {
		q := out.Partnership(i)
		got = append(got, q.Source+"-"+q.Target+" "+formatDay(q.Start))
	}
	if want := []string{"X-V 2005-01-01", "Y-V 2010-01-01", "W-V 2015-01-01"}; !reflect.DeepEqual(got, want) || c.Partnerships != 2 {
		t.Errorf("chain carried %v (%+v), want %v", got, c, want)
	}
	// On 2012-01-01 the tie is Y-V; on 2016-01-01 W-V.
	for _, at := range []struct{ date, a string }{{"2012-01-01", "Y"}, {"2016-01-01", "W"}} {
		ds := SnapshotAt(out, day(at.date), SnapshotOptions{})
		i, _ := ds.Snapshot.Index(at.a)
		if ds.Snapshot.Ties() != 1 || ds.Snapshot.Degree(i) != 1 {
			t.Errorf("%s: %d ties, %s degree %d; want the one tie on %s", at.date, ds.Snapshot.Ties(), at.a, ds.Snapshot.Degree(i), at.a)
		}
	}
}

func TestSnapshotAt(t *testing.T) {
	net := datedNetwork(t)
	ds := SnapshotAt(net, day("2014-01-01"), SnapshotOptions{})
	var ids []string
	for i := 0; i < ds.Snapshot.N(); i++ {
		ids = append(ids, ds.Snapshot.ID(i))
		if net.Organisation(ds.Orgs[i]).ID != ds.Snapshot.ID(i) {
			t.Errorf("Orgs[%d] = %d does not map to %s", i, ds.Orgs[i], ds.Snapshot.ID(i))
		}
	}
	if want := []string{"A", "B", "C", "D", "F"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("organisations on 2014-01-01 = %v, want %v", ids, want)
	}
	// On 2000-01-01 A, B, C and F exist (D and E not yet); of the ties only
	// the undated fire area's B-C, B-F and C-F are active (the management
	// team starts in 2008, B-D needs D).
	early := SnapshotAt(net, day("2000-01-01"), SnapshotOptions{})
	if early.Snapshot.N() != 4 || early.Snapshot.Ties() != 3 {
		t.Errorf("2000-01-01: %d organisations, %d ties; want 4 and 3 (the fire area)", early.Snapshot.N(), early.Snapshot.Ties())
	}
	first, last, ok := DataSpan(net)
	if !ok || formatDay(first) != "2008-04-01" || formatDay(last) != "2020-12-31" {
		t.Errorf("DataSpan = %v %v %v", first, last, ok)
	}
}
