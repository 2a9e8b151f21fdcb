package datasets

import (
	"path/filepath"
	"testing"
)

// roundTripFormats are the formats that keep every organisation, tie,
// arrangement, weight and attribute.
var roundTripFormats = []struct {
	format Format
	ext    string
}{
	{FormatDir, ""},
	{FormatJSON, ".json"},
	{FormatGraphML, ".graphml"},
	{FormatGEXF, ".gexf"},
	{FormatXLSX, ".xlsx"},
}

// TestRoundTrip writes the embedded england dataset and the hostile
// fixture (quotes, <, &, newlines, tabs, unicode, an arrangement sharing an
// organisation's id) in each format, reads them back, and then writes the
// result as a CSV folder and reads that: CSV -> format -> CSV. Diff must
// find nothing.
func TestRoundTrip(t *testing.T) {
	for _, spec := range []string{"embedded:england", "testdata/hostile", "testdata/good/excel"} {
		src, err := Load(spec)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range roundTripFormats {
			t.Run(filepath.Base(spec)+"/"+string(f.format), func(t *testing.T) {
				dir := t.TempDir()
				out := filepath.Join(dir, "data"+f.ext)
				if err := Write(src.Network, out, f.format); err != nil {
					t.Fatal(err)
				}
				back, err := Load(out)
				if err != nil {
					t.Fatal(err)
				}
				if d := Diff(src.Network, back.Network); d != "" {
					t.Fatalf("%s -> %s: %s", spec, f.format, d)
				}
				csvDir := filepath.Join(dir, "csv")
				if err := WriteDir(back.Network, csvDir); err != nil {
					t.Fatal(err)
				}
				again, err := Load(csvDir)
				if err != nil {
					t.Fatal(err)
				}
				if d := Diff(src.Network, again.Network); d != "" {
					t.Fatalf("%s -> %s -> csv: %s", spec, f.format, d)
				}
			})
		}
	}
}
