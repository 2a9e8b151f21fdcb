package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/partnet/partnet/analysis/timeline"
)

// TimelineTables are the tables WriteTimelineCSV can write, the first
// being the default.
var TimelineTables = []string{"periods", "sectors", "changes", "central", "clusters", "transitions", "successions", "survival"}

// ftoa is Num for CSV cells (missing: empty).
func ftoa(v float64) string { return Num(v, "") }

// WriteTimelineCSV writes one table of a timeline as CSV with a header row
// (snake_case columns, only ever added to): periods (one row per date),
// sectors (date x sector pair), changes (degree changes), central (newly
// central organisations), clusters (date x cluster), transitions,
// successions (one row per preceding partnership, or one with empty
// partnership columns when there is none) or survival (one row per group
// and step of the Kaplan-Meier curve; median_years empty when not
// reached). Numbers are written with 6 decimals.
func WriteTimelineCSV(w io.Writer, r *timeline.Result, table string) error {
	cw := NewCSVWriter(w) // names are guarded against formula injection
	var rows [][]string
	switch table {
	case "", "periods":
		rows = append(rows, []string{"date", "organisations", "organisations_joined", "organisations_left", "ties", "ties_formed", "ties_ended",
			"density", "weighted_density", "components", "largest_component", "isolated", "average_clustering", "clusters"})
		for _, p := range r.Periods {
			rows = append(rows, []string{p.Date, itoa(p.Organisations), itoa(p.OrganisationsJoined), itoa(p.OrganisationsLeft), itoa(p.Ties),
				itoa(p.TiesFormed), itoa(p.TiesEnded), ftoa(p.Density), ftoa(p.WeightedDensity), itoa(p.Components),
				itoa(p.LargestComponent), itoa(p.Isolated), ftoa(p.AverageClustering), itoa(p.Clusters)})
		}
	case "sectors":
		rows = append(rows, []string{"date", "sector_a", "sector_b", "ties", "pairs", "density", "weighted_density"})
		for _, p := range r.Periods {
			for _, b := range p.SectorDensity {
				rows = append(rows, []string{p.Date, b.SectorA, b.SectorB, itoa(b.Ties), itoa(b.Pairs), ftoa(b.Density), ftoa(b.WeightedDensity)})
			}
		}
	case "changes":
		rows = append(rows, []string{"date", "id", "name", "before", "after", "change"})
		for _, p := range r.Periods {
			for _, c := range p.DegreeChanges {
				rows = append(rows, []string{p.Date, c.ID, c.Name, itoa(c.Before), itoa(c.After), itoa(c.Change)})
			}
		}
	case "central":
		rows = append(rows, []string{"date", "rank", "id", "name", "degree", "strength"})
		for _, p := range r.Periods {
			for _, c := range p.NewlyCentral {
				rows = append(rows, []string{p.Date, itoa(c.Rank), c.ID, c.Name, itoa(c.Degree), ftoa(c.Strength)})
			}
		}
	case "clusters":
		rows = append(rows, []string{"date", "cluster", "size", "label", "members"})
		if r.Clusters != nil {
			for t, cs := range r.Clusters.Clusters {
				for _, c := range cs {
					rows = append(rows, []string{r.Dates[t], itoa(c.ID), itoa(c.Size), c.Label, strings.Join(c.MemberIDs, ";")})
				}
			}
		}
	case "transitions":
		rows = append(rows, []string{"date", "kind", "from", "to", "links"})
		if r.Clusters != nil {
			for _, t := range r.Clusters.Transitions {
				var links []string
				for _, l := range t.Links {
					links = append(links, fmt.Sprintf("%d>%d:%d:%s", l.From, l.To, l.Shared, ftoa(l.Jaccard)))
				}
				rows = append(rows, []string{t.Date, string(t.Kind), joinInts(t.From), joinInts(t.To), strings.Join(links, ";")})
			}
		}
	case "successions":
		rows = append(rows, successionRows(r.Successions)...)
	case "survival":
		rows = append(rows, survivalRows(r.Survival)...)
	default:
		return fmt.Errorf("unknown timeline table %q: want one of %s", table, strings.Join(TimelineTables, ", "))
	}
	for _, row := range rows {
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return cw.Flush()
}

func itoa(v int) string { return strconv.Itoa(v) }

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = itoa(x)
	}
	return strings.Join(s, ";")
}

func successionRows(ss []timeline.Succession) [][]string {
	rows := [][]string{{"date", "successor", "successor_name", "predecessors", "pairs", "pairs_joined",
		"record", "id", "name", "kind", "service_area", "start", "end", "members"}}
	for _, s := range ss {
		var preds []string
		for _, p := range s.Predecessors {
			preds = append(preds, p.ID)
		}
		head := []string{s.Date, s.Successor, s.SuccessorName, strings.Join(preds, ";"), itoa(s.Pairs), itoa(s.PairsJoined)}
		if len(s.Preceding) == 0 {
			rows = append(rows, append(head, "", "", "", "", "", "", "", ""))
		}
		for _, t := range s.Preceding {
			rows = append(rows, append(append([]string(nil), head...), t.Record, t.ID, t.Name, t.Kind, t.ServiceArea, t.Start, t.End, strings.Join(t.Members, ";")))
		}
	}
	return rows
}

func survivalRows(s *timeline.SurvivalResult) [][]string {
	rows := [][]string{{"by", "value", "n", "events", "censored", "ended_by_abolition", "median_years",
		"days", "years", "at_risk", "step_events", "step_censored", "survival"}}
	if s == nil {
		return rows
	}
	for _, g := range s.Groups {
		median := ""
		if g.MedianYears != nil {
			median = ftoa(*g.MedianYears)
		}
		for _, st := range g.Steps {
			rows = append(rows, []string{g.By, g.Value, itoa(g.N), itoa(g.Events), itoa(g.Censored), itoa(g.EndedByAbolition), median,
				itoa(st.Days), ftoa(st.Years), itoa(st.AtRisk), itoa(st.Events), itoa(st.Censored), ftoa(st.Survival)})
		}
	}
	return rows
}
