package timeline

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/partnet/partnet/graph"
)

// maxSuccessionDepth bounds how far a chain of successions (A replaced by
// B, B by C, ...) is followed, so that a cycle in the data cannot loop.
const maxSuccessionDepth = 16

// Carried counts what CarrySuccessors added.
type Carried struct {
	// Partnerships are the copies of partnerships moved onto successors.
	Partnerships int
	// Memberships are successors added as members of their predecessors'
	// arrangements.
	Memberships int
}

// heir is an organisation that carries another's ties from a date on.
type heir struct {
	org  int
	from time.Time // zero: since always
}

// CarrySuccessors returns a copy of net in which the ties of abolished
// organisations carry on to the organisations that replaced them, and
// counts what it added; net is not changed.
//
// The heirs of an organisation are itself, its successors from the day
// after it ended, their successors from the day after they ended, and so
// on (following at most 16 abolished organisations, so a cycle in the data
// cannot loop; unknown successor ids are skipped). Each
// partnership between a and b is copied once for every pair of heirs
// (h_a, h_b) other than (a, b) itself and other than an heir tied to
// itself, starting on the latest of the partnership's start and the two
// heirs' dates, and keeping the partnership's end (copies that would end
// before they start are dropped; a pair reached twice keeps its earliest
// start). Copies of an undated partnership stay undated, so that dropping
// undated ties drops them too; they still count only while both heirs
// exist. The copy keeps kind, weight and value, and records the original
// endpoints in the attributes carried_from_source and carried_from_target.
// Heirs of an arrangement's members join it as members; membership has no
// dates, so such an heir counts from its own start date: give successor
// organisations start dates (the England data does). A network with no
// successors is copied unchanged.
func CarrySuccessors(net *graph.Network) (*graph.Network, Carried, error) {
	var c Carried
	out := graph.NewNetwork()
	out.Meta = net.Meta
	for i := 0; i < net.NumOrganisations(); i++ {
		if err := out.AddOrganisation(*net.Organisation(i)); err != nil {
			return nil, c, fmt.Errorf("carry successors: %w", err)
		}
	}
	heirs := make([][]heir, net.NumOrganisations())
	for i := range heirs {
		heirs[i] = heirsOf(net, i)
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		p := net.Partnership(i)
		if err := out.AddPartnership(p); err != nil {
			return nil, c, fmt.Errorf("carry successors: partnership %d: %w", i+1, err)
		}
		a, b := net.PartnershipEnds(i)
		if len(heirs[a]) == 1 && len(heirs[b]) == 1 {
			continue
		}
		for _, q := range carriedCopies(net, p, a, b, heirs[a], heirs[b]) {
			if err := out.AddPartnership(q); err != nil {
				return nil, c, fmt.Errorf("carry successors: partnership %d: %w", i+1, err)
			}
			c.Partnerships++
		}
	}
	for ai := 0; ai < net.NumArrangements(); ai++ {
		if err := out.AddArrangement(*net.Arrangement(ai)); err != nil {
			return nil, c, fmt.Errorf("carry successors: %w", err)
		}
	}
	for _, m := range net.Memberships() {
		if err := out.AddMembership(m); err != nil {
			return nil, c, fmt.Errorf("carry successors: %w", err)
		}
	}
	for ai := 0; ai < net.NumArrangements(); ai++ {
		id := net.Arrangement(ai).ID
		members := net.ArrangementMembers(ai)
		have := map[int]bool{}
		for _, m := range members {
			have[int(m)] = true
		}
		for _, m := range members {
			for _, h := range heirs[m][1:] {
				if have[h.org] {
					continue
				}
				have[h.org] = true
				if err := out.AddMembership(graph.Membership{ArrangementID: id, OrganisationID: net.Organisation(h.org).ID, Role: "successor"}); err != nil {
					return nil, c, fmt.Errorf("carry successors: %w", err)
				}
				c.Memberships++
			}
		}
	}
	return out, c, nil
}

// heirsOf returns organisation i first (from the zero date), then its
// successors breadth first, each with the earliest date it takes over.
func heirsOf(net *graph.Network, i int) []heir {
	out := []heir{{org: i}}
	seen := map[int]int{i: 0}
	for k, depth := 0, 0; k < len(out) && depth < maxSuccessionDepth; k, depth = k+1, depth+1 {
		o := net.Organisation(out[k].org)
		if o.End.IsZero() {
			continue
		}
		from := o.End.AddDate(0, 0, 1)
		if from.Before(out[k].from) {
			from = out[k].from
		}
		for _, s := range o.Successors {
			j, ok := net.Index(s)
			if !ok {
				continue
			}
			if at, dup := seen[j]; dup {
				if at > 0 && from.Before(out[at].from) {
					out[at].from = from
				}
				continue
			}
			seen[j] = len(out)
			out = append(out, heir{org: j, from: from})
		}
	}
	return out
}

// carriedCopies returns the copies of partnership p (between a and b)
// onto every pair of their heirs.
func carriedCopies(net *graph.Network, p graph.Partnership, a, b int, ha, hb []heir) []graph.Partnership {
	type pair struct{ x, y int }
	best := map[pair]time.Time{} // by unordered pair
	var order []pair             // oriented as the original: heir of a, heir of b
	for _, x := range ha {
		for _, y := range hb {
			if x.org == y.org || (x.org == a && y.org == b) {
				continue
			}
			start := latest(p.Start, x.from, y.from)
			if p.Start.IsZero() && p.End.IsZero() {
				start = time.Time{} // an undated partnership's copies stay undated (and so are dropped with it)
			}
			if !p.End.IsZero() && !start.IsZero() && start.After(p.End) {
				continue
			}
			k := pair{min(x.org, y.org), max(x.org, y.org)}
			if k == (pair{min(a, b), max(a, b)}) {
				continue
			}
			if old, ok := best[k]; ok {
				if start.Before(old) {
					best[k] = start
				}
				continue
			}
			best[k] = start
			order = append(order, pair{x.org, y.org})
		}
	}
	out := make([]graph.Partnership, 0, len(order))
	for _, k := range order {
		q := p
		q.Source, q.Target = net.Organisation(k.x).ID, net.Organisation(k.y).ID
		q.Start = best[pair{min(k.x, k.y), max(k.x, k.y)}]
		q.Attrs = maps.Clone(p.Attrs)
		if q.Attrs == nil {
			q.Attrs = map[string]string{}
		}
		q.Attrs["carried_from_source"], q.Attrs["carried_from_target"] = p.Source, p.Target
		out = append(out, q)
	}
	return out
}

func latest(ts ...time.Time) time.Time {
	return slices.MaxFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
}
