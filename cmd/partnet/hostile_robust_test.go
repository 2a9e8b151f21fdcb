package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// hostileNames are organisation names that try to be code somewhere:
// markup and script in HTML, go-echarts' function marker, template
// syntax, spreadsheet formulas, terminal escapes, a right-to-left
// override, XML and DOT syntax, and a very long string.
var hostileNames = []string{
	"</script><script>alert(1)</script>",
	"<img src=x onerror=alert(2)>",
	"__f__function(){alert(3)}__f__",
	"{{.}} {{template \"x\"}} ${7*7}",
	"=HYPERLINK(\"http://evil.example\",\"click\")",
	"@SUM(A1:A9)",
	"+44 161 912 1212",
	"-2+3",
	"\x1b[31mred\x1b[0m and bell\a",
	"\u202egnp.exe Trust",
	"]]> <!-- --> <?xml?> &amp; &lt;",
	"a\" -> \"b\"; digraph x {",
	"line one\nline two",
	strings.Repeat("very long name ", 20000),
}

// hostileFolder writes a dataset whose organisations carry hostileNames
// (also as a sector and an attribute) and are tied in a ring.
func hostileFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "hostile")
	os.MkdirAll(dir, 0o755)
	var orgs, ties strings.Builder
	ow, tw := csv.NewWriter(&orgs), csv.NewWriter(&ties)
	ow.Write([]string{"id", "name", "sector", "notes"})
	tw.Write([]string{"source", "target", "kind", "programme"})
	for i, n := range hostileNames {
		id := "o" + strconv.Itoa(i)
		ow.Write([]string{id, n, []string{"council", "third_sector", "agency"}[i%3], n})
		tw.Write([]string{id, "o" + strconv.Itoa((i+1)%len(hostileNames)), "shared_service", hostileNames[(i+3)%len(hostileNames)][:min(40, len(hostileNames[(i+3)%len(hostileNames)]))]})
	}
	ow.Flush()
	tw.Flush()
	os.WriteFile(filepath.Join(dir, "organisations.csv"), []byte(orgs.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "partnerships.csv"), []byte(ties.String()), 0o644)
	return dir
}

// TestHostileNamesInReport: the HTML report carries hostile names as text
// (no raw markup, script or function marker from the data survives), and
// its CSV tables are guarded against formula injection.
func TestHostileNamesInReport(t *testing.T) {
	data := hostileFolder(t)
	out := t.TempDir()
	html, tables := filepath.Join(out, "r.html"), filepath.Join(out, "tables")
	code, _, stderr := runCLI(t, "report", data, "-q", "-o", html, "--tables", tables)
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	// Markup from the data never appears as markup; inside script blocks
	// (the chart options) it appears only escaped, and go-echarts'
	// function marker __f__ never appears raw, or the chart library would
	// turn the name into code.
	for _, raw := range []string{"<script>alert(1)", "<img src=x"} {
		if strings.Contains(string(page), raw) {
			t.Errorf("report holds %q unescaped", raw)
		}
	}
	rest := string(page)
	for {
		i := strings.Index(rest, "<script")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "</script>")
		if j < 0 {
			t.Fatal("unclosed script block")
		}
		body := rest[i+len("<script") : i+j]
		for _, raw := range []string{"__f__function", "<img", "<script", "{{template \"x\"}}\n"} {
			if strings.Contains(body, raw) {
				t.Errorf("a script block holds %q unescaped", raw)
			}
		}
		rest = rest[i+j+len("</script>"):]
	}
	csvs, _ := filepath.Glob(filepath.Join(tables, "*.csv"))
	if len(csvs) == 0 {
		t.Fatal("no CSV tables written")
	}
	for _, p := range csvs {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Errorf("%s: not valid CSV: %v", p, err)
			continue
		}
		for _, r := range recs {
			for _, cell := range r {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					if _, err := strconv.ParseFloat(cell, 64); err != nil {
						t.Errorf("%s: cell %.40q would run as a formula", filepath.Base(p), cell)
					}
				}
			}
		}
	}
}

// TestHostileNamesInJSON: summary's JSON stays valid with hostile data.
func TestHostileNamesInJSON(t *testing.T) {
	code, out, stderr := runCLI(t, "summary", hostileFolder(t), "-q", "--format", "json")
	if code != 0 {
		t.Fatalf("summary: exit %d: %s", code, stderr)
	}
	if !json.Valid([]byte(out)) {
		t.Errorf("summary JSON is not valid:\n%.300s", out)
	}
}
