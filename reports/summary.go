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
		{"density", fmt.Sprintf("%.6f", s.Density)},
		{"weighted density", fmt.Sprintf("%.6f", s.WeightedDensity)},
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
