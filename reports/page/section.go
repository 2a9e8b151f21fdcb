package page

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"slices"

	"github.com/go-echarts/go-echarts/v2/render"
	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/graph"
)

// A Section is one part of the HTML report. Each lives in one file,
// section_<id>.go, which registers it from an init function: its id (the
// page anchor), its place on the page, the view builder that fills its
// part of the Report, its charts, its template block and its tables. The
// page (templates/report.html) ranges over the registered sections, the
// navigation bar lists them and WriteTables writes their tables, so adding
// a section touches its own file, the Report field it fills (report.go)
// and a test. docs/architecture.md walks through it.
type section struct {
	// ID is the section's anchor on the page (<section id="...">).
	ID string
	// Nav is its entry in the navigation bar ("" for none).
	Nav string
	// Order places it on the page, smallest first.
	Order int
	// Build fills the section's part of r from the analysis results; nil
	// when the core of Build already did. Builders run in Order, after the
	// core, so they can read every core field.
	Build func(in *sectionInput, r *Report) error
	// Charts lists the charts the section draws for r, in page order.
	Charts func(r *Report) []sectionChart
	// Template is the section's html/template text, executed with the
	// page's data (pageData: the Report's fields, .Charts, .Colourings).
	// It may use the page's functions (num, pct, label, join, ...).
	Template string
	// Tables are the tables behind the section, written by WriteTables.
	Tables func(r *Report) []Table
}

// sectionChart is one chart of a section: its id (also its container's id
// and a JavaScript identifier) and how to draw it.
type sectionChart struct {
	ID    string
	Build func() (render.Renderer, error)
}

// chart is a section's chart with its id and builder.
func chart(id string, build func() (render.Renderer, error)) sectionChart {
	return sectionChart{ID: id, Build: build}
}

// sectionInput is what a section's view builder may read.
type sectionInput struct {
	Net          *graph.Network
	Snapshot     *graph.Snapshot
	Src          *Source
	Results      *engine.ReportResult
	Groups       []string // each organisation's value of Src.By ("(none)" if empty)
	Membership   []int32  // cluster of each organisation; nil without clusters
	ClusterNames []string
}

var sections []*section

// register adds s to the page; it panics on a duplicate id or a template
// that does not parse (a programming error, caught by every test).
func register(s *section) {
	for _, o := range sections {
		if o.ID == s.ID {
			panic("reports: section " + s.ID + " registered twice")
		}
	}
	sections = append(sections, s)
	slices.SortStableFunc(sections, func(a, b *section) int { return cmp.Compare(a.Order, b.Order) })
}

// sectionTemplates parses every registered section's block as a template
// named "section:<id>" alongside the page's own templates.
func sectionTemplates(t *template.Template) *template.Template {
	for _, s := range sections {
		template.Must(t.New("section:" + s.ID).Parse(s.Template))
	}
	return t
}

// renderSections executes each section's block with d, in page order.
func renderSections(d *pageData) ([]template.HTML, error) {
	out := make([]template.HTML, 0, len(sections))
	for _, s := range sections {
		var buf bytes.Buffer
		if err := pageTemplate().ExecuteTemplate(&buf, "section:"+s.ID, d); err != nil {
			return nil, fmt.Errorf("report: section %s: %w", s.ID, err)
		}
		out = append(out, template.HTML(buf.String()))
	}
	return out, nil
}

// navEntry is one link of the navigation bar.
type navEntry struct{ ID, Text string }

func navigation() []navEntry {
	var out []navEntry
	for _, s := range sections {
		if s.Nav != "" {
			out = append(out, navEntry{s.ID, s.Nav})
		}
	}
	return out
}

// buildSections runs every section's view builder in page order.
func buildSections(in *sectionInput, r *Report) error {
	for _, s := range sections {
		if s.Build != nil {
			if err := s.Build(in, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// ChartIDs returns the ids of the charts WriteHTML draws for r, in page
// order.
func (r *Report) ChartIDs() []string {
	var ids []string
	for _, s := range sections {
		if s.Charts == nil {
			continue
		}
		for _, c := range s.Charts(r) {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// renderCharts builds every chart of r as an HTML snippet.
func (r *Report) renderCharts() (map[string]template.HTML, error) {
	out := map[string]template.HTML{}
	for _, s := range sections {
		if s.Charts == nil {
			continue
		}
		for _, c := range s.Charts(r) {
			ch, err := c.Build()
			if err != nil {
				return nil, fmt.Errorf("report: %w", err)
			}
			out[c.ID] = snippet(ch)
		}
	}
	return out, nil
}

// Tables returns every table behind the report's charts, in page order.
// Tables with no rows are included, so the set of files is stable.
func (r *Report) Tables() []Table {
	var out []Table
	for _, s := range sections {
		if s.Tables != nil {
			out = append(out, s.Tables(r)...)
		}
	}
	return out
}
