package page

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/topk"
)

// addBlocks fills the block densities and E-I index by the grouping
// attribute from analysis.Blocks and analysis.EIIndex.
func (r *Report) addBlocks(s *graph.Snapshot, groups []string) error {
	b, err := analysis.Blocks(s, groups)
	if err != nil {
		return fmt.Errorf("build report: %w", err)
	}
	r.Blocks = &BlockView{Groups: b.Groups, Sizes: b.Sizes, Ties: b.Ties, Density: b.Density}
	ei, err := analysis.EIIndex(s, groups)
	if err != nil {
		return fmt.Errorf("build report: %w", err)
	}
	r.EIOverall = &EIOverall{External: ei.External, Internal: ei.Internal, Index: ei.Index, Expected: ei.Expected, Rescaled: ei.Rescaled}
	r.EI = make([]EIRow, len(ei.Groups))
	for k, g := range ei.Groups {
		r.EI[k] = EIRow{Group: g.Group, Size: g.Size, External: g.External, Internal: g.Internal, Index: g.Index, Expected: g.Expected}
	}
	return nil
}

// brokers ranks organisations by the Gould-Fernandez paths they broker
// between different groups (every role but coordinator), then by
// betweenness, then id (roles: the counts already made over groups, or
// nil to count them); the top k are returned, with Burt's weighted
// constraint and effective size computed for those k only (each costs the
// sum of the node's partners' degrees: for every organisation of a
// ten-million-tie network that is most of a minute).
func brokers(net *graph.Network, s *graph.Snapshot, groups []string, roles []analysis.BrokerageRoles, c *centrality, k int) ([]BrokerRow, error) {
	if roles == nil {
		var err error
		if roles, err = analysis.Brokerage(s, groups); err != nil {
			return nil, fmt.Errorf("build report: %w", err)
		}
	}
	across := func(i int) int { return roles[i].Total() - roles[i].Coordinator }
	var idx []int
	for i := range roles {
		if across(i) > 0 {
			idx = append(idx, i)
		}
	}
	idx = topk.Select(idx, k, func(a, b int) int {
		return cmp.Or(cmp.Compare(across(b), across(a)), compareNaNLast(at(c.betweenness, b), at(c.betweenness, a)),
			cmp.Compare(net.Organisation(a).Label(), net.Organisation(b).Label()), cmp.Compare(net.Organisation(a).ID, net.Organisation(b).ID))
	})
	constraint, effective := analysis.ConstraintFor(s, true, idx), analysis.EffectiveSizeFor(s, true, idx)
	rows := make([]BrokerRow, len(idx))
	for r, i := range idx {
		ro, o := roles[i], net.Organisation(i)
		rows[r] = BrokerRow{ID: o.ID, Name: o.Label(), Group: groups[i], Value: float64(across(i)),
			Liaison: ro.Liaison, Gatekeeper: ro.Gatekeeper, Representative: ro.Representative, Itinerant: ro.Itinerant,
			Coordinator: ro.Coordinator, Betweenness: at(c.betweenness, i), Constraint: constraint[r],
			EffectiveSize: effective[r]}
		rows[r].Detail = brokerDetail(rows[r])
		if l, ok := brokerLinks(s, groups, i); ok {
			rows[r].Links, rows[r].LinksPaths = linkWords(l), l.paths
		}
	}
	return rows, nil
}

// compareNaNLast compares like cmp.Compare but treats NaN as equal to
// everything, so a missing measure does not reorder rows.
func compareNaNLast(a, b float64) int {
	if math.IsNaN(a) || math.IsNaN(b) {
		return 0
	}
	return cmp.Compare(a, b)
}

func brokerDetail(b BrokerRow) string {
	var parts []string
	for _, r := range []struct {
		name string
		n    int
	}{{"liaison", b.Liaison}, {"gatekeeper", b.Gatekeeper}, {"representative", b.Representative}, {"itinerant", b.Itinerant}} {
		if r.n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", r.name, r.n))
		}
	}
	s := strings.Join(parts, ", ")
	if !math.IsNaN(b.Betweenness) {
		s += fmt.Sprintf("; betweenness %.3g", b.Betweenness)
	}
	if !math.IsNaN(b.Constraint) {
		s += fmt.Sprintf("; constraint %.2f, effective size %.1f", b.Constraint, b.EffectiveSize)
	}
	return s
}

// cutRows lists the articulation points of s (analysis.CutPoints) with
// how many organisations each one's loss would cut off, most first, and
// the number of bridges.
func cutRows(net *graph.Network, s *graph.Snapshot, groups []string) ([]CutRow, int) {
	cut := analysis.CutPoints(s)
	split := analysis.CutSplits(s, cut.Articulation)
	rows := []CutRow{}
	for i, a := range cut.Articulation {
		if !a {
			continue
		}
		o := net.Organisation(i)
		rows = append(rows, CutRow{ID: o.ID, Name: o.Label(), Group: groups[i], Degree: s.Degree(i),
			CutOff: split[i].CutOff, Pieces: split[i].Pieces})
	}
	slices.SortFunc(rows, func(a, b CutRow) int {
		return cmp.Or(cmp.Compare(b.CutOff, a.CutOff), cmp.Compare(b.Degree, a.Degree), cmp.Compare(a.ID, b.ID))
	})
	return rows, len(cut.Bridges)
}
