package page

import (
	"github.com/go-echarts/go-echarts/v2/render"
)

// The clusters section: clusters: sizes, quality, robustness, match with regions and the cluster summary graph.

func init() {
	register(&section{ID: "clusters", Nav: "Clusters", Order: 70, Template: clustersTemplate,
		Charts: func(r *Report) []sectionChart {
			var out []sectionChart
			if len(r.Clusters) > 0 {
				out = append(out, chart(ChartClusters, func() (render.Renderer, error) {
					shown := r.Clusters[:min(clusterChartBars, len(r.Clusters))]
					labels, vals := make([]string, len(shown)), make([]float64, len(shown))
					for k, cl := range shown {
						labels[k], vals[k] = cl.Cluster, float64(cl.Size)
					}
					return columnChart(ChartClusters, "organisations", labels, vals)
				}))
			}
			if r.ClusterMap != nil {
				out = append(out, chart(ChartClusterMap, func() (render.Renderer, error) { return networkChart(ChartClusterMap, r.ClusterMap) }))
			}
			return out
		},
		Tables: func(r *Report) []Table {
			region := []RegionMatch{}
			if r.RegionMatch != nil {
				region = append(region, *r.RegionMatch)
			}
			return []Table{{"clusters", r.Clusters}, {"cluster_quality", r.ClusterQuality}, {"clusters_and_regions", region}}
		}})
}

const clustersTemplate = `<section id="clusters">
<h2>Clusters</h2>
{{- if .Clusters}}
<p>{{.ClusterNote}}</p>
{{- if .ClusterQuality}}<p>{{range $k, $q := .ClusterQuality}}{{if $k}}; {{end}}{{$q.Label}} {{$q.Value}}{{end}}.</p>{{end}}
{{- with .RegionMatch}}<p>How well clusters match regions: normalised mutual information {{num .NMI}} and adjusted Rand index {{num .ARI}} over {{.Organisations}} organisations in {{.Regions}} regions (1 is a perfect match; 0 no better than chance).</p>{{end}}
{{index .Charts "chartClusters"}}
<details><summary>Data table ({{count (len .Clusters) "cluster" "clusters"}})</summary>
<table class="sortable"><thead><tr><th>cluster</th><th>organisations</th><th>ties inside</th><th>density</th><th>conductance</th><th>robustness</th><th>robust</th><th>main region</th><th>share in main region</th><th>examples</th></tr></thead><tbody>
{{- range $k, $c := .Clusters}}{{if lt $k 500}}
<tr><td>{{$c.Cluster}}</td><td>{{$c.Size}}</td><td>{{$c.Ties}}</td><td>{{num $c.Density}}</td><td>{{num $c.Conductance}}</td><td>{{num $c.Robustness}}</td><td>{{if $c.Robust}}yes{{else}}no{{end}}</td><td>{{$c.TopRegion}}</td><td>{{pct $c.TopRegionShare}}</td><td>{{$c.Examples}}</td></tr>{{end}}
{{- end}}
</tbody></table>{{if gt (len .Clusters) 500}}<p class="note">First 500 rows; all are in the tables written with --tables.</p>{{end}}
</details>
{{- if .ClusterMap}}
<h3>Cluster summary graph</h3>
<p>One node per cluster, sized by its organisations; lines carry the summed weight of the ties between clusters.</p>
{{index .Charts "chartClusterMap"}}
{{template "table_nodes.html" .ClusterMap}}
{{- else if .Network.Summary}}
<p>The network map above is the cluster summary graph.</p>
{{- end}}
{{- else}}
<p class="note">Clusters were not computed for this report.</p>
{{- end}}
</section>`
