package timeline

import (
	"time"

	"github.com/partnet/partnet/graph"
)

// SnapshotOptions say how the network on a date is taken.
type SnapshotOptions struct {
	// Weighting turns partnerships and arrangements into tie weights; the
	// zero value is graph's default (newman scheme, default kind weights).
	Weighting graph.Weighting
	// DropUndated leaves out partnerships and arrangements with neither a
	// start nor an end date. By default they count as active on every date.
	DropUndated bool
}

// DatedSnapshot is the network as it stood on one date: the organisations
// that existed then (a zero start or end date is open) and the partnerships
// and arrangements active then among them.
type DatedSnapshot struct {
	Date time.Time
	// Network holds what was active on Date (graph.Network.Filter with At).
	Network *graph.Network
	// Snapshot is Network projected under the weighting; node i is
	// Network.Organisation(i).
	Snapshot *graph.Snapshot
	// Orgs maps snapshot node i to the index of the same organisation in
	// the full network the snapshot was taken from.
	Orgs []int
}

// SnapshotAt returns net as it stood on day d, using graph.Network.Filter
// with At = d (both ends of every date range inclusive). An organisation
// that did not exist on d is left out together with its ties; so is a
// partnership or arrangement that had not started or had ended. On an empty
// network, or a date before everything, the snapshot is empty (0 nodes).
func SnapshotAt(net *graph.Network, d time.Time, opts SnapshotOptions) *DatedSnapshot {
	sub := net.Filter(graph.Filter{At: d, DropUndated: opts.DropUndated})
	orgs := make([]int, sub.NumOrganisations())
	for i := range orgs {
		orgs[i], _ = net.Index(sub.Organisation(i).ID)
	}
	return &DatedSnapshot{Date: d, Network: sub, Snapshot: sub.Snapshot(opts.Weighting), Orgs: orgs}
}

// Undated counts what carries no dates at all, and so is treated as always
// active unless dropped.
type Undated struct {
	// Partnerships with neither a start nor an end date.
	Partnerships int
	// Arrangements with neither a start nor an end date.
	Arrangements int
	// DatedPartnerships and DatedArrangements have at least one date.
	DatedPartnerships int
	DatedArrangements int
}

// CountUndated counts partnerships and arrangements with neither a start
// nor an end date. An empty network gives zeros.
func CountUndated(net *graph.Network) Undated {
	var u Undated
	for i := 0; i < net.NumPartnerships(); i++ {
		p := net.Partnership(i)
		if p.Start.IsZero() && p.End.IsZero() {
			u.Partnerships++
		} else {
			u.DatedPartnerships++
		}
	}
	for i := 0; i < net.NumArrangements(); i++ {
		a := net.Arrangement(i)
		if a.Start.IsZero() && a.End.IsZero() {
			u.Arrangements++
		} else {
			u.DatedArrangements++
		}
	}
	return u
}

// DataSpan returns the earliest and latest date named anywhere in net
// (organisation, partnership and arrangement start and end dates), and
// false when there is none.
func DataSpan(net *graph.Network) (first, last time.Time, ok bool) {
	see := func(t time.Time) {
		if t.IsZero() {
			return
		}
		if !ok || t.Before(first) {
			first = t
		}
		if !ok || t.After(last) {
			last = t
		}
		ok = true
	}
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		see(o.Start)
		see(o.End)
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		p := net.Partnership(i)
		see(p.Start)
		see(p.End)
	}
	for i := 0; i < net.NumArrangements(); i++ {
		a := net.Arrangement(i)
		see(a.Start)
		see(a.End)
	}
	return first, last, ok
}
