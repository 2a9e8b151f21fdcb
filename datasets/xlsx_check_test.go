package datasets

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// damageBook builds a small valid workbook (organisations a, b, c;
// partnerships a-b, b-c, a-c with weights), lets edit change it, saves it,
// and lets rewrite change the saved XML of the partnerships sheet.
func damageBook(t *testing.T, edit func(*excelize.File), rewrite func(string) string) []byte {
	t.Helper()
	book := excelize.NewFile()
	book.SetSheetName("Sheet1", "organisations")
	book.NewSheet("partnerships")
	for i, row := range [][]any{{"id", "name"}, {"a", "A"}, {"b", "B"}, {"c", "C"}} {
		book.SetSheetRow("organisations", "A"+itoa(i+1), &row)
	}
	for i, row := range [][]any{{"source", "target", "weight"}, {"a", "b", 2}, {"b", "c", 3}, {"a", "c", 4}} {
		book.SetSheetRow("partnerships", "A"+itoa(i+1), &row)
	}
	if edit != nil {
		edit(book)
	}
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if rewrite == nil {
		return buf.Bytes()
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		if f.Name == "xl/worksheets/sheet2.xml" {
			b = []byte(rewrite(string(b)))
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return out.Bytes()
}

func itoa(i int) string { return strconv.Itoa(i) }

var makeXLSXCorpus = flag.Bool("make-xlsx-corpus", false, "write the damaged-workbook cases of testdata/bad")

// TestMakeXLSXCorpus writes the bad-input corpus's workbook cases (run with
// -make-xlsx-corpus, then -update-corpus, and read the expected lines).
func TestMakeXLSXCorpus(t *testing.T) {
	if !*makeXLSXCorpus {
		t.Skip("run with -make-xlsx-corpus to rewrite the workbook corpus cases")
	}
	for name, data := range map[string][]byte{
		"xlsx-formula-no-value": damageBook(t, func(b *excelize.File) {
			b.SetCellValue("partnerships", "C3", nil)
			b.SetCellFormula("partnerships", "C3", "SUM(C2:C2)")
		}, nil),
		"xlsx-sheet-cut-short":        damageBook(t, nil, func(s string) string { return s[:strings.Index(s, `<row r="3"`)+20] }),
		"xlsx-invalid-cell-reference": damageBook(t, nil, func(s string) string { return strings.Replace(s, `r="B3"`, `r="3B"`, 1) }),
		"xlsx-date-formatted-weight": damageBook(t, func(b *excelize.File) {
			s, _ := b.NewStyle(&excelize.Style{NumFmt: 14})
			b.SetCellStyle("partnerships", "C4", "C4", s)
		}, nil),
		"xlsx-two-partnerships-sheets": damageBook(t, func(b *excelize.File) { b.NewSheet("Partnerships.csv") }, nil),
	} {
		dir := filepath.Join(corpusDir, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "input.xlsx"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReadXLSXDamage: each kind of damage that the spreadsheet library
// reads as less (or different) data without a word is an error naming the
// workbook, sheet and cell.
func TestReadXLSXDamage(t *testing.T) {
	cases := []struct {
		name    string
		edit    func(*excelize.File)
		rewrite func(string) string
		want    string
		is      error
	}{
		{"formula without a saved value", func(b *excelize.File) {
			b.SetCellValue("partnerships", "C3", nil)
			b.SetCellFormula("partnerships", "C3", "1+2")
		}, nil, `book.xlsx[partnerships]:3: column "weight": cell C3: a formula "=1+2" with no saved value`, ErrBadValue},
		{"sheet cut short", nil, func(s string) string {
			return s[:strings.Index(s, `<row r="3"`)+20]
		}, `book.xlsx[partnerships]: the sheet's XML is broken after row 3`, ErrMalformed},
		{"sheet without its end", nil, func(s string) string {
			return s[:strings.Index(s, `<row r="3"`)]
		}, `book.xlsx[partnerships]: the sheet's XML is broken after row 2`, ErrMalformed},
		{"invalid cell reference", nil, func(s string) string {
			return strings.Replace(s, `r="B3"`, `r="B0"`, 1)
		}, `book.xlsx[partnerships]:3: cell reference "B0" is not a cell of row 3`, ErrMalformed},
		{"date-formatted number", func(b *excelize.File) {
			style, _ := b.NewStyle(&excelize.Style{NumFmt: 14})
			b.SetCellStyle("partnerships", "C4", "C4", style)
		}, nil, `book.xlsx[partnerships]:4: column "weight": cell C4: the cell is formatted as a date or time in a number column`, ErrBadNumber},
		{"custom date format", func(b *excelize.File) {
			code := `dd/mm/yyyy`
			style, _ := b.NewStyle(&excelize.Style{CustomNumFmt: &code})
			b.SetCellStyle("partnerships", "C2", "C2", style)
		}, nil, `book.xlsx[partnerships]:2: column "weight": cell C2: the cell is formatted as a date`, ErrBadNumber},
		{"two partnerships sheets", func(b *excelize.File) {
			b.NewSheet("Partnerships.csv")
		}, nil, `book.xlsx[Partnerships.csv]: sheets "partnerships" and "Partnerships.csv" are both the partnerships table`, ErrMalformed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := damageBook(t, c.edit, c.rewrite)
			_, _, err := ReadXLSX(bytes.NewReader(data), "book.xlsx")
			if err == nil {
				t.Fatal("read without error")
			}
			if !strings.Contains(err.Error(), c.want) || !errors.Is(err, c.is) {
				t.Errorf("err = %v\nwant %q (%v)", err, c.want, c.is)
			}
		})
	}
	// The undamaged book reads, and a number format that is not a date
	// (currency, thousands) is fine.
	data := damageBook(t, func(b *excelize.File) {
		code := `[$£-809]#,##0.00;[Red]-"£"#,##0.00`
		style, _ := b.NewStyle(&excelize.Style{CustomNumFmt: &code})
		b.SetCellStyle("partnerships", "C2", "C4", style)
	}, nil)
	net, _, err := ReadXLSX(bytes.NewReader(data), "book.xlsx")
	if err != nil || net.NumPartnerships() != 3 {
		t.Fatalf("undamaged book: %v", err)
	}
}

func TestDateFormatCode(t *testing.T) {
	for code, want := range map[string]bool{
		"dd/mm/yyyy": true, "h:mm": true, "yyyy-mm-dd": true, `[$-F800]dddd\,\ mmmm\ dd\,\ yyyy`: true,
		"0.00": false, "#,##0": false, `"£"#,##0.00`: false, `[Red]0.0`: false, `0.0 "days"`: false, "General": false,
	} {
		if got := dateFormatCode(code); got != want {
			t.Errorf("dateFormatCode(%q) = %v, want %v", code, got, want)
		}
	}
}
