package datasets

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A workbook's worksheets are scanned as XML before their rows are used,
// because the spreadsheet library reads some damage as less data without a
// word: a formula with no saved value (openpyxl and scripts write them)
// reads as an empty cell, a sheet cut short reads as its first rows, and a
// cell whose reference cannot be read is skipped. The scan also finds
// date-formatted cells in number columns, whose raw value is a day count
// (42461) and not the number the sheet shows. Each is an error naming the
// workbook, sheet and cell.

// numberColumns are the columns read as numbers, by normalised header: a
// date-formatted cell there is a mistake.
var numberColumns = map[string]bool{"weight": true, "population": true, "pop": true, "lat": true, "latitude": true,
	"lon": true, "lng": true, "long": true, "longitude": true, "value_gbp": true}

func init() {
	for _, a := range moneyAliases {
		numberColumns[a] = true
	}
}

// workbookParts maps each sheet name to its part in the zip, and lists
// which cell styles show dates or times.
type workbookParts struct {
	zr        *zip.Reader
	sheetPart map[string]string
	dateStyle map[int]bool
}

func openWorkbookParts(data []byte) (*workbookParts, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	wp := &workbookParts{zr: zr, sheetPart: map[string]string{}, dateStyle: map[int]bool{}}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := wp.decode("xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := wp.decode("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	for _, s := range wb.Sheets {
		wp.sheetPart[s.Name] = target[s.RID]
	}
	var styles struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := wp.decode("xl/styles.xml", &styles); err == nil {
		custom := map[int]string{}
		for _, f := range styles.NumFmts {
			custom[f.ID] = f.Code
		}
		for i, xf := range styles.Xfs {
			if code, ok := custom[xf.NumFmtID]; ok {
				wp.dateStyle[i] = dateFormatCode(code)
			} else {
				wp.dateStyle[i] = builtinDateFormat(xf.NumFmtID)
			}
		}
	}
	return wp, nil
}

// decode unmarshals a small part (workbook, relationships, styles; at most
// MaxXLSXUnzipXMLBytes); a missing part is an error.
func (wp *workbookParts) decode(name string, v any) error {
	f, err := wp.zr.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return xml.NewDecoder(io.LimitReader(f, MaxXLSXUnzipXMLBytes)).Decode(v)
}

// builtinDateFormat reports whether a built-in number format shows a date
// or time (ECMA-376 18.8.30: 14-22 and 45-47).
func builtinDateFormat(id int) bool {
	return id >= 14 && id <= 22 || id >= 45 && id <= 47
}

// dateFormatCode reports whether a custom number format code shows a date
// or time: a d, m, y, h or s outside quoted text, brackets (colours,
// currencies) and escaped characters.
func dateFormatCode(code string) bool {
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '[':
			inBracket = true
		case c == ']':
			inBracket = false
		case inBracket:
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal (or padding)
		default:
			switch c | 0x20 {
			case 'd', 'm', 'y', 'h', 's':
				return true
			}
		}
	}
	return false
}

// checkSheet scans one worksheet's XML, adding an error for a formula
// without a saved value, a cell reference that cannot be read, a
// date-formatted cell in a number column (by its header, the sheet's first
// row), and XML that is broken or
// ends early. label names the sheet in errors.
func (wp *workbookParts) checkSheet(sheet, label string, header []string, probs *Problems) {
	field := func(col int) string {
		if col >= 1 && col <= len(header) {
			return header[col-1]
		}
		return ""
	}
	part, ok := wp.sheetPart[sheet]
	if !ok {
		return
	}
	f, err := wp.zr.Open(part)
	if err != nil {
		probs.errorf(label, 0, "", wrapMsg(ErrMalformed, fmt.Sprintf("the sheet's part %s cannot be opened: %v", part, err)))
		return
	}
	defer f.Close()
	d := xml.NewDecoder(io.LimitReader(f, MaxXLSXUnzipBytes))
	fail := func(row, col int, field string, err error) {
		probs.add(&probs.Errors, &ParseError{File: label, Line: row, Column: col, Field: field, Err: err})
	}
	row, col := 0, 0
	var cell struct {
		ref            string
		style          int
		typ            string
		formula, value bool
		f              strings.Builder
		inF            bool
	}
	closed := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			what := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				what = se.Msg
			}
			probs.errorf(label, 0, "", wrapMsg(ErrMalformed, fmt.Sprintf("the sheet's XML is broken after row %d (%s, at XML line %d of %s): the workbook is damaged or cut short; open and save it again",
				row, what, line, part)))
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				next := row + 1
				if r, ok := attr(t, "r"); ok {
					n, err := strconv.Atoi(r)
					if err != nil || n < 1 || n > excelize.TotalRows {
						fail(next, 0, "", wrapMsg(ErrMalformed, fmt.Sprintf("row number %q is not a row (after row %d): the workbook is damaged", r, row)))
						n = next
					}
					next = n
				}
				row, col = next, 0
			case "c":
				cell.ref, cell.style, cell.typ, cell.formula, cell.value = "", 0, "", false, false
				col++
				if r, ok := attr(t, "r"); ok {
					cell.ref = r
					c, rw, err := excelize.CellNameToCoordinates(r)
					if err != nil || rw != row {
						fail(row, 0, "", wrapMsg(ErrMalformed, fmt.Sprintf("cell reference %q is not a cell of row %d: the workbook is damaged", r, row)))
					} else {
						col = c
					}
				}
				if s, ok := attr(t, "s"); ok {
					cell.style, _ = strconv.Atoi(s)
				}
				cell.typ, _ = attr(t, "t")
			case "f":
				cell.formula, cell.inF = true, true
				cell.f.Reset()
			case "v", "is":
				cell.value = true
			}
		case xml.CharData:
			if cell.inF {
				cell.f.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "f":
				cell.inF = false
			case "c":
				if cell.formula && !cell.value {
					fail(row, col, field(col), wrapMsg(ErrBadValue, fmt.Sprintf("a formula %s with no saved value: open the workbook in Excel or LibreOffice and save it, so that the values are stored", quoteID("="+clip(cell.f.String(), 40)))))
				} else if numberColumns[normHeader(field(col))] && cell.value && wp.dateStyle[cell.style] && (cell.typ == "" || cell.typ == "n") {
					fail(row, col, field(col), wrapMsg(ErrBadNumber, "the cell is formatted as a date or time in a number column: its value would be read as a day count; format it as a number"))
				}
			case "worksheet":
				closed = true
			}
		}
	}
	if !closed {
		probs.errorf(label, 0, "", wrapMsg(ErrMalformed, fmt.Sprintf("the sheet's XML ends after row %d without closing (the workbook is cut short); open and save it again", row)))
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
