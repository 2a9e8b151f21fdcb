package graph

import (
	"reflect"
	"testing"
)

// TestLayers: F funds R1 and R2 (grants) and shares a service with C; R1
// and C also sit on a joint plan with F (an arrangement of three). Pairs:
// F-R1 (grant and plan), F-R2 (grant), F-C (service and plan), R1-C
// (plan): 4 ties, 2 funding, 3 collaboration. R2's only tie is a grant,
// so it is in the funding layer only.
func TestLayers(t *testing.T) {
	n := NewNetwork()
	for _, id := range []string{"F", "R1", "R2", "C"} {
		if err := n.AddOrganisation(Organisation{ID: id}); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []Partnership{{ID: "g1", Source: "F", Target: "R1", Kind: "grant"}, {ID: "g2", Source: "F", Target: "R2", Kind: "grant"},
		{ID: "s", Source: "F", Target: "C", Kind: "shared_service"}} {
		if err := n.AddPartnership(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := n.AddArrangement(Arrangement{ID: "plan", Kind: "joint_plan"}); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"F", "R1", "C"} {
		if err := n.AddMembership(Membership{ArrangementID: "plan", OrganisationID: m}); err != nil {
			t.Fatal(err)
		}
	}
	c := n.CountLayers()
	want := LayerCounts{Ties: 4, Funding: 2, Collaboration: 3,
		OrgTies: []int{3, 2, 1, 2}, OrgFunding: []int{2, 1, 1, 0}, OrgCollaboration: []int{2, 2, 0, 2}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("CountLayers = %+v, want %+v", c, want)
	}
	collab, funding := n.Layers(c)
	ids := func(x *Network) []string {
		var out []string
		for i := 0; i < x.NumOrganisations(); i++ {
			out = append(out, x.Organisation(i).ID)
		}
		return out
	}
	if got := ids(collab); !reflect.DeepEqual(got, []string{"F", "R1", "C"}) || collab.NumPartnerships() != 1 || collab.NumArrangements() != 1 {
		t.Errorf("collaboration layer: %v, %d partnerships, %d arrangements; want F, R1, C with the service and the plan",
			got, collab.NumPartnerships(), collab.NumArrangements())
	}
	if got := ids(funding); !reflect.DeepEqual(got, []string{"F", "R1", "R2"}) || funding.NumPartnerships() != 2 || funding.NumArrangements() != 0 {
		t.Errorf("funding layer: %v, %d partnerships, %d arrangements; want F, R1, R2 with the two grants", got, funding.NumPartnerships(), funding.NumArrangements())
	}
	if n.NumOrganisations() != 4 || n.NumPartnerships() != 3 {
		t.Error("Layers changed its input")
	}
}
