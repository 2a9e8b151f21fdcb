package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/partnet/partnet/analysis"
)

// WriteAnalyzeCSV writes the per-organisation table of an analysis as CSV:
// a header of snake_case field names (the same as the JSON
// "by_organisation" keys; a stable contract) and one row per organisation
// in rank order. Floats have 10 decimal places; undefined values are
// empty; booleans are true/false; text that a spreadsheet would read as a formula
// gets a leading apostrophe. Network figures are in the text and JSON
// outputs.
func WriteAnalyzeCSV(w io.Writer, a *analysis.Analysis) error {
	cw := NewCSVWriter(w) // cells guarded against formula injection
	cols := columnsFor(a)
	rec := make([]string, len(cols))
	for c, col := range cols {
		rec[c] = col.name
	}
	if err := cw.Write(rec); err != nil {
		return fmt.Errorf("analyze csv: %w", err)
	}
	for k := range a.Organisations {
		r := &a.Organisations[k]
		for c, col := range cols {
			rec[c] = csvValue(cell(col, k+1, r))
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("analyze csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("analyze csv: %w", err)
	}
	return nil
}

func csvValue(v any) string {
	switch v := v.(type) {
	case float64:
		return Num(v, "")
	case int:
		return strconv.Itoa(v)
	case bool:
		return strconv.FormatBool(v)
	case string:
		return spreadsheetSafe(v)
	}
	return fmt.Sprint(v)
}

// spreadsheetSafe prefixes a text cell that a spreadsheet would run as a
// formula (starting with =, +, -, @, tab or carriage return) with an
// apostrophe, as OWASP advises against CSV injection; organisation names
// are user data.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
