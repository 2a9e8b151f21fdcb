package page

import (
	"fmt"
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
	"github.com/partnet/partnet/internal/palette"
)

// tooltipJS shows a data item's "t" text (or its name), HTML-escaped by
// ECharts' own encoder, one line per "\n".
const tooltipJS = `function (p) { var d = p.data || {}; var t = (d.t !== undefined) ? d.t : p.name;
  if (p.dataType === 'edge') { t = (p.seriesType === 'sankey' ? 'organisations shared ' : 'tie weight ') + p.value; }
  return echarts.format.encodeHTML(String(t)).replace(/\n/g, '\u003cbr\u003e'); }`

func initOpts(id, height string) charts.GlobalOpts {
	return charts.WithInitializationOpts(opts.Initialization{ChartID: id, Width: "100%", Height: height})
}

// graphNode is our own graph series item: go-echarts' GraphNode has no id
// and drops a coordinate that is exactly 0.
type graphNode struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	X          float64 `json:"x"`
	Y          float64 `json:"y"`
	SymbolSize float64 `json:"symbolSize"`
	Category   int     `json:"category"`
	Colours    []int   `json:"c"`
	Tip        string  `json:"t"`
}

type graphLink struct {
	Source    int       `json:"source"`
	Target    int       `json:"target"`
	Value     float64   `json:"value"`
	LineStyle lineWidth `json:"lineStyle"`
}

type lineWidth struct {
	Width float64 `json:"width"`
}

type namedCategory struct {
	Name      string      `json:"name"`
	ItemStyle colourStyle `json:"itemStyle"`
}

type colourStyle struct {
	Color string `json:"color"`
}

// networkChart draws v with its positions (layout "none"), coloured by its
// first colouring, sized by Size and with tie widths by weight; zoom, pan
// and legend filtering are on.
// minNodeSize is the smallest dot the network map draws, in pixels.
const minNodeSize = 3.0

// nodeSizeCap is the largest dot, in pixels, on a map of n nodes: 24 for a
// small network such as karate, shrinking as 240/sqrt(n) to no less than 8,
// so that on a few hundred organisations whose sizes are even (PageRank on
// a joint-working network) the dots do not cover the ties between them.
func nodeSizeCap(n int) float64 {
	if n < 1 {
		return 24
	}
	return min(24, max(8, 240/math.Sqrt(float64(n))))
}

func networkChart(id string, v *NetworkView) (*charts.Graph, error) {
	g := charts.NewGraph()
	var cats, colours []string
	if len(v.Colourings) > 0 {
		cats = v.Colourings[0].Categories
		colours = palette.Categories(cats)
	}
	g.SetGlobalOptions(initOpts(id, "640px"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts(tooltipJS)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Data: chartTexts(cats)}),
		charts.WithAnimation(false))
	maxSize, maxW := 0.0, 0.0
	for _, n := range v.Nodes {
		if err := finite(id, n.X, n.Y, n.Size); err != nil {
			return nil, fmt.Errorf("node %s: %w", n.ID, err)
		}
		maxSize = math.Max(maxSize, n.Size)
	}
	for _, t := range v.Ties {
		if err := finite(id, t.Weight); err != nil {
			return nil, err
		}
		maxW = math.Max(maxW, t.Weight)
	}
	toPage := pageScale(v.Nodes)
	largest := nodeSizeCap(len(v.Nodes))
	nodes := make([]graphNode, len(v.Nodes))
	for k, n := range v.Nodes {
		size := minNodeSize
		if maxSize > 0 && n.Size > 0 {
			size = minNodeSize + (largest-minNodeSize)*math.Sqrt(n.Size/maxSize)
		}
		cat := 0
		if len(n.Colour) > 0 {
			cat = n.Colour[0]
		}
		x, y := toPage(n.X, n.Y)
		nodes[k] = graphNode{ID: chartText(n.ID), Name: chartText(n.Name), X: x, Y: y, SymbolSize: round2(size),
			Category: cat, Colours: n.Colour, Tip: chartText(n.Tooltip)}
	}
	links := make([]graphLink, len(v.Ties))
	for k, t := range v.Ties {
		width := 1.0
		if maxW > 0 {
			width = 0.5 + 3.5*math.Max(t.Weight, 0)/maxW
		}
		links[k] = graphLink{Source: t.Source, Target: t.Target, Value: round4(t.Weight), LineStyle: lineWidth{round2(width)}}
	}
	categories := make([]namedCategory, len(cats))
	for k, c := range cats {
		categories[k] = namedCategory{chartText(c), colourStyle{colours[k]}}
	}
	g.MultiSeries = append(g.MultiSeries, charts.SingleSeries{
		Name: "organisations", Type: types.ChartGraph, Layout: "none", Roam: opts.Bool(true),
		Data: nodes, Links: links, Categories: categories,
		LineStyle: &opts.LineStyle{Color: "source", Opacity: opts.Float(0.35)},
		Emphasis:  &opts.Emphasis{Focus: "adjacency"},
	})
	return g, nil
}

// graphExtent is the width or height (the larger) of the box the network
// drawing's positions are scaled into before they reach ECharts.
const graphExtent = 1000

// pageScale maps layout positions into a box graphExtent units across,
// keeping their aspect ratio, rounded to hundredths. The scale matters:
// ECharts draws a graph's lines in the series' own units and zrender snaps
// path points to half units there (sub-pixel alignment) before the roam
// transform scales them to the canvas. ForceAtlas2 positions span about 20
// units, magnified about 13 times on a 640 px chart, so every tie was
// snapped to a 6.5 px grid: nearly level ties became long horizontal and
// vertical strokes and short ones vanished. At 1000 units across, one unit
// is about a pixel or less and the snapping cannot be seen
// (TestBrowserDrawing* check every painted pixel lies on a tie).
func pageScale(nodes []MapNode) func(x, y float64) (float64, float64) {
	if len(nodes) == 0 {
		return func(x, y float64) (float64, float64) { return x, y }
	}
	minX, maxX, minY, maxY := nodes[0].X, nodes[0].X, nodes[0].Y, nodes[0].Y
	for _, n := range nodes {
		minX, maxX, minY, maxY = min(minX, n.X), max(maxX, n.X), min(minY, n.Y), max(maxY, n.Y)
	}
	span := max(maxX-minX, maxY-minY)
	f := 1.0
	if span > 0 {
		f = graphExtent / span
	}
	return func(x, y float64) (float64, float64) { return round2((x - minX) * f), round2((y - minY) * f) }
}

// heatmapChart shows the block densities; cells with no possible pair
// (NaN) are left empty.
func heatmapChart(id string, b *BlockView, by string) (*charts.HeatMap, error) {
	hm := charts.NewHeatMap()
	var data []opts.HeatMapData
	maxD := 0.0
	for a := range b.Groups {
		for c := range b.Groups {
			d := b.Density[a][c]
			if math.IsNaN(d) {
				continue
			}
			if err := finite(id, d); err != nil {
				return nil, err
			}
			maxD = math.Max(maxD, d)
			data = append(data, opts.HeatMapData{Value: [3]any{c, a, round4(d)}})
		}
	}
	names := chartTexts(b.Groups)
	hm.SetGlobalOptions(initOpts(id, "520px"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: names, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		// go-echarts 2.6.7 has no visualMap precision, so the calculable
		// handles would round densities such as 0.021 to "0": label the
		// ends explicitly instead.
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(false), Min: 0, Max: float32(math.Max(maxD, 1e-6)),
			Text:   []string{chartText(strconv.FormatFloat(maxD, 'f', 4, 64)), "0"},
			Orient: "horizontal", Left: "center", Bottom: "0"}),
		charts.WithAnimation(false))
	hm.AddSeries(chartText("density by "+by), data)
	return hm, nil
}

// barChart is a horizontal bar chart of labelled values, first at the top.
func barChart(id, series string, labels []string, values []float64) (*charts.Bar, error) {
	if err := finite(id, values...); err != nil {
		return nil, err
	}
	bar := charts.NewBar()
	// Reverse so the first row is drawn at the top of a horizontal chart.
	n := len(labels)
	ls, data := make([]string, n), make([]opts.BarData, n)
	for k := range labels {
		ls[n-1-k] = chartText(labels[k])
		data[n-1-k] = opts.BarData{Value: round4(values[k])}
	}
	height := fmt.Sprintf("%dpx", 120+22*n)
	bar.SetGlobalOptions(initOpts(id, height),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "30%"}),
		charts.WithAnimation(false))
	if dominated(values) {
		// One bar would flatten the rest: a log axis keeps them readable.
		series += " (log scale)"
		bar.SetGlobalOptions(charts.WithXAxisOpts(opts.XAxis{Type: "log"}), charts.WithYAxisOpts(opts.YAxis{Type: "category"}))
	}
	bar.SetXAxis(ls).AddSeries(chartText(series), data)
	bar.XYReversal()
	return bar, nil
}

// DominantBarRatio is how many times the second largest value the
// largest must be for a bar chart to switch to a log axis.
const DominantBarRatio = 10

// dominated reports whether the largest of values is more than
// DominantBarRatio times the second largest, every value being positive
// (a log axis cannot show zero).
func dominated(values []float64) bool {
	if len(values) < 2 {
		return false
	}
	first, second := 0.0, 0.0
	for _, v := range values {
		if !(v > 0) {
			return false
		}
		if v > first {
			first, second = v, first
		} else if v > second {
			second = v
		}
	}
	return first > DominantBarRatio*second
}

// columnChart is a vertical bar chart (degree distribution, cluster sizes).
func columnChart(id, series string, labels []string, values []float64) (*charts.Bar, error) {
	if err := finite(id, values...); err != nil {
		return nil, err
	}
	bar := charts.NewBar()
	data := make([]opts.BarData, len(values))
	for k, v := range values {
		data[k] = opts.BarData{Value: round4(v)}
	}
	bar.SetGlobalOptions(initOpts(id, "360px"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithAnimation(false))
	bar.SetXAxis(chartTexts(labels)).AddSeries(chartText(series), data)
	return bar, nil
}

// lineChart draws one line per named series over the labels.
func lineChart(id string, labels []string, series []string, values [][]float64) (*charts.Line, error) {
	line := charts.NewLine()
	line.SetGlobalOptions(initOpts(id, "360px"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		charts.WithAnimation(false))
	line.SetXAxis(chartTexts(labels))
	for k, name := range series {
		if err := finite(id, values[k]...); err != nil {
			return nil, err
		}
		data := make([]opts.LineData, len(values[k]))
		for j, v := range values[k] {
			data[j] = opts.LineData{Value: round4(v)}
		}
		line.AddSeries(chartText(name), data)
	}
	return line, nil
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// round4 keeps five significant digits, enough for a chart and much
// shorter in the page.
func round4(x float64) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 5, 64), 64)
	if err != nil {
		return x
	}
	return v
}

// sankeyNode is a Sankey node with a plain-text tooltip and its label
// text ("l"), shown only when Label.Show.
type sankeyNode struct {
	Name  string       `json:"name"`
	Value int          `json:"value"`
	Depth int          `json:"depth"`
	Tip   string       `json:"t"`
	Text  string       `json:"l"`
	Label showLabel    `json:"label"`
	Style *colourStyle `json:"itemStyle,omitempty"`
}

type showLabel struct {
	Show bool `json:"show"`
}

type sankeyLink struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Value  int    `json:"value"`
}

// sankeyLabelWidth is the most pixels a Sankey label takes; longer ones
// end in "...".
const sankeyLabelWidth = 150

// sankeyChart draws cluster transitions: one column per date, clusters as
// nodes labelled by their largest members, shared organisations as links.
// Labels are written where a cluster's name first appears or changes,
// truncated to sankeyLabelWidth, and ECharts hides any label that would
// still overlap another (labelLayout.hideOverlap, set after the chart is
// made: go-echarts has no field for it).
func sankeyChart(id string, f *FlowView) (*charts.Sankey, error) {
	sk := charts.NewSankey()
	sk.SetGlobalOptions(initOpts(id, "640px"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts(tooltipJS)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithAnimation(false))
	nodes := make([]sankeyNode, len(f.Nodes))
	for k, n := range f.Nodes {
		tip := fmt.Sprintf("%s: cluster #%d\n%s\n%d organisations", n.Date, n.ID, n.Label, n.Size)
		var style *colourStyle
		if n.Other {
			tip = fmt.Sprintf("%s: %s\n%d organisations", n.Date, n.Label, n.Size)
			style = &colourStyle{palette.NoCategory}
		}
		nodes[k] = sankeyNode{Name: chartText(n.Name), Value: n.Size, Depth: n.Depth, Tip: chartText(tip),
			Text: chartText(n.Label), Label: showLabel{n.ShowLabel}, Style: style}
	}
	links := make([]sankeyLink, len(f.Links))
	for k, l := range f.Links {
		links[k] = sankeyLink{Source: chartText(l.Source), Target: chartText(l.Target), Value: l.Shared}
	}
	sk.MultiSeries = append(sk.MultiSeries, charts.SingleSeries{
		Name: "clusters", Type: types.ChartSankey, Data: nodes, Links: links,
		Label:     &opts.Label{Show: opts.Bool(true), FontSize: 11},
		LineStyle: &opts.LineStyle{Color: "source", Opacity: opts.Float(0.4)},
	})
	sk.AddJSFuncs(fmt.Sprintf("%%MY_ECHARTS%%.setOption({series: [{labelLayout: {hideOverlap: true}, label: {width: %d, overflow: 'truncate', formatter: %s}, left: 10, right: %d}]});",
		sankeyLabelWidth, sankeyLabelJS, sankeyLabelWidth+10))
	return sk, nil
}

// sankeyLabelJS writes a node's label text.
const sankeyLabelJS = `function (p) { return (p.data && p.data.l) || ''; }`
