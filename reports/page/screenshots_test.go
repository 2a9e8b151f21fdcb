package page

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestScreenshots regenerates the README's screenshots of the England
// report: the map of council areas, the network map and the change view,
// each at 1400 px wide. It runs only when PARTNET_SCREENSHOTS names the
// folder to write them to:
//
//	PARTNET_SCREENSHOTS=$PWD/docs/img go test ./reports/page -run TestScreenshots
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("PARTNET_SCREENSHOTS")
	if dir == "" {
		t.Skip("set PARTNET_SCREENSHOTS to a folder to write the England report's screenshots")
	}
	chrome, js := browserDeps(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r := englandReport(t)
	file := filepath.Join(t.TempDir(), "england.html")
	writeReportFile(t, file, r, HTMLOptions{InlineJS: js})
	ctx, cancel := browser(t, chrome)
	defer cancel()
	if err := chromedp.Run(ctx, chromedp.EmulateViewport(1400, 1000)); err != nil {
		t.Fatal(err)
	}
	openReport(ctx, t, file, r.ChartIDs())
	// The page is 1100 px wide at most; widen it to the window.
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.body.style.maxWidth = '1360px';
			document.querySelectorAll('.item').forEach(function (el) { var c = echarts.getInstanceByDom(el); if (c) { c.resize(); } }); true`, nil),
		chromedp.Sleep(time.Second)); err != nil {
		t.Fatal(err)
	}
	for _, shot := range []struct{ sel, name string }{
		{"#geography", "england-map.png"},
		{"#network", "england-network.png"},
		{"#" + ChartFlows, "england-change.png"},
	} {
		var png []byte
		if err := chromedp.Run(ctx, chromedp.Screenshot(shot.sel, &png, chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, shot.name)
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", path, len(png))
	}
}
