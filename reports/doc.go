// Package reports turns analysis results into what people read: text
// tables, CSV and JSON (a stable contract, documented in the README) and the
// HTML report. Writers take an io.Writer; they never parse input.
package reports
