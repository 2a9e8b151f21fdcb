package datasets

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/atomicfile"
)

// Format names a file format partnet reads or writes.
type Format string

// Formats. FormatDir is a dataset folder of CSV files; the others are single
// files. Each has its own file in this package (xlsx.go, edgelist.go, ...).
const (
	FormatDir       Format = "dir"
	FormatXLSX      Format = "xlsx"
	FormatEdgeList  Format = "edgelist"
	Format360Giving Format = "360giving"
	FormatJSON      Format = "json"
	FormatGraphML   Format = "graphml"
	FormatGEXF      Format = "gexf"
	FormatDOT       Format = "dot"
)

// formatEntry is one format's row of the registry: everything partnet
// knows about a format is here, and adding a format is one entry (plus its
// reader and writer files).
type formatEntry struct {
	format Format
	// name is the format as people write it, for messages ("CSV edge
	// list").
	name string
	// exts are the lower-case extensions FormatOf maps to the format, with
	// the dot; "" is a path without extension (a folder).
	exts []string
	// claims lists, by the format their extension names, files this format
	// takes over when sniff says their first 64 KiB are its own (a .csv
	// or .json file that is really 360Giving).
	claims map[Format]func(head []byte) bool
	// read reads one file; nil when the format is not read from a single
	// file (a folder goes through Load, DOT is written only).
	read func(r io.Reader, file string) (*graph.Network, *Problems, error)
	// save writes net to path atomically; nil when the format is read only.
	save func(ctx context.Context, net *graph.Network, path string) error
	// zip says the file is a zip container (a workbook): anything else is
	// refused before reading, and the container is checked for a zip bomb.
	zip bool
	// noUTF16 refuses UTF-16 text (the format's reader takes UTF-8 only).
	noUTF16 bool
}

// formatRegistry lists every format, in the order Formats returns them.
var formatRegistry = []formatEntry{
	{format: FormatDir, name: "dataset folder", exts: []string{""},
		save: WriteDirContext},
	{format: FormatXLSX, name: "workbook", exts: []string{".xlsx"},
		read: ReadXLSX, save: toFile(WriteXLSX), zip: true},
	{format: FormatEdgeList, name: "CSV edge list", exts: []string{".csv", ".tsv", ".txt"},
		read: ReadEdgeList, save: toFile(WriteEdgeList)},
	{format: Format360Giving, name: "360Giving",
		claims: map[Format]func([]byte) bool{FormatEdgeList: is360GivingCSV, FormatJSON: is360GivingJSON},
		read:   Read360Giving},
	{format: FormatJSON, name: "JSON", exts: []string{".json"},
		read: ReadJSON, save: toFile(WriteJSON), noUTF16: true},
	{format: FormatGraphML, name: "GraphML", exts: []string{".graphml"},
		read: ReadGraphML, save: toFile(WriteGraphML), noUTF16: true},
	{format: FormatGEXF, name: "GEXF", exts: []string{".gexf"},
		read: ReadGEXF, save: toFile(WriteGEXF), noUTF16: true},
	{format: FormatDOT, name: "DOT", exts: []string{".dot", ".gv"},
		save: toFile(WriteDOT)},
}

// toFile makes a stream writer a registry save: written atomically, so a
// failed or interrupted write leaves no partial output.
func toFile(write func(io.Writer, *graph.Network) error) func(context.Context, *graph.Network, string) error {
	return func(ctx context.Context, net *graph.Network, path string) error {
		return writeAtomicContext(ctx, path, func(w io.Writer) error { return write(w, net) })
	}
}

// entryOf returns a format's registry entry.
func entryOf(f Format) (formatEntry, bool) {
	for _, e := range formatRegistry {
		if e.format == f {
			return e, true
		}
	}
	return formatEntry{}, false
}

// Formats lists every format by name, for help text and errors.
func Formats() []Format {
	out := make([]Format, len(formatRegistry))
	for k, e := range formatRegistry {
		out[k] = e.format
	}
	return out
}

// FormatOf returns the format a path's extension names: none is a folder;
// .xlsx a workbook; .csv, .tsv and .txt an edge list (a .csv whose header is
// 360Giving's is read as 360Giving instead, see Load); .json partnet JSON
// (or 360Giving JSON, told apart by its "grants" key); .graphml; .gexf;
// .dot and .gv DOT (write only).
func FormatOf(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range formatRegistry {
		if slices.Contains(e.exts, ext) {
			return e.format, nil
		}
	}
	return "", fmt.Errorf("%s: %w %q (known: %s)", path, ErrUnknownFormat, ext, formatList())
}

// ParseFormat checks a format name given by the user (--to).
func ParseFormat(s string) (Format, error) {
	if e, ok := entryOf(Format(s)); ok {
		return e.format, nil
	}
	return "", fmt.Errorf("%w %q (known: %s)", ErrUnknownFormat, s, formatList())
}

func formatList() string {
	var names []string
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// LoadFile reads one file in the given format (FormatOf's guess when
// format is ""). A .csv or .json file is first sniffed for 360Giving
// columns or keys.
func LoadFile(path string, format Format) (*Dataset, error) {
	if format == "" {
		f, err := FormatOf(path)
		if err != nil {
			return nil, err
		}
		format = f
	}
	return loadFile(path, format)
}

func loadFile(path string, format Format) (*Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("dataset %s: %w", path, err)
	}
	defer f.Close()
	e, ok := entryOf(format)
	if !ok || e.read == nil {
		return nil, fmt.Errorf("%s: %w %q for reading", path, ErrUnknownFormat, format)
	}
	if e, err = sniffed(f, e); err != nil {
		return nil, fmt.Errorf("dataset %s: %w", path, err)
	}
	// The checksum is of the bytes read (see inputhash.go), from the start
	// where sniffed left f.
	hr := &hashingReader{r: f, h: sha256.New()}
	net, probs, err := e.read(statReader{hashingReader: hr, f: f}, path)
	if err != nil {
		return nil, err
	}
	in, err := hr.finish(path)
	if err != nil {
		return nil, err
	}
	return &Dataset{Name: path, Network: net, Inputs: []Input{in}, Warnings: probs.Warnings}, nil
}

// sniffed returns the entry that reads f: the one of another format that
// claims f's first 64 KiB, else e. It leaves f at its start.
func sniffed(f io.ReadSeeker, e formatEntry) (formatEntry, error) {
	var head []byte
	for _, other := range formatRegistry {
		claim := other.claims[e.format]
		if claim == nil {
			continue
		}
		if head == nil {
			head = make([]byte, 64<<10)
			k, _ := io.ReadFull(f, head)
			head = head[:k]
			if _, err := f.Seek(0, io.SeekStart); err != nil {
				return e, err
			}
		}
		if claim(head) {
			return other, nil
		}
	}
	return e, nil
}

// Write writes net to path in the given format, atomically (see
// internal/atomicfile): a failed write leaves no partial output. An edge
// list keeps only the recorded partnerships (pass the network through
// ProjectArrangements first to keep arrangements' ties, as partnet convert
// does); DOT draws the combined ties (see WriteDOT); the other formats keep
// everything.
func Write(net *graph.Network, path string, format Format) error {
	return WriteContext(context.Background(), net, path, format)
}

// WriteContext is Write that stops when ctx is done (an interrupt),
// leaving no partial output and an existing one untouched.
func WriteContext(ctx context.Context, net *graph.Network, path string, format Format) error {
	e, ok := entryOf(format)
	if !ok || e.save == nil {
		return fmt.Errorf("%s: %w %q for writing", path, ErrUnknownFormat, format)
	}
	if err := checkWritable(net); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return e.save(ctx, net, path)
}

// recordSet holds a dataset's tables as records already split into fields
// by another format's reader; nil tables are absent.
type recordSet struct {
	meta                    graph.Metadata
	orgs, parts, arrs, mems *table
	// requireTies makes a set with neither partnerships nor arrangements an
	// error, as in a dataset folder.
	requireTies bool
}

// build runs the same checks as the folder reader over a record set and
// returns the network, or nil and every problem joined.
func (set recordSet) build(probs *Problems) (*graph.Network, error) {
	net := graph.NewNetwork()
	net.Meta = set.meta
	if set.orgs == nil {
		probs.errorf(OrganisationsFile, 0, "", fmt.Errorf("%w: no organisations", ErrMissingFile))
		return nil, probs.Err()
	}
	readOrganisations(tableRows(set.orgs, organisationColumns, probs), set.orgs.file, net, probs)
	if set.parts != nil {
		readPartnerships(tableRows(set.parts, partnershipColumns, probs), set.parts.file, net, probs)
	}
	if set.arrs != nil {
		readArrangements(tableRows(set.arrs, arrangementColumns, probs), set.arrs.file, net, probs)
	}
	if set.mems != nil {
		readMembers(tableRows(set.mems, memberColumns, probs), set.mems.file, net, probs)
	}
	if set.requireTies && set.parts == nil && set.arrs == nil && len(probs.Errors) == 0 {
		probs.errorf(set.orgs.file, 0, "", fmt.Errorf("%w: a dataset needs partnerships or arrangements and members", ErrMissingFile))
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	warnIsolated(net, set.orgs.file, probs)
	probs.Sort()
	return net, nil
}

// records is an in-memory table under construction: a header, rows and the
// line each row came from.
type records struct {
	header []string
	col    map[string]int
	rows   [][]string
	lines  []int
}

func newRecords(header ...string) *records {
	r := &records{col: map[string]int{}}
	for _, h := range header {
		r.column(h)
	}
	return r
}

// column returns the index of a named field, adding it to the header.
func (r *records) column(name string) int {
	if i, ok := r.col[name]; ok {
		return i
	}
	r.col[name] = len(r.header)
	r.header = append(r.header, name)
	return len(r.header) - 1
}

// attr stores an attribute of the last row in a column of its own, even
// when its name is also a known column's (the table then keeps it as an
// attribute, as it does a repeated CSV header).
func (r *records) attr(name, value string) {
	key := "\x00" + name
	i, ok := r.col[key]
	if !ok {
		i = len(r.header)
		r.col[key] = i
		r.header = append(r.header, name)
	}
	row := r.rows[len(r.rows)-1]
	for len(row) <= i {
		row = append(row, "")
	}
	row[i] = value
	r.rows[len(r.rows)-1] = row
}

// add appends a row at line; set fills it.
func (r *records) add(line int) []string {
	row := make([]string, len(r.header))
	r.rows = append(r.rows, row)
	r.lines = append(r.lines, line)
	return row
}

// set stores a named field of the last row, widening it when the column is
// new.
func (r *records) set(name, value string) {
	i := r.column(name)
	row := r.rows[len(r.rows)-1]
	for len(row) <= i {
		row = append(row, "")
	}
	row[i] = value
	r.rows[len(r.rows)-1] = row
}

// table turns the records into a table for the folder reader's checks.
func (r *records) table(file string, probs *Problems) *table {
	k := 0
	t := newRecordTable(file, r.header, func() ([]string, int, error) {
		if k >= len(r.rows) {
			return nil, 0, io.EOF
		}
		k++
		return r.rows[k-1], r.lines[k-1], nil
	}, probs)
	t.structured = true
	return t
}

// lineIndex maps byte offsets in data to 1-based line numbers.
type lineIndex []int

func newLineIndex(data []byte) lineIndex {
	li := lineIndex{0}
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return li
		}
		i += j + 1
		li = append(li, i)
	}
}

func (li lineIndex) line(off int64) int {
	lo, hi := 0, len(li)
	for lo < hi {
		m := (lo + hi) / 2
		if int64(li[m]) <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func writeAtomicContext(ctx context.Context, path string, write func(io.Writer) error) error {
	return atomicfile.WriteFileContext(ctx, path, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 256<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
}
