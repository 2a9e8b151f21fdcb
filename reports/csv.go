package reports

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
)

// The CSV guard rule. Analysis tables (rankings, metrics, clusters, groups,
// timelines, batch summaries) are opened in spreadsheets by people other
// than their author, so every cell goes through SafeCell: a cell a
// spreadsheet would run as a formula is written as text. Dataset files
// (organisations.csv, partnerships.csv, ... written by datasets.WriteDir and
// partnet convert) are NOT guarded: they are partnet's input format and
// must read back exactly, and a guard would change the values (an id
// "-1" would become "'-1"). Open a dataset file in a spreadsheet with its
// columns imported as text.

// SafeCell guards one CSV cell against spreadsheet formula injection as
// OWASP recommends: a cell starting with '=', '+', '-', '@', a tab or a
// carriage return gets a leading single quote, so Excel, LibreOffice and
// Google Sheets show it as text instead of evaluating it. A plain finite
// number ("-1.5", "+2", "1e-3") is left alone: it cannot be a formula, and
// negative values are common in analysis tables (an E-I index of -0.4).
// Everything else, including the empty string, is returned unchanged.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
	default:
		return s
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(v, 0) && !math.IsNaN(v) && isDecimal(s) {
		return s
	}
	return "'" + s
}

// isDecimal reports whether s is written with only a sign, digits, one
// point and an exponent: ParseFloat also accepts "0x1p-2", "Inf" and
// underscores, which a spreadsheet would not read as a number.
func isDecimal(s string) bool {
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == '-', r == '+', r == 'e', r == 'E':
		default:
			return false
		}
	}
	return true
}

// CSVWriter writes analysis tables as CSV with every cell passed through
// SafeCell. Quoting of delimiters, quotes and line breaks is encoding/csv's.
type CSVWriter struct {
	w   *csv.Writer
	buf []string
}

// NewCSVWriter returns a guarded CSV writer on w.
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{w: csv.NewWriter(w)} }

// Write writes one record, each cell guarded.
func (c *CSVWriter) Write(record []string) error {
	c.buf = c.buf[:0]
	for _, f := range record {
		c.buf = append(c.buf, SafeCell(f))
	}
	return c.w.Write(c.buf)
}

// WriteAll writes the records and flushes.
func (c *CSVWriter) WriteAll(records [][]string) error {
	for _, r := range records {
		if err := c.Write(r); err != nil {
			return err
		}
	}
	return c.Flush()
}

// Flush writes any buffered data and returns the first write error.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}
