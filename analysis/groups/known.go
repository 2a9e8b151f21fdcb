package groups

import (
	"slices"
	"time"

	"github.com/partnet/partnet/graph"
)

// AlwaysKnownKinds are the kinds of tie a backtest takes as known on any
// day even when undated: fire, police and resilience areas, set by law
// years before the dates tested (resilience forums, the youngest, under
// the Civil Contingencies Act 2004). Combined authorities are not among
// them: all but Greater Manchester's were formed from 2014 on.
var AlwaysKnownKinds = []string{"statutory_body", "statutory_partnership"}

// KnownAt returns a copy of net holding what a backtest may know on day
// at: every organisation (the round then keeps those active on at), every
// partnership and arrangement that started on or before at, and undated
// ones only of AlwaysKnownKinds. An undated joint plan, shared service or
// combined authority may have begun after at (Greater Manchester's
// undated joint plan, Places for Everyone, dates from 2021), so it is left
// out rather than taken as always active. Indices are net's.
func KnownAt(net *graph.Network, at time.Time) *graph.Network {
	out := graph.NewNetwork()
	out.Meta = net.Meta
	known := func(kind string, start time.Time) bool {
		if start.IsZero() {
			return slices.Contains(AlwaysKnownKinds, kind)
		}
		return !start.After(at)
	}
	for i := 0; i < net.NumOrganisations(); i++ {
		_ = out.AddOrganisation(*net.Organisation(i))
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		if p := net.Partnership(i); known(p.Kind, p.Start) {
			_ = out.AddPartnership(p)
		}
	}
	keep := map[string]bool{}
	for i := 0; i < net.NumArrangements(); i++ {
		if a := net.Arrangement(i); known(a.Kind, a.Start) {
			keep[a.ID] = true
			_ = out.AddArrangement(*a)
		}
	}
	for _, m := range net.Memberships() {
		if keep[m.ArrangementID] {
			_ = out.AddMembership(m)
		}
	}
	return out
}
