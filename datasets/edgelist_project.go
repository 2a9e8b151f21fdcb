package datasets

import (
	"errors"
	"fmt"

	"github.com/partnet/partnet/graph"
)

// MaxProjectedTies bounds how many member-pair ties ProjectArrangements
// writes: an arrangement of n members gives n(n-1)/2, so one body of 10,000
// members alone would give 50 million.
const MaxProjectedTies = 20_000_000

// ErrProjectionTooLarge is returned (wrapped) when arrangements would give
// more than MaxProjectedTies ties.
var ErrProjectionTooLarge = errors.New("too many ties to project")

// ProjectionCounts says what ProjectArrangements made.
type ProjectionCounts struct {
	// FromPartnerships is the number of recorded partnerships copied.
	FromPartnerships int
	// FromArrangements is the number of member-pair ties made from
	// arrangements, and Arrangements the number of arrangements that gave
	// at least one.
	FromArrangements, Arrangements int
	// NoTie is the number of arrangements that give no tie under the
	// scheme: fewer than two members, or no value under SchemeValue.
	NoTie int
}

// ProjectArrangements returns a network with net's organisations and
// recorded partnerships and, for every arrangement, one partnership per
// pair of its members, so that a format holding partnerships only (an edge
// list) keeps every tie. Each pair partnership has the arrangement's kind,
// service area, programme and dates, the attribute "arrangement" set to its
// id, and as weight the scheme's pair weight (graph.Weighting.PairWeight)
// before the kind weight, which a reader applies to the kind as it does to
// any partnership: read back, the network gives the same ties and weights
// as net under scheme with the same kind weights. A pair weight of zero
// adds no tie, as in graph.Network.Snapshot. It refuses, with
// ErrProjectionTooLarge, more than MaxProjectedTies pairs.
func ProjectArrangements(net *graph.Network, scheme graph.Scheme) (*graph.Network, ProjectionCounts, error) {
	var c ProjectionCounts
	w := graph.Weighting{Scheme: scheme}
	pairs, largest := 0, 0
	for i := 0; i < net.NumArrangements(); i++ {
		m := len(net.ArrangementMembers(i))
		a := net.Arrangement(i)
		if w.PairWeight(m, a.ValueGBP, a.HasValue) == 0 {
			continue
		}
		pairs += m * (m - 1) / 2
		largest = max(largest, m)
		if pairs > MaxProjectedTies {
			return nil, c, fmt.Errorf("%w: the arrangements' member pairs would make more than %d ties (the largest arrangement has %d members)",
				ErrProjectionTooLarge, MaxProjectedTies, largest)
		}
	}
	out := graph.NewNetwork()
	out.Meta = net.Meta
	out.Grow(net.NumOrganisations(), net.NumPartnerships()+pairs)
	for i := 0; i < net.NumOrganisations(); i++ {
		if err := out.AddOrganisation(*net.Organisation(i)); err != nil {
			return nil, c, err
		}
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		if err := out.AddPartnership(net.Partnership(i)); err != nil {
			return nil, c, err
		}
		c.FromPartnerships++
	}
	for i := 0; i < net.NumArrangements(); i++ {
		a := net.Arrangement(i)
		members := net.ArrangementMembers(i)
		pw := w.PairWeight(len(members), a.ValueGBP, a.HasValue)
		if pw == 0 {
			c.NoTie++
			continue
		}
		c.Arrangements++
		attrs := map[string]string{"arrangement": a.ID} // shared by its pairs, never changed
		for x := 0; x < len(members); x++ {
			for y := x + 1; y < len(members); y++ {
				p := graph.Partnership{
					Source: net.Organisation(int(members[x])).ID, Target: net.Organisation(int(members[y])).ID,
					Kind: a.Kind, ServiceArea: a.ServiceArea, Programme: a.Programme, Start: a.Start, End: a.End,
					Weight: pw, Attrs: attrs,
				}
				if err := out.AddPartnership(p); err != nil {
					return nil, c, err
				}
				c.FromArrangements++
			}
		}
	}
	return out, c, nil
}
