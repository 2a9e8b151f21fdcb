package datasets

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnet/partnet/graph"
)

// TestFormatRegistry checks the table against the behaviour the switches
// had: every extension maps to one format, every name parses, and the
// read-only and write-only formats refuse the other direction with
// ErrUnknownFormat.
func TestFormatRegistry(t *testing.T) {
	owner := map[string]Format{}
	for _, e := range formatRegistry {
		for _, ext := range e.exts {
			if o, dup := owner[ext]; dup {
				t.Errorf("extension %q claimed by %s and %s", ext, o, e.format)
			}
			owner[ext] = e.format
			if got, err := FormatOf("x" + ext); err != nil || got != e.format {
				t.Errorf("FormatOf(x%s) = %q, %v; want %q", ext, got, err, e.format)
			}
		}
		if got, err := ParseFormat(string(e.format)); err != nil || got != e.format {
			t.Errorf("ParseFormat(%q) = %q, %v", e.format, got, err)
		}
		if e.name == "" {
			t.Errorf("%s has no name for messages", e.format)
		}
	}
	want := map[string]Format{"": FormatDir, ".xlsx": FormatXLSX, ".csv": FormatEdgeList, ".tsv": FormatEdgeList,
		".txt": FormatEdgeList, ".json": FormatJSON, ".graphml": FormatGraphML, ".gexf": FormatGEXF, ".dot": FormatDOT, ".gv": FormatDOT}
	if len(owner) != len(want) {
		t.Errorf("extensions %v, want %v", owner, want)
	}
	for ext, f := range want {
		if owner[ext] != f {
			t.Errorf("extension %q -> %q, want %q", ext, owner[ext], f)
		}
	}
	if _, err := FormatOf("x.pdf"); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("FormatOf(x.pdf) error = %v, want ErrUnknownFormat", err)
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "in.dot")
	if err := os.WriteFile(file, []byte("graph {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{FormatDOT, FormatDir} {
		if _, err := LoadFile(file, f); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("LoadFile as %s: error %v, want ErrUnknownFormat (not readable)", f, err)
		}
	}
	if err := Write(graph.NewNetwork(), filepath.Join(dir, "out.json"), Format360Giving); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("Write as 360giving: error %v, want ErrUnknownFormat (read only)", err)
	}
}

// TestFormatSniffing checks that 360Giving claims .csv and .json files by
// their content, and only those.
func TestFormatSniffing(t *testing.T) {
	csv360 := []byte("Identifier,Title,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name\n")
	tests := []struct {
		name   string
		format Format
		head   []byte
		want   Format
	}{
		{"360Giving CSV", FormatEdgeList, csv360, Format360Giving},
		{"edge list", FormatEdgeList, []byte("source,target\na,b\n"), FormatEdgeList},
		{"360Giving JSON", FormatJSON, []byte(`{"grants": []}`), Format360Giving},
		{"partnet JSON", FormatJSON, []byte(`{"organisations": [], "grants": []}`), FormatJSON},
		{"GraphML not sniffed", FormatGraphML, csv360, FormatGraphML},
	}
	for _, tt := range tests {
		e, _ := entryOf(tt.format)
		f, err := os.CreateTemp(t.TempDir(), "head")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(tt.head); err != nil {
			t.Fatal(err)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		got, err := sniffed(f, e)
		pos, _ := f.Seek(0, io.SeekCurrent)
		f.Close()
		if err != nil || got.format != tt.want || pos != 0 {
			t.Errorf("%s: sniffed = %q (err %v, offset %d), want %q at offset 0", tt.name, got.format, err, pos, tt.want)
		}
	}
}
