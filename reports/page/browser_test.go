package page

import (
	"context"
	"fmt"
	"github.com/partnet/partnet/analysis/engine"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/datasets/geo"
)

// Browser tests open a report in Debian's headless Chromium with ECharts
// inlined from the npm package. They need:
//   - chromium on PATH (apt-get install -y chromium), or PARTNET_CHROMIUM;
//   - echarts.min.js from echarts@5: PARTNET_ECHARTS_JS, or
//     /tmp/package/dist/echarts.min.js (where "cd /tmp && npm pack echarts@5
//     && tar xzf echarts-5*.tgz" puts it).
// They skip, saying which is missing, when either is absent.

func browserDeps(t testing.TB) (chrome string, echartsJS []byte) {
	t.Helper()
	chrome = os.Getenv("PARTNET_CHROMIUM")
	if chrome == "" {
		for _, name := range []string{"chromium", "chromium-browser"} {
			if p, err := exec.LookPath(name); err == nil {
				chrome = p
				break
			}
		}
	}
	if chrome == "" {
		t.Skip("browser test skipped: no chromium on PATH (apt-get install -y chromium, or set PARTNET_CHROMIUM)")
	}
	path := os.Getenv("PARTNET_ECHARTS_JS")
	if path == "" {
		path = "/tmp/package/dist/echarts.min.js"
	}
	js, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("browser test skipped: no echarts.min.js at %s (cd /tmp && npm pack echarts@5 && tar xzf echarts-5*.tgz, or set PARTNET_ECHARTS_JS): %v", path, err)
	}
	return chrome, js
}

// browser starts a fresh headless Chromium with its own profile.
func browser(t testing.TB, chrome string) (context.Context, context.CancelFunc) {
	t.Helper()
	profile, err := os.MkdirTemp("", "partnet-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	allocOpts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocOpts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	return ctx, func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		// Chromium's helper processes may still be writing the profile
		// for a moment after the browser exits: retry the removal rather
		// than let t.TempDir's cleanup fail the test.
		for i := 0; i < 20; i++ {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}

// pageProblems collects console errors, uncaught exceptions and dialogs.
type pageProblems struct {
	errors  []string
	dialogs []string
}

func (p *pageProblems) listen(ctx context.Context) {
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				p.errors = append(p.errors, "console.error: "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			p.errors = append(p.errors, "exception: "+ev.ExceptionDetails.Error())
		case *page.EventJavascriptDialogOpening:
			p.dialogs = append(p.dialogs, ev.Message)
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
		}
	})
}

// trap runs before any page script: alert and friends set a global flag.
const trap = `window.__pwned = false;
window.alert = function () { window.__pwned = true; };
window.confirm = window.alert; window.prompt = window.alert;`

// chartState reports, per chart id, whether its container holds a canvas
// with at least one painted pixel (ECharts may draw a chart on more than
// one canvas layer).
const chartState = `(function (ids) {
  var out = {};
  ids.forEach(function (id) {
    var el = document.getElementById(id), cs = el ? Array.prototype.slice.call(el.querySelectorAll('canvas')) : [];
    cs = cs.filter(function (c) { return c.width > 0 && c.height > 0; });
    if (cs.length === 0) { out[id] = 'no canvas'; return; }
    out[id] = 'blank';
    cs.forEach(function (c) {
      var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (var k = 3; k < d.length; k += 4) { if (d[k] !== 0) { out[id] = 'drawn'; return; } }
    });
  });
  return out;
})(%s)`

// openReport loads the file, waits until every chart has a canvas, and
// returns how long that took (from navigation; Chromium's start-up, done
// first, is not counted).
func openReport(ctx context.Context, t testing.TB, file string, ids []string) time.Duration {
	t.Helper()
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	start := time.Now()
	idsJS := `["` + strings.Join(ids, `","`) + `"]`
	wait := fmt.Sprintf(`(function (ids) { return ids.every(function (id) { var el = document.getElementById(id); return el && el.querySelector('canvas'); }); })(%s)`, idsJS)
	err := chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(trap).Do(ctx)
			return err
		}),
		chromedp.Navigate("file://"+file),
		chromedp.Poll(wait, nil, chromedp.WithPollingInterval(50*time.Millisecond)),
	)
	if err != nil {
		t.Fatalf("open %s: %v", file, err)
	}
	return time.Since(start)
}

func TestBrowserHostileReport(t *testing.T) {
	chrome, js := browserDeps(t)
	r := hostileReport(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	writeReportFile(t, file, r, HTMLOptions{InlineJS: js})

	ctx, cancel := browser(t, chrome)
	defer cancel()
	var probs pageProblems
	probs.listen(ctx)
	ids := r.ChartIDs()
	// The hostile network is dated and clustered: every kind of chart is
	// on the page, the timeline and the cluster transitions included.
	for _, want := range []string{ChartNetwork, ChartGeo, ChartBlocks, ChartEI, ChartBrokers, ChartCentral, ChartDegrees,
		ChartClusters, ChartClusterMap, ChartTimeline, ChartDensity, ChartFlows} {
		if !slices.Contains(ids, want) {
			t.Errorf("the hostile report has no %s chart", want)
		}
	}
	openReport(ctx, t, file, ids)
	// Let ECharts finish its first frame before reading pixels.
	if err := chromedp.Run(ctx, chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}

	var state map[string]string
	var nodes, flowNodes, flowLinks int
	var pwned bool
	var text string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(fmt.Sprintf(chartState, `["`+strings.Join(ids, `","`)+`"]`), &state),
		chromedp.Evaluate(`echarts.getInstanceByDom(document.getElementById('chartNetwork')).getOption().series[0].data.length`, &nodes),
		chromedp.Evaluate(`echarts.getInstanceByDom(document.getElementById('chartFlows')).getOption().series[0].data.length`, &flowNodes),
		chromedp.Evaluate(`echarts.getInstanceByDom(document.getElementById('chartFlows')).getOption().series[0].links.length`, &flowLinks),
		chromedp.Evaluate(`window.__pwned`, &pwned),
		chromedp.Evaluate(`document.querySelectorAll("details").forEach(function (d) { d.open = true; }); document.body.innerText`, &text),
	); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if state[id] != "drawn" {
			t.Errorf("chart %s: %s, want a drawn canvas", id, state[id])
		}
	}
	if nodes != len(r.Network.Nodes) {
		t.Errorf("network chart holds %d nodes, want %d", nodes, len(r.Network.Nodes))
	}
	if flowNodes != len(r.Flows.Nodes) || flowLinks != len(r.Flows.Links) || flowLinks == 0 {
		t.Errorf("Sankey chart holds %d nodes and %d links, want %d and %d (at least one link)", flowNodes, flowLinks, len(r.Flows.Nodes), len(r.Flows.Links))
	}
	// With no outlines the map is the dot map on the geo projection: no
	// longitude or latitude axis, and the page says why.
	var axes int
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(function (o) { return (o.xAxis || []).length + (o.yAxis || []).length + (o.geo || []).length * 100; })(echarts.getInstanceByDom(document.getElementById('chartGeo')).getOption())`, &axes)); err != nil {
		t.Fatal(err)
	}
	if axes != 100 {
		t.Errorf("dot map: %d axes and %d geo components, want none and one", axes%100, axes/100)
	}
	if !strings.Contains(text, "No area outlines were given to the report") {
		t.Error("the dot map does not say why it has no areas")
	}
	for _, name := range hostileNames {
		if !strings.Contains(text, name) {
			t.Errorf("page text does not show %q literally", name)
		}
	}

	// The colour switch recolours by cluster without an error.
	var legend []string
	if err := chromedp.Run(ctx,
		chromedp.Click(`button[data-colouring="1"]`, chromedp.ByQuery),
		chromedp.Evaluate(`echarts.getInstanceByDom(document.getElementById('chartNetwork')).getOption().legend[0].data.map(function (d) { return typeof d === 'string' ? d : d.name; })`, &legend),
		chromedp.Evaluate(`window.__pwned`, &pwned),
	); err != nil {
		t.Fatal(err)
	}
	if want := r.Network.Colourings[1].Categories; strings.Join(legend, "|") != strings.Join(want, "|") {
		t.Errorf("after the cluster switch the legend is %q, want %q", legend, want)
	}

	var shot []byte
	if err := chromedp.Run(ctx, chromedp.FullScreenshot(&shot, 80)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "report.jpg"), shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", filepath.Join(dir, "report.jpg"))
	if pwned {
		t.Error("a hostile name ran script (window.__pwned is true)")
	}
	if len(probs.dialogs) > 0 {
		t.Errorf("dialogs opened: %q", probs.dialogs)
	}
	if len(probs.errors) > 0 {
		t.Errorf("console errors or exceptions: %q", probs.errors)
	}
}

// TestBrowserEngland draws the embedded England report: every chart,
// the timeline and the cluster-transition Sankey included, with no
// console error.
func TestBrowserEngland(t *testing.T) {
	chrome, js := browserDeps(t)
	r := englandReport(t)
	s := struct{ N func() int }{func() int { return len(r.Network.Nodes) }}
	ids := r.ChartIDs()
	if !slices.Contains(ids, ChartFlows) || !slices.Contains(ids, ChartTimeline) || !slices.Contains(ids, ChartDensity) {
		t.Fatalf("England report charts %v lack the timeline or the Sankey", ids)
	}
	file := filepath.Join(t.TempDir(), "england.html")
	writeReportFile(t, file, r, HTMLOptions{InlineJS: js})
	ctx, cancel := browser(t, chrome)
	defer cancel()
	var probs pageProblems
	probs.listen(ctx)
	drawn := openReport(ctx, t, file, ids)
	t.Logf("England report drawn in %v", drawn)
	if err := chromedp.Run(ctx, chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	var state map[string]string
	var nodes, flowLinks int
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(fmt.Sprintf(chartState, `["`+strings.Join(ids, `","`)+`"]`), &state),
		chromedp.Evaluate(`echarts.getInstanceByDom(document.getElementById('chartNetwork')).getOption().series[0].data.length`, &nodes),
		chromedp.Evaluate(`echarts.getInstanceByDom(document.getElementById('chartFlows')).getOption().series[0].links.length`, &flowLinks),
	); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if state[id] != "drawn" {
			t.Errorf("chart %s: %s, want a drawn canvas", id, state[id])
		}
	}
	if nodes != s.N() {
		t.Errorf("network chart holds %d nodes, want all %d organisations", nodes, s.N())
	}
	if flowLinks != len(r.Flows.Links) || flowLinks == 0 {
		t.Errorf("Sankey holds %d links, want %d (and some)", flowLinks, len(r.Flows.Links))
	}
	if len(probs.errors) > 0 || len(probs.dialogs) > 0 {
		t.Errorf("console errors %q, dialogs %q", probs.errors, probs.dialogs)
	}
}

// englandReport builds the report of the embedded England data (seed 1)
// with its district outlines.
func englandReport(t testing.TB) *Report {
	t.Helper()
	d, err := datasets.Load("")
	if err != nil {
		t.Fatal(err)
	}
	// As partnet report: the engine applies the layer rule (England's
	// report analyses the collaboration layer).
	res, err := engine.Report(context.Background(), d.Network, engine.ReportOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	areas, err := geo.EnglandAreas()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(context.Background(), Source{Network: res.Network, Snapshot: res.Snapshot, Seed: 1, GeneratedAt: "now", Version: "test", Results: res,
		Areas: areas, AreasAttribution: geo.AreasAttribution})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
