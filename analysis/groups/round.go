package groups

import (
	"sort"
	"time"

	"github.com/partnet/partnet/graph"
)

// lastDay returns the last day the data describes: the latest start
// date of any organisation, partnership or arrangement, or the day after
// the latest end date, whichever is later (so an organisation that ended
// on that day is gone). Zero when nothing in the network is dated.
func lastDay(net *graph.Network) time.Time {
	var last time.Time
	see := func(start, end time.Time) {
		if start.After(last) {
			last = start
		}
		if !end.IsZero() {
			if d := end.AddDate(0, 0, 1); d.After(last) {
				last = d
			}
		}
	}
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		see(o.Start, o.End)
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		p := net.Partnership(i)
		see(p.Start, p.End)
	}
	for i := 0; i < net.NumArrangements(); i++ {
		a := net.Arrangement(i)
		see(a.Start, a.End)
	}
	return last
}

// roundAt returns the network as it stood on day at (every organisation,
// partnership and arrangement active then, undated ties counting as always
// active; everything when at is zero) without grants, which are funding
// rather than joint working, and for each of its organisations the index
// in net.
func roundAt(net *graph.Network, at time.Time) (*graph.Network, []int) {
	kinds := map[string]bool{}
	for i := 0; i < net.NumPartnerships(); i++ {
		kinds[net.PartnershipKind(i)] = true
	}
	for i := 0; i < net.NumArrangements(); i++ {
		kinds[net.Arrangement(i).Kind] = true
	}
	f := graph.Filter{At: at}
	if kinds[kindGrant] {
		delete(kinds, kindGrant)
		f.Kinds = []string{"\x00none"} // keeps nothing if every tie was a grant
		for k := range kinds {
			f.Kinds = append(f.Kinds, k)
		}
		sort.Strings(f.Kinds)
	}
	round := net.Filter(f)
	toNet := make([]int, round.NumOrganisations())
	for i := range toNet {
		toNet[i], _ = net.Index(round.Organisation(i).ID)
	}
	return round, toNet
}
