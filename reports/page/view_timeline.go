package page

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis/timeline"
	"github.com/partnet/partnet/graph"
)

// flowClustersPerDate is the most clusters per date drawn in the Sankey
// chart (the largest); the table lists every transition.
const flowClustersPerDate = 12

// addTimeline fills the per-period rows, the cluster flows and the
// successions from timeline.Measure's result.
func (r *Report) addTimeline(net *graph.Network, tl *timeline.Result) {
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
	// Only the kinds the data has, and nothing about undated ones when
	// every one is dated (was "0 of 555 partnerships and 0 of 0
	// arrangements have no dates").
	var undated []string
	if n := u.Partnerships + u.DatedPartnerships; n > 0 && u.Partnerships > 0 {
		undated = append(undated, fmt.Sprintf("%d of %d partnerships", u.Partnerships, n))
	}
	if n := u.Arrangements + u.DatedArrangements; n > 0 && u.Arrangements > 0 {
		undated = append(undated, fmt.Sprintf("%d of %d arrangements", u.Arrangements, n))
	}
	r.TimelineNote = fmt.Sprintf("Snapshots on %s to %s.", tl.Dates[0], tl.Dates[len(tl.Dates)-1])
	if len(undated) > 0 {
		r.TimelineNote += fmt.Sprintf(" %s have no dates and %s.", strings.Join(undated, " and "), how)
	} else {
		r.TimelineNote += " Every partnership and arrangement has a start date."
	}
	if ct := tl.Clusters; ct != nil {
		r.Flows = flowView(net, tl, ct)
	}
	for _, s := range tl.Successions {
		row := SuccessionRow{Date: s.Date, Successor: cmp.Or(s.SuccessorName, s.Successor), SuccessorID: s.Successor,
			Pairs: s.Pairs, PairsJoined: s.PairsJoined, PairsChosen: s.PairsChosen}
		predName := map[string]string{}
		for _, p := range s.Predecessors {
			row.Predecessors = append(row.Predecessors, cmp.Or(p.Name, p.ID))
			predName[p.ID] = cmp.Or(p.Name, p.ID)
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
			pt := precedingTie{text: text, statutory: graph.IsStatutory(t.Kind)}
			for _, m := range t.Members {
				pt.members = append(pt.members, predName[m])
			}
			row.ties = append(row.ties, pt)
		}
		row.PriorTies = priorTies(row)
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
// date, the others of that date summed into one node, and the
// organisations they share with the next date's clusters. Each cluster is
// labelled by its largest members (flowLabel); a node's label is shown only
// on the first and last date and where it differs from the label of the
// cluster it continues, so an unchanged cluster is named once per change.
func flowView(net *graph.Network, tl *timeline.Result, ct *timeline.ClusterTracking) *FlowView {
	v := &FlowView{}
	kept := make([]map[int]string, len(ct.Clusters)) // per date: cluster id -> node name
	other := make([]string, len(ct.Clusters))        // per date: the summed node's name, "" if none
	label := make([]map[int]string, len(ct.Clusters))
	describe := func(t int, ids []int) string {
		var parts []string
		for _, id := range ids {
			for _, c := range ct.Clusters[t] {
				if c.ID == id {
					parts = append(parts, fmt.Sprintf("#%d %s (%d)", id, label[t][c.ID], c.Size))
				}
			}
		}
		return strings.Join(parts, " + ")
	}
	for t, cs := range ct.Clusters {
		kept[t], label[t] = map[int]string{}, map[int]string{}
		for _, c := range cs {
			label[t][c.ID] = flowLabel(net, c.Members)
		}
		order := slices.Clone(cs)
		slices.SortStableFunc(order, func(a, b timeline.TrackedCluster) int {
			return cmp.Or(cmp.Compare(b.Size, a.Size), cmp.Compare(a.ID, b.ID))
		})
		date := shortDate(tl.Dates[t])
		for _, c := range order[:min(flowClustersPerDate, len(order))] {
			name := fmt.Sprintf("%s #%d", date, c.ID)
			kept[t][c.ID] = name
			v.Nodes = append(v.Nodes, FlowNode{Name: name, Date: date, ID: c.ID, Label: label[t][c.ID], Size: c.Size, Depth: t})
		}
		if rest := order[min(flowClustersPerDate, len(order)):]; len(rest) > 0 {
			size := 0
			for _, c := range rest {
				size += c.Size
			}
			other[t] = date + " other"
			v.Nodes = append(v.Nodes, FlowNode{Name: other[t], Date: date, ID: -1, Label: fmt.Sprintf("%d smaller clusters", len(rest)),
				Size: size, Depth: t, Other: true})
		}
	}
	nodeOf := func(t, id int) string {
		if name, ok := kept[t][id]; ok {
			return name
		}
		return other[t]
	}
	shared := map[[2]string]int{}
	seen := map[[3]int]bool{} // date, from, to: a link listed under two transitions counts once
	prevLabel, bestShared := map[string]string{}, map[string]int{}
	for _, tr := range ct.Transitions {
		t := tr.Period
		for _, l := range tr.Links {
			if t == 0 || l.Shared <= 0 || seen[[3]int{t, l.From, l.To}] {
				continue
			}
			seen[[3]int{t, l.From, l.To}] = true
			a, b := nodeOf(t-1, l.From), nodeOf(t, l.To)
			shared[[2]string{a, b}] += l.Shared
			// The label a cluster had before: that of the predecessor
			// sharing most organisations with it.
			if l.Shared > bestShared[b] {
				bestShared[b], prevLabel[b] = l.Shared, label[t-1][l.From]
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
	for k, n := range shared {
		v.Links = append(v.Links, FlowLink{Source: k[0], Target: k[1], Shared: n})
	}
	slices.SortFunc(v.Links, func(a, b FlowLink) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	last := len(ct.Clusters) - 1
	for k := range v.Nodes {
		n := &v.Nodes[k]
		before, ok := prevLabel[n.Name]
		// "+36" becoming "+38" is growth, not a new name.
		names := func(l string) string { return strings.Split(l, " +")[0] }
		n.ShowLabel = n.Depth == 0 || n.Depth == last || (!n.Other && (!ok || names(before) != names(n.Label)))
	}
	v.Note = fmt.Sprintf("The %d largest clusters of each date (clusters of %d or more organisations are tracked; the rest of a date's tracked clusters are summed in one node), linked by the organisations they share with the next date's clusters when the overlap is a match (Jaccard > %g; Greene, Doyle and Cunningham 2010). A cluster is named by its two largest members (by population, else by name) and how many more it has; a name is shown on the first and last date and where a cluster's two largest members change.",
		flowClustersPerDate, ct.MinSize, ct.Threshold)
	return v
}

// flowLabel names a cluster by its largest members: the two with the
// largest population (then the lower id), e.g. "Babergh, Mid Suffolk +3".
func flowLabel(net *graph.Network, members []int) string {
	order := slices.Clone(members)
	slices.SortFunc(order, func(a, b int) int {
		oa, ob := net.Organisation(a), net.Organisation(b)
		return cmp.Or(cmp.Compare(ob.Population, oa.Population), cmp.Compare(oa.Label(), ob.Label()), cmp.Compare(oa.ID, ob.ID))
	})
	var names []string
	for _, i := range order[:min(2, len(order))] {
		names = append(names, net.Organisation(i).Label())
	}
	s := strings.Join(names, ", ")
	if more := len(order) - len(names); more > 0 {
		s += fmt.Sprintf(" +%d", more)
	}
	return s
}
