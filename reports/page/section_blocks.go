package page

import (
	"github.com/go-echarts/go-echarts/v2/render"
	"math"
)

// The blocks section: collaboration within and between groups: block densities and the E-I index.

func init() {
	register(&section{ID: "blocks", Nav: "Between groups", Order: 50, Template: blocksTemplate,
		Charts: func(r *Report) []sectionChart {
			var out []sectionChart
			if r.OneGroup() {
				return nil
			}
			if r.Blocks != nil && len(r.Blocks.Groups) > 0 {
				out = append(out, chart(ChartBlocks, func() (render.Renderer, error) { return heatmapChart(ChartBlocks, r.Blocks, r.By) }))
			}
			if len(r.EI) > 0 {
				out = append(out, chart(ChartEI, func() (render.Renderer, error) {
					labels, vals := []string{}, []float64{}
					for _, e := range r.EI {
						if !math.IsNaN(e.Index) {
							labels, vals = append(labels, e.Group), append(vals, e.Index)
						}
					}
					return barChart(ChartEI, "E-I index", labels, vals)
				}))
			}
			return out
		},
		Tables: func(r *Report) []Table {
			blocks := []blockRow{}
			if r.Blocks != nil {
				for a, g := range r.Blocks.Groups {
					for c, h := range r.Blocks.Groups {
						blocks = append(blocks, blockRow{g, h, r.Blocks.Ties[a][c], r.Blocks.Density[a][c]})
					}
				}
			}
			ei := []EIOverall{}
			if r.EIOverall != nil {
				ei = append(ei, *r.EIOverall)
			}
			return []Table{{"block_density", blocks}, {"ei_index", r.EI}, {"ei_index_overall", ei}}
		}})
}

// OneGroup reports whether every organisation falls in one group of the
// attribute the page compares by (data without sectors, say): block
// density and E-I then have nothing between groups to measure, and an
// E-I of -1 "against an expected -1" would read as a finding.
func (r *Report) OneGroup() bool {
	if r.Blocks != nil {
		return len(r.Blocks.Groups) == 1
	}
	return len(r.EI) == 1
}

const blocksTemplate = `<section id="blocks">
<h2>Collaboration within and between groups by {{.By}}</h2>
{{- if .OneGroup}}
<p class="note">Every organisation falls in one {{.By}} group, so no tie runs between groups and there is nothing to compare: choose another attribute with --by.</p>
{{- else}}
{{- if .Blocks}}
<p>Density is the share of possible pairs that are tied: within a group on the diagonal, between two groups elsewhere. Empty cells have no possible pair.</p>
{{index .Charts "chartBlocks"}}
<details><summary>Data table</summary>
<table><thead><tr><th>{{.By}}</th>{{range .Blocks.Groups}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{- $b := .Blocks}}
{{- range $a, $g := $b.Groups}}
<tr><th>{{$g}} ({{index $b.Sizes $a}})</th>{{range $c, $_ := $b.Groups}}<td>{{density $b $a $c}}</td>{{end}}</tr>
{{- end}}
</tbody></table>
</details>
{{- end}}
{{- if .EI}}
<h3>E-I index by {{.By}}</h3>
<p>The E-I index (Krackhardt and Stern) is (external − internal)/(external + internal) ties: −1 when a group's ties all stay inside it, +1 when they all leave it. The expected value is what a network tied at random would give.{{with .EIOverall}} Whole network: {{num .Index}} ({{.External}} ties between groups, {{.Internal}} within; expected {{num .Expected}}; rescaled to the attainable range {{num .Rescaled}}).{{end}}</p>
{{index .Charts "chartEI"}}
<details><summary>Data table</summary>
<table class="sortable"><thead><tr><th>{{.By}}</th><th>organisations</th><th>external ties</th><th>internal ties</th><th>E-I index</th><th>expected</th></tr></thead><tbody>
{{- range .EI}}
<tr><td>{{.Group}}</td><td>{{.Size}}</td><td>{{.External}}</td><td>{{.Internal}}</td><td>{{num .Index}}</td><td>{{num .Expected}}</td></tr>
{{- end}}
</tbody></table>
</details>
{{- end}}
{{- end}}
</section>`
