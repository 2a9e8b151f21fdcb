package groups

import (
	"fmt"
)

// describe turns a group of local indices into a Group: members as network
// indices, the score, the weakest member and the rank sensitivity.
func (p *groupProblem) describe(g []int, runs [][][]int) Group {
	out := Group{Score: p.score(g), Runs: len(runs), Weakest: -1, WeakestPartner: -1}
	for _, x := range g {
		out.Members = append(out.Members, p.orgs[x])
		if !p.located[x] {
			out.Unlocated = append(out.Unlocated, p.orgs[x])
		}
	}
	in := setOf(g)
	for _, x := range g {
		w := p.tieTo(x, in)
		if out.Weakest < 0 || w < out.WeakestWeight {
			out.Weakest, out.WeakestWeight = p.orgs[x], w
			out.WeakestShare = 0
			if st := p.strength[x]; st > 0 {
				out.WeakestShare = w / st
			}
			out.WeakestPartner = -1
			bestW := 0.0
			ws := p.sub.Weights(x)
			for k, u := range p.sub.Neighbours(x) {
				if in[int(u)] && ws[k] > bestW {
					out.WeakestPartner, bestW = p.orgs[u], ws[k]
				}
			}
		}
	}
	for _, r := range runs {
		for _, c := range r {
			if jaccard(g, c) >= 0.75 {
				out.Appearances++
				break
			}
		}
	}
	return out
}

// addBackbone fills a group's backbone (its evidence comes from one
// EvidenceWithin pass over the network for the whole shortlist).
func (p *groupProblem) addBackbone(g *Group) error {
	bb, err := Backbone(p.s, g.Members)
	if err != nil {
		return fmt.Errorf("group %s: %w", g.ID, err)
	}
	g.Backbone = bb
	g.Connected = len(bb) == len(g.Members)-1
	return nil
}

// jaccard is |a n b| / |a u b| for ascending int slices.
func jaccard(a, b []int) float64 {
	i, j, both := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			both++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - both
	if union == 0 {
		return 1
	}
	return float64(both) / float64(union)
}
