package analysis

import (
	"fmt"
	"math"

	"github.com/partnet/partnet/graph"
)

// EIResult is Krackhardt and Stern's E-I index (D. Krackhardt, R. N. Stern,
// "Informal networks and organizational crises", Social Psychology
// Quarterly 51 (1988) 123-140): (E - I)/(E + I) for E ties between groups
// and I ties within them. -1 means every tie is within a group, +1 every
// tie crosses groups.
type EIResult struct {
	External, Internal int
	// Index is (E-I)/(E+I); NaN when there are no ties.
	Index float64
	// Expected is the index if ties fell on pairs at random given the group
	// sizes, (P_E - P_I)/(P_E + P_I), with P_E the possible pairs between
	// groups and P_I within them: the index of the complete network. NaN
	// for fewer than two organisations.
	Expected float64
	// Min and Max are the lowest and highest index the same number of ties
	// T could reach given the group sizes: Max puts min(T, P_E) ties
	// between groups, Min min(T, P_I) within.
	Min, Max float64
	// Rescaled maps Index from [Min, Max] onto [-1, 1], as UCINET's
	// rescaled E-I: -1 + 2(Index - Min)/(Max - Min); NaN when Max = Min.
	Rescaled float64
	// Groups holds the group-level index, groups sorted by value.
	Groups []GroupEI
}

// GroupEI is the E-I index of one group, counted from its members' side:
// External is the number of ties with one end in the group, Internal the
// number of ties with both ends in it, and each internal tie counts once
// for each of its two members, so Index = (E - 2I)/(E + 2I), the E-I of
// the members' ties pooled. Expected is the same for a complete network,
// (n - 2 n_g + 1)/(n - 1).
type GroupEI struct {
	Group              string
	Size               int
	External, Internal int
	Index, Expected    float64
}

// EIIndex computes the E-I index of s for the attribute values in groups
// (one per node), overall and per group. It fails when len(groups) is not
// s.N(). Weights are ignored. With no ties Index and Rescaled are NaN.
func EIIndex(s *graph.Snapshot, groups []string) (*EIResult, error) {
	label, names, err := groupIndex(s, groups)
	if err != nil {
		return nil, fmt.Errorf("e-i index: %w", err)
	}
	k := len(names)
	res := &EIResult{Groups: make([]GroupEI, k)}
	for g := range res.Groups {
		res.Groups[g].Group = names[g]
	}
	for _, l := range label {
		res.Groups[l].Size++
	}
	s.EachTie(func(i, j int, _ float64) {
		a, b := label[i], label[j]
		if a == b {
			res.Internal++
			res.Groups[a].Internal++
		} else {
			res.External++
			res.Groups[a].External++
			res.Groups[b].External++
		}
	})
	res.Index = eiRatio(float64(res.External), float64(res.Internal))
	n := s.N()
	var pi, pe float64
	for g := range res.Groups {
		ng := float64(res.Groups[g].Size)
		pi += ng * (ng - 1) / 2
		pe += ng * (float64(n) - ng) / 2
		gr := &res.Groups[g]
		gr.Index = eiRatio(float64(gr.External), 2*float64(gr.Internal))
		gr.Expected = math.NaN()
		if n > 1 {
			gr.Expected = (float64(n) - 2*ng + 1) / float64(n-1)
		}
	}
	res.Expected = eiRatio(pe, pi)
	t := float64(res.External + res.Internal)
	eMax := math.Min(t, pe)
	res.Max = eiRatio(eMax, t-eMax)
	eMin := t - math.Min(t, pi)
	res.Min = eiRatio(eMin, t-eMin)
	res.Rescaled = math.NaN()
	if res.Max > res.Min {
		res.Rescaled = -1 + 2*(res.Index-res.Min)/(res.Max-res.Min)
	}
	return res, nil
}

func eiRatio(e, i float64) float64 {
	if e+i == 0 {
		return math.NaN()
	}
	return (e - i) / (e + i)
}
