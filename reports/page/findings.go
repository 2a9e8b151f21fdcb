package page

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/partnet/partnet/analysis"
)

// findings writes the report's headline findings in plain English from
// the computed results. Every number is taken from a table the page shows
// (the key figures or a section's table) and carries that source as a
// Claim; docs/methods.md ("Findings") gives the rules.
func findings(r *Report, sum *analysis.Summary) []Finding {
	f := &finder{}
	if sum.Organisations == 0 {
		f.add("The dataset holds no organisations, so there is nothing to measure.")
		return f.out
	}
	addLayerFindings(f, r, sum)
	addNetworkFindings(f, r, sum)
	addBlockFindings(f, r)
	addCutFindings(f, r)
	addBrokerFindings(f, r)
	addCentralFindings(f, r)
	addClusterFindings(f, r)
	addGroupFindings(f, r)
	addTimelineFindings(f, r)
	addSuccessionFindings(f, r)
	return f.out
}

func addNetworkFindings(f *finder, r *Report, sum *analysis.Summary) {
	what, verb := "Collaboration", "work together"
	if r.AllFunding {
		what, verb = "The funding network", "are tied by a grant"
	}
	f.add("%s is %s: %v of all possible pairs of organisations %s (%v ties among %v organisations), and an organisation has %v partners on average.",
		what, densityWord(sum.Density), fromFigure(percent(sum.Density), "Density"), verb, fromFigure(strconv.Itoa(sum.Ties), "Ties"),
		fromFigure(strconv.Itoa(sum.Organisations), "Organisations"), fromFigure(fmt.Sprintf("%.1f", meanPartners(sum)), "Mean partners per organisation"))
	isolated := fromFigure(strconv.Itoa(sum.Isolated), "Isolated organisations")
	switch {
	case sum.Ties == 0:
		f.add("No organisation is tied to another.")
	case sum.Components-sum.Isolated <= 1 && sum.Isolated == 0:
		f.add("Every organisation has a partner, and each is reachable from every other through partnerships.")
	case sum.Components-sum.Isolated <= 1:
		f.add("Every organisation with a partner is reachable from every other through partnerships; %v %s no partner at all.",
			isolated, pluralWord(sum.Isolated, "organisation has", "organisations have"))
	default:
		f.add("The network falls into %v separate parts that share no partnership; the largest holds %v of the %v organisations, and %v %s no partner at all.",
			fromFigure(strconv.Itoa(sum.Components), "Components"), fromFigure(strconv.Itoa(sum.Largest), "Largest component"),
			fromFigure(strconv.Itoa(sum.Organisations), "Organisations"), isolated, pluralWord(sum.Isolated, "organisation has", "organisations have"))
	}
}

// addLayerFindings says when the layer rule split joint working from
// funding, and which findings come from which layer.
func addLayerFindings(f *finder, r *Report, sum *analysis.Summary) {
	fv := r.Funding
	if r.AllFunding {
		f.add("Every tie is funding (grants): the figures, rankings and clusters below describe who funds whom, not joint working between the organisations.")
	}
	if fv == nil {
		return
	}
	why := phrasef("Grants and other funding make up most of the ties")
	if fv.dominant != "" {
		why = phrasef("Grants make up most of the ties of %s", name(fv.dominant))
	}
	f.add("%v, so joint working and funding are analysed separately: the figures, rankings, brokers, single points of failure, clusters, candidate groups and findings below describe joint working among %v organisations with %v ties; the funding section describes the %v grants from %v %s to %v recipients.",
		why, fromFigure(strconv.Itoa(sum.Organisations), "Organisations"), fromFigure(strconv.Itoa(sum.Ties), "Ties"),
		fromFigure(strconv.Itoa(fv.Grants), "Grants (funding layer)"), fromFigure(strconv.Itoa(fv.Funders), "Funders (funding layer)"),
		pluralWord(fv.Funders, "funder", "funders"), fromFigure(strconv.Itoa(fv.Recipients), "Grant recipients (funding layer)"))
}

// meanPartners is the mean degree, 2 x ties / organisations.
func meanPartners(sum *analysis.Summary) float64 {
	if sum.Organisations == 0 {
		return 0
	}
	return 2 * float64(sum.Ties) / float64(sum.Organisations)
}

func addBlockFindings(f *finder, r *Report) {
	if b := r.Blocks; b != nil && len(b.Groups) > 1 {
		hi, lo := [2]int{-1, -1}, [2]int{-1, -1}
		for a := range b.Groups {
			for c := a + 1; c < len(b.Groups); c++ {
				d := b.Density[a][c]
				if math.IsNaN(d) {
					continue
				}
				if hi[0] < 0 || d > b.Density[hi[0]][hi[1]] {
					hi = [2]int{a, c}
				}
				if lo[0] < 0 || d < b.Density[lo[0]][lo[1]] {
					lo = [2]int{a, c}
				}
			}
		}
		if hi[0] >= 0 && hi != lo {
			pair := func(p [2]int) phrase {
				ga, gc := b.Groups[p[0]], b.Groups[p[1]]
				return phrasef("%s and %s", name(label(ga)), name(label(gc)))
			}
			dens := func(p [2]int) stated {
				return fromCell(percent(b.Density[p[0]][p[1]]), "block_density", "density", "from", b.Groups[p[0]], "to", b.Groups[p[1]])
			}
			ties := func(p [2]int) stated {
				return fromCell(strconv.Itoa(b.Ties[p[0]][p[1]]), "block_density", "ties", "from", b.Groups[p[0]], "to", b.Groups[p[1]])
			}
			f.add("Between %s groups, %v work together most (%v of possible pairs tied, %v %s); %v least (%v, %v %s).",
				name(r.By), pair(hi), dens(hi), ties(hi), pluralWord(b.Ties[hi[0]][hi[1]], "tie", "ties"),
				pair(lo), dens(lo), ties(lo), pluralWord(b.Ties[lo[0]][lo[1]], "tie", "ties"))
		}
	}
	// E-I needs two groups or more: with one, every tie is within it, and
	// the page says so instead of comparing -1 with -1.
	if e := r.EIOverall; e != nil && e.Internal > 0 && r.Blocks != nil && len(r.Blocks.Groups) == 1 {
		f.add("All organisations fall in one %s group (no other value is recorded), so no tie can cross groups: choose another attribute with --by to compare groups.", name(r.By))
	} else if e != nil && !math.IsNaN(e.Index) && !math.IsNaN(e.Expected) && r.Blocks != nil && len(r.Blocks.Groups) > 1 {
		dir := "more within"
		switch {
		case math.Abs(e.Index-e.Expected) < 0.005:
			dir = "as much within and across"
		case e.Index > e.Expected:
			dir = "more across"
		}
		resc := phrase{}
		if !math.IsNaN(e.Rescaled) {
			resc = phrasef("; rescaled to the range these ties could reach, %v", fromCell(fmt.Sprintf("%.2f", e.Rescaled), "ei_index_overall", "rescaled"))
		}
		f.add("Ties run %s %s groups than chance would give: the E-I index is %v against %v expected for ties placed at random (-1 means every tie is within a group, +1 every tie crosses groups%v).",
			dir, name(r.By), fromCell(fmt.Sprintf("%.2f", e.Index), "ei_index_overall", "ei_index"),
			fromCell(fmt.Sprintf("%.2f", e.Expected), "ei_index_overall", "expected"), resc)
	}
}

func addCutFindings(f *finder, r *Report) {
	if r.Cutpoints == nil {
		return
	}
	if len(r.Cutpoints) == 0 {
		f.add("No single organisation holds the network together: losing any one would not split it.")
		return
	}
	var worst []phrase
	for _, c := range r.Cutpoints[:min(3, len(r.Cutpoints))] {
		worst = append(worst, phrasef("%s (%v %s cut off)", name(c.Name),
			fromCell(strconv.Itoa(c.CutOff), "single_points_of_failure", "cut_off", "id", c.ID), pluralWord(c.CutOff, "organisation", "organisations")))
	}
	n := len(r.Cutpoints)
	lead := "Those whose loss would cut off most are"
	if n == 1 {
		lead = "It is"
	}
	f.add("%v %s: losing %s would split its part of the network. %s %v. %v %s whose loss would do the same.",
		fromFigure(strconv.Itoa(n), "Single points of failure"),
		pluralWord(n, "organisation is a single point of failure", "organisations are single points of failure"),
		pluralWord(n, "it", "one"), lead, list(worst),
		fromFigure(strconv.Itoa(r.Bridges), "Bridges"), pluralWord(r.Bridges, "tie is a bridge", "ties are bridges"))
}

func addClusterFindings(f *finder, r *Report) {
	if len(r.Clusters) == 0 {
		return
	}
	multi, robust, measured := clusterCounts(r.Clusters)
	s := phrasef("Partnerships form %v %s of two or more organisations",
		fromFigure(strconv.Itoa(multi), "Clusters of two or more organisations"), pluralWord(multi, "cluster", "clusters"))
	if single := len(r.Clusters) - multi; single > 0 {
		s = phrasef("%v (%v %s on %s own)", s, fromFigure(strconv.Itoa(single), "Single-organisation clusters"),
			pluralWord(single, "organisation is", "organisations are"), pluralWord(single, "its", "their"))
	}
	switch {
	case multi == 1:
		s = phrasef("%v; it has %v organisations", s, fromCell(strconv.Itoa(r.Clusters[0].Size), "clusters", "size", "cluster", r.Clusters[0].Cluster))
		if measured {
			word := "is not robust (other seeds do not find it again)"
			if robust == 1 {
				word = "is robust (found again with other seeds)"
			}
			s = phrasef("%v, and it %s", s, word)
		}
	case multi > 1:
		s = phrasef("%v; the largest has %v organisations", s, fromCell(strconv.Itoa(r.Clusters[0].Size), "clusters", "size", "cluster", r.Clusters[0].Cluster))
		if measured {
			s = phrasef("%v, and %v of the %v %s robust (found again with other seeds)", s,
				fromFigure(strconv.Itoa(robust), "Robust clusters of two or more organisations"),
				fromFigure(strconv.Itoa(multi), "Clusters of two or more organisations"), pluralWord(multi, "is", "are"))
		}
	}
	s = phrasef("%v.", s)
	if m := r.RegionMatch; m != nil {
		word := "loosely"
		switch {
		case m.NMI >= 0.7:
			word = "closely"
		case m.NMI >= 0.4:
			word = "partly"
		}
		s = phrasef("%v Clusters match the %v regions %s: normalised mutual information %v and adjusted Rand index %v (1 would be a perfect match, 0 no more than chance).",
			s, fromCell(strconv.Itoa(m.Regions), "clusters_and_regions", "regions"), word,
			fromCell(fmt.Sprintf("%.2f", m.NMI), "clusters_and_regions", "nmi"), fromCell(fmt.Sprintf("%.2f", m.ARI), "clusters_and_regions", "ari"))
	}
	f.add("%v", s)
}

// clusterCounts counts the clusters of two or more organisations and the
// robust ones among them: the one source of the key figures and the
// findings.
func clusterCounts(rows []ClusterRow) (multi, robust int, measured bool) {
	for _, c := range rows {
		if !math.IsNaN(c.Robustness) {
			measured = true
		}
		if c.Size > 1 {
			multi++
			if c.Robust {
				robust++
			}
		}
	}
	return multi, robust, measured
}

func addGroupFindings(f *finder, r *Report) {
	for _, g := range r.Groups {
		if g.Rank != 1 {
			continue
		}
		ev := phrase{}
		if len(g.Evidence) > 0 {
			ev = phrasef("; its strongest evidence is %s", name(g.Evidence[0]))
			if len(g.Evidence) > 1 {
				ev = phrasef("%v (one of %v partnerships and shared arrangements among its members)", ev,
					fromItems(strconv.Itoa(len(g.Evidence)), "candidate_groups", "evidence", "group_id", g.GroupID))
			}
		}
		f.add("The top candidate group in the %s tier is %v (score %v of 100)%v.", g.Tier, nameList(g.Members),
			fromCell(fmt.Sprintf("%.1f", g.Score), "candidate_groups", "score", "group_id", g.GroupID), ev)
	}
}

func addTimelineFindings(f *finder, r *Report) {
	n := len(r.Periods)
	if n > 1 {
		a, b := r.Periods[0], r.Periods[n-1]
		verb := "grew"
		if b.Ties < a.Ties {
			verb = "fell"
		} else if b.Ties == a.Ties {
			verb = "stayed"
		}
		big := 1
		for k := 2; k < n; k++ {
			if abs(r.Periods[k].Ties-r.Periods[k-1].Ties) > abs(r.Periods[big].Ties-r.Periods[big-1].Ties) {
				big = k
			}
		}
		p, q := r.Periods[big-1], r.Periods[big]
		at := func(row PeriodRow, col string, v string) stated {
			return fromCell(v, "timeline", col, "period", row.Period)
		}
		net := "no net change"
		if d := q.Ties - p.Ties; d > 0 {
			net = "a net gain"
		} else if d < 0 {
			net = "a net loss"
		}
		f.add("Active ties %s from %v in %s to %v in %s (density %v to %v). The biggest change came between %s and %s: %v %s formed and %v ended, %s (from %v to %v).",
			verb, at(a, "ties", strconv.Itoa(a.Ties)), name(a.Period), at(b, "ties", strconv.Itoa(b.Ties)), name(b.Period),
			at(a, "density", percent(a.Density)), at(b, "density", percent(b.Density)), name(p.Period), name(q.Period),
			at(q, "formed", strconv.Itoa(q.Formed)), pluralWord(q.Formed, "tie", "ties"), at(q, "ended", strconv.Itoa(q.Ended)), net,
			at(p, "ties", strconv.Itoa(p.Ties)), at(q, "ties", strconv.Itoa(q.Ties)))
	}
	if fl := r.Flows; fl != nil {
		var merges, splits int
		for _, t := range fl.Transitions {
			switch t.Kind {
			case "merges":
				merges++
			case "splits":
				splits++
			}
		}
		if merges+splits > 0 {
			f.add("Over the period, clusters merged %v %s and split %v %s.",
				fromRows(strconv.Itoa(merges), "cluster_transitions", "kind", "merges"), pluralWord(merges, "time", "times"),
				fromRows(strconv.Itoa(splits), "cluster_transitions", "kind", "splits"), pluralWord(splits, "time", "times"))
		}
	}
}

func abs(x int) int { return max(x, -x) }

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func densityWord(d float64) string {
	switch {
	case d < 0.01:
		return "very sparse"
	case d < 0.05:
		return "sparse"
	case d < 0.2:
		return "moderately dense"
	}
	return "dense"
}

func percent(x float64) string {
	switch {
	case x == 0:
		return "0%"
	case x < 0.001:
		return fmt.Sprintf("%.3f%%", 100*x)
	case x < 0.1:
		return fmt.Sprintf("%.1f%%", 100*x)
	}
	return fmt.Sprintf("%.0f%%", 100*x)
}

// label turns an attribute value into words (third_sector -> third sector).
func label(s string) string { return strings.ReplaceAll(s, "_", " ") }

// names lists at most k names in English ("A, B and C", "... and 4 more").
func names(list []string, k int) string {
	if len(list) > k {
		return strings.Join(list[:k], ", ") + fmt.Sprintf(" and %d more", len(list)-k)
	}
	if len(list) <= 1 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}
