// Package page builds partnet's HTML report: Build turns a network and the
// engine's report results into a Report (the page's view model, with its
// findings in plain sentences), WriteHTML renders it as one self-contained
// page with go-echarts charts, and WriteTables writes the tables behind
// every section as CSV and JSON.
//
// Each section of the page lives in one file, section_<id>.go, which
// registers its id, view builder, charts, template block and tables; the
// page template (templates/report.html) ranges over the registered
// sections. docs/architecture.md walks through adding one. Organisation
// names are data everywhere: escaped in the HTML and kept out of scripts.
// On an empty network every section is empty and the findings say so.
package page
