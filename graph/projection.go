package graph

import (
	"slices"
	"sort"
)

// Snapshot projects the network into an analysis snapshot under weighting w.
// Each recorded partnership contributes Weight x KindWeight(Kind); each
// arrangement with n >= 2 members contributes w.PairWeight(n, value) x
// KindWeight(Kind) to every pair of its members. Contributions to one pair
// are summed into a single tie. Node i of the snapshot is organisation i.
// An empty network gives an empty snapshot; isolated organisations are
// nodes with no ties. A contribution of weight zero (a kind weighted 0, an
// arrangement without a value under SchemeValue, a partnership of weight
// 0) adds nothing, not even a tie of weight 0: degree, clustering,
// k-cores, betweenness and density see only ties with positive weight.
// The snapshot records w: see Snapshot.Weighting.
func (n *Network) Snapshot(w Weighting) *Snapshot {
	pairs := 0
	for _, m := range n.arrMembers {
		k := len(m)
		pairs += k * (k - 1) / 2
	}
	src := make([]int32, 0, len(n.parts)+pairs)
	dst := make([]int32, 0, len(n.parts)+pairs)
	wt := make([]float64, 0, len(n.parts)+pairs)
	kw := n.kindWeights(w)
	for _, p := range n.parts {
		if c := p.weight * kw[p.kind]; c != 0 {
			src, dst, wt = append(src, p.a), append(dst, p.b), append(wt, c)
		}
	}
	for ai, m := range n.arrMembers {
		a := &n.arrs[ai]
		pw := w.PairWeight(len(m), a.ValueGBP, a.HasValue) * w.KindWeight(a.Kind)
		if pw == 0 {
			continue
		}
		for x := 0; x < len(m); x++ {
			for y := x + 1; y < len(m); y++ {
				src, dst, wt = append(src, m[x]), append(dst, m[y]), append(wt, pw)
			}
		}
	}
	s := BuildSnapshot(len(n.orgs), n.IDs(), src, dst, wt)
	s.weighting = w
	return s
}

// Evidence is one recorded reason for a tie: a partnership, or an
// arrangement that two or more organisations share.
type Evidence struct {
	// Partnership is the index of a recorded partnership, or -1.
	Partnership int
	// Arrangement is the index of an arrangement, or -1.
	Arrangement int
	// Members are the indices of the given organisations this evidence
	// joins, ascending: the two ends of a partnership, or every given
	// organisation that is a member of the arrangement.
	Members []int
	// Weight is the weight this evidence adds to ties among Members under
	// the weighting given to EvidenceAmong (per pair, for an arrangement).
	Weight float64
}

// EvidenceAmong returns every partnership between two of the given
// organisations and every arrangement that two or more of them share,
// partnerships first (in recorded order) then arrangements (in added
// order), leaving out what adds no tie under w (a weight of zero, see
// Snapshot). It scans the network once.
func (n *Network) EvidenceAmong(orgs []int, w Weighting) []Evidence {
	return n.EvidenceWithin([][]int{orgs}, w)[0]
}

// EvidenceWithin is EvidenceAmong for several disjoint groups at once, in
// one scan of the network (a shortlist's evidence on a network of ten
// million partnerships costs one pass, not one per group). An
// organisation listed in more than one group counts for the first.
func (n *Network) EvidenceWithin(groups [][]int, w Weighting) [][]Evidence {
	out := make([][]Evidence, len(groups))
	// of[o] is 1 + the group holding organisation o, 0 for none.
	of := make([]int32, len(n.orgs))
	for g, orgs := range groups {
		for _, o := range orgs {
			if o >= 0 && o < len(of) && of[o] == 0 {
				of[o] = int32(g) + 1
			}
		}
	}
	kws := n.kindWeights(w)
	for i, p := range n.parts {
		if g := of[p.a]; g != 0 && g == of[p.b] && p.weight*kws[p.kind] != 0 {
			a, b := int(p.a), int(p.b)
			if a > b {
				a, b = b, a
			}
			out[g-1] = append(out[g-1], Evidence{Partnership: i, Arrangement: -1, Members: []int{a, b}, Weight: p.weight * kws[p.kind]})
		}
	}
	mem := make([][]int, len(groups))
	for ai, m := range n.arrMembers {
		for g := range mem {
			mem[g] = mem[g][:0]
		}
		touched := false
		for _, o := range m {
			if g := of[o]; g != 0 {
				mem[g-1] = append(mem[g-1], int(o))
				touched = true
			}
		}
		if !touched {
			continue
		}
		a := &n.arrs[ai]
		pw := w.PairWeight(len(m), a.ValueGBP, a.HasValue) * w.KindWeight(a.Kind)
		if pw == 0 {
			continue // adds no tie (see Snapshot), so it is no evidence of one
		}
		for g, ms := range mem {
			if len(ms) < 2 {
				continue
			}
			ms = slices.Clone(ms)
			sort.Ints(ms)
			out[g] = append(out[g], Evidence{Partnership: -1, Arrangement: ai, Members: ms, Weight: pw})
		}
	}
	return out
}

// kindWeights returns w's kind weight for each interned kind code.
func (n *Network) kindWeights(w Weighting) []float64 {
	kw := make([]float64, len(n.kinds))
	for i, k := range n.kinds {
		kw[i] = w.KindWeight(k)
	}
	return kw
}
