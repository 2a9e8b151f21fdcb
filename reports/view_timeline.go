package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis/timeline"
)

// flowClustersPerDate is the most clusters per date drawn in the Sankey
// chart (the largest); the table lists every transition.
const flowClustersPerDate = 12

// addTimeline fills the per-period rows, the cluster flows and the
// successions from timeline.Measure's result.
func (r *Report) addTimeline(tl *timeline.Result) {
	for _, p := range tl.Periods {
		r.Periods = append(r.Periods, PeriodRow{Period: shortDate(p.Date), Organisations: p.Organisations, Ties: p.Ties,
			Formed: p.TiesFormed, Ended: p.TiesEnded, Density: p.Density, WeightedDensity: p.WeightedDensity,
			Components: p.Components, Clusters: p.Clusters})
	}
	u := tl.Undated
	how := "count as active on every date"
	if tl.DropUndated {
		how = "are left out"
	}
	r.TimelineNote = fmt.Sprintf("Snapshots on %s to %s. %d of %d partnerships and %d of %d arrangements have no dates and %s.",
		tl.Dates[0], tl.Dates[len(tl.Dates)-1], u.Partnerships, u.Partnerships+u.DatedPartnerships,
		u.Arrangements, u.Arrangements+u.DatedArrangements, how)
	if ct := tl.Clusters; ct != nil {
		r.Flows = flowView(tl, ct)
	}
	for _, s := range tl.Successions {
		row := SuccessionRow{Date: s.Date, Successor: cmp.Or(s.SuccessorName, s.Successor), SuccessorID: s.Successor,
			Pairs: s.Pairs, PairsJoined: s.PairsJoined}
		for _, p := range s.Predecessors {
			row.Predecessors = append(row.Predecessors, cmp.Or(p.Name, p.ID))
		}
		for _, t := range s.Preceding {
			text := label(t.Kind)
			if t.Name != "" {
				text += " “" + t.Name + "”"
			}
			if t.Start != "" {
				text += " from " + t.Start
			}
			row.Preceding = append(row.Preceding, text)
		}
		r.Successions = append(r.Successions, row)
	}
}

// shortDate shows a 1 January date as its year.
func shortDate(d string) string {
	if y, ok := strings.CutSuffix(d, "-01-01"); ok {
		return y
	}
	return d
}

// flowView draws the flowClustersPerDate largest tracked clusters of each
// date and the organisations they share with clusters on the next date.
func flowView(tl *timeline.Result, ct *timeline.ClusterTracking) *FlowView {
	v := &FlowView{}
	kept := make([]map[int]string, len(ct.Clusters)) // per date: cluster id -> node name
	describe := func(t int, ids []int) string {
		var parts []string
		for _, id := range ids {
			for _, c := range ct.Clusters[t] {
				if c.ID == id {
					parts = append(parts, fmt.Sprintf("#%d %s (%d)", id, c.Label, c.Size))
				}
			}
		}
		return strings.Join(parts, " + ")
	}
	for t, cs := range ct.Clusters {
		kept[t] = map[int]string{}
		order := slices.Clone(cs)
		slices.SortStableFunc(order, func(a, b timeline.TrackedCluster) int {
			return cmp.Or(cmp.Compare(b.Size, a.Size), cmp.Compare(a.ID, b.ID))
		})
		for _, c := range order[:min(flowClustersPerDate, len(order))] {
			date := shortDate(tl.Dates[t])
			name := fmt.Sprintf("%s #%d %s", date, c.ID, c.Label)
			kept[t][c.ID] = name
			v.Nodes = append(v.Nodes, FlowNode{Name: name, Date: date, ID: c.ID, Label: c.Label, Size: c.Size, Depth: t})
		}
	}
	for _, tr := range ct.Transitions {
		t := tr.Period
		for _, l := range tr.Links {
			a, okA := kept[t-1][l.From]
			b, okB := kept[t][l.To]
			if okA && okB && l.Shared > 0 {
				v.Links = append(v.Links, FlowLink{Source: a, Target: b, Shared: l.Shared})
			}
		}
		if tr.Kind != timeline.Continues {
			row := TransitionRow{Date: shortDate(tr.Date), Kind: string(tr.Kind)}
			if t > 0 {
				row.From = describe(t-1, tr.From)
			}
			row.To = describe(t, tr.To)
			v.Transitions = append(v.Transitions, row)
		}
	}
	// A link may appear under two transitions (a split that is also a
	// merge): keep one of each.
	slices.SortStableFunc(v.Links, func(a, b FlowLink) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	v.Links = slices.CompactFunc(v.Links, func(a, b FlowLink) bool { return a.Source == b.Source && a.Target == b.Target })
	v.Note = fmt.Sprintf("The %d largest clusters of each date (clusters of %d or more organisations are tracked), linked by the organisations they share with the next date's clusters when the overlap is a match (Jaccard > %g; Greene, Doyle and Cunningham 2010).",
		flowClustersPerDate, ct.MinSize, ct.Threshold)
	return v
}
