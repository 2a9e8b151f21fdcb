// Package reports turns analysis results into what people read from the
// per-verb commands: text tables, CSV and JSON (a stable contract,
// documented in docs/output-contract.md), with the number formatting, CSV
// cell safety and terminal-safe text every output shares. The HTML report
// page is in reports/page and batch runs in reports/batch. Writers take an
// io.Writer; they never parse input.
package reports
