package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/partnet/partnet/analysis"
)

// WriteSummaryText writes a summary as an aligned plain-text table.
func WriteSummaryText(w io.Writer, s *analysis.Summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if s.Title != "" {
		fmt.Fprintf(tw, "%s\n\n", s.Title)
	}
	for _, row := range []struct {
		label string
		value string
	}{
		{"organisations", fmt.Sprint(s.Organisations)},
		{"partnerships", fmt.Sprint(s.Partnerships)},
		{"arrangements", fmt.Sprint(s.Arrangements)},
		{"memberships", fmt.Sprint(s.Memberships)},
		{"ties", fmt.Sprint(s.Ties)},
		{"components", fmt.Sprint(s.Components)},
		{"largest component", fmt.Sprint(s.Largest)},
		{"isolated", fmt.Sprint(s.Isolated)},
		{"density", tnum(s.Density)},
		{"weighted density", tnum(s.WeightedDensity)},
	} {
		fmt.Fprintf(tw, "%s\t%s\n", row.label, row.value)
	}
	for _, group := range []struct {
		title  string
		counts []analysis.Count
	}{{"by sector", s.BySector}, {"by type", s.ByType}, {"by kind", s.ByKind}} {
		fmt.Fprintf(tw, "\n%s\n", group.title)
		for _, c := range group.counts {
			fmt.Fprintf(tw, "  %s\t%d\n", Plain(c.Label), c.Count)
		}
	}
	return tw.Flush()
}

// WriteJSON writes v as indented JSON with a final newline.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// SummaryView is the JSON form of analysis.Summary (partnet summary
// --format json, batch's summary.json): its field names are a stable
// contract, snake_case, only ever added to.
type SummaryView struct {
	Title           string      `json:"title,omitempty"`
	Organisations   int         `json:"organisations"`
	Partnerships    int         `json:"partnerships"`
	Arrangements    int         `json:"arrangements"`
	Memberships     int         `json:"memberships"`
	Ties            int         `json:"ties"`
	Components      int         `json:"components"`
	Largest         int         `json:"largest_component"`
	Isolated        int         `json:"isolated"`
	Density         float64     `json:"density"`
	WeightedDensity float64     `json:"weighted_density"`
	BySector        []CountView `json:"by_sector"`
	ByType          []CountView `json:"by_type"`
	ByKind          []CountView `json:"by_kind"`
}

// CountView is a label and how often it occurs.
type CountView struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// WriteSummaryJSON writes s as its SummaryView.
func WriteSummaryJSON(w io.Writer, s *analysis.Summary) error {
	counts := func(cs []analysis.Count) []CountView {
		out := make([]CountView, len(cs))
		for i, c := range cs {
			out[i] = CountView{Label: c.Label, Count: c.Count}
		}
		return out
	}
	return WriteJSON(w, SummaryView{Title: s.Title, Organisations: s.Organisations, Partnerships: s.Partnerships,
		Arrangements: s.Arrangements, Memberships: s.Memberships, Ties: s.Ties, Components: s.Components,
		Largest: s.Largest, Isolated: s.Isolated, Density: s.Density, WeightedDensity: s.WeightedDensity,
		BySector: counts(s.BySector), ByType: counts(s.ByType), ByKind: counts(s.ByKind)})
}
