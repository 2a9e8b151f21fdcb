package page

import (
	"github.com/go-echarts/go-echarts/v2/render"
)

// The network section: network map: every organisation placed by the layout, or the cluster summary above the node budget.

func init() {
	register(&section{ID: "network", Nav: "Network map", Order: 30, Template: networkTemplate,
		Charts: func(r *Report) []sectionChart {
			return []sectionChart{chart(ChartNetwork, func() (render.Renderer, error) { return networkChart(ChartNetwork, &r.Network) })}
		},
		Tables: func(r *Report) []Table {
			return []Table{{"network_nodes", r.Network.Nodes}, {"network_ties", r.Network.Ties}}
		}})
}

const networkTemplate = `<section id="network">
<h2>Network map</h2>
{{- if .Network.Summary}}
<p class="note" id="network-summary-note">{{.Network.Note}}</p>
{{- else}}
<p>Each organisation is a dot placed by a force-directed layout computed by partnet (seed {{.Footer.Seed}}): organisations that work together sit close. Dot size shows {{.Network.SizeBy}}; line width shows tie weight. Scroll to zoom, drag to pan, click the legend to hide a group.</p>
{{- end}}
{{- if gt (len .Network.Colourings) 1}}
<p class="switch">Colour by:
{{- range $k, $c := .Network.Colourings}} <button type="button" data-chart="chartNetwork" data-colouring="{{$k}}">{{$c.Name}}</button>{{end}}
</p>
{{- end}}
{{index .Charts "chartNetwork"}}
{{template "table_nodes.html" .Network}}
</section>`
