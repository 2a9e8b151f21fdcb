package geo

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/partnet/partnet/graph"
)

// Border bases: how a row of a derived border table was found.
const (
	// BorderShared: both organisations have outlines of their own, and
	// the outlines share a vertex (see SharedBorders).
	BorderShared = "shared_boundary"
	// BorderUnion: at least one side has no outline of its own and is the
	// union of the areas it covers: a county of its districts (the
	// organisations naming it as parent), or the body of an arrangement
	// (a combined authority) of its members.
	BorderUnion = "union"
	// BorderSuccessor: at least one side was abolished before the outlines'
	// date and is given the outline of the organisation that now covers it
	// (its successor, followed until one has an outline). This is an
	// approximation that can only add borders: the abolished council is
	// taken to border everything its successor borders, and the other
	// councils its successor covers.
	BorderSuccessor = "successor_outline"
)

// Border is one row of a derived border table: organisations A < B share a
// border, found as Basis says.
type Border struct {
	A, B, Basis string
}

// BorderTable is the adjacency of a network's councils derived from
// area outlines, with what could not be derived.
type BorderTable struct {
	Borders []Border
	// FromSuccessor lists the councils (ids, sorted) whose borders come
	// from a successor's outline.
	FromSuccessor []string
	// Missing lists the councils (ids, sorted) with no border row: an
	// island, or a council with no outline, no districts or members with
	// one and no successor with one.
	Missing []string
}

// Pairs returns the table's borders as id pairs, as GroupOptions.Adjacency
// takes them.
func (t *BorderTable) Pairs() [][2]string {
	out := make([][2]string, len(t.Borders))
	for i, b := range t.Borders {
		out[i] = [2]string{b.A, b.B}
	}
	return out
}

// DeriveBorders derives which of net's councils (sector council) share a
// border from area outlines keyed by organisation id (such as
// EnglandAreas). Each council covers a set of areas: its own outline; else
// the union of what its districts cover (organisations naming it as
// parent; its districts abolished since count only when all were) or, for the body of an arrangement (a member with role "body",
// as a combined authority is recorded), of what the other members cover;
// else, for an abolished council, what its successors cover. Two councils
// border when an area one covers borders (SharedBorders) or is an area the
// other covers, except a council and one inside it (its district, its
// county, a member of the body it is) or one that replaced it, and except
// councils that never existed at the same time.
//
// A network with no councils, or outlines naming none of them, gives an
// empty table with every council Missing.
func DeriveBorders(net *graph.Network, areas []graph.Area) *BorderTable {
	d := newBorderDeriver(net, areas)
	councils := d.councils()
	t := &BorderTable{}
	for _, i := range councils {
		if len(d.cover(i)) > 0 && d.via[i] == BorderSuccessor {
			t.FromSuccessor = append(t.FromSuccessor, net.Organisation(i).ID)
		}
	}
	inTable := map[string]bool{}
	for x, i := range councils {
		for _, j := range councils[x+1:] {
			if !d.borders(i, j) {
				continue
			}
			a, b := net.Organisation(i).ID, net.Organisation(j).ID
			if a > b {
				a, b = b, a
			}
			basis := BorderShared
			switch {
			case d.via[i] == BorderSuccessor || d.via[j] == BorderSuccessor:
				basis = BorderSuccessor
			case d.via[i] == BorderUnion || d.via[j] == BorderUnion:
				basis = BorderUnion
			}
			t.Borders = append(t.Borders, Border{A: a, B: b, Basis: basis})
			inTable[a], inTable[b] = true, true
		}
	}
	for _, i := range councils {
		if id := net.Organisation(i).ID; !inTable[id] {
			t.Missing = append(t.Missing, id)
		}
	}
	slices.SortFunc(t.Borders, func(x, y Border) int {
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
	slices.Sort(t.FromSuccessor)
	slices.Sort(t.Missing)
	return t
}

// WriteBorders writes t as an adjacency table (a,b,basis) that
// ReadAdjacency reads.
func WriteBorders(w io.Writer, t *BorderTable) error {
	var sb strings.Builder
	sb.WriteString("a,b,basis\n")
	for _, b := range t.Borders {
		fmt.Fprintf(&sb, "%s,%s,%s\n", b.A, b.B, b.Basis)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

type borderDeriver struct {
	net      *graph.Network
	areaOf   map[string]int // organisation id -> area index
	touching map[[2]int]bool
	children map[int][]int // county -> districts; body -> members
	covers   map[int][]int
	via      map[int]string
	busy     map[int]bool
}

func newBorderDeriver(net *graph.Network, areas []graph.Area) *borderDeriver {
	d := &borderDeriver{net: net, areaOf: map[string]int{}, touching: map[[2]int]bool{},
		children: map[int][]int{}, covers: map[int][]int{}, via: map[int]string{}, busy: map[int]bool{}}
	for i, a := range areas {
		d.areaOf[a.Code] = i
	}
	for _, p := range SharedBorders(areas) {
		a, b := d.areaOf[p[0]], d.areaOf[p[1]]
		d.touching[[2]int{a, b}], d.touching[[2]int{b, a}] = true, true
	}
	for i := 0; i < net.NumOrganisations(); i++ {
		if p, ok := net.Index(net.Organisation(i).Parent); ok && p != i {
			d.children[p] = append(d.children[p], i)
		}
	}
	// The body of an arrangement (role "body") covers its members.
	bodies := map[string]int{}
	for _, m := range net.Memberships() {
		if strings.EqualFold(m.Role, "body") {
			if o, ok := net.Index(m.OrganisationID); ok {
				bodies[m.ArrangementID] = o
			}
		}
	}
	for _, m := range net.Memberships() {
		body, ok := bodies[m.ArrangementID]
		o, found := net.Index(m.OrganisationID)
		if ok && found && o != body && !slices.Contains(d.children[body], o) {
			d.children[body] = append(d.children[body], o)
		}
	}
	return d
}

// councils returns the indices of the network's councils.
func (d *borderDeriver) councils() []int {
	var out []int
	for i := 0; i < d.net.NumOrganisations(); i++ {
		if d.net.Organisation(i).Sector == graph.SectorCouncil {
			out = append(out, i)
		}
	}
	return out
}

// cover returns the sorted area indices organisation i covers, recording
// in via how they were found.
func (d *borderDeriver) cover(i int) []int {
	if c, ok := d.covers[i]; ok || d.busy[i] {
		return c
	}
	d.busy[i] = true
	defer delete(d.busy, i)
	o := d.net.Organisation(i)
	var c []int
	via := ""
	if a, ok := d.areaOf[o.ID]; ok {
		c, via = []int{a}, BorderShared
	} else {
		// Districts with outlines (or unions) of their own cover a county
		// that still exists; only when none has do abolished districts
		// lend it their successors' outlines.
		var late []int
		for _, k := range d.children[i] {
			if d.cover(k); d.via[k] == BorderSuccessor {
				late = append(late, d.covers[k]...)
			} else {
				c = append(c, d.covers[k]...)
			}
		}
		if len(c) > 0 {
			via = BorderUnion
		} else if len(late) > 0 {
			c, via = late, BorderSuccessor
		}
		if len(c) == 0 {
			for _, s := range o.Successors {
				if k, ok := d.net.Index(s); ok {
					c = append(c, d.cover(k)...)
				}
			}
			if len(c) > 0 {
				via = BorderSuccessor
			}
		}
	}
	slices.Sort(c)
	c = slices.Compact(c)
	d.covers[i], d.via[i] = c, via
	return c
}

// borders reports whether councils i and j share a border.
func (d *borderDeriver) borders(i, j int) bool {
	ci, cj := d.cover(i), d.cover(j)
	if len(ci) == 0 || len(cj) == 0 || d.inside(i, j) || d.inside(j, i) || d.replaced(i, j) || d.replaced(j, i) {
		return false
	}
	oi, oj := d.net.Organisation(i), d.net.Organisation(j)
	if (!oi.End.IsZero() && !oj.Start.IsZero() && oi.End.Before(oj.Start)) ||
		(!oj.End.IsZero() && !oi.Start.IsZero() && oj.End.Before(oi.Start)) {
		return false
	}
	for _, a := range ci {
		for _, b := range cj {
			if a == b || d.touching[[2]int{a, b}] {
				return true
			}
		}
	}
	return false
}

// inside reports whether i lies inside j: j is i's parent, or the body of
// an arrangement i is a member of, directly or through others.
func (d *borderDeriver) inside(i, j int) bool {
	seen := map[int]bool{}
	var walk func(p int) bool
	walk = func(p int) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, k := range d.children[p] {
			if k == i || walk(k) {
				return true
			}
		}
		return false
	}
	return walk(j)
}

// replaced reports whether j replaced i: j is i's successor, directly or
// through others.
func (d *borderDeriver) replaced(i, j int) bool {
	seen := map[int]bool{}
	var walk func(p int) bool
	walk = func(p int) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, s := range d.net.Organisation(p).Successors {
			k, ok := d.net.Index(s)
			if ok && (k == j || walk(k)) {
				return true
			}
		}
		return false
	}
	return walk(i)
}
