package page

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/graph"
)

// addClusters fills the cluster rows (community.ClusterQuality), their
// robustness (community.Stability, whose consensus partition is the
// clustering shown), the match with regions (community.Compare) and the
// partition's key figures.
func (r *Report) addClusters(net *graph.Network, s *graph.Snapshot, res *engine.ReportResult, names []string) error {
	c := res.Clustering
	q := community.ClusterQuality(s, c.Membership, c.Resolution)
	rows := make([]ClusterRow, len(q.Clusters))
	for k, st := range q.Clusters {
		rows[k] = ClusterRow{Cluster: names[k], Size: st.Size, Ties: st.Ties, Density: st.Density,
			Conductance: st.Conductance, Robustness: math.NaN()}
	}
	if sr := res.Stability; sr != nil {
		for _, cs := range sr.Clusters {
			if cs.Cluster < len(rows) {
				rows[cs.Cluster].Robustness, rows[cs.Cluster].Robust = cs.Robustness, cs.Robust
			}
		}
	}
	// Main region and the three members with most ties, per cluster.
	regions := make([]map[string]int, len(rows))
	examples := make([][]int, len(rows))
	for k := range regions {
		regions[k] = map[string]int{}
	}
	for i, k := range c.Membership {
		regions[k][net.Organisation(i).Region]++
		examples[k] = append(examples[k], i)
	}
	for k := range rows {
		best := ""
		for reg, m := range regions[k] {
			if m > regions[k][best] || (m == regions[k][best] && reg < best) {
				best = reg
			}
		}
		rows[k].TopRegion = best
		if rows[k].Size > 0 {
			rows[k].TopRegionShare = float64(regions[k][best]) / float64(rows[k].Size)
		}
		ex := examples[k]
		slices.SortFunc(ex, func(a, b int) int {
			return cmp.Or(cmp.Compare(s.Degree(b), s.Degree(a)), cmp.Compare(net.Organisation(a).ID, net.Organisation(b).ID))
		})
		var top []string
		for _, i := range ex[:min(3, len(ex))] {
			top = append(top, net.Organisation(i).Label())
		}
		rows[k].Examples = strings.Join(top, "; ")
	}
	r.Clusters = rows
	multi, robust, _ := clusterCounts(rows)
	r.ClusterQuality = []Figure{
		{"Modularity", fmt.Sprintf("%.3f", q.Modularity)},
		{"Ties inside clusters", percent(q.Coverage)},
		{"Clusters of two or more organisations", fmt.Sprint(multi)},
		{"Single-organisation clusters", fmt.Sprint(len(rows) - multi)},
	}
	if sr := res.Stability; sr != nil {
		// Robustness is judged on clusters of two or more: a single
		// organisation is trivially found again by every seed.
		r.ClusterQuality = append(r.ClusterQuality,
			Figure{"Robust clusters of two or more organisations", fmt.Sprint(robust)},
			Figure{"Agreement between seeds (mean NMI)", fmt.Sprintf("%.3f", sr.MeanNMI)})
		r.ClusterNote = fmt.Sprintf("Leiden (modularity, resolution %g) was run with %d seeds; the clusters shown are the run that agrees best with the others (seed %d). A cluster is robust when the runs find it again with a mean best Jaccard overlap of at least 0.8.",
			c.Resolution, sr.Runs, c.Seed)
	} else {
		r.ClusterNote = fmt.Sprintf("Leiden (modularity, resolution %g, seed %d); robustness across seeds was not measured.", c.Resolution, c.Seed)
	}
	region := net.AttrColumn("region")
	regionLabels := community.LabelsFromColumn(region)
	nRegions := 0
	for _, l := range regionLabels {
		nRegions = max(nRegions, l+1)
	}
	if nRegions > 1 {
		ag, err := community.Compare(c.Membership, regionLabels)
		if err != nil {
			return fmt.Errorf("build report: %w", err)
		}
		r.RegionMatch = &RegionMatch{NMI: ag.NMI, ARI: ag.ARI, Organisations: ag.Organisations, Regions: nRegions}
		r.ClusterQuality = append(r.ClusterQuality,
			Figure{"Match with regions (NMI)", fmt.Sprintf("%.3f", ag.NMI)},
			Figure{"Match with regions (ARI)", fmt.Sprintf("%.3f", ag.ARI)})
	}
	return nil
}

// addGroups turns the candidate groups of every tier into table rows,
// evidence strongest first.
func (r *Report) addGroups(net *graph.Network, results []*groups.Result) {
	for _, gr := range results {
		if gr == nil {
			continue
		}
		round := "the data carries no dates"
		if !gr.At.IsZero() {
			round = fmt.Sprintf("organisations active on %s (%s)", gr.At.Format("2006-01-02"), gr.AtSource)
		}
		r.GroupNotes = append(r.GroupNotes, fmt.Sprintf("%s tier: %d to %d members, at most %d groups, %d eligible organisations, %s; %s.",
			gr.Tier, gr.MinSize, gr.MaxSize, gr.MaxGroups, gr.Eligible, round, gr.Note))
		for _, g := range gr.Groups {
			row := GroupRow{Tier: string(gr.Tier), Rank: g.Rank, GroupID: g.ID, Score: g.Score.Total,
				Found: fmt.Sprintf("%d of %d runs", g.Appearances, g.Runs)}
			for _, m := range g.Members {
				o := net.Organisation(m)
				row.Members = append(row.Members, o.Label())
				row.MemberIDs = append(row.MemberIDs, o.ID)
			}
			sc := g.Score
			row.Parts = []Figure{
				{"collaboration", fmt.Sprintf("%.1f", groups.WeightCollaboration*sc.Collaboration)},
				{"cohesion", fmt.Sprintf("%.1f", groups.WeightCohesion*sc.Cohesion)},
				{"density", fmt.Sprintf("%.1f", groups.WeightDensity*sc.Density)},
				{"depth", fmt.Sprintf("%.1f", groups.WeightDepth*sc.Depth)},
				{"compactness", fmt.Sprintf("%.1f", groups.WeightCompactness*sc.Compactness)},
			}
			if !sc.CompactnessKnown {
				row.Parts[len(row.Parts)-1].Value = "unknown (0.0)"
			}
			if gr.Tier == groups.TierLarge {
				row.Parts = append(row.Parts, Figure{"scale", fmt.Sprintf("%.1f", groups.WeightScale*sc.Scale)})
			}
			row.Parts = append(row.Parts, Figure{"weakest link", penalty(groups.WeightWeakestLink * sc.WeakestLink)})
			row.Evidence = evidenceLines(net, g.Evidence)
			r.Groups = append(r.Groups, row)
		}
	}
}

// evidenceLines describes a group's evidence, strongest first: by the
// weight each adds per pair (shared services and management before
// statutory areas shared with many others), then members joined, kind,
// name and id.
func evidenceLines(net *graph.Network, ev []graph.Evidence) []string {
	type item struct {
		w                    float64
		members              int
		kind, name, id, text string
	}
	items := make([]item, len(ev))
	for k, e := range ev {
		var kind, name, id, area string
		var start time.Time
		if e.Partnership >= 0 {
			p := net.Partnership(e.Partnership)
			kind, name, id, area, start = p.Kind, p.Name, p.ID, p.ServiceArea, p.Start
		} else {
			a := net.Arrangement(e.Arrangement)
			kind, name, id, area, start = a.Kind, a.Name, a.ID, a.ServiceArea, a.Start
		}
		var who []string
		for _, m := range e.Members {
			who = append(who, net.Organisation(m).Label())
		}
		text := label(cmp.Or(kind, "partnership"))
		if name != "" {
			text += " “" + name + "”"
		}
		if area != "" {
			text += " (" + label(area) + ")"
		}
		if !start.IsZero() {
			text += " since " + start.Format("2006")
		}
		text += ": " + names(who, 4)
		items[k] = item{e.Weight, len(e.Members), kind, name, id, text}
	}
	slices.SortStableFunc(items, func(a, b item) int {
		return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(b.members, a.members), cmp.Compare(a.kind, b.kind),
			cmp.Compare(a.name, b.name), cmp.Compare(a.id, b.id))
	})
	out := make([]string, len(items))
	for k, it := range items {
		out[k] = it.text
	}
	return out
}

// penalty prints points subtracted from a score: "-2.5", and "0.0" (not
// "-0.0") when nothing is subtracted at the precision shown.
func penalty(points float64) string {
	s := fmt.Sprintf("%.1f", points)
	if s == "0.0" || s == "-0.0" {
		return "0.0"
	}
	return "-" + s
}
