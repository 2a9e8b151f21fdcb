package reports

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/render"
)

//go:embed templates/*.html
var templateFS embed.FS

// DefaultAssetsHost is where the page loads echarts.min.js from unless
// told otherwise: go-echarts' own CDN host.
const DefaultAssetsHost = "https://go-echarts.github.io/go-echarts-assets/assets/"

// HTMLOptions say where the page gets ECharts from.
type HTMLOptions struct {
	// AssetsHost is a URL prefix serving echarts.min.js (default
	// DefaultAssetsHost).
	AssetsHost string
	// InlineJS, when set, is the content of echarts.min.js to embed in the
	// page, so it opens with no network at all. It wins over AssetsHost.
	InlineJS []byte
}

// Chart ids, which are also the ids of the chart containers in the page;
// go-echarts makes JavaScript variable names of them, so they are plain
// identifiers.
const (
	ChartNetwork    = "chartNetwork"
	ChartGeo        = "chartGeo"
	ChartBlocks     = "chartBlocks"
	ChartEI         = "chartEI"
	ChartBrokers    = "chartBrokers"
	ChartCentral    = "chartCentral"
	ChartDegrees    = "chartDegrees"
	ChartClusters   = "chartClusters"
	ChartClusterMap = "chartClusterMap"
	ChartTimeline   = "chartTimeline"
	ChartDensity    = "chartDensity"
	ChartFlows      = "chartFlows"
)

// clusterChartBars is the most clusters in the cluster-size chart (the
// largest); the table and --tables hold them all.
const clusterChartBars = 50

// ChartIDs returns the ids of the charts WriteHTML draws for r, in page
// order.
func (r *Report) ChartIDs() []string {
	ids := []string{ChartNetwork}
	if len(r.Geo.Points) > 0 {
		ids = append(ids, ChartGeo)
	}
	if r.Blocks != nil && len(r.Blocks.Groups) > 0 {
		ids = append(ids, ChartBlocks)
	}
	if len(r.EI) > 0 {
		ids = append(ids, ChartEI)
	}
	if len(r.Brokers) > 0 {
		ids = append(ids, ChartBrokers)
	}
	if len(r.Central) > 0 {
		ids = append(ids, ChartCentral)
	}
	ids = append(ids, ChartDegrees)
	if len(r.Clusters) > 0 {
		ids = append(ids, ChartClusters)
	}
	if r.ClusterMap != nil {
		ids = append(ids, ChartClusterMap)
	}
	if len(r.Periods) > 0 {
		ids = append(ids, ChartTimeline, ChartDensity)
	}
	if r.Flows != nil && len(r.Flows.Nodes) > 0 {
		ids = append(ids, ChartFlows)
	}
	return ids
}

// renderCharts builds every chart of r as an HTML snippet.
func (r *Report) renderCharts() (map[string]template.HTML, error) {
	out := map[string]template.HTML{}
	put := func(id string, c render.Renderer, err error) error {
		if err != nil {
			return err
		}
		out[id] = snippet(c)
		return nil
	}
	for _, id := range r.ChartIDs() {
		var err error
		switch id {
		case ChartNetwork:
			c, e := networkChart(id, &r.Network)
			err = put(id, c, e)
		case ChartGeo:
			c, e := geoChart(id, &r.Geo)
			err = put(id, c, e)
		case ChartBlocks:
			c, e := heatmapChart(id, r.Blocks, r.By)
			err = put(id, c, e)
		case ChartEI:
			labels, vals := []string{}, []float64{}
			for _, e := range r.EI {
				if !math.IsNaN(e.Index) {
					labels, vals = append(labels, e.Group), append(vals, e.Index)
				}
			}
			c, e := barChart(id, "E-I index", labels, vals)
			err = put(id, c, e)
		case ChartBrokers:
			labels, vals := make([]string, len(r.Brokers)), make([]float64, len(r.Brokers))
			for k, b := range r.Brokers {
				labels[k], vals[k] = b.Name, b.Value
			}
			c, e := barChart(id, r.BrokerMeasure, labels, vals)
			err = put(id, c, e)
		case ChartCentral:
			labels, vals := make([]string, len(r.Central)), make([]float64, len(r.Central))
			for k, b := range r.Central {
				labels[k], vals[k] = b.Name, b.Value
			}
			c, e := barChart(id, r.CentralMeasure, labels, vals)
			err = put(id, c, e)
		case ChartDegrees:
			labels, vals := make([]string, len(r.Degrees)), make([]float64, len(r.Degrees))
			for k, d := range r.Degrees {
				labels[k], vals[k] = d.Degree, float64(d.Organisations)
			}
			c, e := columnChart(id, "organisations", labels, vals)
			err = put(id, c, e)
		case ChartClusters:
			shown := r.Clusters[:min(clusterChartBars, len(r.Clusters))]
			labels, vals := make([]string, len(shown)), make([]float64, len(shown))
			for k, cl := range shown {
				labels[k], vals[k] = cl.Cluster, float64(cl.Size)
			}
			c, e := columnChart(id, "organisations", labels, vals)
			err = put(id, c, e)
		case ChartClusterMap:
			c, e := networkChart(id, r.ClusterMap)
			err = put(id, c, e)
		case ChartTimeline:
			labels := make([]string, len(r.Periods))
			vals := [][]float64{make([]float64, len(r.Periods)), make([]float64, len(r.Periods)), make([]float64, len(r.Periods))}
			for k, p := range r.Periods {
				labels[k] = p.Period
				vals[0][k], vals[1][k], vals[2][k] = float64(p.Ties), float64(p.Formed), float64(p.Ended)
			}
			c, e := lineChart(id, labels, []string{"ties active", "ties formed", "ties ended"}, vals)
			err = put(id, c, e)
		case ChartDensity:
			labels := make([]string, len(r.Periods))
			vals := [][]float64{make([]float64, len(r.Periods))}
			for k, p := range r.Periods {
				labels[k], vals[0][k] = p.Period, p.Density
			}
			c, e := lineChart(id, labels, []string{"density"}, vals)
			err = put(id, c, e)
		case ChartFlows:
			c, e := sankeyChart(id, r.Flows)
			err = put(id, c, e)
		}
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
	}
	return out, nil
}

var pageTemplate = template.Must(template.New("report.html").Funcs(template.FuncMap{
	"num":     formatNum,
	"pct":     percent,
	"label":   label,
	"join":    strings.Join,
	"add":     func(a, b int) int { return a + b },
	"density": func(b *BlockView, a, c int) string { return formatNum(b.Density[a][c]) },
	"first":   func(k int, list []string) []string { return list[:min(k, len(list))] },
	"more":    func(k int, list []string) int { return max(0, len(list)-k) },
}).ParseFS(templateFS, "templates/*.html"))

type pageData struct {
	*Report
	Charts     map[string]template.HTML
	ScriptSrc  string
	InlineJS   template.JS
	Colourings map[string][]Colouring
}

// WriteHTML writes r as one HTML page: our template with go-echarts charts
// placed in it. All user text reaches the page through html/template or
// through the chart boundary in charts_safe.go, so it is shown as text.
func WriteHTML(w io.Writer, r *Report, o HTMLOptions) error {
	chartsHTML, err := r.renderCharts()
	if err != nil {
		return err
	}
	d := pageData{Report: r, Charts: chartsHTML, Colourings: map[string][]Colouring{ChartNetwork: r.Network.Colourings}}
	if len(o.InlineJS) > 0 {
		d.InlineJS = template.JS(inlineSafe(o.InlineJS))
	} else {
		host := o.AssetsHost
		if host == "" {
			host = DefaultAssetsHost
		}
		if !strings.HasSuffix(host, "/") {
			host += "/"
		}
		d.ScriptSrc = host + "echarts.min.js"
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, d); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

var scriptEnd = regexp.MustCompile(`(?i)<(/script|!--)`)

// inlineSafe keeps a script's text from ending the <script> element early:
// "</script" and "<!--" become "<\/script" and "<\!--", which mean the same
// inside JavaScript strings and regular expressions, where they can occur.
func inlineSafe(js []byte) string {
	return scriptEnd.ReplaceAllStringFunc(string(js), func(m string) string { return `<\` + m[1:] })
}

// formatNum prints a number for a table: integers plainly, others with
// five significant digits, NaN as a dash.
func formatNum(x float64) string {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return "–"
	case x == math.Trunc(x) && math.Abs(x) < 1e15:
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 5, 64)
}

func sortStrings(s []string) { slices.Sort(s) }
