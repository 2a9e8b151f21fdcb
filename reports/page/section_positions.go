package page

import (
	"github.com/go-echarts/go-echarts/v2/render"
)

// The positions section: brokers and central organisations, the degree distribution and single points of failure.

func init() {
	register(&section{ID: "positions", Nav: "Brokers and centrality", Order: 60, Template: positionsTemplate,
		Charts: func(r *Report) []sectionChart {
			var out []sectionChart
			if len(r.Brokers) > 0 {
				out = append(out, chart(ChartBrokers, func() (render.Renderer, error) {
					labels, vals := make([]string, len(r.Brokers)), make([]float64, len(r.Brokers))
					for k, b := range r.Brokers {
						labels[k], vals[k] = b.Name, b.Value
					}
					return barChart(ChartBrokers, r.BrokerMeasure, labels, vals)
				}))
			}
			if len(r.Central) > 0 {
				out = append(out, chart(ChartCentral, func() (render.Renderer, error) {
					labels, vals := make([]string, len(r.Central)), make([]float64, len(r.Central))
					for k, b := range r.Central {
						labels[k], vals[k] = b.Name, b.Value
					}
					return barChart(ChartCentral, r.CentralMeasure, labels, vals)
				}))
			}
			out = append(out, chart(ChartDegrees, func() (render.Renderer, error) {
				labels, vals := make([]string, len(r.Degrees)), make([]float64, len(r.Degrees))
				for k, d := range r.Degrees {
					labels[k], vals[k] = d.Degree, float64(d.Organisations)
				}
				return columnChart(ChartDegrees, "organisations", labels, vals)
			}))
			return out
		},
		Tables: func(r *Report) []Table {
			return []Table{{"brokers", r.Brokers}, {"central", r.Central}, {"degree_distribution", r.Degrees},
				{"single_points_of_failure", r.Cutpoints}}
		}})
}

const positionsTemplate = `<section id="positions">
<h2>Brokers and central organisations</h2>
{{- if .Brokers}}
<h3>Top brokers between groups</h3>
<p>Ranked by {{.BrokerMeasure}}. A liaison links two groups neither of which is its own; a gatekeeper lets another group in to its own; a representative speaks for its own group to another; an itinerant links two members of another group. Betweenness ({{.BetweennessNote}}) is the share of shortest paths through the organisation; Burt's constraint is low and effective size high for organisations whose partners are not partners of each other.</p>
{{index .Charts "chartBrokers"}}
<details><summary>Data table</summary>
<table class="sortable"><thead><tr><th>id</th><th>name</th><th>{{.By}}</th><th>paths brokered between groups</th><th>liaison</th><th>gatekeeper</th><th>representative</th><th>itinerant</th><th>coordinator</th><th>betweenness</th><th>constraint</th><th>effective size</th></tr></thead><tbody>
{{- range .Brokers}}
<tr><td>{{.ID}}</td><td>{{.Name}}</td><td>{{.Group}}</td><td>{{num .Value}}</td><td>{{.Liaison}}</td><td>{{.Gatekeeper}}</td><td>{{.Representative}}</td><td>{{.Itinerant}}</td><td>{{.Coordinator}}</td><td>{{num .Betweenness}}</td><td>{{num .Constraint}}</td><td>{{num .EffectiveSize}}</td></tr>
{{- end}}
</tbody></table>
</details>
{{- end}}
{{- if .Central}}
<h3>Most central organisations</h3>
<p>Ranked by {{.CentralMeasure}}, which also sets the size of the dots on the network map; betweenness is {{.BetweennessNote}}.</p>
{{index .Charts "chartCentral"}}
{{template "table_central.html" .Central}}
{{- end}}
<h3>Degree distribution</h3>
<p>How many organisations have each number of partners.</p>
{{index .Charts "chartDegrees"}}
<details><summary>Data table</summary>
<table><thead><tr><th>partners</th><th>organisations</th></tr></thead><tbody>
{{- range .Degrees}}
<tr><td>{{.Degree}}</td><td>{{.Organisations}}</td></tr>
{{- end}}
</tbody></table>
</details>
{{- if .Cutpoints}}
<h3>Single points of failure</h3>
<p>Organisations whose loss would split their part of the network ({{count (len .Cutpoints) "articulation point" "articulation points"}}; {{count .Bridges "tie is a bridge" "ties are bridges"}}). "Cut off" counts the organisations that would lose every path to the largest remaining part.</p>
<details><summary>Data table</summary>
<table class="sortable"><thead><tr><th>id</th><th>name</th><th>group</th><th>ties</th><th>cut off</th><th>pieces</th></tr></thead><tbody>
{{- range $k, $c := .Cutpoints}}{{if lt $k 500}}
<tr><td>{{$c.ID}}</td><td>{{$c.Name}}</td><td>{{$c.Group}}</td><td>{{$c.Degree}}</td><td>{{$c.CutOff}}</td><td>{{$c.Pieces}}</td></tr>{{end}}
{{- end}}
</tbody></table>{{if gt (len .Cutpoints) 500}}<p class="note">First 500 rows; all are in the tables written with --tables.</p>{{end}}
</details>
{{- end}}
</section>`
