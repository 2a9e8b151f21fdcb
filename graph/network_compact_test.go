package graph

import (
	"testing"
	"time"
)

// TestKindTiesAndSharedFilter checks that kinds survive the compact record
// (AddKindTie, AddPartnership without other fields), that the zero Filter
// shares storage without letting additions leak between the networks, and
// that TruncatePartnerships drops full records too.
func TestKindTiesAndSharedFilter(t *testing.T) {
	n := NewNetwork()
	for _, id := range []string{"a", "b", "c", "d"} {
		if err := n.AddOrganisation(Organisation{ID: id}); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(n.AddKindTie(0, 1, 2, "shared_service"))
	must(n.AddPartnership(Partnership{Source: "b", Target: "c", Kind: "grant"}))
	must(n.AddPartnership(Partnership{Source: "c", Target: "d", Kind: "grant", Programme: "p", Start: time.Date(2014, 4, 1, 0, 0, 0, 0, time.UTC)}))
	if len(n.infos) != 1 {
		t.Errorf("%d full records, want 1 (only the row with a programme)", len(n.infos))
	}
	for i, want := range []string{"shared_service", "grant", "grant"} {
		if got := n.Partnership(i).Kind; got != want || n.PartnershipKind(i) != want {
			t.Errorf("partnership %d kind %q, want %q", i, got, want)
		}
	}
	for i, want := range []int{1, 1, 2014} {
		if got := n.PartnershipStart(i).Year(); got != want {
			t.Errorf("partnership %d starts in year %d, want %d (1 for undated)", i, got, want)
		}
	}
	// Weights: 2*3 (shared_service), 1*1 (grant), 1*1 (grant).
	s := n.Snapshot(Weighting{})
	if s.Weight(0, 1) != 6 || s.Weight(1, 2) != 1 || s.Weight(2, 3) != 1 {
		t.Errorf("weights %v %v %v, want 6 1 1", s.Weight(0, 1), s.Weight(1, 2), s.Weight(2, 3))
	}
	if got := n.Filter(Filter{Kinds: []string{"grant"}}).NumPartnerships(); got != 2 {
		t.Errorf("kind filter kept %d, want 2", got)
	}
	all := n.Filter(Filter{})
	must(all.AddOrganisation(Organisation{ID: "e"}))
	must(all.AddKindTie(3, 4, 1, "joint_plan"))
	must(n.AddOrganisation(Organisation{ID: "f"}))
	must(n.AddTie(0, 4, 1))
	if _, ok := n.Index("e"); ok || n.NumPartnerships() != 4 || n.PartnershipKind(3) != "" {
		t.Errorf("an addition to the filtered copy reached the original")
	}
	if _, ok := all.Index("f"); ok || all.NumPartnerships() != 4 || all.PartnershipKind(3) != "joint_plan" {
		t.Errorf("an addition to the original reached the filtered copy")
	}
	n.TruncatePartnerships(2)
	if n.NumPartnerships() != 2 || len(n.infos) != 0 {
		t.Errorf("after truncating: %d partnerships, %d full records", n.NumPartnerships(), len(n.infos))
	}
}
