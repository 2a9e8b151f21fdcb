package page

import (
	"bytes"
	"context"
	"fmt"
	"github.com/partnet/partnet/analysis/engine"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/partnet/partnet/graph"
)

// hostileNames are organisation, sector and title texts that would run
// script if a report let them through as markup or JavaScript. The ones
// that call alert are caught by the browser test's trap; the others set
// the trap's flag directly.
var hostileNames = []string{
	`</script><script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`__f__alert(1)__f__`,
	`__f__function(){window.__pwned=true}()__f__`,
	`<!--<script>window.__pwned=true</script>`,
	`'; window.__pwned=true; '`,
	"line\u2028break & <b>bold</b>",
}

// hostileNetwork is a small dated network of three sectors and three
// planted clusters whose organisation names, one sector, partnership names
// and the title are hostile. Ties start between 2018 and 2021; two
// organisations are abolished in 2020 and succeeded by a third.
func hostileNetwork(t testing.TB) (*graph.Network, *graph.Snapshot) {
	t.Helper()
	net := graph.NewNetwork()
	net.Meta = graph.Metadata{Title: `Report <script>alert(1)</script>`, Description: hostileNames[1], Source: hostileNames[2], Licence: "OGL"}
	sectors := []string{"council", "agency", hostileNames[1]}
	const n = 30
	for i := 0; i <= n; i++ {
		name := fmt.Sprintf("Organisation %d", i)
		if i < len(hostileNames) {
			name = hostileNames[i]
		}
		o := graph.Organisation{ID: fmt.Sprintf("org%02d", i), Name: name, Sector: sectors[i%3], Region: []string{"north", "south"}[i%2]}
		if i%4 != 3 {
			o.Lat, o.Lon, o.HasLocation = 50+float64(i)/10, -3+float64(i%7)/5, true
		}
		switch i {
		case 27, 24:
			o.End, o.Successors = time.Date(2020, 3, 31, 0, 0, 0, 0, time.UTC), []string{"org30"}
		case n:
			o.Name, o.Sector, o.Start = hostileNames[0]+" successor", "council", time.Date(2020, 4, 1, 0, 0, 0, 0, time.UTC)
		}
		if err := net.AddOrganisation(o); err != nil {
			t.Fatal(err)
		}
	}
	kinds := []string{"shared_service", "joint_plan", "statutory_body"}
	for i := 0; i < n; i++ {
		for _, d := range []int{1, 2, 3, 10} {
			j := (i + d) % n
			if d != 10 && i/10 != j/10 {
				continue
			}
			p := graph.Partnership{Source: fmt.Sprintf("org%02d", i), Target: fmt.Sprintf("org%02d", j), Kind: kinds[(i+d)%3],
				Name: hostileNames[(i+d)%len(hostileNames)], Weight: 1 + float64((i*j)%3),
				Start: time.Date(2018+(i+d)%4, 6, 1, 0, 0, 0, 0, time.UTC)}
			if err := net.AddPartnership(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	return net, net.Snapshot(graph.Weighting{})
}

func hostileReport(t testing.TB) *Report {
	t.Helper()
	net, s := hostileNetwork(t)
	res, err := engine.Report(context.Background(), net, engine.ReportOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(context.Background(), Source{
		Network: net, Snapshot: s, Dataset: "testdata/" + hostileNames[0], Version: "test",
		GeneratedAt: "2026-01-01T00:00:00Z", Seed: 1, Results: res,
		Inputs:     []Input{{Name: hostileNames[2], SHA256: strings.Repeat("ab", 32)}},
		Parameters: []Figure{{Label: "--by", Value: "sector"}, {Label: "--title", Value: hostileNames[0]}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func writeReportFile(t testing.TB, path string, r *Report, o HTMLOptions) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, o); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHostileNamesNeverRawInScripts checks the page source: no script
// block holds a '<' (so none can be ended early by data) or "__f__", and
// the hostile names appear only as escaped text.
func TestHostileNamesNeverRawInScripts(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteHTML(&buf, hostileReport(t), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	rest, scripts := page, 0
	for {
		start := strings.Index(rest, "<script")
		if start < 0 {
			break
		}
		open := start + strings.Index(rest[start:], ">") + 1
		end := strings.Index(rest[open:], "</script>")
		if end < 0 {
			t.Fatalf("unclosed script block at byte %d", len(page)-len(rest)+start)
		}
		body := rest[open : open+end]
		scripts++
		if strings.Contains(body, "<") || strings.Contains(body, "__f__") {
			t.Errorf("script block %d holds '<' or __f__: %.200q", scripts, body)
		}
		rest = rest[open+end+len("</script>"):]
	}
	if scripts < 5 {
		t.Errorf("found %d script blocks, want one per chart and more", scripts)
	}
	for _, bad := range []string{"<script>alert(1)", "<img src=x", "<b>bold"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds raw %q", bad)
		}
	}
}

func TestChartTextRoundTrip(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain", "plain"},
		{"a<b>&c", `a\u003cb\u003e\u0026c`},
		{"__f__x__f__", `\u005f\u005ff\u005f\u005fx\u005f\u005ff\u005f\u005f`},
		{"\u2028", `\u2028`},
		{"\uE000", "\uFFFD"},
	}
	for _, c := range cases {
		if got := finishScript(chartText(c.in)); got != c.want {
			t.Errorf("finishScript(chartText(%q)) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestChartsRejectNaN(t *testing.T) {
	v := &NetworkView{Nodes: []MapNode{{ID: "a", X: math.NaN()}}}
	if _, err := networkChart("x", v); err == nil || !strings.Contains(err.Error(), "NaN") {
		t.Errorf("networkChart with a NaN coordinate: err = %v, want one naming NaN", err)
	}
	if _, err := barChart("x", "s", []string{"a"}, []float64{math.Inf(1)}); err == nil {
		t.Error("barChart with +Inf: no error")
	}
}
