package reports

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
)

// GroupsCSVColumns are the columns of WriteGroupsCSV, in order.
var GroupsCSVColumns = []string{"tier", "rank", "group_id", "size", "members", "member_names", "score",
	"collaboration", "cohesion", "density", "compactness", "scale", "weakest_link",
	"inside_weight", "ties", "mean_distance_km", "border_share", "population",
	"weakest_id", "weakest_name", "weakest_tie_weight", "weakest_share",
	"appearances", "runs", "sensitivity", "evidence_count", "evidence",
	"at", "selection", "selection_gap", "compactness_known", "unlocated", "depth"}

// WriteGroupsCSV writes one row per group, tier by tier in rank order,
// with the GroupsCSVColumns header. Lists (members, member_names) are
// joined with ";"; evidence is one cell, "kind: name [service area]
// (member ids)" items joined by "; ", strongest first. Empty cells mean
// not known (distance without locations, border share without an
// adjacency table). Numbers have 6 decimals.
func WriteGroupsCSV(w io.Writer, v *GroupsView) error {
	rows := [][]string{GroupsCSVColumns}
	for _, t := range v.Tiers {
		for _, g := range t.Groups {
			var ids, names, ev []string
			for _, m := range g.Members {
				ids, names = append(ids, m.ID), append(names, m.Name)
			}
			for _, e := range g.Evidence {
				ev = append(ev, evidenceLine(e, false))
			}
			var wid, wname, wtie, wshare string
			if g.Weakest != nil {
				wid, wname, wtie, wshare = g.Weakest.ID, g.Weakest.Name, ftoa(g.Weakest.TieWeight), ftoa(g.Weakest.Share)
			}
			rows = append(rows, []string{t.Tier, strconv.Itoa(g.Rank), g.GroupID, strconv.Itoa(len(g.Members)),
				strings.Join(ids, ";"), strings.Join(names, ";"), ftoa(g.Score),
				ftoa(g.Parts.Collaboration), ftoa(g.Parts.Cohesion), ftoa(g.Parts.Density), ftoa(g.Parts.Compactness),
				ftoa(g.Parts.Scale), ftoa(g.Parts.WeakestLink), ftoa(g.InsideWeight), strconv.Itoa(g.Ties),
				optF(g.MeanDistanceKm), optF(g.BorderShare), strconv.FormatInt(g.Population, 10),
				wid, wname, wtie, wshare, strconv.Itoa(g.Appearances), strconv.Itoa(g.Runs), ftoa(g.Sensitivity),
				strconv.Itoa(len(g.Evidence)), strings.Join(ev, "; "),
				v.At, t.Selection, ftoa(t.SelectionGap), strconv.FormatBool(g.CompactnessKnown), strings.Join(g.Unlocated, ";"), ftoa(g.Parts.Depth)})
		}
	}
	cw := NewCSVWriter(w) // cells guarded against formula injection
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("groups csv: %w", err)
	}
	return nil
}

// evidenceLine describes one piece of evidence on a line: kind, name,
// service area and programme, value, and which members it joins (by id,
// or by name when names is true).
func evidenceLine(e GroupEvidence, names bool) string {
	var b strings.Builder
	// Data without kinds or names (a bare edge list, GraphML) still says
	// what the item is rather than printing ":  (a, b)".
	kind := strings.ReplaceAll(e.Kind, "_", " ")
	if kind == "" {
		kind = e.Source
	}
	if kind == "" {
		kind = "partnership"
	}
	b.WriteString(kind)
	name := e.Name
	if name == "" {
		name = e.ID
	}
	if name != "" {
		b.WriteString(": " + name)
	}
	var about []string
	if e.ServiceArea != "" {
		about = append(about, strings.ReplaceAll(e.ServiceArea, "_", " "))
	}
	if e.Programme != "" {
		about = append(about, "programme "+strings.ReplaceAll(e.Programme, "_", " "))
	}
	if e.ValueGBP != nil {
		about = append(about, "£"+thousands(*e.ValueGBP))
	}
	if len(about) > 0 {
		b.WriteString(" [" + strings.Join(about, ", ") + "]")
	}
	who := e.MemberIDs
	if names {
		who = e.MemberNames
	}
	b.WriteString(" (" + strings.Join(who, ", "))
	if e.Source == "arrangement" && e.AllMembers > len(e.MemberIDs) {
		fmt.Fprintf(&b, "; %d members in all", e.AllMembers)
	}
	b.WriteString(")")
	return b.String()
}

// thousands formats a whole number of pounds with comma separators.
func thousands(x float64) string {
	s := strconv.FormatFloat(x, 'f', 0, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// maxTextEvidence is how many pieces of evidence the text output lists per
// group; the rest are counted (CSV and JSON list them all).
const maxTextEvidence = 8

// WriteGroupsText writes the shortlists for a reader who has not read the
// manual: per tier a ranked table, then each group with its members by
// name, how its score adds up, the partnerships and shared bodies behind
// it (strongest first), its weakest member and why, and how often the
// search found it. Every name goes through Plain.
func WriteGroupsText(w io.Writer, v *GroupsView) error {
	fmt.Fprintf(w, "Candidate groups in %s\n", Plain(v.Dataset))
	fmt.Fprintf(w, "Score (0-100, higher is better) = 40 x collaboration (existing joint working inside the group)\n"+
		"  + 15 x cohesion (share of members' joint working with peers that stays inside) + 10 x density (share\n"+
		"  of member pairs already working together) + 10 x depth (shared management 1, shared service 0.75,\n"+
		"  joint plan 0.4, shared statutory area 0.1: each member's deepest tie inside, averaged)\n"+
		"  + 10 x compactness (closeness on the map, and shared borders when an adjacency table is given; 20 with\n"+
		"  --prefer-near; 0 when unknown) + 15 x scale (combined population; large tier only) - 10 x weakest link\n"+
		"  (a member barely tied to the rest). Each part is between 0 and 1.\n")
	if v.At != "" {
		fmt.Fprintf(w, "Round as it stood on %s (%s): organisations, partnerships and arrangements active that day; grants left out.\n", v.At, Plain(v.AtSource))
	} else {
		fmt.Fprintf(w, "The data carries no dates: every organisation and tie counts; grants left out.\n")
	}
	fmt.Fprintf(w, "Tie weights: %s.\n", Plain(v.Weighting))
	if v.Adjacency != "" {
		fmt.Fprintf(w, "Shared borders from %s.\n", Plain(v.Adjacency))
	} else {
		fmt.Fprintf(w, "No shared-border table: compactness uses distance only.\n")
	}
	for _, t := range v.Tiers {
		if err := writeGroupsTier(w, t); err != nil {
			return err
		}
	}
	return nil
}

func writeGroupsTier(w io.Writer, t GroupsTierView) error {
	fmt.Fprintf(w, "\n== %s tier: groups of %d to %d, at most %d ==\n", t.Tier, t.MinSize, t.MaxSize, t.MaxGroups)
	fmt.Fprintf(w, "%s; %s.\n", plural(t.Eligible, "eligible organisation", "eligible organisations"), Plain(t.Note))
	if t.Selection != "" {
		fmt.Fprintf(w, "Selection: %s (total score %s, upper bound %s).\n", Plain(t.Selection), tnum(t.Total), tnum(t.Bound))
	}
	if len(t.Groups) == 0 {
		_, err := fmt.Fprintf(w, "No group meets the rules.\n")
		return err
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "rank\tgroup_id\tscore\tcollab.\tcohesion\tdensity\tdepth\tcompact.\tscale\tweakest\tfound\tmembers\n")
	for _, g := range t.Groups {
		names := make([]string, len(g.Members))
		for i, m := range g.Members {
			names[i] = Plain(m.Name)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d/%d\t%s\n", g.Rank, g.GroupID, tnum(g.Score), tnum(g.Parts.Collaboration), tnum(g.Parts.Cohesion), tnum(g.Parts.Density), tnum(g.Parts.Depth), tnum(g.Parts.Compactness), tnum(g.Parts.Scale), tnum(g.Parts.WeakestLink), g.Appearances, g.Runs, strings.Join(names, ", "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, g := range t.Groups {
		writeGroupDetail(w, g)
	}
	return nil
}

func writeGroupDetail(w io.Writer, g GroupView) {
	fmt.Fprintf(w, "\n%d. %s  score %s  (%d members", g.Rank, g.GroupID, tnum(g.Score), len(g.Members))
	if g.Population > 0 {
		fmt.Fprintf(w, ", population %s", thousands(float64(g.Population)))
	}
	if g.MeanDistanceKm != nil {
		fmt.Fprintf(w, ", %s km apart on average", tnum(*g.MeanDistanceKm))
	} else if len(g.Unlocated) > 0 {
		var who []string
		for _, id := range g.Unlocated {
			for _, m := range g.Members {
				if m.ID == id {
					who = append(who, m.Name)
				}
			}
		}
		fmt.Fprintf(w, ", distance unknown: no location for %s", Plain(strings.Join(who, ", ")))
	}
	fmt.Fprintf(w, ")\n   members: ")
	for i, m := range g.Members {
		if i > 0 {
			fmt.Fprint(w, "; ")
		}
		fmt.Fprintf(w, "%s (%s)", Plain(m.Name), Plain(m.ID))
	}
	p := g.Points
	compact := tnum(p.Compactness)
	if !g.CompactnessKnown {
		compact = "unknown (0)"
	}
	fmt.Fprintf(w, "\n   score: collaboration %s + cohesion %s + density %s + depth %s + compactness %s + scale %s - weakest link %s\n", tnum(p.Collaboration), tnum(p.Cohesion), tnum(p.Density), tnum(p.Depth), compact, tnum(p.Scale), tnum(math.Abs(p.WeakestLink)))
	fmt.Fprintf(w, "   evidence: %s inside the group (tie weight %s), strongest first:\n", plural(len(g.Evidence), "partnership or shared arrangement", "partnerships and shared arrangements"), tnum(g.InsideWeight))
	for i, e := range g.Evidence {
		if i == maxTextEvidence {
			fmt.Fprintf(w, "     ... and %d more (see --format csv or json)\n", len(g.Evidence)-maxTextEvidence)
			break
		}
		fmt.Fprintf(w, "     - %s\n", Plain(evidenceLine(e, true)))
	}
	if !g.Connected {
		fmt.Fprintf(w, "   note: the partnerships do not join every member (a member is in through must-link or geography)\n")
	}
	if g.Weakest != nil {
		fmt.Fprintf(w, "   weakest member: %s: %s\n", Plain(g.Weakest.Name), Plain(g.Weakest.Reason))
	}
	if g.Appearances == 0 && g.Runs > 0 {
		fmt.Fprintf(w, "   found in 0 of %d clustering runs: a candidate from the arrangements and shared management or service ties\n", g.Runs)
		return
	}
	fmt.Fprintf(w, "   found in %d of %d clustering runs (resolutions x seeds): %s\n", g.Appearances, g.Runs, g.SensitivityLabel)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
