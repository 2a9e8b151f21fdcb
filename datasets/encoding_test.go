package datasets

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"
)

// utf16File encodes text as UTF-16 with a byte order mark, as Excel's
// "Unicode Text" does (little-endian) or big-endian.
func utf16File(text string, big bool) []byte {
	var b bytes.Buffer
	if big {
		b.Write([]byte{0xFE, 0xFF})
	} else {
		b.Write([]byte{0xFF, 0xFE})
	}
	for _, u := range utf16.Encode([]rune(text)) {
		if big {
			b.Write([]byte{byte(u >> 8), byte(u)})
		} else {
			b.Write([]byte{byte(u), byte(u >> 8)})
		}
	}
	return b.Bytes()
}

// TestLoadUTF16EdgeList: a UTF-16 edge list with a byte order mark loads
// through Load (it was refused as "binary data" before the content check
// decoded it), in both byte orders, with non-ASCII ids intact.
func TestLoadUTF16EdgeList(t *testing.T) {
	for _, big := range []bool{false, true} {
		dir := t.TempDir()
		path := filepath.Join(dir, "ties.txt")
		if err := os.WriteFile(path, utf16File("source\ttarget\tweight\r\nCafé\tB\t2\r\nB\tC\t\r\n", big), 0o644); err != nil {
			t.Fatal(err)
		}
		ds, err := Load(path)
		if err != nil {
			t.Fatalf("big-endian %v: %v", big, err)
		}
		if got := strings.Join(ds.Network.IDs(), "|"); got != "Café|B|C" {
			t.Errorf("big-endian %v: ids %s, want Café|B|C", big, got)
		}
		if w := ds.Network.Partnership(0).Weight; w != 2 {
			t.Errorf("weight %v, want 2", w)
		}
	}
}

// TestSepLine: Excel's "sep=" first line names the delimiter, in an edge
// list and in a dataset folder's files; line numbers still count it.
func TestSepLine(t *testing.T) {
	net, _, err := ReadEdgeList(strings.NewReader("sep=;\r\nsource;target;weight\r\na;b;1.5\r\n"), "e.csv")
	if err != nil {
		t.Fatal(err)
	}
	if net.NumPartnerships() != 1 || net.Partnership(0).Weight != 1.5 {
		t.Errorf("sep=; edge list: %d ties", net.NumPartnerships())
	}
	// Headerless, with a comma inside no field: the forced delimiter wins.
	net, _, err = ReadEdgeList(strings.NewReader("SEP=,\na,b\nb,c\n"), "e.csv")
	if err != nil || net.NumPartnerships() != 2 {
		t.Fatalf("sep=, headerless: %v", err)
	}
	_, _, err = ReadEdgeList(strings.NewReader("sep=,\nsource,target\na,b\nc,c\n"), "e.csv")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 4 {
		t.Errorf("self tie after sep=: %v, want line 4", err)
	}
	fsys := fstest.MapFS{
		OrganisationsFile: {Data: []byte("sep=;\nid;name\na;A\nb;B\n")},
		PartnershipsFile:  {Data: []byte("sep=;\nsource;target;weight\na;b;2\na;b;x\n")},
	}
	_, _, err = ReadFS(fsys, ".", "")
	if !errors.As(err, &pe) || pe.Line != 4 || pe.Field != "weight" {
		t.Fatalf("folder with sep=: %v, want partnerships.csv:4 weight", err)
	}
	fsys[PartnershipsFile] = &fstest.MapFile{Data: []byte("sep=;\nsource;target;weight\na;b;2\n")}
	net, _, err = ReadFS(fsys, ".", "")
	if err != nil || net.NumPartnerships() != 1 || net.Organisation(1).Name != "B" {
		t.Fatalf("folder with sep=: %v", err)
	}
}

// TestIDsNFC: an id written with a composed é and with e plus a combining
// accent is one organisation, in an edge list and a folder.
func TestIDsNFC(t *testing.T) {
	composed, decomposed := "Caf\u00e9", "Cafe\u0301"
	net, _, err := ReadEdgeList(strings.NewReader(composed+",B\nB,"+decomposed+"\nC,"+decomposed+"\n"), "e.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(net.IDs(), "|"); got != composed+"|B|C" {
		t.Errorf("edge list ids %+q, want Café, B, C", net.IDs())
	}
	fsys := fstest.MapFS{
		OrganisationsFile: {Data: []byte("id,name\n" + decomposed + ",x\nB,y\n")},
		PartnershipsFile:  {Data: []byte("source,target\n" + composed + ",B\n")},
	}
	net, _, err = ReadFS(fsys, ".", "")
	if err != nil {
		t.Fatal(err)
	}
	if id := net.Organisation(0).ID; id != composed {
		t.Errorf("folder id %+q, want %+q", id, composed)
	}
}

func TestQuoteID(t *testing.T) {
	for in, want := range map[string]string{
		"Cafe\u0301":  `"Cafe\u0301"`,
		"Café":        `"Café"`,
		"a\u200bb":    `"a\u200bb"`,
		"a\u00a0b":    `"a\u00a0b"`,
		`say "hi"`:    `"say \"hi\""`,
		"tab\there":   `"tab\u0009here"`,
		"bad\xffbyte": `"bad\xffbyte"`,
	} {
		if got := quoteID(in); got != want {
			t.Errorf("quoteID(%+q) = %s, want %s", in, got, want)
		}
	}
}

// TestParseNumberPlainDecimals: ParseNumber reads only plain decimals, as
// docs/formats.md documents; Go's other float syntaxes are refused.
func TestParseNumberPlainDecimals(t *testing.T) {
	for _, s := range []string{"1", "-2", "+3", "1.5", ".5", "5.", "1e6", "2.5E-3", "1e+21"} {
		if _, ok, err := ParseNumber(s); !ok || err != nil {
			t.Errorf("ParseNumber(%q) refused: %v", s, err)
		}
	}
	for _, s := range []string{"0x1p10", "0x10", "1_0", "Inf", "-inf", "NaN", "infinity", "1e", "e5", ".", "-", "1e400", "1.2.3", "0b101", "1,200"} {
		if _, _, err := ParseNumber(s); !errors.Is(err, ErrBadNumber) {
			t.Errorf("ParseNumber(%q) = %v, want ErrBadNumber", s, err)
		}
	}
}

// endlessLine is a reader of one line that never ends.
type endlessLine struct{ n int64 }

func (r *endlessLine) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), r.n)
	for i := range p[:n] {
		p[i] = 'a'
	}
	r.n -= n
	return int(n), nil
}

// TestEdgeListLongLineRefusedEarly: a headerless edge list of one 2 GiB
// line is refused after reading about MaxRecordBytes, not after reading
// the whole line (which took 7.9 GB before).
func TestEdgeListLongLineRefusedEarly(t *testing.T) {
	r := &endlessLine{n: 2 << 30}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err := ReadEdgeList(io.MultiReader(strings.NewReader("a,b\nc,d\n"), r), "long.csv")
	runtime.ReadMemStats(&after)
	var pe *ParseError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &pe) || pe.Line != 3 {
		t.Fatalf("err = %v, want ErrTooLarge at line 3", err)
	}
	if read := 2<<30 - r.n; read > 4*MaxRecordBytes {
		t.Errorf("read %d bytes before refusing, want at most %d", read, 4*MaxRecordBytes)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*MaxRecordBytes {
		t.Errorf("allocated %d bytes, want at most %d", alloc, 8*MaxRecordBytes)
	}
}

// TestWholeFileReadersTakeLongLines: the line limit is for edge lists
// only; JSON (often one minified line) and workbooks (binary) of more
// than MaxRecordBytes without a line feed still read.
func TestWholeFileReadersTakeLongLines(t *testing.T) {
	r := &endlessLine{n: MaxRecordBytes + 1<<20}
	data, err := readAllLimit(r, MaxJSONBytes, "one-line.json")
	if err != nil || len(data) != MaxRecordBytes+1<<20 {
		t.Fatalf("read %d bytes, %v", len(data), err)
	}
}

func TestLooksLikeEdgeHeader(t *testing.T) {
	for _, f := range [][]string{{"source", "target"}, {"From", "To"}, {" Source ID ", "target_id"}, {"org_a", "org_b", "w"}, {"x", "y", "Weight"}, {"ORGANISATION-A", "organisation b"}} {
		if !looksLikeEdgeHeader(f) {
			t.Errorf("looksLikeEdgeHeader(%q) = false", f)
		}
	}
	for _, f := range [][]string{{"a", "b"}, {"source", "b"}, {"E07000200", "E07000203", "2"}, {"sources", "target"}, {"from"}} {
		if looksLikeEdgeHeader(f) {
			t.Errorf("looksLikeEdgeHeader(%q) = true", f)
		}
	}
}
