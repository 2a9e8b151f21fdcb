package page

import (
	"github.com/go-echarts/go-echarts/v2/render"
)

// The timeline section: change over time: ties and density per period, how clusters changed and successions.

func init() {
	register(&section{ID: "timeline", Nav: "Timeline", Order: 90, Template: timelineTemplate,
		Build: func(in *sectionInput, r *Report) error {
			if in.Results.Timeline != nil {
				r.addTimeline(in.Net, in.Results.Timeline)
			}
			return nil
		},
		Charts: func(r *Report) []sectionChart {
			if len(r.Periods) == 0 {
				return nil
			}
			out := []sectionChart{
				chart(ChartTimeline, func() (render.Renderer, error) {
					labels := make([]string, len(r.Periods))
					vals := [][]float64{make([]float64, len(r.Periods)), make([]float64, len(r.Periods)), make([]float64, len(r.Periods))}
					for k, p := range r.Periods {
						labels[k] = p.Period
						vals[0][k], vals[1][k], vals[2][k] = float64(p.Ties), float64(p.Formed), float64(p.Ended)
					}
					return lineChart(ChartTimeline, labels, []string{"ties active", "ties formed", "ties ended"}, vals)
				}),
				chart(ChartDensity, func() (render.Renderer, error) {
					labels := make([]string, len(r.Periods))
					vals := [][]float64{make([]float64, len(r.Periods))}
					for k, p := range r.Periods {
						labels[k], vals[0][k] = p.Period, p.Density
					}
					return lineChart(ChartDensity, labels, []string{"density"}, vals)
				}),
			}
			if r.Flows != nil && len(r.Flows.Nodes) > 0 {
				out = append(out, chart(ChartFlows, func() (render.Renderer, error) { return sankeyChart(ChartFlows, r.Flows) }))
			}
			return out
		},
		Tables: func(r *Report) []Table {
			flows, transitions := []FlowLink{}, []TransitionRow{}
			if r.Flows != nil {
				flows, transitions = r.Flows.Links, r.Flows.Transitions
			}
			return []Table{{"timeline", r.Periods}, {"cluster_flows", flows}, {"cluster_transitions", transitions},
				{"successions", r.Successions}}
		}})
}

const timelineTemplate = `<section id="timeline">
<h2>Timeline</h2>
{{- if .Periods}}
<p>{{.TimelineNote}}</p>
<h3>Ties active, formed and ended</h3>
{{index .Charts "chartTimeline"}}
<h3>Density</h3>
{{index .Charts "chartDensity"}}
<details><summary>Data table</summary>
<table><thead><tr><th>period</th><th>organisations</th><th>ties active</th><th>ties formed</th><th>ties ended</th><th>density</th><th>weighted density</th><th>components</th><th>clusters</th></tr></thead><tbody>
{{- range .Periods}}
<tr><td>{{.Period}}</td><td>{{.Organisations}}</td><td>{{.Ties}}</td><td>{{.Formed}}</td><td>{{.Ended}}</td><td>{{num .Density}}</td><td>{{num .WeightedDensity}}</td><td>{{.Components}}</td><td>{{.Clusters}}</td></tr>
{{- end}}
</tbody></table>
</details>
{{- with .Flows}}
<h3>How clusters changed</h3>
<p>{{.Note}}</p>
{{index $.Charts "chartFlows"}}
<details><summary>Data table ({{len .Transitions}} events other than a cluster continuing unchanged)</summary>
<table class="sortable"><thead><tr><th>date</th><th>event</th><th>from</th><th>to</th></tr></thead><tbody>
{{- range $k, $t := .Transitions}}{{if lt $k 500}}
<tr><td>{{$t.Date}}</td><td>{{$t.Kind}}</td><td>{{$t.From}}</td><td>{{$t.To}}</td></tr>{{end}}
{{- end}}
</tbody></table>
</details>
{{- end}}
{{- if .Successions}}
<h3>Successions</h3>
<p>Organisations that replaced abolished ones, and the partnerships that joined the predecessors before the change.</p>
<table class="sortable"><thead><tr><th>date</th><th>successor</th><th>predecessors</th><th>predecessor pairs already joined</th><th>partnerships before</th></tr></thead><tbody>
{{- range .Successions}}
<tr><td>{{.Date}}</td><td>{{.Successor}}</td><td>{{join .Predecessors ", "}}</td><td>{{.PairsJoined}} of {{.Pairs}}</td><td><ul>{{range first 4 .Preceding}}<li>{{.}}</li>{{end}}{{with more 4 .Preceding}}<li>and {{.}} more</li>{{end}}</ul></td></tr>
{{- end}}
</tbody></table>
{{- end}}
{{- else}}
<p class="note">{{with .TimelineWhy}}{{.}}{{else}}No timeline: partnerships and arrangements need start dates in at least two different years.{{end}}</p>
{{- end}}
</section>`
