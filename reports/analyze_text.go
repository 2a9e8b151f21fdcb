package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/partnet/partnet/analysis"
)

// textColumns are the per-organisation columns the text table shows (the
// CSV and JSON outputs carry every field): short headers for a terminal.
var textColumns = []struct{ name, header string }{
	{"rank", "#"}, {"id", "id"}, {"name", "name"}, {"group", "group"},
	{"degree", "degree"}, {"strength", "strength"},
	{"betweenness", "betweenness"}, {"weighted_betweenness", "w_betweenness"},
	{"closeness", "closeness"}, {"eigenvector", "eigenvector"}, {"pagerank", "pagerank"},
	{"clustering", "clustering"}, {"core", "core"}, {"constraint", "constraint"},
	{"articulation_point", "cut"},
}

// WriteAnalyzeText writes an analysis for a person: network figures, the
// block density matrix and E-I index by the grouping attribute, and the
// top organisations in rank order (all of them when top <= 0). Names are
// made terminal-safe and cut to 40 characters; floats have 4 decimals;
// undefined values print as "-".
func WriteAnalyzeText(w io.Writer, a *analysis.Analysis, top int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	nf := &a.Network
	fmt.Fprintln(tw, "network")
	for _, f := range networkFields(a) {
		if f.key == "group_by" || strings.HasPrefix(f.key, "ei_") || strings.HasSuffix(f.key, "_ties") && f.key != "ties" {
			continue
		}
		fmt.Fprintf(tw, "  %s\t%s\n", strings.ReplaceAll(f.key, "_", " "), textValue(f.value))
	}
	if nf.BetweennessSources > 0 && nf.BetweennessSources < nf.Organisations {
		fmt.Fprintf(tw, "  (betweenness, closeness and distances estimated from %d sampled sources)\n", nf.BetweennessSources)
	}
	by := a.GroupBy
	if by == "" {
		by = "group"
	}
	ei := a.EI
	if len(ei.Groups) == 1 {
		// One group (no organisation has a sector, say): an E-I of -1
		// "against an expected -1" and a one-cell block matrix would read
		// as findings; there is nothing between groups to measure.
		fmt.Fprintf(tw, "\nE-I index and block density by %s: every organisation is in one group, so there is nothing between groups to measure (--by to choose an attribute)\n", Plain(by))
		tw.Flush()
		writeOrganisations(tw, a, top)
		return tw.Flush()
	}
	fmt.Fprintf(tw, "\nE-I index by %s\t%s\n", Plain(by), textValue(ei.Index))
	fmt.Fprintf(tw, "  external / internal ties\t%d / %d\n", ei.External, ei.Internal)
	fmt.Fprintf(tw, "  expected, min, max\t%s, %s, %s\n", textValue(ei.Expected), textValue(ei.Min), textValue(ei.Max))
	fmt.Fprintf(tw, "  rescaled\t%s\n", textValue(ei.Rescaled))
	fmt.Fprintf(tw, "\n  %s\tsize\texternal\tinternal\tE-I\texpected\n", Plain(by))
	for _, g := range ei.Groups {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%s\t%s\n", groupLabel(g.Group), g.Size, g.External, g.Internal, textValue(g.Index), textValue(g.Expected))
	}
	tw.Flush()
	writeBlocks(tw, a.Blocks, by)
	tw.Flush()
	writeOrganisations(tw, a, top)
	return tw.Flush()
}

func writeBlocks(tw *tabwriter.Writer, b *analysis.BlockMatrix, by string) {
	fmt.Fprintf(tw, "\nblock density by %s (ties / possible pairs; diagonal = within)\n", Plain(by))
	fmt.Fprintf(tw, "  \tsize")
	for _, g := range b.Groups {
		fmt.Fprintf(tw, "\t%s", groupLabel(g))
	}
	fmt.Fprintln(tw)
	for x, g := range b.Groups {
		fmt.Fprintf(tw, "  %s\t%d", groupLabel(g), b.Sizes[x])
		for y := range b.Groups {
			fmt.Fprintf(tw, "\t%s", textValue(b.Density[x][y]))
		}
		fmt.Fprintln(tw)
	}
}

func writeOrganisations(tw *tabwriter.Writer, a *analysis.Analysis, top int) {
	cols := map[string]analyzeColumn{}
	for _, c := range columnsFor(a) {
		cols[c.name] = c
	}
	n := len(a.Organisations)
	if top <= 0 || top > n {
		top = n
	}
	fmt.Fprintf(tw, "\norganisations (top %d of %d)\n", top, n)
	var head []string
	for _, c := range textColumns {
		if _, ok := cols[c.name]; ok {
			head = append(head, c.header)
		}
	}
	fmt.Fprintln(tw, "  "+strings.Join(head, "\t"))
	for k := 0; k < top; k++ {
		r := &a.Organisations[k]
		var cells []string
		for _, c := range textColumns {
			col, ok := cols[c.name]
			if !ok {
				continue
			}
			v := cell(col, k+1, r)
			switch c.name {
			case "name":
				v = cut(Plain(r.Name), 40)
			case "group":
				v = groupLabel(r.Group)
			case "id":
				v = Plain(r.ID)
			}
			cells = append(cells, textValue(v))
		}
		fmt.Fprintln(tw, "  "+strings.Join(cells, "\t"))
	}
	if top < n {
		fmt.Fprintf(tw, "  ... %d more (--top 0 shows all; --format csv or json gives every field)\n", n-top)
	}
}

func textValue(v any) string {
	switch v := v.(type) {
	case float64:
		return Num(v, "-")
	case int:
		return strconv.Itoa(v)
	case bool:
		if v {
			return "yes"
		}
		return ""
	case string:
		return v
	}
	return fmt.Sprint(v)
}

func groupLabel(g string) string {
	if g == "" {
		return "(none)"
	}
	return Plain(g)
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
