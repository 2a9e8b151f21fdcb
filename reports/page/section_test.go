package page

import (
	"bytes"
	"html/template"

	"github.com/go-echarts/go-echarts/v2/render"
	"slices"
	"strings"
	"testing"
)

// TestSectionsOnPage checks the registry: every registered section is on
// the page once, in Order, with its nav entry; chart ids and table names
// are unique.
func TestSectionsOnPage(t *testing.T) {
	r := hostileReport(t)
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	last := -1
	for _, s := range sections {
		tag := `<section id="` + s.ID + `">`
		if s.ID == "reproduce" {
			tag = `<footer id="reproduce">`
		}
		at := strings.Index(page, tag)
		if at < 0 || strings.Count(page, tag) != 1 {
			t.Errorf("section %s: %q found %d times, want once", s.ID, tag, strings.Count(page, tag))
			continue
		}
		if at < last {
			t.Errorf("section %s is out of order", s.ID)
		}
		last = at
		if s.Nav != "" && !strings.Contains(page, `<a href="#`+s.ID+`">`+template.HTMLEscapeString(s.Nav)+`</a>`) {
			t.Errorf("section %s has no nav link", s.ID)
		}
	}
	ids := r.ChartIDs()
	if len(slices.Compact(slices.Sorted(slices.Values(ids)))) != len(ids) {
		t.Errorf("chart ids repeat: %v", ids)
	}
	var names []string
	for _, tb := range r.Tables() {
		names = append(names, tb.Name)
	}
	if len(slices.Compact(slices.Sorted(slices.Values(names)))) != len(names) {
		t.Errorf("table names repeat: %v", names)
	}
}

// TestSectionRegistryAddsSection registers a section the way
// docs/architecture.md says a new one is added, and finds its builder's
// output, its chart, its block and its table on the page and in Tables.
func TestSectionRegistryAddsSection(t *testing.T) {
	saved := slices.Clone(sections)
	defer func() { sections = saved }()
	register(&section{
		ID: "extra", Nav: "Extra", Order: 45,
		Build: func(in *sectionInput, r *Report) error {
			r.Title += " [extra built]"
			return nil
		},
		Charts: func(r *Report) []sectionChart {
			return []sectionChart{chart("chartExtra", func() (render.Renderer, error) {
				return columnChart("chartExtra", "n", []string{"a"}, []float64{1})
			})}
		},
		Template: `<section id="extra"><h2>Extra</h2>{{index .Charts "chartExtra"}}</section>`,
		Tables:   func(r *Report) []Table { return []Table{{"extra", r.Degrees}} },
	})
	// The page template is built once per process; build a fresh one the
	// way pageTemplate does so the new block is parsed.
	r := hostileReport(t)
	if !strings.HasSuffix(r.Title, " [extra built]") {
		t.Errorf("the section's builder did not run: title %q", r.Title)
	}
	if !slices.Contains(r.ChartIDs(), "chartExtra") {
		t.Errorf("chart ids %v lack chartExtra", r.ChartIDs())
	}
	found := false
	for _, tb := range r.Tables() {
		found = found || tb.Name == "extra"
	}
	if !found {
		t.Error("Tables lacks the section's table")
	}
	tmpl := sectionTemplates(template.Must(template.New("report.html").Funcs(pageFuncs).ParseFS(templateFS, "templates/*.html")))
	d := pageData{Report: r, Charts: map[string]template.HTML{"chartExtra": "<div id=\"chartExtra\"></div>"}, Nav: navigation()}
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "section:extra", &d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<section id="extra"><h2>Extra</h2><div id="chartExtra"></div></section>`) {
		t.Errorf("block rendered as %q", buf.String())
	}
	if !slices.ContainsFunc(navigation(), func(n navEntry) bool { return n.ID == "extra" }) {
		t.Error("nav lacks the new section")
	}
}
