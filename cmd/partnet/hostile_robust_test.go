package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/partnet/partnet/datasets"
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

// hostileFolderWithout is hostileFolder less the names starting with
// prefix.
func hostileFolderWithout(t *testing.T, prefix string) string {
	t.Helper()
	saved := hostileNames
	defer func() { hostileNames = saved }()
	var keep []string
	for _, n := range hostileNames {
		if !strings.HasPrefix(n, prefix) {
			keep = append(keep, n)
		}
	}
	hostileNames = keep
	return hostileFolder(t)
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

// TestHostileNamesInConvertedFiles: converted to JSON, GraphML and GEXF,
// hostile names give well-formed files that read back to the same data;
// DOT escapes them inside quoted ids and labels.
func TestHostileNamesInConvertedFiles(t *testing.T) {
	data := hostileFolder(t)
	dir := t.TempDir()
	for _, ext := range []string{"json", "graphml", "gexf", "dot"} {
		t.Run(ext, func(t *testing.T) {
			src := data
			out := filepath.Join(dir, "h."+ext)
			code, _, stderr := runCLI(t, "convert", src, out, "-q")
			if ext == "graphml" || ext == "gexf" {
				// XML 1.0 cannot carry C0 control characters at all (not
				// even as &#27;): the writer refuses, naming the value, with
				// exit code 3, and writes nothing.
				if code != exitInput || !strings.Contains(stderr, "XML cannot carry") {
					t.Fatalf("convert with control characters: exit %d, stderr %q; want a refusal", code, stderr)
				}
				if _, err := os.Stat(out); err == nil {
					t.Fatal("a refused conversion left a file")
				}
				src = hostileFolderWithout(t, "\x1b[31m")
				code, _, stderr = runCLI(t, "convert", src, out, "-q")
			}
			orig, err := datasets.Load(src)
			if err != nil {
				t.Fatal(err)
			}
			if code != 0 {
				t.Fatalf("convert: exit %d: %s", code, stderr)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			switch ext {
			case "json":
				if !json.Valid(b) {
					t.Fatal("not valid JSON")
				}
			case "graphml", "gexf":
				dec := xml.NewDecoder(bytes.NewReader(b))
				for {
					_, err := dec.Token()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("not well-formed XML: %v", err)
					}
				}
			case "dot":
				checkDOT(t, string(b))
				return
			}
			back, err := datasets.Load(out)
			if err != nil {
				t.Fatalf("does not read back: %v", err)
			}
			for i := 0; i < orig.Network.NumOrganisations(); i++ {
				want := orig.Network.Organisation(i)
				o := back.Network.OrganisationByID(want.ID)
				if o == nil || o.Name != want.Name {
					t.Errorf("organisation %s: read back as %+.60v, want name %.60q", want.ID, o, want.Name)
				}
			}
			if d := datasets.Diff(orig.Network, back.Network); d != "" && ext == "json" {
				t.Errorf("JSON round trip changed the data: %.300s", d)
			}
		})
	}
}

// checkDOT checks that every double-quoted string in a DOT file is closed
// on its line or escapes its line breaks, and that no statement is
// injected: the file has exactly one graph and its braces balance outside
// quotes.
func checkDOT(t *testing.T, s string) {
	t.Helper()
	depth, graphs, inQuote := 0, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inQuote && c == '\\':
			i++
		case c == '"':
			inQuote = !inQuote
		case inQuote && c == '\n':
			t.Fatalf("raw line break inside a quoted DOT string near %.60q", s[max(0, i-30):i])
		case !inQuote && c == '{':
			if depth == 0 {
				graphs++
			}
			depth++
		case !inQuote && c == '}':
			depth--
		}
	}
	if inQuote || depth != 0 || graphs != 1 {
		t.Errorf("DOT structure broken: open quote %v, brace depth %d, %d graphs", inQuote, depth, graphs)
	}
}

// TestHostileNamesInCSVTables: every analysis command's CSV output keeps
// hostile names as guarded text (no cell a spreadsheet would run).
func TestHostileNamesInCSVTables(t *testing.T) {
	data := hostileFolder(t)
	for _, args := range [][]string{
		{"analyze", data, "--format", "csv"},
		{"clusters", data, "--format", "csv", "--compare", "none"},
		{"groups", data, "--format", "csv"},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, out, stderr := runCLI(t, append(args, "-q")...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatalf("not valid CSV: %v", err)
			}
			names := 0
			for _, r := range recs {
				for _, cell := range r {
					if strings.Contains(cell, "HYPERLINK") {
						names++
					}
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						if _, err := strconv.ParseFloat(cell, 64); err != nil {
							t.Errorf("cell %.40q would run as a formula", cell)
						}
					}
				}
			}
			t.Logf("%d rows, %d cells with the formula name", len(recs), names)
		})
	}
}
