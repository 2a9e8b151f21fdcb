package page

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
	"sync"
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

// pageTemplate is the page's templates with every registered section's
// block; built on first use, after every section file's init has run.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return sectionTemplates(template.Must(template.New("report.html").Funcs(pageFuncs).ParseFS(templateFS, "templates/*.html")))
})

var pageFuncs = template.FuncMap{
	"num":     formatNum,
	"pct":     percent,
	"label":   label,
	"join":    strings.Join,
	"add":     func(a, b int) int { return a + b },
	"density": func(b *BlockView, a, c int) string { return formatNum(b.Density[a][c]) },
	"first":   func(k int, list []string) []string { return list[:min(k, len(list))] },
	"more":    func(k int, list []string) int { return max(0, len(list)-k) },
	"geoPage": geoPage,
	"count":   countWord,
}

type pageData struct {
	*Report
	Charts     map[string]template.HTML
	ScriptSrc  string
	InlineJS   template.JS
	Colourings map[string][]Colouring
	Sections   []template.HTML
	Nav        []navEntry
}

// WriteHTML writes r as one HTML page: our template with go-echarts charts
// placed in it. All user text reaches the page through html/template or
// through the chart boundary in charts_safe.go, so it is shown as text.
func WriteHTML(w io.Writer, r *Report, o HTMLOptions) error {
	chartsHTML, err := r.renderCharts()
	if err != nil {
		return err
	}
	d := pageData{Report: r, Charts: chartsHTML, Colourings: map[string][]Colouring{ChartNetwork: r.Network.Colourings}, Nav: navigation()}
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
	if d.Sections, err = renderSections(&d); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pageTemplate().Execute(&buf, d); err != nil {
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
