package datasets

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Bad inputs too big to commit: each is generated into a temporary folder
// named DIR in the expected lines.
func TestGeneratedBadInputs(t *testing.T) {
	orgs := "id,name\na,A\nb,B\n"
	ties := "source,target\na,b\n"
	cases := []struct {
		name  string
		files map[string]func(w io.Writer)
		want  string
		// maxAlloc bounds the bytes allocated while checking (0: no bound):
		// for the long records, a small multiple of MaxRecordBytes however
		// big the file (64 MiB, 3 million lines).
		maxAlloc uint64
	}{
		{
			name: "million-columns",
			files: map[string]func(io.Writer){
				OrganisationsFile: func(w io.Writer) {
					for i := range 1_000_000 {
						fmt.Fprintf(w, "c%d,", i)
					}
					io.WriteString(w, "id\na\n")
				},
				PartnershipsFile: str(ties),
			},
			want:     "error: DIR/organisations.csv:1: over a size limit: the header has more than 1000 columns, at most 1000 allowed\n",
			maxAlloc: 4 << 20,
		},
		{
			name: "two-megabyte-name",
			files: map[string]func(io.Writer){
				OrganisationsFile: func(w io.Writer) {
					io.WriteString(w, "id,name\na,A\nb,")
					io.WriteString(w, strings.Repeat("n", 2<<20))
					io.WriteString(w, "\n")
				},
				PartnershipsFile: str(ties),
			},
			want: "error: DIR/organisations.csv:3: column \"name\": over a size limit: field of 2097152 bytes, at most 1048576 allowed\n" +
				"error: DIR/partnerships.csv:2: column \"target\": target \"b\" (add it to organisations.csv): unknown organisation\n",
		},
		{
			name: "sixty-four-megabytes-without-a-line-break",
			files: map[string]func(io.Writer){
				OrganisationsFile: func(w io.Writer) {
					io.WriteString(w, orgs+"c,")
					chunk := bytes.Repeat([]byte("x"), 1<<20)
					for range 64 {
						w.Write(chunk)
					}
				},
				PartnershipsFile: str(ties),
			},
			want:     "error: DIR/organisations.csv:4: over a size limit: a record longer than 8.0 MiB (a missing line break, or a quote that is never closed?)\n",
			maxAlloc: 10 * MaxRecordBytes,
		},
		{
			name: "unclosed-quote-in-a-big-file",
			files: map[string]func(io.Writer){
				OrganisationsFile: func(w io.Writer) {
					io.WriteString(w, orgs+"c,\"C\n")
					for i := range 3_000_000 {
						fmt.Fprintf(w, "o%d,Organisation %d\n", i, i)
					}
				},
				PartnershipsFile: str(ties),
			},
			want:     "error: DIR/organisations.csv:4: over a size limit: a record longer than 8.0 MiB (a missing line break, or a quote that is never closed?)\n",
			maxAlloc: 10 * MaxRecordBytes,
		},
		{
			name: "more-problems-than-the-cap",
			files: map[string]func(io.Writer){
				OrganisationsFile: str(orgs),
				PartnershipsFile: func(w io.Writer) {
					io.WriteString(w, "source,target,weight\n")
					for range MaxProblems + 500 {
						io.WriteString(w, "a,b,-1\n")
					}
				},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), c.name)
			writeFiles(t, dir, c.files)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			got := checkLines(t, dir)
			runtime.ReadMemStats(&after)
			got = strings.ReplaceAll(got, dir, "DIR")
			if c.name == "more-problems-than-the-cap" {
				lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
				wantLast := fmt.Sprintf("... and 500 more problems not listed (limit %d)", MaxProblems)
				if len(lines) != MaxProblems+1 || lines[len(lines)-1] != wantLast {
					t.Errorf("got %d lines ending %q, want %d ending %q", len(lines), lines[len(lines)-1], MaxProblems+1, wantLast)
				}
				_, err := Load(dir)
				if err == nil || !strings.HasSuffix(err.Error(), wantLast) {
					t.Errorf("Load error does not end with %q", wantLast)
				}
				return
			}
			if got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; c.maxAlloc > 0 && alloc > c.maxAlloc {
				t.Errorf("checking allocated %d MiB, want at most %d MiB", alloc>>20, c.maxAlloc>>20)
			}
			if _, err := Load(dir); !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrBadValue) {
				t.Errorf("Load error = %v, want ErrTooLarge", err)
			}
		})
	}
}

// The million-column header is refused from its first 64 KiB: the rest of
// the file is never read.
func TestWideHeaderRefusedEarly(t *testing.T) {
	var b bytes.Buffer
	for i := range 1_000_000 {
		fmt.Fprintf(&b, "c%d,", i)
	}
	b.WriteString("id\n")
	size := b.Len()
	cr := &countingReader{r: &b}
	_, err := newTable("wide.csv", cr, &Problems{})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("newTable error = %v, want ErrTooLarge", err)
	}
	if cr.n > 128<<10 {
		t.Errorf("read %d of %d bytes before refusing, want at most 128 KiB", cr.n, size)
	}
}

// A 50 GB input is refused from its size alone (a sparse file: no disk is
// used), for a single file's folder and through Check.
func TestHugeInputRefusedBySize(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]func(io.Writer){OrganisationsFile: str("id\na\nb\n")})
	f, err := os.Create(filepath.Join(dir, PartnershipsFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 30); err != nil {
		f.Close()
		t.Skipf("cannot make a sparse 50 GiB file here: %v", err)
	}
	f.Close()
	want := dir + ": over a size limit: 50.0 GiB of input, at most 4.0 GiB allowed (split the dataset, or filter it before loading)"
	_, err = Load(dir)
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrTooLarge) || err.Error() != want {
		t.Errorf("Load error = %v, want %s", err, want)
	}
	if got := checkLines(t, dir); got != "error: "+want+"\n" {
		t.Errorf("Check = %q", got)
	}
}

// A dataset file that links out of its folder is refused; a link inside
// the folder is read.
func TestSymlinkOutOfDatasetFolder(t *testing.T) {
	outside := t.TempDir()
	writeFiles(t, outside, map[string]func(io.Writer){"secret.csv": str("id\nsecret1\nsecret2\n")})
	dir := t.TempDir()
	writeFiles(t, dir, map[string]func(io.Writer){"orgs-v2.csv": str("id\na\nb\n"), PartnershipsFile: str("source,target\na,b\n")})
	if err := os.Symlink(filepath.Join(outside, "secret.csv"), filepath.Join(dir, OrganisationsFile)); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	_, err := Load(dir)
	if !errors.Is(err, ErrOutsideFolder) || strings.Contains(err.Error(), "secret1") {
		t.Errorf("Load through a link out of the folder: error = %v, want ErrOutsideFolder", err)
	}
	os.Remove(filepath.Join(dir, OrganisationsFile))
	if err := os.Symlink("orgs-v2.csv", filepath.Join(dir, OrganisationsFile)); err != nil {
		t.Fatal(err)
	}
	if ds, err := Load(dir); err != nil || ds.Network.NumOrganisations() != 2 {
		t.Errorf("Load through a link inside the folder: %v", err)
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func str(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }

func writeFiles(t *testing.T, dir string, files map[string]func(io.Writer)) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, write := range files {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriter(f)
		write(bw)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// An endless adjacency file is refused at MaxAdjacencyBytes instead of
// being read until memory runs out.
func TestAdjacencyEndlessInput(t *testing.T) {
	_, err := ReadAdjacency(io.MultiReader(strings.NewReader("a,b\n"), endless{}), "adjacency.csv")
	want := "adjacency.csv: over a size limit: more than 64.0 MiB of neighbour pairs"
	if !errors.Is(err, ErrTooLarge) || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// endless reads as an unending stream of "x,y\n".
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "x,y\n"[i%4]
	}
	return len(p), nil
}

// A repeated header column is read once: the warning says only the first
// is read, and the second does not turn into an attribute.
func TestRepeatedHeaderReadOnce(t *testing.T) {
	ds, err := Load(filepath.Join(corpusDir, "duplicate-header-column"))
	if err != nil {
		t.Fatal(err)
	}
	o := ds.Network.OrganisationByID("a")
	if o.Name != "A" || len(o.Attrs) != 0 {
		t.Errorf("organisation a = name %q, attributes %v; want A and none", o.Name, o.Attrs)
	}
}

// An .xlsx zip bomb: a 200 MiB worksheet of blanks compressed to a few
// hundred KiB. It is refused by the unzip limits without unpacking it all.
func TestXLSXZipBomb(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	parts := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="organisations" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	}
	for name, body := range parts {
		w, _ := zw.Create(name)
		io.WriteString(w, body)
	}
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate})
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	blank := bytes.Repeat([]byte(" "), 1<<20)
	for range 200 {
		w.Write(blank)
	}
	io.WriteString(w, `</sheetData></worksheet>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	info, _ := os.Stat(path)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	done := make(chan error, 1)
	start := time.Now()
	go func() { _, err := Load(path); done <- err }()
	select {
	case err = <-done:
	case <-time.After(caseTimeout):
		t.Fatalf("Load of a %d KiB zip bomb still running after %v", info.Size()>>10, caseTimeout)
	}
	runtime.ReadMemStats(&after)
	want := path + ": over a size limit: part xl/worksheets/sheet1.xml unpacks to 200.0 MiB from "
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("Load error = %v, want %s...", err, want)
	}
	if took := time.Since(start); took > 30*time.Second {
		// A hang guard, not a speed target: refusing reads only a
		// header or the file size, so even a loaded machine is far
		// below this.
		t.Errorf("took %v to refuse", took)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("loading a %d KiB zip bomb allocated %d MiB", info.Size()>>10, alloc>>20)
	}
	t.Logf("%d KiB file: %v", info.Size()>>10, err)
}
