package page

import (
	"context"
	"fmt"
	"github.com/partnet/partnet/analysis/engine"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/datasets/synthetic"
	"github.com/partnet/partnet/graph"
)

// edgeCheck is what drawingCheckJS reports for a graph chart drawn with
// its edges alone.
type edgeCheck struct {
	Painted  int      `json:"painted"`
	Stray    int      `json:"stray"`
	StrayPts [][2]int `json:"strayPts"`
	Edges    int      `json:"edges"`
	Missing  int      `json:"missing"`
	MissPts  [][2]int `json:"missPts"`
	W, H     int
}

// hideNodesJS leaves only the edges of a graph chart on its canvas: the
// nodes are fully transparent and the legend and labels hidden. The edges
// keep the style the report gives them.
const hideNodesJS = `(function (id) {
  var chart = echarts.getInstanceByDom(document.getElementById(id));
  chart.setOption({ legend: [{ show: false }], tooltip: [{ show: false }],
    series: [{ itemStyle: { opacity: 0 }, label: { show: false }, emphasis: { disabled: true } }] });
  return true;
})(%q)`

// drawingCheckJS compares the painted pixels of a graph chart showing
// only its edges with a mask in which every edge of the chart's option is
// stroked as a straight segment between its two nodes' pixel positions
// (convertToPixel, so zoom and centring are ECharts' own), widened by pad
// pixels on each side. A painted pixel outside the mask is stray: a line
// that joins no two organisations. An edge longer than 6 px with no paint
// near 30%, 50% or 70% of its length is missing.
const drawingCheckJS = `(function (id, pad) {
  var el = document.getElementById(id), chart = echarts.getInstanceByDom(el);
  var s = chart.getOption().series[0], canvas = el.querySelector('canvas');
  var W = canvas.width, H = canvas.height, dpr = W / el.querySelector('canvas').clientWidth;
  var px = s.data.map(function (d) { return chart.convertToPixel({ seriesIndex: 0 }, [d.x, d.y]); });
  var mask = document.createElement('canvas'); mask.width = W; mask.height = H;
  var m = mask.getContext('2d'); m.lineCap = 'round'; m.strokeStyle = '#000';
  s.links.forEach(function (l) {
    var a = px[l.source], b = px[l.target];
    m.lineWidth = ((l.lineStyle && l.lineStyle.width) || 1) * dpr + 2 * pad * dpr;
    m.beginPath(); m.moveTo(a[0] * dpr, a[1] * dpr); m.lineTo(b[0] * dpr, b[1] * dpr); m.stroke();
  });
  var got = canvas.getContext('2d').getImageData(0, 0, W, H).data, want = m.getImageData(0, 0, W, H).data;
  var out = { painted: 0, stray: 0, strayPts: [], edges: s.links.length, missing: 0, missPts: [], W: W, H: H };
  for (var k = 3; k < got.length; k += 4) {
    if (got[k] > 8) {
      out.painted++;
      if (want[k] === 0) { out.stray++; if (out.strayPts.length < 10) out.strayPts.push([((k - 3) / 4) %% W, Math.floor((k - 3) / 4 / W)]); }
    }
  }
  s.links.forEach(function (l) {
    var a = px[l.source], b = px[l.target];
    if (Math.hypot(a[0] - b[0], a[1] - b[1]) < 6) { return; }
    var found = false;
    [0.3, 0.5, 0.7].forEach(function (t) {
      var x = Math.round((a[0] + t * (b[0] - a[0])) * dpr), y = Math.round((a[1] + t * (b[1] - a[1])) * dpr);
      for (var dx = -2; dx <= 2; dx++) { for (var dy = -2; dy <= 2; dy++) {
        var xx = x + dx, yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < W && yy < H && got[(yy * W + xx) * 4 + 3] > 8) { found = true; }
      } }
    });
    if (!found) { out.missing++; if (out.missPts.length < 10) { out.missPts.push([l.source, l.target]); } }
  });
  return out;
})(%q, %d)`

// checkDrawing hides the nodes of graph chart id, waits for ECharts to
// finish drawing, and fails t for any stray pixel or missing edge.
func checkDrawing(ctx context.Context, t *testing.T, id string) edgeCheck {
	t.Helper()
	var ok bool
	var c edgeCheck
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(fmt.Sprintf(hideNodesJS, id), &ok),
		chromedp.Sleep(1500*time.Millisecond),
		chromedp.Evaluate(fmt.Sprintf(drawingCheckJS, id, 2), &c),
	); err != nil {
		t.Fatal(err)
	}
	if c.Painted == 0 {
		t.Errorf("%s: nothing painted", id)
	}
	if c.Stray > 0 {
		t.Errorf("%s: %d of %d painted pixels lie on no edge (first at %v)", id, c.Stray, c.Painted, c.StrayPts)
	}
	if c.Missing > 0 {
		t.Errorf("%s: %d of %d edges have no paint along them (first %v)", id, c.Missing, c.Edges, c.MissPts)
	}
	t.Logf("%s: %d edges, %d painted pixels on a %dx%d canvas", id, c.Edges, c.Painted, c.W, c.H)
	return c
}

// TestBrowserDrawing draws the network map of four networks with its
// edges alone and checks every painted pixel lies on a tie between two
// drawn organisations and every tie has paint along it: England, Trafford's
// grants (a star of 323 grantees), Zachary's karate club and a generated
// network of 50,000 organisations (above the node budget, so drawn as the
// report draws large networks: the cluster summary map).
func TestBrowserDrawing(t *testing.T) {
	chrome, js := browserDeps(t)
	england, err := datasets.Load("")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		net   func(t *testing.T) *graph.Network
		large bool
	}{
		{"england", func(*testing.T) *graph.Network { return england.Network }, false},
		{"trafford-grants", func(*testing.T) *graph.Network { return england.Network.Filter(graph.Filter{Kinds: []string{"grant"}}) }, false},
		{"karate", karateNetwork, false},
		{"generated-50000", func(t *testing.T) *graph.Network {
			net, _, err := synthetic.Generate(synthetic.Options{Organisations: 50000, Seed: 3})
			if err != nil {
				t.Fatal(err)
			}
			return net
		}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.large && testing.Short() {
				t.Skip("-short: the 50,000-organisation report takes several seconds")
			}
			net := c.net(t)
			// The report's network: the collaboration layer when the
			// layer rule splits (England), else net.
			res, err := engine.Report(context.Background(), net, engine.ReportOptions{Seed: 1, NoGroups: c.large})
			if err != nil {
				t.Fatal(err)
			}
			net, s := res.Network, res.Snapshot
			r, err := Build(context.Background(), Source{Network: net, Snapshot: s, Seed: 1, GeneratedAt: "now", Version: "test", Results: res})
			if err != nil {
				t.Fatal(err)
			}
			if r.Network.Summary != c.large {
				t.Fatalf("summary map %v, want %v", r.Network.Summary, c.large)
			}
			file := filepath.Join(t.TempDir(), "report.html")
			writeReportFile(t, file, r, HTMLOptions{InlineJS: js})
			ctx, cancel := browser(t, chrome)
			defer cancel()
			openReport(ctx, t, file, r.ChartIDs())
			got := checkDrawing(ctx, t, ChartNetwork)
			if got.Edges != len(r.Network.Ties) {
				t.Errorf("chart holds %d ties, want %d", got.Edges, len(r.Network.Ties))
			}
		})
	}
}

// karateNetwork is Zachary's karate club from testdata/karate_edges.csv
// (written by networkx; see the file's first line).
func karateNetwork(t *testing.T) *graph.Network {
	t.Helper()
	data, err := os.ReadFile("testdata/karate_edges.csv")
	if err != nil {
		t.Fatal(err)
	}
	net := graph.NewNetwork()
	for k := 0; k < 34; k++ {
		if err := net.AddOrganisation(graph.Organisation{ID: fmt.Sprintf("m%d", k), Name: fmt.Sprintf("Member %d", k), Sector: "club"}); err != nil {
			t.Fatal(err)
		}
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	for _, line := range lines[2:] {
		var a, b int
		var w float64
		if _, err := fmt.Sscanf(line, "%d,%d,%g", &a, &b, &w); err != nil {
			t.Fatalf("karate_edges.csv: %q: %v", line, err)
		}
		if err := net.AddPartnership(graph.Partnership{Source: fmt.Sprintf("m%d", a), Target: fmt.Sprintf("m%d", b), Kind: "tie", Weight: w}); err != nil {
			t.Fatal(err)
		}
	}
	if s := net.Snapshot(graph.Weighting{}); s.N() != 34 || s.Ties() != 78 {
		t.Fatalf("karate: %d members and %d ties, want 34 and 78", s.N(), s.Ties())
	}
	return net
}
