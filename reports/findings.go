package reports

import (
	"fmt"
	"math"
	"strings"

	"github.com/partnet/partnet/analysis"
)

// findings writes the report's headline findings in plain English from
// the computed results: every number and name comes from r or sum.
func findings(r *Report, sum *analysis.Summary) []string {
	if sum.Organisations == 0 {
		return []string{"The dataset holds no organisations, so there is nothing to measure."}
	}
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }

	avg := 2 * float64(sum.Ties) / float64(sum.Organisations)
	add("Collaboration is %s: %s of all possible pairs of organisations work together (%d ties among %d organisations), and an organisation has %.1f partners on average.",
		densityWord(sum.Density), percent(sum.Density), sum.Ties, sum.Organisations, avg)

	switch {
	case sum.Ties == 0:
		add("No organisation is tied to another.")
	case sum.Components-sum.Isolated <= 1:
		add("Every organisation with a partner is reachable from every other through partnerships; %d %s no partner at all.", sum.Isolated, pluralWord(sum.Isolated, "organisation has", "organisations have"))
	default:
		add("The network falls into %d separate parts that share no partnership; the largest holds %s of organisations and %d %s no partner at all.",
			sum.Components, percent(float64(sum.Largest)/float64(sum.Organisations)), sum.Isolated, pluralWord(sum.Isolated, "organisation has", "organisations have"))
	}

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
			add("Between %s groups, %s and %s work together most (%s of possible pairs tied, %d ties); %s and %s least (%s, %d ties).",
				r.By, label(b.Groups[hi[0]]), label(b.Groups[hi[1]]), percent(b.Density[hi[0]][hi[1]]), b.Ties[hi[0]][hi[1]],
				label(b.Groups[lo[0]]), label(b.Groups[lo[1]]), percent(b.Density[lo[0]][lo[1]]), b.Ties[lo[0]][lo[1]])
		}
	}
	if e := r.EIOverall; e != nil && e.Expected == -1 && e.Internal > 0 {
		// Every possible pair is within one group: nothing to compare.
		add("All organisations fall in one %s group (no other value is recorded), so no tie can cross groups: choose another attribute with --by to compare groups.", r.By)
	} else if e != nil && !math.IsNaN(e.Index) && !math.IsNaN(e.Expected) {
		dir := "more within"
		if e.Index > e.Expected {
			dir = "more across"
		}
		resc := ""
		if !math.IsNaN(e.Rescaled) {
			resc = fmt.Sprintf("; rescaled to the range these ties could reach, %.2f", e.Rescaled)
		}
		add("Ties run %s %s groups than chance would give: the E-I index is %.2f against %.2f expected for ties placed at random (-1 means every tie is within a group, +1 every tie crosses groups%s).",
			dir, r.By, e.Index, e.Expected, resc)
	}
	addCutFindings(add, r)
	if len(r.Brokers) > 0 {
		var top []string
		for _, b := range r.Brokers[:min(3, len(r.Brokers))] {
			top = append(top, fmt.Sprintf("%s (%s: %s)", b.Name, label(b.Group), b.Detail))
		}
		add("The strongest brokers between %s groups, by the paths they broker between organisations of different groups (Gould and Fernandez), are %s.",
			r.By, names(top, 3))
	}
	if len(r.Central) > 0 {
		note := ""
		if r.CentralMeasure == "betweenness (sampled)" {
			note = " (" + r.BetweennessNote + ")"
		}
		add("The most central organisations by %s%s are %s.", r.CentralMeasure, note, names(centralNames(r.Central), 5))
	}
	addClusterFindings(add, r)
	for _, g := range r.Groups {
		if g.Rank != 1 {
			continue
		}
		ev := ""
		if len(g.Evidence) > 0 {
			ev = fmt.Sprintf("; its strongest evidence is %s", g.Evidence[0])
			if len(g.Evidence) > 1 {
				ev += fmt.Sprintf(" (with %d more %s)", len(g.Evidence)-1, pluralWord(len(g.Evidence)-1, "partnership or shared arrangement", "partnerships and shared arrangements"))
			}
		}
		add("The top candidate group in the %s tier is %s (score %.1f of 100)%s.", g.Tier, names(g.Members, 6), g.Score, ev)
	}
	addTimelineFindings(add, r)
	return out
}

func addCutFindings(add func(string, ...any), r *Report) {
	if r.Cutpoints == nil {
		return
	}
	if len(r.Cutpoints) == 0 {
		add("No single organisation holds the network together: losing any one would not split it.")
		return
	}
	var worst []string
	for _, c := range r.Cutpoints[:min(3, len(r.Cutpoints))] {
		worst = append(worst, fmt.Sprintf("%s (%d %s cut off)", c.Name, c.CutOff, pluralWord(c.CutOff, "organisation", "organisations")))
	}
	add("%d organisations are single points of failure: losing one would split its part of the network. Those whose loss would cut off most are %s. %d ties are bridges whose loss would do the same.",
		len(r.Cutpoints), names(worst, 3), r.Bridges)
}

func addClusterFindings(add func(string, ...any), r *Report) {
	if len(r.Clusters) == 0 {
		return
	}
	multi, robust, measured := 0, 0, false
	for _, c := range r.Clusters {
		if c.Size > 1 {
			multi++
		}
		if !math.IsNaN(c.Robustness) {
			measured = true
		}
		if c.Robust && c.Size > 1 {
			robust++
		}
	}
	s := fmt.Sprintf("Partnerships form %d clusters of two or more organisations; the largest has %d organisations", multi, r.Clusters[0].Size)
	if measured {
		s += fmt.Sprintf(", and %d of the %d are robust (found again with other seeds)", robust, multi)
	}
	s += "."
	if m := r.RegionMatch; m != nil {
		word := "loosely"
		switch {
		case m.NMI >= 0.7:
			word = "closely"
		case m.NMI >= 0.4:
			word = "partly"
		}
		s += fmt.Sprintf(" Clusters match the %d regions %s: normalised mutual information %.2f and adjusted Rand index %.2f (1 would be a perfect match, 0 no more than chance).",
			m.Regions, word, m.NMI, m.ARI)
	}
	add("%s", s)
}

func addTimelineFindings(add func(string, ...any), r *Report) {
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
		add("Active ties %s from %d in %s to %d in %s (density %s to %s). The biggest change came between %s and %s: %d ties formed and %d ended, %s.",
			verb, a.Ties, a.Period, b.Ties, b.Period, percent(a.Density), percent(b.Density), p.Period, q.Period, q.Formed, q.Ended,
			signed(q.Ties-p.Ties))
	}
	if f := r.Flows; f != nil {
		var merges, splits int
		for _, t := range f.Transitions {
			switch t.Kind {
			case "merges":
				merges++
			case "splits":
				splits++
			}
		}
		if merges+splits > 0 {
			add("Over the period, clusters merged %d times and split %d times.", merges, splits)
		}
	}
	joined := 0
	var example *SuccessionRow
	for k := range r.Successions {
		s := &r.Successions[k]
		if s.PairsJoined > 0 {
			joined++
			if example == nil || s.PairsJoined > example.PairsJoined {
				example = s
			}
		}
	}
	if len(r.Successions) > 0 {
		txt := fmt.Sprintf("%d %s abolished ones; in %d of these successions the predecessors already worked together before the merger", len(r.Successions), pluralWord(len(r.Successions), "organisation replaced", "organisations replaced"), joined)
		if example != nil && len(example.Preceding) > 0 {
			txt += fmt.Sprintf(", for example %s before they became %s (%s)", names(example.Predecessors, 4), example.Successor, example.Preceding[0])
		}
		add("%s.", txt)
	}
}

func abs(x int) int { return max(x, -x) }

func signed(d int) string {
	switch {
	case d > 0:
		return fmt.Sprintf("a net gain of %d", d)
	case d < 0:
		return fmt.Sprintf("a net loss of %d", -d)
	}
	return "no net change"
}

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

func centralNames(rows []CentralRow) []string {
	out := make([]string, len(rows))
	for k, r := range rows {
		out[k] = r.Name
	}
	return out
}

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
