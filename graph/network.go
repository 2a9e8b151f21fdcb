package graph

import (
	"fmt"
	"math"
	"time"
)

// Network holds a dataset's organisations, partnerships, arrangements and
// memberships. Build it with the Add methods (readers in package datasets
// do), then take a Snapshot for analysis. Filter returns a new Network and
// never changes the receiver.
//
// Partnerships are stored compactly (two int32 endpoints, a weight and an
// interned kind: 24 bytes) so that a ten-million-row edge list or
// partnerships.csv fits in memory; the full record is kept only for rows
// that carry more than endpoints, a kind and a weight.
//
// A Network is not safe for concurrent mutation; concurrent reads are safe.
type Network struct {
	Meta Metadata

	orgs  []Organisation
	index map[string]int32

	parts []partRec
	infos []Partnership
	// kinds interns partnership kinds: kinds[0] is "", partRec.kind indexes
	// it.
	kinds     []string
	kindIndex map[string]int32

	arrs       []Arrangement
	arrIndex   map[string]int32
	members    []Membership
	arrMembers [][]int32
}

type partRec struct {
	a, b   int32
	weight float64
	info   int32 // index into infos, or -1
	kind   int32 // index into kinds
}

// NewNetwork returns an empty network.
func NewNetwork() *Network {
	return &Network{index: map[string]int32{}, arrIndex: map[string]int32{},
		kinds: []string{""}, kindIndex: map[string]int32{"": 0}}
}

// kindCode interns a partnership kind.
func (n *Network) kindCode(kind string) int32 {
	if kind == "" {
		return 0
	}
	// Datasets have a handful of kinds: a scan beats hashing.
	if len(n.kinds) <= 16 {
		for i, k := range n.kinds {
			if k == kind {
				return int32(i)
			}
		}
	} else if c, ok := n.kindIndex[kind]; ok {
		return c
	}
	c := int32(len(n.kinds))
	n.kinds = append(n.kinds, kind)
	n.kindIndex[kind] = c
	return c
}

// Grow reserves room for orgs more organisations and ties more
// partnerships, so bulk readers that know their sizes avoid repeated
// reallocation. It changes nothing else.
func (n *Network) Grow(orgs, ties int) {
	if orgs > 0 {
		n.orgs = append(make([]Organisation, 0, len(n.orgs)+orgs), n.orgs...)
		index := make(map[string]int32, len(n.index)+orgs)
		for id, i := range n.index {
			index[id] = i
		}
		n.index = index
	}
	if ties > 0 {
		n.parts = append(make([]partRec, 0, len(n.parts)+ties), n.parts...)
	}
}

// AddOrganisation adds o. It fails with ErrEmptyID or ErrDuplicateID.
func (n *Network) AddOrganisation(o Organisation) error {
	if o.ID == "" {
		return ErrEmptyID
	}
	if _, dup := n.index[o.ID]; dup {
		return fmt.Errorf("organisation %q: %w", o.ID, ErrDuplicateID)
	}
	if len(n.orgs) >= math.MaxInt32 {
		return fmt.Errorf("more than %d organisations", math.MaxInt32)
	}
	n.index[o.ID] = int32(len(n.orgs))
	n.orgs = append(n.orgs, o)
	return nil
}

// EnsureOrganisation returns the index of the organisation with the given
// id, adding a bare organisation (id only) when there is none. Edge-list
// readers use it to infer organisations.
func (n *Network) EnsureOrganisation(id string) int {
	if i, ok := n.index[id]; ok {
		return int(i)
	}
	n.index[id] = int32(len(n.orgs))
	n.orgs = append(n.orgs, Organisation{ID: id})
	return len(n.orgs) - 1
}

// AddPartnership records a tie between p.Source and p.Target, which must
// both be organisations already added. A zero Weight means 1; a negative,
// NaN or infinite weight fails with ErrBadWeight, a tie of an organisation
// to itself with ErrSelfTie.
func (n *Network) AddPartnership(p Partnership) error {
	a, ok := n.index[p.Source]
	if !ok {
		return fmt.Errorf("source %q: %w", p.Source, ErrUnknownOrganisation)
	}
	b, ok := n.index[p.Target]
	if !ok {
		return fmt.Errorf("target %q: %w", p.Target, ErrUnknownOrganisation)
	}
	if a == b {
		return fmt.Errorf("%q: %w", p.Source, ErrSelfTie)
	}
	if p.Weight < 0 || math.IsNaN(p.Weight) || math.IsInf(p.Weight, 0) {
		return fmt.Errorf("weight %v: %w", p.Weight, ErrBadWeight)
	}
	w := p.Weight
	if w == 0 {
		w = 1
	}
	info := int32(-1)
	if !p.plain() {
		info = int32(len(n.infos))
		p.Source, p.Target = "", "" // recovered from the endpoints
		p.Weight = w
		n.infos = append(n.infos, p)
	}
	n.parts = append(n.parts, partRec{a: a, b: b, weight: w, info: info, kind: n.kindCode(p.Kind)})
	return nil
}

// AddTie records a plain partnership (no kind, dates or attributes) between
// the organisations at indices a and b, for fast bulk loading. The same
// rules as AddPartnership apply.
func (n *Network) AddTie(a, b int, weight float64) error {
	return n.AddKindTie(a, b, weight, "")
}

// AddKindTie records a partnership of the given kind (and nothing else: no
// id, name, dates, value or attributes) between the organisations at
// indices a and b, for fast bulk loading of partnerships.csv. It stores 24
// bytes, like AddTie. The same rules as AddPartnership apply.
func (n *Network) AddKindTie(a, b int, weight float64, kind string) error {
	if a < 0 || b < 0 || a >= len(n.orgs) || b >= len(n.orgs) {
		return fmt.Errorf("tie %d-%d: %w", a, b, ErrUnknownOrganisation)
	}
	if a == b {
		return fmt.Errorf("%q: %w", n.orgs[a].ID, ErrSelfTie)
	}
	if weight < 0 || math.IsNaN(weight) || math.IsInf(weight, 0) {
		return fmt.Errorf("weight %v: %w", weight, ErrBadWeight)
	}
	if weight == 0 {
		weight = 1
	}
	n.parts = append(n.parts, partRec{a: int32(a), b: int32(b), weight: weight, info: -1, kind: n.kindCode(kind)})
	return nil
}

// plain reports whether p carries nothing beyond its ends, weight and kind,
// which the compact record holds.
func (p *Partnership) plain() bool {
	return p.ID == "" && p.Name == "" && p.ServiceArea == "" && p.Programme == "" &&
		p.Start.IsZero() && p.End.IsZero() && !p.HasValue && len(p.Attrs) == 0
}

// AddArrangement adds a. It fails with ErrEmptyID or ErrDuplicateID.
func (n *Network) AddArrangement(a Arrangement) error {
	if a.ID == "" {
		return ErrEmptyID
	}
	if _, dup := n.arrIndex[a.ID]; dup {
		return fmt.Errorf("arrangement %q: %w", a.ID, ErrDuplicateID)
	}
	n.arrIndex[a.ID] = int32(len(n.arrs))
	n.arrs = append(n.arrs, a)
	n.arrMembers = append(n.arrMembers, nil)
	return nil
}

// AddMembership places an organisation in an arrangement; both must exist.
// A repeated membership fails with ErrDuplicateID.
func (n *Network) AddMembership(m Membership) error {
	ai, ok := n.arrIndex[m.ArrangementID]
	if !ok {
		return fmt.Errorf("arrangement %q: %w", m.ArrangementID, ErrUnknownArrangement)
	}
	oi, ok := n.index[m.OrganisationID]
	if !ok {
		return fmt.Errorf("organisation %q: %w", m.OrganisationID, ErrUnknownOrganisation)
	}
	for _, x := range n.arrMembers[ai] {
		if x == oi {
			return fmt.Errorf("membership of %q in %q: %w", m.OrganisationID, m.ArrangementID, ErrDuplicateID)
		}
	}
	n.arrMembers[ai] = append(n.arrMembers[ai], oi)
	n.members = append(n.members, m)
	return nil
}

// NumOrganisations returns how many organisations the network holds.
func (n *Network) NumOrganisations() int { return len(n.orgs) }

// Organisation returns the organisation at index i (0 <= i <
// NumOrganisations), in the order they were added. The pointer is into the
// network: do not modify what it points to.
func (n *Network) Organisation(i int) *Organisation { return &n.orgs[i] }

// Index returns the index of the organisation with the given id.
func (n *Network) Index(id string) (int, bool) {
	i, ok := n.index[id]
	return int(i), ok
}

// OrganisationByID returns the organisation with the given id, or nil.
func (n *Network) OrganisationByID(id string) *Organisation {
	if i, ok := n.index[id]; ok {
		return &n.orgs[i]
	}
	return nil
}

// NumPartnerships returns how many partnerships were recorded directly (not
// counting the ties projected from arrangements).
func (n *Network) NumPartnerships() int { return len(n.parts) }

// Partnership returns the i-th recorded partnership as a full record.
func (n *Network) Partnership(i int) Partnership {
	r := n.parts[i]
	var p Partnership
	if r.info >= 0 {
		p = n.infos[r.info]
	}
	p.Source, p.Target, p.Weight, p.Kind = n.orgs[r.a].ID, n.orgs[r.b].ID, r.weight, n.kinds[r.kind]
	return p
}

// PartnershipKind returns the kind of the i-th partnership without building
// the full record.
func (n *Network) PartnershipKind(i int) string { return n.kinds[n.parts[i].kind] }

// PartnershipStart returns the start date of the i-th partnership (zero
// when undated) without building the full record.
func (n *Network) PartnershipStart(i int) time.Time {
	if r := n.parts[i]; r.info >= 0 {
		return n.infos[r.info].Start
	}
	return time.Time{}
}

// PartnershipEnds returns the organisation indices of the i-th partnership.
func (n *Network) PartnershipEnds(i int) (a, b int) {
	return int(n.parts[i].a), int(n.parts[i].b)
}

// NumArrangements returns how many arrangements the network holds.
func (n *Network) NumArrangements() int { return len(n.arrs) }

// Arrangement returns the i-th arrangement. Do not modify it.
func (n *Network) Arrangement(i int) *Arrangement { return &n.arrs[i] }

// ArrangementIndex returns the index of the arrangement with the given id.
func (n *Network) ArrangementIndex(id string) (int, bool) {
	i, ok := n.arrIndex[id]
	return int(i), ok
}

// ArrangementMembers returns the organisation indices of the i-th
// arrangement's members, in the order the memberships were added. Do not
// modify the slice.
func (n *Network) ArrangementMembers(i int) []int32 { return n.arrMembers[i] }

// Memberships returns every membership in the order added. Do not modify
// the slice.
func (n *Network) Memberships() []Membership { return n.members }

// AttrColumn returns attribute name of every organisation, by index.
func (n *Network) AttrColumn(name string) []string {
	col := make([]string, len(n.orgs))
	for i := range n.orgs {
		col[i] = n.orgs[i].Attr(name)
	}
	return col
}

// IDs returns every organisation id, by index.
func (n *Network) IDs() []string {
	ids := make([]string, len(n.orgs))
	for i := range n.orgs {
		ids[i] = n.orgs[i].ID
	}
	return ids
}

// TruncatePartnerships drops every partnership recorded after the first k
// (0 <= k <= NumPartnerships()). A bulk reader that meets a row it cannot
// read quickly uses it to start over on a slower path that reports the
// problem precisely. Interned kinds are kept; nothing else changes.
func (n *Network) TruncatePartnerships(k int) {
	for _, r := range n.parts[k:] {
		if r.info >= 0 {
			n.infos = n.infos[:r.info]
			break
		}
	}
	n.parts = n.parts[:k]
}
