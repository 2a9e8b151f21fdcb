package page

import (
	"math"
	"strconv"
)

// tieKey rounds a centrality to 9 significant digits: values that agree
// to 9 digits (PageRank of organisations in the same position, computed
// by iteration, differ in the last bits) are tied in a ranking, which
// then breaks the tie by the next measure (see docs/methods.md,
// "Findings that hold").
func tieKey(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return x
	}
	y, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 9, 64), 64)
	return y
}

// tiedRuns splits the first k ranks into runs of equal value (by key)
// and reports whether the last run continues past rank k.
func tiedRuns(n, k int, key func(i int) float64) (runs [][2]int, cut bool) {
	k = min(k, n)
	for a := 0; a < k; {
		b := a + 1
		for b < n && key(b) == key(a) {
			b++
		}
		if b > k {
			return append(runs, [2]int{a, k}), true
		}
		runs = append(runs, [2]int{a, b})
		a = b
	}
	return runs, false
}

// rankedPhrase lists the first k names of a ranking, saying which are
// tied: "A; then B, C and D, tied" ("..., tied with others"
// when the tie goes on past k).
func rankedPhrase(n, k int, key func(int) float64, nameOf func(int) string) phrase {
	runs, cut := tiedRuns(n, k, key)
	var ps []phrase
	for x, r := range runs {
		var ns []string
		for i := r[0]; i < r[1]; i++ {
			ns = append(ns, nameOf(i))
		}
		p := nameList(ns)
		switch {
		case x == len(runs)-1 && cut:
			p = phrasef("%v, tied with others", p)
		case len(ns) > 1:
			p = phrasef("%v, tied", p)
		}
		ps = append(ps, p)
	}
	if len(runs) == len(ps) && !cut && len(runs) == runs[len(runs)-1][1] {
		// No ties: a plain list.
		return list(ps)
	}
	out := phrase{}
	for x, p := range ps {
		if x == 0 {
			out = p
			continue
		}
		out = phrasef("%v; then %v", out, p)
	}
	return out
}

func addBrokerFindings(f *finder, r *Report) {
	b := r.Brokers
	if len(b) == 0 {
		return
	}
	runs, _ := tiedRuns(len(b), 3, func(i int) float64 { return b[i].Value })
	var ps []phrase
	for x, run := range runs {
		var who []phrase
		for i := run[0]; i < run[1]; i++ {
			p := phrasef("%s (%s", name(b[i].Name), name(label(b[i].Group)))
			if b[i].Links != "" {
				p = phrasef("%v, most often linking %s", p, name(b[i].Links))
			}
			who = append(who, phrasef("%v)", p))
		}
		p := list(who)
		tied := ""
		if len(who) > 1 {
			tied = ", tied"
		}
		switch x {
		case 0:
			verb := "is the strongest broker"
			if len(who) > 1 {
				verb = "are the strongest brokers"
			}
			p = phrasef("%v %s between %s groups%s", p, verb, name(r.By), tied)
		case 1:
			p = phrasef("next come %v%s", p, tied)
		default:
			p = phrasef("then %v%s", p, tied)
		}
		ps = append(ps, p)
	}
	out := ps[0]
	for _, p := range ps[1:] {
		out = phrasef("%v; %v", out, p)
	}
	f.add("%v. Brokers are ranked by the paths between partners of different %s groups that run through them (Gould and Fernandez's roles); the brokers table gives the counts.",
		out, name(r.By))
}

func addCentralFindings(f *finder, r *Report) {
	c := r.Central
	if len(c) == 0 {
		return
	}
	note := ""
	if r.CentralMeasure == "betweenness (sampled)" {
		note = " (estimated from sampled sources: see the settings)"
	}
	key := func(i int) float64 { return tieKey(c[i].Value) }
	p := rankedPhrase(len(c), 5, key, func(i int) string { return c[i].Name })
	if runs, cut := tiedRuns(len(c), 5, key); cut || len(runs) < min(5, len(c)) {
		p = phrasef("%v (ties are ordered by degree, then name)", p)
	}
	f.add("The most central organisations by %s%s are %v.", r.CentralMeasure, note, p)
}
