package reports

import (
	"math"

	"github.com/go-echarts/go-echarts/v2/render"
)

// The sections below still keep their template blocks in
// templates/sections.html ("legacy:<id>"); each moves into its own
// section_<id>.go as section_geography.go shows.

func chart(id string, build func() (render.Renderer, error)) sectionChart {
	return sectionChart{ID: id, Build: build}
}

func init() {
	register(&section{ID: "findings", Nav: "Findings", Order: 10, Template: `{{template "legacy:findings" .}}`})
	register(&section{ID: "figures", Nav: "Key figures", Order: 20, Template: `{{template "legacy:figures" .}}`,
		Tables: func(r *Report) []Table { return []Table{{"figures", r.Figures}, {"settings", r.Settings}} }})
	register(&section{ID: "network", Nav: "Network map", Order: 30, Template: `{{template "legacy:network" .}}`,
		Charts: func(r *Report) []sectionChart {
			return []sectionChart{chart(ChartNetwork, func() (render.Renderer, error) { return networkChart(ChartNetwork, &r.Network) })}
		},
		Tables: func(r *Report) []Table {
			return []Table{{"network_nodes", r.Network.Nodes}, {"network_ties", r.Network.Ties}}
		}})
	register(&section{ID: "blocks", Nav: "Between groups", Order: 50, Template: `{{template "legacy:blocks" .}}`,
		Charts: func(r *Report) []sectionChart {
			var out []sectionChart
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
	register(&section{ID: "positions", Nav: "Brokers and centrality", Order: 60, Template: `{{template "legacy:positions" .}}`,
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
	register(&section{ID: "clusters", Nav: "Clusters", Order: 70, Template: `{{template "legacy:clusters" .}}`,
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
	register(&section{ID: "groups", Nav: "Candidate groups", Order: 80, Template: `{{template "legacy:groups" .}}`,
		Tables: func(r *Report) []Table { return []Table{{"candidate_groups", r.Groups}} }})
	register(&section{ID: "timeline", Nav: "Timeline", Order: 90, Template: `{{template "legacy:timeline" .}}`,
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
	register(&section{ID: "reproduce", Nav: "Reproduce", Order: 1000, Template: `{{template "legacy:reproduce" .}}`})
}
