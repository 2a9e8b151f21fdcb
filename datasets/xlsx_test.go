package datasets

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/partnet/partnet/graph"
	"github.com/xuri/excelize/v2"
)

func TestReadXLSX(t *testing.T) {
	// Capitalised sheet names, aliased headers (Org ID, From/To, Latitude,
	// Value), an Excel date serial (41730 = 2014-04-01) in a date-formatted
	// cell, a text date, a sheet to ignore and a dataset sheet.
	ds, err := Load("testdata/xlsx/book.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	n := ds.Network
	if n.NumOrganisations() != 3 || n.NumPartnerships() != 2 {
		t.Fatalf("%d organisations, %d partnerships; want 3, 2", n.NumOrganisations(), n.NumPartnerships())
	}
	b := n.OrganisationByID("E07000200")
	if b.Name != "Babergh" || b.Population != 92000 || !b.HasLocation || b.Lat != 52.06 || b.Lon != 0.95 || b.Attrs["notes"] != "shared with MSU" {
		t.Errorf("E07000200 = %+v", b)
	}
	if c := n.OrganisationByID("GB-CHC-1"); c.Name != `Charity "One" & <Co>` || c.Attrs["notes"] != "line 1\nline 2" {
		t.Errorf("GB-CHC-1 = %+v", c)
	}
	p0, p1 := n.Partnership(0), n.Partnership(1)
	if p0.Weight != 2 || p0.Kind != "shared_management" || !p0.Start.Equal(time.Date(2014, 4, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("partnership 0 = %+v", p0)
	}
	if !p1.HasValue || p1.ValueGBP != 1250.5 || !p1.Start.Equal(time.Date(2016, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("partnership 1 = %+v", p1)
	}
	if n.Meta.Title != "Suffolk workbook" || n.Meta.Licence != "CC0" {
		t.Errorf("meta = %+v", n.Meta)
	}
}

func TestReadXLSXErrors(t *testing.T) {
	probs, err := Check("testdata/xlsx/bad.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range probs.Errors {
		got = append(got, e.Error())
	}
	want := []string{
		`testdata/xlsx/bad.xlsx[partnerships]:4: column "target": cell B4: target "zz" (add it to the organisations sheet): unknown organisation`,
		`testdata/xlsx/bad.xlsx[partnerships]:4: column "weight": cell D4: "abc" is not a number`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !errors.Is(probs.Errors[0], graph.ErrUnknownOrganisation) || !errors.Is(probs.Errors[1], ErrBadNumber) {
		t.Errorf("%v, %v do not unwrap to their sentinels", probs.Errors[0], probs.Errors[1])
	}
	cases := []struct {
		name string
		body []byte
		want error
		text string
	}{
		{"not a zip", []byte("id,name\n"), ErrMalformed, "x.xlsx: malformed file: not a readable .xlsx workbook"},
		{"no sheets we know", xlsxWithSheet(t, "Sheet1"), ErrMissingFile, "a workbook needs a sheet named organisations (it has Sheet1)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ReadXLSX(bytes.NewReader(c.body), "x.xlsx")
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) {
				t.Errorf("err = %v, want %v containing %q", err, c.want, c.text)
			}
		})
	}
}

func xlsxWithSheet(t *testing.T, sheet string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheet)
	f.SetCellValue(sheet, "A1", "id")
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReadXLSXZipBomb builds a workbook whose worksheet unpacks to 64 MiB
// of zeros (64 KiB packed) and checks it is refused under a 16 MiB limit
// before being unpacked.
func TestReadXLSXZipBomb(t *testing.T) {
	old := MaxXLSXUnzipBytes
	oldXML := MaxXLSXUnzipXMLBytes
	MaxXLSXUnzipBytes, MaxXLSXUnzipXMLBytes = 16<<20, 1<<20
	defer func() { MaxXLSXUnzipBytes, MaxXLSXUnzipXMLBytes = old, oldXML }()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, _ := z.Create("xl/worksheets/sheet1.xml")
	zeros := make([]byte, 1<<20)
	for i := 0; i < 64; i++ {
		w.Write(zeros)
	}
	z.Close()
	if b.Len() > 1<<20 {
		t.Fatalf("bomb is %d bytes packed", b.Len())
	}
	_, _, err := ReadXLSX(bytes.NewReader(b.Bytes()), "bomb.xlsx")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "unzip size exceeds") {
		t.Errorf("err = %v, want ErrTooLarge (unzip size)", err)
	}
}
