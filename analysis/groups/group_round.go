package groups

import (
	"slices"
	"sort"
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

// roundNetwork returns the network as it stood on day at (every
// organisation, partnership and arrangement active then; everything when
// at is zero) without grants, and for each of its organisations the index
// in net.
func roundNetwork(net *graph.Network, at time.Time) (*graph.Network, []int) {
	kinds := map[string]bool{}
	for i := 0; i < net.NumPartnerships(); i++ {
		kinds[net.PartnershipKind(i)] = true
	}
	for i := 0; i < net.NumArrangements(); i++ {
		kinds[net.Arrangement(i).Kind] = true
	}
	f := graph.Filter{At: at}
	if kinds[KindGrant] {
		delete(kinds, KindGrant)
		f.Kinds = make([]string, 0, len(kinds)+1)
		for k := range kinds {
			f.Kinds = append(f.Kinds, k)
		}
		sort.Strings(f.Kinds)
		if len(f.Kinds) == 0 {
			f.Kinds = []string{"\x00none"} // every tie was a grant
		}
	}
	round := net.Filter(f)
	toNet := make([]int, round.NumOrganisations())
	for i := range toNet {
		toNet[i], _ = net.Index(round.Organisation(i).ID)
	}
	return round, toNet
}

// peerStrength returns, for each organisation of the round, the weight of
// its ties that count as joint working it could take elsewhere: by
// default ties to organisations of the member sectors (for councils, other
// councils); with all, every tie except those to third-sector bodies
// (unless the third sector may be a member). Grants are already out of
// the round.
func peerStrength(round *graph.Network, s *graph.Snapshot, sectors []string, all bool) []float64 {
	peer := make([]bool, round.NumOrganisations())
	for i := range peer {
		sec := round.Organisation(i).Sector
		if all {
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
