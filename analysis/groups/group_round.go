package groups

import (
	"slices"
	"time"

	"github.com/partnet/partnet/graph"
)

// The round: the network as it stood on one day, and the collaboration
// layer the group search scores.

// KindGrant is the partnership kind of a grant from a funder to a
// recipient. Grants are the funding layer, not joint working: the group
// search leaves them out (see docs/methods.md).
const KindGrant = "grant"

// KindWeights returns the kind weights the group search uses when
// the weighting gives none (Weighting.KindWeights nil): the evidence
// weight follows the depth of integration. A shared management team (one
// officer team, a shared chief executive) merges the councils' staff and
// decisions and is the deepest (4); a formal shared service pools one
// function's staff and budget (3); pooled budgets and joint commissioning
// commit money (2.5); a joint plan or bid is a shared policy document
// (1.5); a combined authority is a statutory body the councils chose to
// form (1); a shared fire, police or resilience area is set by geography
// and law rather than chosen (0.5). Grants are not joint working (0, and
// dropped). The map is a fresh copy.
func KindWeights() map[string]float64 {
	kw := graph.DefaultKindWeights()
	kw["shared_management"] = 4
	kw[KindGrant] = 0
	return kw
}

// EffectiveWeighting is the weighting the search projects the round with:
// w's scheme, and w's kind weights or, when it has none, KindWeights.
func EffectiveWeighting(w graph.Weighting) graph.Weighting {
	if w.KindWeights == nil {
		w.KindWeights = KindWeights()
	}
	return w
}

// LatestDate returns the last day the data describes: the latest start
// date of any organisation, partnership or arrangement, or the day after
// the latest end date, whichever is later (so an organisation that ended
// on that day is gone). Zero when nothing in the network is dated.
func LatestDate(net *graph.Network) time.Time {
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
		if p := net.Partnership(i); !p.Start.IsZero() || !p.End.IsZero() {
			see(p.Start, p.End)
		}
	}
	for i := 0; i < net.NumArrangements(); i++ {
		a := net.Arrangement(i)
		see(a.Start, a.End)
	}
	return last
}

// roundMask marks what was active on day at (everything when at is
// zero): organisations, and partnerships and arrangements that are not
// grants. The network itself is not copied: on a network of millions of
// ties a filtered copy would double the memory the search needs.
type roundMask struct {
	org, part, arr []bool
}

func newRoundMask(net *graph.Network, at time.Time) roundMask {
	live := func(start, end time.Time) bool {
		return at.IsZero() || (&graph.Arrangement{Start: start, End: end}).ActiveOn(at)
	}
	m := roundMask{org: make([]bool, net.NumOrganisations()), part: make([]bool, net.NumPartnerships()), arr: make([]bool, net.NumArrangements())}
	for i := range m.org {
		o := net.Organisation(i)
		m.org[i] = live(o.Start, o.End)
	}
	for i := range m.part {
		if net.PartnershipKind(i) == KindGrant {
			continue
		}
		a, b := net.PartnershipEnds(i)
		if !m.org[a] || !m.org[b] {
			continue
		}
		if at.IsZero() {
			m.part[i] = true
		} else {
			p := net.Partnership(i)
			m.part[i] = live(p.Start, p.End)
		}
	}
	for i := range m.arr {
		a := net.Arrangement(i)
		m.arr[i] = a.Kind != KindGrant && live(a.Start, a.End)
	}
	return m
}

// activeMembers returns arrangement ai's members active in the round.
func (m roundMask) activeMembers(net *graph.Network, ai int) []int32 {
	var out []int32
	for _, o := range net.ArrangementMembers(ai) {
		if m.org[o] {
			out = append(out, o)
		}
	}
	return out
}

// roundSnapshot projects what the mask keeps under w, as
// graph.Network.Snapshot does for a whole network: each partnership adds
// its weight times its kind's weight, each arrangement w.PairWeight of
// its active members times its kind's weight to every pair of them.
// Node i is organisation i of net.
func roundSnapshot(net *graph.Network, m roundMask, w graph.Weighting) *graph.Snapshot {
	var src, dst []int32
	var wt []float64
	for i, ok := range m.part {
		if !ok {
			continue
		}
		a, b := net.PartnershipEnds(i)
		p := net.Partnership(i)
		src, dst, wt = append(src, int32(a)), append(dst, int32(b)), append(wt, p.Weight*w.KindWeight(p.Kind))
	}
	for ai, ok := range m.arr {
		if !ok {
			continue
		}
		a := net.Arrangement(ai)
		ms := m.activeMembers(net, ai)
		pw := w.PairWeight(len(ms), a.ValueGBP, a.HasValue) * w.KindWeight(a.Kind)
		for x := range ms {
			for y := x + 1; y < len(ms); y++ {
				src, dst, wt = append(src, ms[x]), append(dst, ms[y]), append(wt, pw)
			}
		}
	}
	return graph.BuildSnapshot(net.NumOrganisations(), net.IDs(), src, dst, wt)
}

// peerStrength returns, for each organisation of the network, the weight of
// its ties that count as joint working it could take elsewhere: by
// default ties to organisations of the member sectors (for councils, other
// councils); with all, every tie except those to third-sector bodies
// (unless the third sector may be a member); with anySector every tie.
// Grants are already out of the round.
func peerStrength(round *graph.Network, s *graph.Snapshot, sectors []string, all, anySector bool) []float64 {
	peer := make([]bool, round.NumOrganisations())
	for i := range peer {
		sec := round.Organisation(i).Sector
		if anySector {
			peer[i] = true
		} else if all {
			peer[i] = sec != graph.SectorThirdSector || slices.Contains(sectors, sec)
		} else {
			peer[i] = slices.Contains(sectors, sec)
		}
	}
	out := make([]float64, len(peer))
	for i := range out {
		ws := s.Weights(i)
		for k, u := range s.Neighbours(i) {
			if peer[u] {
				out[i] += ws[k]
			}
		}
	}
	return out
}

// roundEvidence lists the evidence inside each group (indices in net)
// that was active on day at (any day when at is zero), grants left out,
// each weighted as in the round: an arrangement's pair weight counts its
// members active on that day.
func roundEvidence(net *graph.Network, groups [][]int, at time.Time, w graph.Weighting) [][]graph.Evidence {
	all := net.EvidenceWithin(groups, w)
	live := func(start, end time.Time) bool {
		return at.IsZero() || (&graph.Arrangement{Start: start, End: end}).ActiveOn(at)
	}
	for g, ev := range all {
		kept := ev[:0]
		for _, e := range ev {
			if e.Partnership >= 0 {
				p := net.Partnership(e.Partnership)
				if p.Kind == KindGrant || !live(p.Start, p.End) {
					continue
				}
			} else {
				a := net.Arrangement(e.Arrangement)
				if a.Kind == KindGrant || !live(a.Start, a.End) {
					continue
				}
				active := 0
				for _, m := range net.ArrangementMembers(e.Arrangement) {
					if o := net.Organisation(int(m)); at.IsZero() || o.ActiveOn(at) {
						active++
					}
				}
				e.Weight = w.PairWeight(active, a.ValueGBP, a.HasValue) * w.KindWeight(a.Kind)
			}
			kept = append(kept, e)
		}
		all[g] = kept
	}
	return all
}
