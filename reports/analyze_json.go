package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/partnet/partnet/analysis"
)

// networkFields lists the network-level figures of `partnet analyze` in
// output order, with their snake_case names (JSON keys; a stable contract).
func networkFields(a *analysis.Analysis) object {
	nf := &a.Network
	return object{
		{"organisations", nf.Organisations},
		{"ties", nf.Ties},
		{"density", nf.Density},
		{"weighted_density", nf.WeightedDensity},
		{"components", nf.Components},
		{"largest_component", nf.LargestComponent},
		{"transitivity", nf.Transitivity},
		{"average_clustering", nf.AverageClustering},
		{"average_clustering_excluding_low_degree", nf.AverageClusteringExcluding},
		{"degree_assortativity", nf.DegreeAssortativity},
		{"attribute_assortativity", nf.AttributeAssortativity},
		{"degree_centralisation", nf.DegreeCentralisation},
		{"betweenness_centralisation", nf.BetweennessCentralisation},
		{"diameter", nf.Diameter},
		{"average_shortest_path", nf.AverageShortestPath},
		{"articulation_points", nf.ArticulationPoints},
		{"bridges", nf.Bridges},
		{"betweenness_sources", nf.BetweennessSources},
		{"group_by", a.GroupBy},
		{"ei_index", a.EI.Index},
		{"ei_index_expected", a.EI.Expected},
		{"ei_index_min", a.EI.Min},
		{"ei_index_max", a.EI.Max},
		{"ei_index_rescaled", a.EI.Rescaled},
		{"external_ties", a.EI.External},
		{"internal_ties", a.EI.Internal},
	}
}

// analyzeHead is the analysis JSON document without by_organisation.
func analyzeHead(a *analysis.Analysis) object {
	doc := networkFields(a)
	groups := make([]object, len(a.EI.Groups))
	for i, g := range a.EI.Groups {
		groups[i] = object{
			{"group", g.Group}, {"size", g.Size}, {"external_ties", g.External}, {"internal_ties", g.Internal},
			{"ei_index", g.Index}, {"ei_index_expected", g.Expected},
		}
	}
	b := a.Blocks
	if len(a.Warnings) > 0 {
		// Only when a measure could not be computed (its fields are null).
		doc = append(doc, field{"warnings", a.Warnings})
	}
	return append(doc,
		field{"ei_groups", groups},
		field{"block_density", object{
			{"groups", b.Groups}, {"sizes", b.Sizes}, {"ties", b.Ties}, {"pairs", b.Pairs},
			{"density", b.Density}, {"weighted_density", b.WeightedDensity},
		}},
		field{"metrics", a.Computed},
	)
}

// WriteAnalyzeJSON writes an analysis as one JSON object: the network
// figures (see networkFields), "ei_groups" (the E-I index per group),
// "block_density" (groups, sizes and the ties, pairs, density and
// weighted_density matrices), "metrics" (the metric groups computed) and
// "by_organisation", one object per organisation in rank order with the
// fields of the computed metric groups. Undefined values are null.
func WriteAnalyzeJSON(w io.Writer, a *analysis.Analysis) error {
	doc := analyzeHead(a)
	// The document is written as json.Encoder with a two-space indent
	// would write it, but by_organisation is streamed row by row: built
	// whole, a million organisations took gigabytes (every row an object
	// of boxed values, then the encoder's buffer and its indented copy).
	head, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, head, "", "  "); err != nil {
		return err
	}
	// buf ends "\n}": reopen the object for the last field.
	out := bufio.NewWriterSize(w, 1<<16)
	out.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n}")))
	out.WriteString(",\n  \"by_organisation\": [")
	// Each row is written indented as json.Indent would lay it out, in
	// one pass: keys, then values appended directly (floats by appendNum).
	cols := columnsFor(a)
	keys := make([][]byte, len(cols))
	for c, col := range cols {
		keys[c] = append(appendKey([]byte("\n      "), col.name), ": "...)
	}
	var b []byte
	for k := range a.Organisations {
		r := &a.Organisations[k]
		b = b[:0]
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    {"...)
		for c, col := range cols {
			if c > 0 {
				b = append(b, ',')
			}
			b = append(b, keys[c]...)
			var err error
			if b, err = appendValue(b, cell(col, k+1, r)); err != nil {
				return err
			}
		}
		b = append(b, "\n    }"...)
		out.Write(b)
	}
	if len(a.Organisations) > 0 {
		out.WriteString("\n  ")
	}
	out.WriteString("]\n}\n")
	return out.Flush()
}
