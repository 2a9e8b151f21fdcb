package graph

import (
	"maps"
	"slices"
	"time"
)

// Filter selects part of a network. Empty lists and zero dates select
// everything. Organisation filters (Sectors, Types, Regions, Organisations)
// drop organisations and with them their partnerships and memberships;
// partnership filters (Kinds, Programmes, ServiceAreas) drop partnerships and
// arrangements; date filters apply to all three.
type Filter struct {
	Kinds        []string
	Programmes   []string
	ServiceAreas []string
	Sectors      []string
	Types        []string
	Regions      []string
	// At keeps what was active on that day (open ends count as active).
	At time.Time
	// From and To keep what was active at any time in [From, To]; either may
	// be zero for an open end.
	From, To time.Time
	// DropUndated, when true, drops partnerships and arrangements with neither a
	// start nor an end date whenever a date filter is set. By default undated
	// ties count as always active.
	DropUndated bool
	// ExcludeKinds drops partnerships and arrangements of these kinds
	// (after Kinds selects).
	ExcludeKinds []string
	// keepIndex, when set, keeps only the organisations (by index in the
	// network filtered) marked true, as well as the other filters.
	keepIndex []bool
}

func (f *Filter) dated() bool { return !f.At.IsZero() || !f.From.IsZero() || !f.To.IsZero() }

func (f *Filter) keepWhen(start, end time.Time) bool {
	if !f.dated() {
		return true
	}
	if !f.At.IsZero() && !activeOn(start, end, f.At) {
		return false
	}
	return overlaps(start, end, f.From, f.To)
}

func match(list []string, v string) bool { return len(list) == 0 || slices.Contains(list, v) }

func (f *Filter) keepOrg(o *Organisation) bool {
	return match(f.Sectors, o.Sector) && match(f.Types, o.Type) && match(f.Regions, o.Region) &&
		f.keepWhen(o.Start, o.End)
}

func (f *Filter) keepTie(kind, programme, area string, start, end time.Time) bool {
	if f.dated() && f.DropUndated && start.IsZero() && end.IsZero() {
		return false
	}
	return match(f.Kinds, kind) && !slices.Contains(f.ExcludeKinds, kind) && match(f.Programmes, programme) &&
		match(f.ServiceAreas, area) && f.keepWhen(start, end)
}

// Filter returns a new network holding what f selects; n is not changed.
// Organisations keep their relative order, so indices in the result differ
// from n's when organisations were dropped. Metadata is copied.
//
// A filter that selects everything (the zero Filter) returns a network
// that shares n's storage read-only (adding to either never changes the
// other), so the common unfiltered case costs no copy of the rows.
func (n *Network) Filter(f Filter) *Network {
	if f.all() {
		return n.share()
	}
	out := NewNetwork()
	out.Meta = n.Meta
	out.kinds = append(out.kinds[:0], n.kinds...)
	out.kindIndex = maps.Clone(n.kindIndex)
	remap := make([]int32, len(n.orgs))
	for i := range n.orgs {
		o := &n.orgs[i]
		if !f.keepOrg(o) || (f.keepIndex != nil && !f.keepIndex[i]) {
			remap[i] = -1
			continue
		}
		remap[i] = int32(len(out.orgs))
		out.index[o.ID] = remap[i]
		out.orgs = append(out.orgs, *o)
	}
	for _, p := range n.parts {
		a, b := remap[p.a], remap[p.b]
		if a < 0 || b < 0 {
			continue
		}
		kind := n.kinds[p.kind]
		var prog, area string
		var start, end time.Time
		if p.info >= 0 {
			in := &n.infos[p.info]
			prog, area, start, end = in.Programme, in.ServiceArea, in.Start, in.End
		}
		if !f.keepTie(kind, prog, area, start, end) {
			continue
		}
		info := int32(-1)
		if p.info >= 0 {
			info = int32(len(out.infos))
			out.infos = append(out.infos, n.infos[p.info])
		}
		out.parts = append(out.parts, partRec{a: a, b: b, weight: p.weight, info: info, kind: p.kind})
	}
	keptArr := make([]bool, len(n.arrs))
	for ai := range n.arrs {
		a := &n.arrs[ai]
		if !f.keepTie(a.Kind, a.Programme, a.ServiceArea, a.Start, a.End) {
			continue
		}
		keptArr[ai] = true
		out.arrIndex[a.ID] = int32(len(out.arrs))
		out.arrs = append(out.arrs, *a)
		out.arrMembers = append(out.arrMembers, nil)
	}
	for _, m := range n.members {
		ai := n.arrIndex[m.ArrangementID]
		oi := n.index[m.OrganisationID]
		if !keptArr[ai] || remap[oi] < 0 {
			continue
		}
		nai := out.arrIndex[m.ArrangementID]
		out.arrMembers[nai] = append(out.arrMembers[nai], remap[oi])
		out.members = append(out.members, m)
	}
	return out
}

// all reports whether f selects everything.
func (f *Filter) all() bool {
	return len(f.Kinds) == 0 && len(f.Programmes) == 0 && len(f.ServiceAreas) == 0 && len(f.Sectors) == 0 &&
		len(f.Types) == 0 && len(f.Regions) == 0 && !f.dated() && len(f.ExcludeKinds) == 0 && f.keepIndex == nil
}

// share returns a network with n's contents whose slices are capped at
// their length, so an append to either network reallocates instead of
// writing into the other's storage; the maps, which Add methods write, are
// copied.
func (n *Network) share() *Network {
	out := &Network{
		Meta:      n.Meta,
		orgs:      slices.Clip(n.orgs),
		index:     maps.Clone(n.index),
		parts:     slices.Clip(n.parts),
		infos:     slices.Clip(n.infos),
		kinds:     slices.Clip(n.kinds),
		kindIndex: maps.Clone(n.kindIndex),
		arrs:      slices.Clip(n.arrs),
		arrIndex:  maps.Clone(n.arrIndex),
		members:   slices.Clip(n.members),
	}
	out.arrMembers = make([][]int32, len(n.arrMembers))
	for i, m := range n.arrMembers {
		out.arrMembers[i] = slices.Clip(m)
	}
	return out
}
