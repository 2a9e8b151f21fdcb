package datasets

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/partnet/partnet/graph"
	"github.com/xuri/excelize/v2"
)

// Limits on a workbook, so a zip bomb is refused rather than unpacked.
var (
	// MaxXLSXBytes is the largest .xlsx file read.
	MaxXLSXBytes int64 = 256 << 20
	// MaxXLSXUnzipBytes caps the unpacked size of all the workbook's parts
	// (excelize's UnzipSizeLimit).
	MaxXLSXUnzipBytes int64 = 1 << 30
	// MaxXLSXUnzipXMLBytes caps the unpacked size of one worksheet or the
	// shared strings held in memory; bigger ones are unpacked to a
	// temporary file (excelize's UnzipXMLSizeLimit).
	MaxXLSXUnzipXMLBytes int64 = 64 << 20
)

// Sheet names of a workbook dataset; the dataset sheet is optional and
// holds key/value rows (title, description, source, licence).
const (
	SheetOrganisations = "organisations"
	SheetPartnerships  = "partnerships"
	SheetArrangements  = "arrangements"
	SheetMembers       = "members"
	SheetDataset       = "dataset"
)

// ReadXLSX reads a workbook laid out like a dataset folder: sheets named
// organisations, partnerships, arrangements and members (case-insensitive,
// ".csv" allowed at the end) whose first row is the header, and an
// optional sheet dataset of key/value rows. Cells are read raw (no number
// format applied); a date column (start, end) holding an Excel date serial
// is converted to YYYY-MM-DD. Other sheets are ignored. Each problem is a
// ParseError whose File is "book.xlsx[sheet]", Line the row, Column the
// column, and whose message names the cell:
//
//	book.xlsx[partnerships]:12: column "weight": cell D12: "abc" is not a number
func ReadXLSX(r io.Reader, file string) (*graph.Network, *Problems, error) {
	probs := &Problems{}
	data, err := readAllLimit(r, MaxXLSXBytes, file)
	if err != nil {
		return nil, probs, err
	}
	book, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxXLSXUnzipBytes, UnzipXMLSizeLimit: MaxXLSXUnzipXMLBytes})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			err = fmt.Errorf("%w: %v", ErrTooLarge, err)
		} else {
			err = fmt.Errorf("%w: not a readable .xlsx workbook: %v", ErrMalformed, err)
		}
		return nil, probs, &ParseError{File: file, Err: err}
	}
	defer book.Close()
	label := func(sheet string) string { return file + "[" + sheet + "]" }
	sheets := map[string]string{}
	for _, s := range book.GetSheetList() {
		key := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), ".csv")
		first, dup := sheets[key]
		if !dup {
			sheets[key] = s
			continue
		}
		switch key {
		case SheetOrganisations, SheetPartnerships, SheetArrangements, SheetMembers, SheetDataset:
			probs.errorf(label(s), 0, "", wrapMsg(ErrMalformed, fmt.Sprintf("sheets %s and %s are both the %s table: rename or delete one", quoteID(first), quoteID(s), key)))
		}
	}
	parts, err := openWorkbookParts(data)
	if err != nil {
		parts = nil // excelize read it; a layout the scan does not know is not checked
	}
	set := recordSet{requireTies: true}
	if s, ok := sheets[SheetDataset]; ok {
		rows, err := book.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, probs, &ParseError{File: label(s), Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
		}
		readDatasetSheet(rows, label(s), &set.meta, probs)
	}
	tables := []struct {
		sheet string
		dst   **table
	}{{SheetOrganisations, &set.orgs}, {SheetPartnerships, &set.parts}, {SheetArrangements, &set.arrs}, {SheetMembers, &set.mems}}
	for _, t := range tables {
		s, ok := sheets[t.sheet]
		if !ok {
			continue
		}
		rows, err := book.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, probs, &ParseError{File: label(s), Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
		}
		if parts != nil {
			var header []string
			if len(rows) > 0 {
				header = rows[0]
			}
			parts.checkSheet(s, label(s), header, probs)
		}
		if len(rows) == 0 || len(rows[0]) == 0 {
			probs.errorf(label(s), 0, "", fmt.Errorf("%w: no header row", ErrEmptyFile))
			continue
		}
		*t.dst = sheetTable(rows, label(s), probs)
	}
	if set.orgs == nil && len(probs.Errors) == 0 {
		probs.errorf(file, 0, "", fmt.Errorf("%w: a workbook needs a sheet named %s (it has %s)", ErrMissingFile, SheetOrganisations, strings.Join(book.GetSheetList(), ", ")))
	}
	if (set.arrs == nil) != (set.mems == nil) && len(probs.Errors) == 0 {
		probs.errorf(file, 0, "", fmt.Errorf("%w: sheets %s and %s go together", ErrMissingFile, SheetArrangements, SheetMembers))
	}
	var net *graph.Network
	if len(probs.Errors) == 0 {
		net, err = set.build(probs)
	} else {
		err = probs.Err()
	}
	nameCells(probs)
	if err != nil {
		return nil, probs, probs.Err()
	}
	return net, probs, nil
}

// sheetTable makes a table of a sheet's rows: row 1 is the header, and
// date serials in date columns become YYYY-MM-DD.
func sheetTable(rows [][]string, file string, probs *Problems) *table {
	header := rows[0]
	dateCol := make([]bool, len(header))
	for i, h := range header {
		switch normHeader(h) {
		case "start", "end", "start_date", "end_date":
			dateCol[i] = true
		}
	}
	k := 1
	return newRecordTable(file, header, func() ([]string, int, error) {
		if k >= len(rows) {
			return nil, 0, io.EOF
		}
		row := rows[k]
		k++
		for i, v := range row {
			if i < len(dateCol) && dateCol[i] {
				row[i] = excelDate(v)
			}
		}
		return row, k, nil
	}, probs)
}

// excelDate turns an Excel date serial (days since 1899-12-30; from 10000,
// 1927-05-18, so that a bare year is not taken for one) into YYYY-MM-DD;
// other text is returned as it is.
func excelDate(v string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f < 10000 || f > 2958465 || math.IsNaN(f) {
		return v
	}
	t, err := excelize.ExcelDateToTime(f, false)
	if err != nil {
		return v
	}
	return t.Format(DateLayout)
}

func readDatasetSheet(rows [][]string, file string, meta *graph.Metadata, probs *Problems) {
	for i, row := range rows {
		if len(row) == 0 || strings.TrimSpace(row[0]) == "" {
			continue
		}
		v := ""
		if len(row) > 1 {
			v = row[1]
		}
		switch normHeader(row[0]) {
		case "title":
			meta.Title = v
		case "description":
			meta.Description = v
		case "source":
			meta.Source = v
		case "licence", "license":
			meta.Licence = v
		case "key", "field":
			// a header row
		default:
			probs.warnf(file, i+1, "", fmt.Errorf("unknown key %q ignored (expected title, description, source, licence)", row[0]))
		}
	}
}

// nameCells adds "cell D12: " to workbook problems that point at a cell.
func nameCells(probs *Problems) {
	for _, list := range [][]*ParseError{probs.Errors, probs.Warnings} {
		for _, e := range list {
			if e.Line > 0 && e.Column > 0 && strings.HasSuffix(e.File, "]") {
				if cell, err := excelize.CoordinatesToCellName(e.Column, e.Line); err == nil {
					e.Err = &cellError{cell: cell, err: e.Err}
				}
			}
		}
	}
}

type cellError struct {
	cell string
	err  error
}

func (e *cellError) Error() string { return "cell " + e.cell + ": " + e.err.Error() }
func (e *cellError) Unwrap() error { return e.err }

// WriteXLSX writes net as a workbook: sheets organisations, partnerships
// (when there are any), arrangements and members (when there are
// arrangements) with the CSV files' columns, and dataset with the metadata.
// Numbers are number cells, dates YYYY-MM-DD text (so no spreadsheet
// reinterprets them), everything else text. It fails on a cell longer
// than Excel's 32,767 characters.
func WriteXLSX(w io.Writer, net *graph.Network) error {
	book := excelize.NewFile()
	defer book.Close()
	first := book.GetSheetName(0)
	if err := book.SetSheetName(first, SheetOrganisations); err != nil {
		return err
	}
	num := func(v float64) any { return v }
	orgExtra := attrKeys(net.NumOrganisations(), func(i int) map[string]string { return net.Organisation(i).Attrs })
	err := writeSheet(book, SheetOrganisations,
		append([]string{"id", "name", "sector", "type", "region", "parent", "population", "lat", "lon", "start", "end", "successor"}, orgExtra...),
		net.NumOrganisations(), func(i int) []any {
			o := net.Organisation(i)
			row := []any{o.ID, o.Name, o.Sector, o.Type, o.Region, o.Parent, nil, nil, nil, fmtDate(o.Start), fmtDate(o.End), strings.Join(o.Successors, ";")}
			if o.Population != 0 {
				row[6] = o.Population
			}
			if o.HasLocation {
				row[7], row[8] = num(o.Lat), num(o.Lon)
			}
			return appendAttrs(row, orgExtra, o.Attrs)
		})
	if err != nil {
		return err
	}
	if net.NumPartnerships() > 0 {
		extra := attrKeys(net.NumPartnerships(), func(i int) map[string]string { return net.Partnership(i).Attrs })
		err := writeSheet(book, SheetPartnerships,
			append([]string{"source", "target", "kind", "weight", "service_area", "programme", "start", "end", "value_gbp", "id", "name"}, extra...),
			net.NumPartnerships(), func(i int) []any {
				p := net.Partnership(i)
				row := []any{p.Source, p.Target, p.Kind, num(p.Weight), p.ServiceArea, p.Programme, fmtDate(p.Start), fmtDate(p.End), nil, p.ID, p.Name}
				if p.HasValue {
					row[8] = num(p.ValueGBP)
				}
				return appendAttrs(row, extra, p.Attrs)
			})
		if err != nil {
			return err
		}
	}
	if net.NumArrangements() > 0 {
		extra := attrKeys(net.NumArrangements(), func(i int) map[string]string { return net.Arrangement(i).Attrs })
		err := writeSheet(book, SheetArrangements,
			append([]string{"id", "name", "kind", "service_area", "programme", "start", "end", "value_gbp"}, extra...),
			net.NumArrangements(), func(i int) []any {
				a := net.Arrangement(i)
				row := []any{a.ID, a.Name, a.Kind, a.ServiceArea, a.Programme, fmtDate(a.Start), fmtDate(a.End), nil}
				if a.HasValue {
					row[7] = num(a.ValueGBP)
				}
				return appendAttrs(row, extra, a.Attrs)
			})
		if err != nil {
			return err
		}
		ms := net.Memberships()
		err = writeSheet(book, SheetMembers, []string{"arrangement_id", "organisation_id", "role"}, len(ms), func(i int) []any {
			return []any{ms[i].ArrangementID, ms[i].OrganisationID, ms[i].Role}
		})
		if err != nil {
			return err
		}
	}
	m := net.Meta
	if m != (graph.Metadata{}) {
		rows := [][]any{{"key", "value"}, {"title", m.Title}, {"description", m.Description}, {"source", m.Source}, {"licence", m.Licence}}
		err := writeSheet(book, SheetDataset, nil, len(rows), func(i int) []any { return rows[i] })
		if err != nil {
			return err
		}
	}
	return book.Write(w)
}

func appendAttrs(row []any, keys []string, attrs map[string]string) []any {
	for _, k := range keys {
		row = append(row, attrs[k])
	}
	return row
}

// writeSheet streams a header (when not nil) and n rows into a sheet,
// creating it when needed. Empty strings and nils leave the cell empty.
func writeSheet(book *excelize.File, sheet string, header []string, n int, row func(i int) []any) error {
	if idx, _ := book.GetSheetIndex(sheet); idx < 0 {
		if _, err := book.NewSheet(sheet); err != nil {
			return err
		}
	}
	sw, err := book.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	r := 1
	put := func(vals []any) error {
		for i, v := range vals {
			if s, ok := v.(string); ok && s == "" {
				vals[i] = nil
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		r++
		if err := sw.SetRow(cell, vals); err != nil {
			return fmt.Errorf("xlsx: sheet %s, row %d: %w", sheet, r-1, err)
		}
		return nil
	}
	if header != nil {
		h := make([]any, len(header))
		for i, s := range header {
			h[i] = s
		}
		if err := put(h); err != nil {
			return err
		}
	}
	for i := 0; i < n; i++ {
		if err := put(row(i)); err != nil {
			return err
		}
	}
	return sw.Flush()
}
