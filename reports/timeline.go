package reports

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/partnet/partnet/analysis/timeline"
)

// TimelineTextLimits bound how much the text timeline lists per section;
// the JSON and CSV outputs hold everything.
const (
	timelineTextChanges   = 3 // degree changes per date
	timelineTextPreceding = 4 // preceding partnerships per succession
)

// WriteTimelineText writes a timeline as plain-text tables: the per-date
// measures, the most central newcomers and largest degree changes, sector
// block density on the first and last date, cluster transitions,
// successions and the survival table. User text goes through Plain.
func WriteTimelineText(w io.Writer, r *timeline.Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(r.Dates) > 0 {
		fmt.Fprintf(tw, "Timeline: %d dates from %s to %s\n", len(r.Dates), r.Dates[0], r.Dates[len(r.Dates)-1])
	}
	u := r.Undated
	how := "counted as active on every date"
	if r.DropUndated {
		how = "left out"
	}
	fmt.Fprintf(tw, "Undated: %d of %d partnerships and %d of %d arrangements have no dates: %s.\n",
		u.Partnerships, u.Partnerships+u.DatedPartnerships, u.Arrangements, u.Arrangements+u.DatedArrangements, how)
	if r.Carried != nil {
		fmt.Fprintf(tw, "Carried onto successors: %d partnerships, %d memberships.\n", r.Carried.Partnerships, r.Carried.Memberships)
	}
	fmt.Fprintln(tw, "\nPer date (formed and ended: ties since the date before)")
	fmt.Fprintln(tw, "date\torganisations\tjoined\tleft\tties\tformed\tended\tdensity\tweighted\tcomponents\tlargest\tclustering\tclusters")
	for _, p := range r.Periods {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%d\t%d\t%s\t%d\n", p.Date, p.Organisations, p.OrganisationsJoined, p.OrganisationsLeft, p.Ties, p.TiesFormed, p.TiesEnded, tnum(p.Density), tnum(p.WeightedDensity), p.Components, p.LargestComponent, tnum(p.AverageClustering), p.Clusters)
	}
	writeTimelineMovers(tw, r)
	writeTimelineSectors(tw, r)
	writeTimelineTransitions(tw, r)
	writeTimelineSuccessions(tw, r)
	writeTimelineSurvival(tw, r.Survival)
	return tw.Flush()
}

func orgLabel(name, id string) string {
	if name == "" || name == id {
		return Plain(id)
	}
	return Plain(name) + " (" + Plain(id) + ")"
}

func writeTimelineMovers(w io.Writer, r *timeline.Result) {
	fmt.Fprintln(w, "\nNewly among the most central (by tie strength)")
	any := false
	for _, p := range r.Periods {
		for _, c := range p.NewlyCentral {
			fmt.Fprintf(w, "  %s\t#%d\t%s\tdegree %d\tstrength %s\n", p.Date, c.Rank, orgLabel(c.Name, c.ID), c.Degree, tnum(c.Strength))
			any = true
		}
	}
	if !any {
		fmt.Fprintln(w, "  (none)")
	}
	fmt.Fprintf(w, "\nLargest changes in number of ties (up to %d a date)\n", timelineTextChanges)
	any = false
	for _, p := range r.Periods {
		for k, c := range p.DegreeChanges {
			if k == timelineTextChanges {
				break
			}
			fmt.Fprintf(w, "  %s\t%+d\t%s\t%d -> %d\n", p.Date, c.Change, orgLabel(c.Name, c.ID), c.Before, c.After)
			any = true
		}
	}
	if !any {
		fmt.Fprintln(w, "  (none)")
	}
}

func writeTimelineSectors(w io.Writer, r *timeline.Result) {
	if len(r.Periods) == 0 {
		return
	}
	first, last := r.Periods[0], r.Periods[len(r.Periods)-1]
	fmt.Fprintf(w, "\nSector block density\t%s\t%s\n", first.Date, last.Date)
	type pair struct{ a, b string }
	seen := map[pair]bool{}
	var order []pair
	at := func(p timeline.Period) map[pair]float64 {
		m := map[pair]float64{}
		for _, b := range p.SectorDensity {
			k := pair{b.SectorA, b.SectorB}
			m[k] = b.Density
			if !seen[k] {
				seen[k] = true
				order = append(order, k)
			}
		}
		return m
	}
	f, l := at(first), at(last)
	slices.SortFunc(order, func(x, y pair) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	cell := func(m map[pair]float64, k pair) string {
		if v, ok := m[k]; ok {
			return tnum(v)
		}
		return "-"
	}
	for _, k := range order {
		fmt.Fprintf(w, "  %s / %s\t%s\t%s\n", Plain(k.a), Plain(k.b), cell(f, k), cell(l, k))
	}
}

func writeTimelineTransitions(w io.Writer, r *timeline.Result) {
	fmt.Fprintln(w, "\nCluster transitions")
	ct := r.Clusters
	if ct == nil {
		fmt.Fprintln(w, "  (clusters not tracked)")
		return
	}
	fmt.Fprintf(w, "  matched when Jaccard overlap > %s; clusters of %d or more (Greene, Doyle & Cunningham 2010)\n", tnum(ct.Threshold), ct.MinSize)
	describe := func(period int, ids []int) string {
		var parts []string
		for _, id := range ids {
			for _, c := range ct.Clusters[period] {
				if c.ID == id {
					parts = append(parts, fmt.Sprintf("#%d %s (%d)", id, Plain(c.Label), c.Size))
				}
			}
		}
		if len(parts) == 0 {
			return "-"
		}
		return strings.Join(parts, " + ")
	}
	if len(ct.Transitions) == 0 {
		fmt.Fprintln(w, "  (none)")
	}
	for _, t := range ct.Transitions {
		fmt.Fprintf(w, "  %s\t%s\t%s\t->\t%s\n", t.Date, t.Kind, describe(t.Period-1, t.From), describe(t.Period, t.To))
	}
}

func writeTimelineSuccessions(w io.Writer, r *timeline.Result) {
	fmt.Fprintln(w, "\nSuccessions (and the partnerships among the predecessors before them)")
	if len(r.Successions) == 0 {
		fmt.Fprintln(w, "  (none)")
	}
	for _, s := range r.Successions {
		var preds []string
		for _, p := range s.Predecessors {
			preds = append(preds, orgLabel(p.Name, p.ID))
		}
		date := s.Date
		if date == "" {
			date = "(undated)"
		}
		fmt.Fprintf(w, "  %s  %s <- %s\n", date, orgLabel(s.SuccessorName, s.Successor), strings.Join(preds, ", "))
		if s.Pairs > 0 {
			fmt.Fprintf(w, "      %d of %d predecessor pairs joined before\n", s.PairsJoined, s.Pairs)
		}
		for k, t := range s.Preceding {
			if k == timelineTextPreceding {
				fmt.Fprintf(w, "      ... and %d more\n", len(s.Preceding)-k)
				break
			}
			when := ""
			if t.Start != "" {
				when = " from " + t.Start
			}
			if t.End != "" {
				when += " to " + t.End
			}
			name := t.Name
			if name == "" {
				name = t.ID
			}
			fmt.Fprintf(w, "      %s %q%s\n", Plain(t.Kind), Plain(name), when)
		}
	}
}

func writeTimelineSurvival(w io.Writer, s *timeline.SurvivalResult) {
	if s == nil {
		return
	}
	fmt.Fprintf(w, "\nSurvival of dated partnerships and arrangements (Kaplan-Meier, censored at %s)\n", s.End)
	fmt.Fprintf(w, "  %d measured; left out: %d without a start date, %d starting after %s, %d ending before they start\n",
		s.Subjects, s.NoStart, s.StartedAfterEnd, s.End, s.Invalid)
	if len(s.Groups) == 0 {
		return
	}
	head := "group\tn\tended\tby abolition\tcensored\tmedian years"
	for _, h := range s.Groups[0].Horizons {
		head += fmt.Sprintf("\t%sy", tnum(h.Years))
	}
	fmt.Fprintln(w, head)
	for _, g := range s.Groups {
		median := "not reached"
		if g.MedianYears != nil {
			median = tnum(*g.MedianYears)
		}
		if g.N == 0 {
			median = "-"
		}
		name := g.By
		if g.By != "all" {
			name = g.By + "=" + Plain(g.Value)
		}
		line := fmt.Sprintf("%s\t%d\t%d\t%d\t%d\t%s", name, g.N, g.Events, g.EndedByAbolition, g.Censored, median)
		for _, h := range g.Horizons {
			if h.Survival == nil {
				line += "\t-"
			} else {
				line += fmt.Sprintf("\t%s", tnum(*h.Survival))
			}
		}
		fmt.Fprintln(w, line)
	}
}
