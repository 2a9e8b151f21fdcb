package page

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/partnet/partnet/datasets/geo"
	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/palette"
)

// mapPixelsJS hides the map's county outlines and dots, then reads the
// canvas colour at each area's inside point (convertToPixel, so the
// projection and zoom are ECharts' own) and how many pixels its inside
// radius spans.
const mapPixelsJS = `(function (areas) {
  var el = document.getElementById('chartGeo'), chart = echarts.getInstanceByDom(el);
  var canvas = el.querySelector('canvas'), dpr = canvas.width / canvas.clientWidth;
  var ctx = canvas.getContext('2d');
  return areas.map(function (a) {
    var p = chart.convertToPixel({ geoIndex: 0 }, a.at), q = chart.convertToPixel({ geoIndex: 0 }, [a.at[0], a.at[1] + a.r]);
    var d = ctx.getImageData(Math.round(p[0] * dpr), Math.round(p[1] * dpr), 1, 1).data;
    var hex = '#' + [d[0], d[1], d[2]].map(function (v) { return ('0' + v.toString(16)).slice(-2); }).join('');
    return { colour: hex, radius: Math.abs(q[1] - p[1]) };
  });
})(%s)`

// mapZoomPixelsJS reads the colour at each small area's inside point
// after zooming the map in on it, until its inside radius spans at least
// 4 pixels; the map is put back afterwards.
const mapZoomPixelsJS = `(function (areas) {
  var el = document.getElementById('chartGeo'), chart = echarts.getInstanceByDom(el);
  var canvas = el.querySelector('canvas'), dpr = canvas.width / canvas.clientWidth, ctx = canvas.getContext('2d');
  var out = areas.map(function (a) {
    chart.setOption({ geo: [{ center: a.at, zoom: 1 }] });
    var p = chart.convertToPixel({ geoIndex: 0 }, a.at), q = chart.convertToPixel({ geoIndex: 0 }, [a.at[0], a.at[1] + a.r]);
    var zoom = Math.min(400, Math.max(1, 4 / Math.max(Math.abs(q[1] - p[1]), 1e-3)));
    chart.setOption({ geo: [{ center: a.at, zoom: zoom }] });
    chart.getZr().refreshImmediately();
    p = chart.convertToPixel({ geoIndex: 0 }, a.at); q = chart.convertToPixel({ geoIndex: 0 }, [a.at[0], a.at[1] + a.r]);
    var d = ctx.getImageData(Math.round(p[0] * dpr), Math.round(p[1] * dpr), 1, 1).data;
    var hex = '#' + [d[0], d[1], d[2]].map(function (v) { return ('0' + v.toString(16)).slice(-2); }).join('');
    return { colour: hex, radius: Math.abs(q[1] - p[1]) };
  });
  chart.setOption({ geo: [{ center: null, zoom: 1 }] });
  return out;
})(%s)`

const hideMapLayersJS = `(function () {
  var chart = echarts.getInstanceByDom(document.getElementById('chartGeo'));
  chart.setOption({ tooltip: { show: false }, series: chart.getOption().series.map(function (s) { return { id: s.id, data: [] }; }) });
  return true;
})()`

// labelBoxesJS returns the screen box of every visible label of a chart,
// read from the drawn elements (zrender's display list, where a label's
// text is drawn as "tspan" elements; hidden labels are not in the list).
const labelBoxesJS = `(function (id) {
  var chart = echarts.getInstanceByDom(document.getElementById(id)), out = [];
  chart.getZr().storage.getDisplayList(true).forEach(function (el) {
    if (el.type !== 'tspan' || el.invisible || el.ignore || !el.style || !el.style.text) { return; }
    var r = el.getBoundingRect().clone(); r.applyTransform(el.getComputedTransform());
    if (r.width > 0 && r.height > 0) { out.push({ text: String(el.style.text), x: r.x, y: r.y, w: r.width, h: r.height }); }
  });
  return out;
})(%q)`

// regionCountJS counts the areas the map's geo component drew: the
// children of its region group (ECharts 5's MapDraw).
const regionCountJS = `(function () {
  var chart = echarts.getInstanceByDom(document.getElementById('chartGeo'));
  var v = chart._componentsViews.filter(function (v) { return v && v.type === 'geo'; })[0];
  return v && v._mapDraw && v._mapDraw._regionsGroup ? v._mapDraw._regionsGroup.childCount() : -1;
})()`

type labelBox struct {
	Text       string
	X, Y, W, H float64
}

// TestBrowserEnglandMap opens the England report and checks the map of
// council areas and the change view as drawn: at least 290 districts show
// their colour, every candidate-group member district shows its group's
// colour, the outlines' attribution is on the page, no two labels of the
// change view overlap, and there is no console error.
func TestBrowserEnglandMap(t *testing.T) {
	chrome, js := browserDeps(t)
	r := englandReport(t)
	if len(r.Geo.Areas) < 290 || len(r.Geo.Colourings) == 0 || r.Geo.Colourings[0].Name != "candidate group" {
		t.Fatalf("England map: %d areas, colourings %d; want at least 290 areas coloured by candidate group first", len(r.Geo.Areas), len(r.Geo.Colourings))
	}
	file := filepath.Join(t.TempDir(), "england.html")
	writeReportFile(t, file, r, HTMLOptions{InlineJS: js})
	ctx, cancel := browser(t, chrome)
	defer cancel()
	var probs pageProblems
	probs.listen(ctx)
	openReport(ctx, t, file, r.ChartIDs())

	type probe struct {
		At [2]float64 `json:"at"`
		R  float64    `json:"r"`
	}
	probes := make([]probe, len(r.Geo.Areas))
	for k, a := range r.Geo.Areas {
		probes[k] = probe{a.Inside, a.Radius}
	}
	pj, err := json.Marshal(probes)
	if err != nil {
		t.Fatal(err)
	}
	var ok bool
	var got []struct {
		Colour string
		Radius float64
	}
	var text string
	var boxes []labelBox
	var regions int
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(hideMapLayersJS, &ok),
		chromedp.Sleep(500*time.Millisecond),
		chromedp.Evaluate(fmt.Sprintf(mapPixelsJS, pj), &got),
		chromedp.Evaluate(`document.body.innerText`, &text),
		chromedp.Evaluate(fmt.Sprintf(labelBoxesJS, ChartFlows), &boxes),
		chromedp.Evaluate(regionCountJS, &regions),
	); err != nil {
		t.Fatal(err)
	}
	// An area whose inside point is within 3 px of its edge may show its
	// white border (or a blend) there instead of its fill: those are
	// probed again zoomed in on.
	var smallProbes []probe
	var smallIdx []int
	for k := range r.Geo.Areas {
		if got[k].Radius < 3 {
			smallProbes, smallIdx = append(smallProbes, probes[k]), append(smallIdx, k)
		}
	}
	if len(smallProbes) > 0 {
		sj, err := json.Marshal(smallProbes)
		if err != nil {
			t.Fatal(err)
		}
		var zoomed []struct {
			Colour string
			Radius float64
		}
		if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(mapZoomPixelsJS, sj), &zoomed)); err != nil {
			t.Fatal(err)
		}
		for j, k := range smallIdx {
			got[k] = zoomed[j]
		}
	}
	want := r.Geo.Colourings[0]
	filled, small, members := 0, 0, 0
	for k, a := range r.Geo.Areas {
		if got[k].Radius < 2 {
			small++
			continue
		}
		match := strings.EqualFold(got[k].Colour, want.Area[k])
		if match {
			filled++
		} else {
			t.Logf("%s (%s) shows %s, want %s", a.Name, a.Code, got[k].Colour, want.Area[k])
		}
		if !palette.IsNone(a.Group) {
			members++
			if !match {
				t.Errorf("%s (%s) in group %s shows %s, want %s", a.Name, a.Code, a.Group, got[k].Colour, want.Area[k])
			}
		}
	}
	t.Logf("map: %d of %d areas show their colour (%d probed zoomed in); %d too small to probe; %d candidate-group member districts checked", filled, len(r.Geo.Areas), len(smallIdx), small, members)
	if regions < 290 {
		t.Errorf("the map drew %d areas, want at least 290", regions)
	}
	if filled < 290 || filled < len(r.Geo.Areas)-small-2 {
		t.Errorf("%d areas show their colour, want at least 290 and all but two of the %d probed", filled, len(r.Geo.Areas)-small)
	}
	if members == 0 {
		t.Error("no candidate-group member district was checked")
	}
	if !strings.Contains(text, "Contains OS data © Crown copyright") {
		t.Error("the outlines' attribution is not on the page")
	}
	shown := 0
	for a := range boxes {
		for b := a + 1; b < len(boxes); b++ {
			x, y := boxes[a], boxes[b]
			if x.X < y.X+y.W && y.X < x.X+x.W && x.Y < y.Y+y.H && y.Y < x.Y+x.H {
				t.Errorf("change view labels overlap: %q at (%.0f,%.0f %.0fx%.0f) and %q at (%.0f,%.0f %.0fx%.0f)",
					x.Text, x.X, x.Y, x.W, x.H, y.Text, y.X, y.Y, y.W, y.H)
			}
		}
		shown++
	}
	t.Logf("change view: %d labels drawn, none overlapping", shown)
	if shown < 10 {
		t.Errorf("change view shows %d labels, want at least 10", shown)
	}
	// Hovering a district shows its name, group and figures: the
	// tooltip's formatter on a group member.
	var member *MapArea
	for k := range r.Geo.Areas {
		if !palette.IsNone(r.Geo.Areas[k].Group) && member == nil {
			member = &r.Geo.Areas[k]
		}
	}
	var tip string
	if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`echarts.getInstanceByDom(document.getElementById('chartGeo')).getOption().tooltip[0].formatter({ componentType: 'geo', name: %q })`, member.Code), &tip)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{member.Name, "candidate group: " + member.Group, fmt.Sprintf("partners: %d", member.Partners)} {
		if !strings.Contains(tip, want) {
			t.Errorf("tooltip of %s is %q, lacking %q", member.Code, tip, want)
		}
	}
	// The switch recolours the districts by partners and the legend
	// becomes a colour ramp.
	const byPartners = 2
	if r.Geo.Colourings[byPartners].Name != "partners" {
		t.Fatalf("colouring %d is %s, want partners", byPartners, r.Geo.Colourings[byPartners].Name)
	}
	var legend string
	if err := chromedp.Run(ctx,
		chromedp.Click(fmt.Sprintf(`button[data-geo-colouring="%d"]`, byPartners), chromedp.ByQuery),
		chromedp.Evaluate(hideMapLayersJS, &ok),
		chromedp.Sleep(500*time.Millisecond),
		chromedp.Evaluate(fmt.Sprintf(mapPixelsJS, pj), &got),
		chromedp.Evaluate(`document.getElementById('geo-legend').textContent`, &legend),
	); err != nil {
		t.Fatal(err)
	}
	recoloured, probed := 0, 0
	for k := range r.Geo.Areas {
		if got[k].Radius >= 2 {
			probed++
			if strings.EqualFold(got[k].Colour, r.Geo.Colourings[byPartners].Area[k]) {
				recoloured++
			}
		}
	}
	if recoloured < probed-2 {
		t.Errorf("after the switch %d of %d areas probed show their partners colour, want all but two", recoloured, probed)
	}
	if !strings.HasPrefix(legend, "partners: ") {
		t.Errorf("legend after the switch: %q", legend)
	}
	if len(probs.errors) > 0 || len(probs.dialogs) > 0 {
		t.Errorf("console errors %q, dialogs %q", probs.errors, probs.dialogs)
	}
}

// TestBrowserDotMapLarge draws the fallback dot map of 5,000 located
// organisations outside England (large mode, one series per colour) and
// checks it is drawn on the geo projection with no axes and no console
// error.
func TestBrowserDotMapLarge(t *testing.T) {
	chrome, js := browserDeps(t)
	const n = 5000
	net := graph.NewNetwork()
	for i := 0; i < n; i++ {
		// A grid over Ireland's longitudes and latitudes.
		o := graph.Organisation{ID: fmt.Sprintf("o%d", i), Sector: []string{"a", "b", "c"}[i%3],
			Lat: 51.5 + float64(i/100)*0.08, Lon: -10 + float64(i%100)*0.04, HasLocation: true}
		if err := net.AddOrganisation(o); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i+1 < n; i += 2 {
		if err := net.AddPartnership(graph.Partnership{Source: fmt.Sprintf("o%d", i), Target: fmt.Sprintf("o%d", i+1), Kind: "k"}); err != nil {
			t.Fatal(err)
		}
	}
	s := net.Snapshot(graph.Weighting{})
	areas, err := geo.EnglandAreas()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(context.Background(), Source{Network: net, Snapshot: s, Seed: 1, GeneratedAt: "now", Version: "test",
		Areas: areas, AreasAttribution: geo.AreasAttribution})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Geo.Points) != n || r.Geo.Fallback == "" {
		t.Fatalf("%d dots, fallback %q", len(r.Geo.Points), r.Geo.Fallback)
	}
	file := filepath.Join(t.TempDir(), "dots.html")
	writeReportFile(t, file, r, HTMLOptions{InlineJS: js})
	ctx, cancel := browser(t, chrome)
	defer cancel()
	var probs pageProblems
	probs.listen(ctx)
	openReport(ctx, t, file, r.ChartIDs())
	var state map[string]string
	var shape string
	var text string
	if err := chromedp.Run(ctx,
		chromedp.Sleep(time.Second),
		chromedp.Evaluate(fmt.Sprintf(chartState, `["chartGeo"]`), &state),
		chromedp.Evaluate(`(function (o) { var dots = 0; o.series.forEach(function (s) { if (s.type === 'scatter') { dots += s.data.length; } });
			return (o.xAxis || []).length + ' axes, ' + o.geo.length + ' geo, ' + dots + ' dots, large ' + o.series[1].large; })(echarts.getInstanceByDom(document.getElementById('chartGeo')).getOption())`, &shape),
		chromedp.Evaluate(`document.body.innerText`, &text),
	); err != nil {
		t.Fatal(err)
	}
	if state["chartGeo"] != "drawn" {
		t.Errorf("dot map: %s", state["chartGeo"])
	}
	if want := fmt.Sprintf("0 axes, 1 geo, %d dots, large true", n); shape != want {
		t.Errorf("dot map option: %s, want %s", shape, want)
	}
	if !strings.Contains(text, "No organisation's id is the code of one of the 296 area outlines") || strings.Contains(text, "Contains OS data") {
		t.Error("the dot map does not say why, or shows the outlines' attribution with no outline drawn")
	}
	if len(probs.errors) > 0 {
		t.Errorf("console errors %q", probs.errors)
	}
}
