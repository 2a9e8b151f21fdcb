package datasets

import (
	"bufio"
	"io"
	"sort"
	"strings"

	"github.com/partnet/partnet/graph"
)

// WriteDOT writes net for Graphviz as an undirected graph of the ties
// analyses see: the snapshot with the default weighting, so several
// partnerships between a pair and shared arrangements are one edge whose
// weight is their combined weight. Nodes carry label (the name) and
// sector; edges weight and penwidth. Nodes are sorted by id and edges by
// their two ids, so the output is stable; ids and labels are quoted and
// escaped. DOT is written only: it cannot hold partnet's attributes. An
// empty network gives an empty graph; isolated organisations are drawn as
// lone nodes; zero-weight ties do not occur (weights are > 0).
func WriteDOT(w io.Writer, net *graph.Network) error {
	bw := bufio.NewWriter(w)
	s := net.Snapshot(graph.Weighting{})
	order := make([]int, net.NumOrganisations())
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return net.Organisation(order[a]).ID < net.Organisation(order[b]).ID })
	bw.WriteString("graph partnet {\n")
	if t := net.Meta.Title; t != "" {
		bw.WriteString("  label=" + dotQuote(t) + ";\n")
	}
	bw.WriteString("  node [shape=ellipse];\n")
	for _, i := range order {
		o := net.Organisation(i)
		bw.WriteString("  " + dotQuote(o.ID) + " [label=" + dotQuote(o.Label()))
		if o.Sector != "" {
			bw.WriteString(", sector=" + dotQuote(o.Sector))
		}
		bw.WriteString("];\n")
	}
	type tie struct {
		a, b string
		w    float64
	}
	var ties []tie
	s.EachTie(func(i, j int, wt float64) {
		a, b := s.ID(i), s.ID(j)
		if b < a {
			a, b = b, a
		}
		ties = append(ties, tie{a, b, wt})
	})
	sort.Slice(ties, func(x, y int) bool {
		if ties[x].a != ties[y].a {
			return ties[x].a < ties[y].a
		}
		return ties[x].b < ties[y].b
	})
	for _, t := range ties {
		wt := FormatFloat(t.w)
		bw.WriteString("  " + dotQuote(t.a) + " -- " + dotQuote(t.b) + " [weight=" + wt + ", penwidth=" + wt + "];\n")
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// dotQuote quotes s as a DOT string: backslashes and quotes escaped, line
// breaks as \n.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return `"` + r.Replace(s) + `"`
}
