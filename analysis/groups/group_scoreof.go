package groups

import (
	"fmt"
	"sort"

	"github.com/partnet/partnet/graph"
)

// ScoreOf scores the given groups (organisation ids) as Groups would
// score them under opts, in the same round (opts.At, default the data's
// latest date) and with the same eligible peers, whether or not Groups
// would propose them: a funder can compare a proposal with the
// shortlist. Valid reports whether each group meets every hard rule (a
// member not eligible on that day, or taken, makes it invalid). An id not
// in the network is an error wrapping graph.ErrUnknownOrganisation.
func ScoreOf(net *graph.Network, opts Options, groups [][]string) (scores []Score, valid []bool, err error) {
	r := newRound(net, opts)
	p, err := newGroupProblem(r, opts)
	if err != nil {
		return nil, nil, fmt.Errorf("score groups: %w", err)
	}
	for _, ids := range groups {
		var g []int
		ok := true
		for _, id := range ids {
			if _, known := net.Index(id); !known {
				return nil, nil, fmt.Errorf("score groups: %q: %w", id, graph.ErrUnknownOrganisation)
			}
			i, _ := r.net.Index(id)
			if p.local[i] < 0 {
				ok = false
				continue
			}
			g = append(g, int(p.local[i]))
		}
		g = uniqueInts(sortedCopy(g))
		scores = append(scores, p.score(g))
		valid = append(valid, ok && p.valid(g))
	}
	return scores, valid, nil
}

func sortedCopy(g []int) []int {
	out := append([]int(nil), g...)
	sort.Ints(out)
	return out
}
