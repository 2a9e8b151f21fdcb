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
		add("Every organisation with a partner is reachable from every other through partnerships; %d organisations have no partner at all.", sum.Isolated)
	default:
		add("The network falls into %d separate parts that share no partnership; the largest holds %s of organisations and %d organisations have no partner at all.",
			sum.Components, percent(float64(sum.Largest)/float64(sum.Organisations)), sum.Isolated)
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
	if e := r.EIOverall; e != nil && !math.IsNaN(e.Index) && !math.IsNaN(e.Expected) {
		dir := "more within"
		if e.Index > e.Expected {
			dir = "more across"
		}
		add("Ties run %s %s groups than chance would give: the E-I index is %.2f against %.2f expected for ties placed at random (-1 means every tie is within a group, +1 every tie crosses groups).",
			dir, r.By, e.Index, e.Expected)
	}

	if r.Cutpoints != nil {
		if len(r.Cutpoints) == 0 {
			add("No single organisation holds the network together: losing any one would not split it.")
		} else {
			add("%d organisations are single points of failure: losing one would split the network. The most connected of them are %s.",
				len(r.Cutpoints), names(centralNames(r.Cutpoints), 3))
		}
	}
	if len(r.Brokers) > 0 {
		b := r.Brokers[0]
		add("The strongest broker between %s groups is %s (%s), ranked by %s: %s.", r.By, b.Name, label(b.Group), r.BrokerMeasure, b.Detail)
	}
	if len(r.Central) > 0 {
		add("The most central organisations by %s are %s.", r.CentralMeasure, names(centralNames(r.Central), 5))
	}
	if len(r.Clusters) > 0 {
		regional := 0
		for _, c := range r.Clusters {
			if c.TopRegionShare >= 0.75 {
				regional++
			}
		}
		add("Partnerships form %d clusters; the largest has %d organisations, and %d of the %d clusters have at least three quarters of their members in one region.",
			len(r.Clusters), r.Clusters[0].Size, regional, len(r.Clusters))
	}
	tiers := map[string]bool{}
	for _, g := range r.Groups {
		if !tiers[g.Tier] && g.Rank == 1 {
			tiers[g.Tier] = true
			add("The top candidate group in the %s tier is %s (score %.3g).", g.Tier, names(g.Members, 6), g.Score)
		}
	}
	if n := len(r.Periods); n > 1 {
		a, b := r.Periods[0], r.Periods[n-1]
		verb := "grew"
		if b.Ties < a.Ties {
			verb = "fell"
		} else if b.Ties == a.Ties {
			verb = "stayed"
		}
		add("Active ties %s from %d in %s to %d in %s.", verb, a.Ties, a.Period, b.Ties, b.Period)
	}
	return out
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
