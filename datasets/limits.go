package datasets

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/partnet/partnet/graph"
)

// Limits that refuse input which would exhaust memory, before it is read.
// A refused input fails with an error that wraps ErrTooLarge and says which
// limit it met. The limits are generous for real data: every English
// council, agency and registered charity linked by grants (about a million
// organisations and ten million ties) is well under 2 GiB of CSV.
const (
	// MaxInputBytes is the largest dataset partnet reads: a file's size, or
	// the sum of a folder's dataset files. In memory a network takes about
	// twice its CSV size, so 4 GiB of input stays within a machine of 16
	// GiB or more. The size is checked with stat before anything is read.
	MaxInputBytes int64 = 4 << 30
	// MaxRecordBytes is the longest one CSV record (a line, or several
	// lines when quoted fields hold newlines) may be; reading one costs a
	// few times this in allocations, whatever the file's size.
	MaxRecordBytes = 8 << 20
	// MaxAdjacencyBytes bounds an adjacency (neighbouring areas) file,
	// which is read whole: every pair of English local authorities that
	// share a border is under 100 KiB.
	MaxAdjacencyBytes = 64 << 20
)

// ErrOutsideFolder is wrapped by the error for a dataset file that is a
// symbolic link leading out of its dataset folder.
var ErrOutsideFolder = errors.New("outside the dataset folder")

// checkInputSize refuses a file, or a dataset folder whose dataset files
// together, exceed MaxInputBytes. It reads nothing but file sizes. In a
// folder it also refuses a dataset file that is a symbolic link leading out
// of the folder: partnet reads only what it was pointed at.
func checkInputSize(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("dataset %s: %w", path, err)
	}
	size := info.Size()
	if info.IsDir() {
		if size, err = folderSize(path); err != nil {
			return err
		}
	}
	if size > MaxInputBytes {
		return &ParseError{File: path, Err: fmt.Errorf("%w: %s of input, at most %s allowed (split the dataset, or filter it before loading)",
			ErrTooLarge, ByteSize(size), ByteSize(MaxInputBytes))}
	}
	return nil
}

// folderSize sums the sizes of a dataset folder's files, looked up through
// an os.Root so that a link out of the folder is an error.
func folderSize(dir string) (int64, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return 0, fmt.Errorf("dataset %s: %w", dir, err)
	}
	defer root.Close()
	var size int64
	for _, f := range []string{MetadataFile, OrganisationsFile, PartnershipsFile, ArrangementsFile, MembersFile, AdjacencyFile} {
		fi, err := root.Stat(f)
		switch {
		case err == nil:
			size += fi.Size()
		case errors.Is(err, fs.ErrNotExist):
		default:
			if li, lerr := root.Lstat(f); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
				return 0, &ParseError{File: filepath.Join(dir, f), Err: fmt.Errorf("%w: it is a symbolic link to a file outside the folder; partnet reads only files inside the dataset folder it is given", ErrOutsideFolder)}
			}
			return 0, &ParseError{File: filepath.Join(dir, f), Err: err}
		}
	}
	return size, nil
}

// dirFS returns the folder as a file system confined to it (links out of
// it fail), and a function to release it.
func dirFS(dir string) (fs.FS, func(), error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("dataset %s: %w", dir, err)
	}
	return root.FS(), func() { root.Close() }, nil
}

// ByteSize writes a size in the largest binary unit that keeps it >= 1
// ("512 bytes", "64.0 MiB"), as the size limits' errors do.
func ByteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

// errRecordTooLong is returned by recordLimiter once a record has passed
// MaxRecordBytes.
var errRecordTooLong = errors.New("record too long")

// recordLimiter fails reads once more than limit bytes have been read since
// the last reset, so a CSV reader never buffers an unbounded record (a file
// with no line breaks, or an unclosed quote in a huge file). The table
// resets it after every record; the CSV reader's look-ahead (a few KiB)
// makes the count approximate, which is fine for a limit.
type recordLimiter struct {
	r     io.Reader
	n     int
	limit int
}

func (l *recordLimiter) Read(p []byte) (int, error) {
	if l.n > l.limit {
		return 0, errRecordTooLong
	}
	n, err := l.r.Read(p)
	l.n += n
	return n, err
}

func (l *recordLimiter) reset() { l.n = 0 }

// magic numbers of files that are often given a .csv (or other text)
// extension by mistake.
var magics = []struct {
	prefix []byte
	what   string
}{
	{[]byte("\x89PNG\r\n\x1a\n"), "a PNG image"},
	{[]byte("\xff\xd8\xff"), "a JPEG image"},
	{[]byte("GIF8"), "a GIF image"},
	{[]byte("%PDF-"), "a PDF document"},
	{[]byte("PK\x03\x04"), "a ZIP archive (an .xlsx workbook is one: give it an .xlsx name)"},
	{[]byte("PK\x05\x06"), "an empty ZIP archive"},
	{[]byte("\x1f\x8b"), "a gzip-compressed file (decompress it first)"},
	{[]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "an old-style Excel (.xls) or other OLE file (save it as .xlsx or CSV)"},
	{[]byte("SQLite format 3\x00"), "an SQLite database"},
}

// sniffBinary says what a file that should be text looks like instead, from
// its first bytes; "" when it looks like text. It knows common binary
// formats, UTF-16 without a byte order mark and UTF-32, and otherwise
// treats any NUL byte as binary.
func sniffBinary(head []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(head, m.prefix) {
			return m.what
		}
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		return "UTF-32 text (save it as UTF-8)"
	case len(head) >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0,
		len(head) >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0:
		return "UTF-16 text without a byte order mark (save it as UTF-8, or as UTF-16 with a byte order mark)"
	case bytes.IndexByte(head, 0) >= 0:
		return "binary data (it has NUL bytes)"
	}
	return ""
}

// crOnly reports whether the text's lines end in a bare carriage return
// (classic Mac OS, "CSV (Macintosh)" in Excel for Mac): head has a CR, and
// no line feed.
func crOnly(head []byte) bool {
	return bytes.IndexByte(head, '\r') >= 0 && bytes.IndexByte(head, '\n') < 0
}

// headerColumns counts the fields of the first line in head outside quotes
// (delimiters + 1), stopping at the first line break. complete is false
// when head ends before the line does.
func headerColumns(head []byte, delim byte) (n int, complete bool) {
	n = 1
	inQuote := false
	for _, c := range head {
		switch {
		case c == '"':
			inQuote = !inQuote
		case c == '\n' && !inQuote:
			return n, true
		case c == delim && !inQuote:
			n++
		}
	}
	return n, false
}

// checkFileContent looks at the first 64 KiB of a single-file dataset
// before its reader does, so that an empty file, a file that is not what
// its extension says (a PNG named .csv, a ZIP named .graphml, CSV text
// named .xlsx) or a text encoding the format's reader does not take is
// named as such rather than reported as a syntax error.
func checkFileContent(path string, format Format) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("dataset %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if len(bytes.TrimSpace(head)) == 0 {
		return &ParseError{File: path, Err: fmt.Errorf("%w: no content", ErrEmptyFile)}
	}
	e, _ := entryOf(format)
	if e.zip {
		if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
			return checkZipRatio(path)
		}
		what := sniffBinary(head)
		if what == "" {
			what = "text (a CSV file? give it a .csv name)"
		}
		return &ParseError{File: path, Err: fmt.Errorf("%w: this is %s, not an .xlsx workbook", ErrMalformed, what)}
	}
	if e.noUTF16 {
		if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
			return &ParseError{File: path, Err: fmt.Errorf("%w: this is UTF-16 text: save it as UTF-8", ErrMalformed)}
		}
	}
	if format == FormatEdgeList || format == Format360Giving {
		head = textHead(head) // UTF-16 with a byte order mark is read
	}
	if what := sniffBinary(head); what != "" {
		return &ParseError{File: path, Err: fmt.Errorf("%w: this is %s, not a %s file", ErrMalformed, what, e.name)}
	}
	return nil
}

// Zip bomb limits for workbooks: a worksheet part bigger than
// zipBombMinBytes that unpacks to more than maxZipRatio times its packed
// size is refused before anything is unpacked. Real worksheets compress
// about 5 to 20 times; a bomb of blanks or zeros about 1,000 times.
const (
	maxZipRatio     = 200
	zipBombMinBytes = 16 << 20
)

// checkZipRatio reads a zip file's directory (its declared sizes, which
// archive/zip enforces while unpacking) and refuses a zip bomb.
func checkZipRatio(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil // the reader reports an unreadable workbook itself
	}
	defer zr.Close()
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > zipBombMinBytes && f.UncompressedSize64 > maxZipRatio*max(f.CompressedSize64, 1) {
			return &ParseError{File: path, Err: fmt.Errorf("%w: part %s unpacks to %s from %s (%d:1, a zip bomb?); workbooks compress about 10:1",
				ErrTooLarge, f.Name, ByteSize(int64(f.UncompressedSize64)), ByteSize(int64(f.CompressedSize64)), f.UncompressedSize64/max(f.CompressedSize64, 1))}
		}
	}
	if total > uint64(MaxXLSXUnzipBytes) {
		return &ParseError{File: path, Err: fmt.Errorf("%w: the workbook unpacks to %s, at most %s allowed", ErrTooLarge, ByteSize(int64(total)), ByteSize(MaxXLSXUnzipBytes))}
	}
	return nil
}

// MaxAttributes is the most distinct attribute names (columns beyond the
// schema's, GraphML keys, GEXF attributes, JSON "attributes" keys) one
// table may have: organisations, partnerships or arrangements. It keeps
// every format partnet writes within the MaxColumns its readers accept,
// schema columns included, so partnet never writes a file it then refuses.
const MaxAttributes = 950

// checkAttributes refuses a table with more than MaxAttributes extra
// columns, at its header line.
func checkAttributes(t *table, extras int) *ParseError {
	if extras <= MaxAttributes {
		return nil
	}
	line := 1 + t.lineOffset
	if t.src != nil {
		line = 0
	}
	return &ParseError{File: t.file, Line: line, Err: fmt.Errorf("%w: %d attribute columns (beyond the known ones), at most %d allowed", ErrTooLarge, extras, MaxAttributes)}
}

// checkWritable refuses to write a network that partnet could not read
// back: more than MaxAttributes attribute names for organisations,
// partnerships or arrangements, or for nodes (organisations and
// arrangements together, as GraphML and GEXF write them).
func checkWritable(net *graph.Network) error {
	orgs := attrKeys(net.NumOrganisations(), func(i int) map[string]string { return net.Organisation(i).Attrs })
	arrs := attrKeys(net.NumArrangements(), func(i int) map[string]string { return net.Arrangement(i).Attrs })
	for _, c := range []struct {
		what string
		n    int
	}{
		{"organisations", len(orgs)},
		{"partnerships", len(attrKeys(net.NumPartnerships(), func(i int) map[string]string { return net.Partnership(i).Attrs }))},
		{"arrangements", len(arrs)},
		{"organisations and arrangements together", len(nodeAttrNames(net))},
	} {
		if c.n > MaxAttributes {
			return fmt.Errorf("%w: %s have %d attribute names, at most %d can be written and read back: drop some columns first",
				ErrTooLarge, c.what, c.n, MaxAttributes)
		}
	}
	return checkFieldSizes(net)
}

// checkFieldSizes refuses a network holding a text longer than
// MaxFieldBytes, which no reader accepts. It allocates nothing unless it
// finds one.
func checkFieldSizes(net *graph.Network) error {
	fail := func(what, id string, n int) error {
		return fmt.Errorf("%w: %s %s has a text of %d bytes, at most %d can be written and read back",
			ErrTooLarge, what, quoteID(clip(id, 40)), n, MaxFieldBytes)
	}
	longest := func(m map[string]string, texts ...string) int {
		n := 0
		for _, t := range texts {
			n = max(n, len(t))
		}
		for k, v := range m {
			n = max(n, len(k), len(v))
		}
		return n
	}
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		if n := longest(o.Attrs, o.ID, o.Name, o.Sector, o.Type, o.Region, o.Parent); n > MaxFieldBytes {
			return fail("organisation", o.ID, n)
		}
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		p := net.Partnership(i)
		if n := longest(p.Attrs, p.ID, p.Name, p.Kind, p.ServiceArea, p.Programme); n > MaxFieldBytes {
			return fail("partnership", p.Source+"-"+p.Target, n)
		}
	}
	for i := 0; i < net.NumArrangements(); i++ {
		a := net.Arrangement(i)
		if n := longest(a.Attrs, a.ID, a.Name, a.Kind, a.ServiceArea, a.Programme); n > MaxFieldBytes {
			return fail("arrangement", a.ID, n)
		}
	}
	return nil
}
