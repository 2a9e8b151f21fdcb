package datasets

import (
	"fmt"
	"reflect"

	"github.com/partnet/partnet/graph"
)

// Diff describes the first difference between two networks (organisations,
// partnerships, arrangements and memberships, in order, with every field and
// attribute; and metadata), or returns "" when they hold the same data.
// Round-trip tests and fuzzers use it.
func Diff(a, b *graph.Network) string {
	if a.Meta != b.Meta {
		return fmt.Sprintf("metadata %+v != %+v", a.Meta, b.Meta)
	}
	if a.NumOrganisations() != b.NumOrganisations() {
		return fmt.Sprintf("%d organisations != %d", a.NumOrganisations(), b.NumOrganisations())
	}
	for i := 0; i < a.NumOrganisations(); i++ {
		x, y := *a.Organisation(i), *b.Organisation(i)
		if !sameOrg(x, y) {
			return fmt.Sprintf("organisation %d: %+v != %+v", i, x, y)
		}
	}
	if a.NumPartnerships() != b.NumPartnerships() {
		return fmt.Sprintf("%d partnerships != %d", a.NumPartnerships(), b.NumPartnerships())
	}
	for i := 0; i < a.NumPartnerships(); i++ {
		x, y := a.Partnership(i), b.Partnership(i)
		if len(x.Attrs) == 0 && len(y.Attrs) == 0 {
			x.Attrs, y.Attrs = nil, nil
		}
		if !reflect.DeepEqual(x, y) {
			return fmt.Sprintf("partnership %d: %+v != %+v", i, x, y)
		}
	}
	if a.NumArrangements() != b.NumArrangements() {
		return fmt.Sprintf("%d arrangements != %d", a.NumArrangements(), b.NumArrangements())
	}
	for i := 0; i < a.NumArrangements(); i++ {
		x, y := *a.Arrangement(i), *b.Arrangement(i)
		if len(x.Attrs) == 0 && len(y.Attrs) == 0 {
			x.Attrs, y.Attrs = nil, nil
		}
		if !reflect.DeepEqual(x, y) {
			return fmt.Sprintf("arrangement %d: %+v != %+v", i, x, y)
		}
	}
	ma, mb := a.Memberships(), b.Memberships()
	if len(ma) != len(mb) {
		return fmt.Sprintf("%d memberships != %d", len(ma), len(mb))
	}
	for i := range ma {
		if ma[i] != mb[i] {
			return fmt.Sprintf("membership %d: %+v != %+v", i, ma[i], mb[i])
		}
	}
	return ""
}

func sameOrg(x, y graph.Organisation) bool {
	if len(x.Attrs) == 0 && len(y.Attrs) == 0 {
		x.Attrs, y.Attrs = nil, nil
	}
	if len(x.Successors) == 0 && len(y.Successors) == 0 {
		x.Successors, y.Successors = nil, nil
	}
	return reflect.DeepEqual(x, y)
}
