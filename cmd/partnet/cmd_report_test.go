package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	structureRE = regexp.MustCompile(`(?s)<(h[1-3])[^>]*>(.*?)</h[1-3]>|<(section|header|footer) id="([^"]+)"|<thead><tr>(.*?)</tr></thead>|<div class="item" id="([^"]+)"|<dt>Generated</dt><dd>([^<]*)</dd>`)
	tagRE       = regexp.MustCompile(`<[^>]+>`)
)

// pageStructure reduces a report to its headings, section ids, chart
// containers and table headers, one a line: what the golden file pins,
// leaving out ECharts' bytes and the numbers in the charts.
func pageStructure(page string) string {
	var b strings.Builder
	for _, m := range structureRE.FindAllStringSubmatch(page, -1) {
		switch {
		case m[1] != "":
			b.WriteString(m[1] + " " + strings.TrimSpace(tagRE.ReplaceAllString(m[2], "")) + "\n")
		case m[3] != "":
			b.WriteString(m[3] + " #" + m[4] + "\n")
		case m[5] != "":
			cells := strings.Split(tagRE.ReplaceAllString(strings.ReplaceAll(m[5], "</th>", "|"), ""), "|")
			b.WriteString("  table: " + strings.Join(cells[:len(cells)-1], " | ") + "\n")
		case m[6] != "":
			b.WriteString("  chart #" + m[6] + "\n")
		default:
			b.WriteString("generated " + m[7] + "\n")
		}
	}
	return b.String()
}

func TestReportGolden(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "england.html")
	start := time.Now()
	code, _, stderr := runCLI(t, "report", "-q", "-o", out, "--tables", filepath.Join(dir, "tables"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Issue 5's target (England under 5 s) is measured by the benchmark
	// and README figures, not asserted here: a loaded CI machine would make
	// a timed unit test flaky. The time is logged for the record.
	t.Logf("England report built in %v", time.Since(start))
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "report_structure.txt", pageStructure(string(page)))
	if !strings.Contains(string(page), `<script src="https://go-echarts.github.io/go-echarts-assets/assets/echarts.min.js">`) {
		t.Error("default page does not load ECharts from go-echarts' host")
	}
	// The parameters table shows what ran, not the flag's zero.
	for _, want := range []string{"<tr><td>--stability-runs</td><td>5 (default)</td></tr>", "<tr><td>--betweenness-samples</td><td>exact (default)</td></tr>"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("parameters lack %s", want)
		}
	}
	for _, name := range []string{"figures.csv", "network_nodes.json", "block_density.csv", "central.json", "findings.csv", "finding_claims.csv"} {
		if _, err := os.Stat(filepath.Join(dir, "tables", name)); err != nil {
			t.Errorf("--tables: %v", err)
		}
	}
}

func TestReportAssets(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "fake-echarts.min.js")
	if err := os.WriteFile(js, []byte("window.fakeEcharts = '</script>';"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		args   []string
		code   int
		inPage string
	}{
		{"mirror", []string{"--assets-host", "http://mirror.local/js"}, 0, `<script src="http://mirror.local/js/echarts.min.js">`},
		{"inline", []string{"--inline-assets", js}, 0, `window.fakeEcharts = '<\/script>';`},
		{"both", []string{"--inline-assets", js, "--assets-host", "http://x/"}, 2, ""},
		{"missing inline file", []string{"--inline-assets", filepath.Join(dir, "nope.js")}, 2, ""},
		{"unknown size-by", []string{"--size-by", "closeness"}, 2, ""},
		{"zero resolution", []string{"--resolution", "0"}, 2, ""},
		{"size by betweenness", []string{"--size-by", "betweenness", "--no-groups"}, 0, `<td>--size-by</td><td>betweenness</td>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, c.name+".html")
			code, _, stderr := runCLI(t, append([]string{"report", "-q", "-o", out}, c.args...)...)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, stderr)
			}
			if c.code != 0 {
				if _, err := os.Stat(out); err == nil {
					t.Error("a failed run left a report behind")
				}
				return
			}
			page, _ := os.ReadFile(out)
			if !strings.Contains(string(page), c.inPage) {
				t.Errorf("page does not contain %q", c.inPage)
			}
		})
	}
}
