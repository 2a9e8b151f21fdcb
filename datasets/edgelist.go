package datasets

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/partnet/partnet/graph"
)

// MaxEdgeListBytes is the largest edge list ReadEdgeList accepts (it reads
// the whole file into memory, about 25 bytes a tie).
var MaxEdgeListBytes int64 = 4 << 30

// ReadEdgeList reads a bare edge list: one tie a line, source and target
// ids and an optional weight (empty means 1), separated by commas, tabs or
// semicolons (whichever the first line has most of), or by runs of spaces
// when the first line has none of those (igraph's "ncol" form).
// Organisations are inferred, in order of first appearance, with only an
// id. The first line is a header when its first two fields name the
// source and target columns (source/target, from/to, ...; see the README)
// or its third is "weight"; a header with more columns (kind, start,
// value_gbp, ... as in partnerships.csv) is read with the partnerships
// schema, extra columns becoming attributes. Blank lines are skipped. A
// self tie, an empty id, or a weight that is not a number > 0 is an error
// at its line.
//
// Plain files (no quote characters, valid UTF-8) go through a byte scanner
// that splits the file into one chunk per CPU (at most 4) and parses them
// in parallel; files with quotes, a byte order mark other than UTF-8's, or
// text that is not UTF-8 are read with encoding/csv, as a dataset folder's
// files are.
func ReadEdgeList(r io.Reader, file string) (*graph.Network, *Problems, error) {
	data, err := readAllLines(r, MaxEdgeListBytes, MaxRecordBytes, file)
	if err != nil {
		return nil, &Problems{}, err
	}
	probs := &Problems{}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if _, ok := utf16BOM(data); ok {
		if data, err = decodeUTF16(data, file); err != nil {
			probs.add(&probs.Errors, err.(*ParseError))
			return nil, probs, probs.Err()
		}
		data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	}
	if len(bytes.TrimSpace(data)) == 0 {
		probs.errorf(file, 0, "", fmt.Errorf("%w: no ties", ErrEmptyFile))
		return nil, probs, probs.Err()
	}
	first, rest := cutLine(data)
	skipped := 0 // lines before the header or first tie (Excel's sep=)
	delim, forced := sepLine(first)
	if forced {
		data, skipped = rest, 1
		first, rest = cutLine(data)
	} else {
		delim = edgeDelimiter(first)
	}
	fields := splitFields(string(first), delim)
	header := isEdgeHeader(fields)
	plain := (delim == ' ' || bytes.IndexByte(data, '"') < 0) && bytes.IndexByte(data[:min(len(data), 64<<10)], 0) < 0
	if header && len(fields) > 3 || header && len(fields) == 3 && normHeader(fields[2]) != "weight" {
		plain = false
	}
	if !header && namesTieColumn(fields) {
		// A header naming some tie columns but not source and target
		// (source,weight): read with the schema, which reports the missing
		// column, rather than as a tie between "source" and "weight".
		header, plain = true, false
	}
	if plain {
		body, line := data, 1+skipped
		if header {
			body, line = rest, 2+skipped
		}
		net, ok := scanEdgeList(body, line, delim, file, probs)
		if ok && net != nil && net.NumPartnerships() == 0 && len(probs.Errors) == 0 {
			probs.errorf(file, line, "", fmt.Errorf("%w: no ties", ErrEmptyFile))
		}
		if ok {
			if err := probs.Err(); err != nil {
				return nil, probs, err
			}
			probs.Sort()
			return net, probs, nil
		}
		probs = &Problems{} // text that is not UTF-8: read it as CSV below
	}
	return readEdgeListCSV(data, file, header, delim, skipped, probs)
}

func cutLine(b []byte) (line, rest []byte) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return bytes.TrimSuffix(b, []byte{'\r'}), nil
	}
	return bytes.TrimSuffix(b[:i], []byte{'\r'}), b[i+1:]
}

// edgeDelimiter picks the delimiter of an edge list from its first line;
// ' ' means runs of spaces and tabs.
func edgeDelimiter(first []byte) byte {
	best, n := byte(' '), 0
	for _, d := range []byte{',', '\t', ';'} {
		if c := bytes.Count(first, []byte{d}); c > n {
			best, n = d, c
		}
	}
	return best
}

// splitFields splits a line on delim (' ' splits on runs of blanks) and
// trims spaces around each field.
func splitFields(line string, delim byte) []string {
	if delim == ' ' {
		return strings.FieldsFunc(line, func(r rune) bool { return r < utf8.RuneSelf && asciiSpace(byte(r)) })
	}
	fs := strings.Split(line, string(delim))
	for i := range fs {
		fs[i] = strings.TrimSpace(fs[i])
	}
	return fs
}

func isEdgeHeader(fields []string) bool {
	is := func(i int, c column) bool {
		if i >= len(fields) {
			return false
		}
		h := normHeader(fields[i])
		if h == c.name {
			return true
		}
		for _, a := range c.aliases {
			if h == a && len(a) > 1 {
				return true
			}
		}
		return false
	}
	src, dst := partnershipColumns[0], partnershipColumns[1]
	return is(0, src) && is(1, dst) || len(fields) >= 3 && normHeader(fields[2]) == "weight"
}

// errRepeatedHeader is the error for a header line found again below the
// first line, as when two files are joined with cat.
var errRepeatedHeader = wrapMsg(ErrMalformed, "a header row again (were two files joined, e.g. with cat?): delete this line")

// looksLikeEdgeHeader reports, without allocating, whether an edge list's
// fields are a header line: source and target named by a column name or
// alias of two letters or more, or a third field "weight".
func looksLikeEdgeHeader(f []string) bool {
	if len(f) < 2 {
		return false
	}
	if len(f) == 3 && len(f[2]) >= 6 && headerIs(f[2], "weight") {
		return true
	}
	// A quick rejection on the first field's length and first letter
	// keeps this off the edge-list reader's profile.
	s := f[0]
	if len(s) == 0 || len(s) >= len(sourceHeaderStart) || !sourceHeaderStart[len(s)][s[0]] && !asciiSpace(s[0]) && !asciiSpace(s[len(s)-1]) {
		return false
	}
	return namesColumn(f[0], partnershipColumns[0]) && namesColumn(f[1], partnershipColumns[1])
}

// sourceHeaderStart[n][c] is set when the source column's name or an
// alias of two letters or more has length n and first byte c (either
// case).
var sourceHeaderStart = func() (t [32][256]bool) {
	c := partnershipColumns[0]
	for _, a := range append([]string{c.name}, c.aliases...) {
		if len(a) > 1 && len(a) < len(t) {
			t[len(a)][a[0]] = true
			if a[0] >= 'a' && a[0] <= 'z' {
				t[len(a)][a[0]-'a'+'A'] = true
			}
		}
	}
	return t
}()

func namesColumn(s string, c column) bool {
	if headerIs(s, c.name) {
		return true
	}
	for _, a := range c.aliases {
		if len(a) > 1 && headerIs(s, a) {
			return true
		}
	}
	return false
}

// headerIs reports whether normHeader(s) == name (a normalised name), without
// allocating.
func headerIs(s, name string) bool {
	if len(s) != len(name) {
		if len(s) < len(name) || !asciiSpace(s[0]) && !asciiSpace(s[len(s)-1]) {
			return false
		}
		if s = trimBlank(s); len(s) != len(name) {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == ' ' || c == '-' || c == '.':
			c = '_'
		}
		if c != name[i] {
			return false
		}
	}
	return true
}

// namesTieColumn reports whether any field is the name of a partnership
// column partnet knows (source, target, weight, kind, ...), aliases of one
// letter aside.
func namesTieColumn(fields []string) bool {
	for _, f := range fields {
		h := normHeader(f)
		for _, c := range partnershipColumns {
			if h == c.name {
				return true
			}
			for _, a := range c.aliases {
				if h == a && len(a) > 1 {
					return true
				}
			}
		}
	}
	return false
}

// edgeChunk is what one worker parsed: ids in order of first appearance
// and ties between their local indices.
type edgeChunk struct {
	ids      *internTable
	src, dst []int32
	w        []float64
	lines    int // lines consumed
	errs     []*ParseError
	notUTF8  bool
}

// scanEdgeList parses a plain edge list body whose first line is firstLine.
// ok is false when an id is not valid UTF-8 (the caller falls back to the
// CSV reader, which converts Windows-1252).
func scanEdgeList(body []byte, firstLine int, delim byte, file string, probs *Problems) (*graph.Network, bool) {
	if len(bytes.TrimSpace(body)) == 0 {
		probs.errorf(file, firstLine, "", fmt.Errorf("%w: header only, no ties", ErrEmptyFile))
		return nil, true
	}
	parts := splitChunks(body, min(runtime.GOMAXPROCS(0), 4))
	chunks := make([]edgeChunk, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chunks[i] = parseEdgeChunk(p, delim, file)
		}()
	}
	wg.Wait()
	for i := range chunks {
		if chunks[i].notUTF8 {
			return nil, false
		}
	}
	return mergeEdgeChunks(chunks, firstLine, probs), true
}

// splitChunks cuts body into about n pieces at line ends; small bodies stay
// whole.
func splitChunks(body []byte, n int) [][]byte {
	const minChunk = 1 << 20
	if n < 2 || len(body) < 2*minChunk {
		return [][]byte{body}
	}
	var out [][]byte
	size := len(body) / n
	for len(body) > 0 && len(out) < n-1 {
		if len(body) <= size {
			break
		}
		i := bytes.IndexByte(body[size:], '\n')
		if i < 0 {
			break
		}
		out = append(out, body[:size+i+1])
		body = body[size+i+1:]
	}
	if len(body) > 0 {
		out = append(out, body)
	}
	return out
}

func parseEdgeChunk(b []byte, delim byte, file string) edgeChunk {
	if len(b) == 0 {
		return edgeChunk{ids: newInternTable(0)}
	}
	// A string view of the chunk: ids are substrings of it until they are
	// copied out in mergeEdgeChunks. b is never modified.
	s := unsafe.String(&b[0], len(b))
	est := bytes.Count(b, []byte{'\n'}) + 1
	c := edgeChunk{src: make([]int32, 0, est), dst: make([]int32, 0, est), w: make([]float64, 0, est)}
	c.ids = newInternTable(est / 4)
	intern := func(id string) int32 {
		k, added := c.ids.intern(id)
		if added && !utf8.ValidString(id) {
			c.notUTF8 = true
		}
		return k
	}
	fail := func(line int, col int, field string, err error) {
		if len(c.errs) < MaxProblems {
			c.errs = append(c.errs, &ParseError{File: file, Line: line, Column: col, Field: field, Err: err})
		}
	}
	var f [4]string
	ascii := isASCIIBytes(b) // no id needs normalising
	line := 0
	for len(s) > 0 {
		line++
		var l string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			l, s = s[:i], s[i+1:]
		} else {
			l, s = s, ""
		}
		n := splitInto(l, delim, &f)
		if n == 0 || n == 1 && f[0] == "" {
			continue
		}
		if n < 2 || n > 3 {
			fail(line, 0, "", badValue("%d fields: expected source%ctarget[%cweight] (a header line names any further columns)", n, delim, delim))
			continue
		}
		if len(f[0]) > MaxFieldBytes || len(f[1]) > MaxFieldBytes {
			fail(line, 0, "", fmt.Errorf("%w: an id longer than %d bytes", ErrTooLarge, MaxFieldBytes))
			continue
		}
		if looksLikeEdgeHeader(f[:n]) {
			fail(line, 0, "", errRepeatedHeader)
			continue
		}
		if f[0] == "" || f[1] == "" {
			col, name := 1, "source"
			if f[0] != "" {
				col, name = 2, "target"
			}
			fail(line, col, name, badValue("empty organisation id"))
			continue
		}
		w := 1.0
		if n == 3 && f[2] != "" {
			v, ok := parseDecimal(f[2])
			if !ok {
				_, _, perr := ParseNumber(f[2])
				if perr == nil {
					perr = badValue("%q is not a finite number", f[2])
				}
				fail(line, 3, "weight", perr)
				continue
			}
			if err := checkWeight(v); err != nil {
				fail(line, 3, "weight", err)
				continue
			}
			w = v
		}
		if !ascii {
			f[0], f[1] = nfc(f[0]), nfc(f[1])
		}
		if f[0] == f[1] {
			fail(line, 1, "source", fmt.Errorf("%s: %w", quoteID(f[0]), graph.ErrSelfTie))
			continue
		}
		c.src = append(c.src, intern(f[0]))
		c.dst = append(c.dst, intern(f[1]))
		c.w = append(c.w, w)
	}
	c.lines = line
	return c
}

// splitInto splits l (a line, maybe ending in \r) into at most 4 trimmed
// fields and returns how many there were (4 meaning 4 or more).
func splitInto(l string, delim byte, f *[4]string) int {
	if len(l) > 0 && l[len(l)-1] == '\r' {
		l = l[:len(l)-1]
	}
	n := 0
	if delim == ' ' {
		for n < 4 {
			l = strings.TrimLeft(l, " \t\r\v\f")
			if l == "" {
				break
			}
			i := strings.IndexAny(l, " \t\r\v\f")
			if i < 0 {
				f[n] = trimBlank(l)
				n++
				break
			}
			f[n], l = trimBlank(l[:i]), l[i:]
			n++
		}
		return n
	}
	for {
		i := strings.IndexByte(l, delim)
		if i < 0 {
			f[n] = trimBlank(l)
			return n + 1
		}
		f[n] = trimBlank(l[:i])
		l = l[i+1:]
		n++
		if n == 3 {
			// A fourth field exists.
			f[3] = l
			return 4
		}
	}
}

func trimBlank(s string) string {
	if len(s) > 0 && (s[0] >= utf8.RuneSelf || s[len(s)-1] >= utf8.RuneSelf) {
		return strings.TrimSpace(s)
	}
	for len(s) > 0 && asciiSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && asciiSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// mergeEdgeChunks builds the network: organisations in order of first
// appearance across the chunks in file order, ids copied out of the file's
// buffer into one compact block.
func mergeEdgeChunks(chunks []edgeChunk, firstLine int, probs *Problems) *graph.Network {
	line := firstLine
	for _, c := range chunks {
		for _, e := range c.errs {
			e.Line += line - 1
			probs.add(&probs.Errors, e)
		}
		line += c.lines
	}
	if len(probs.Errors) > 0 {
		return nil
	}
	net := graph.NewNetwork()
	global := chunks[0].ids
	remaps := make([][]int32, len(chunks))
	for ci := 1; ci < len(chunks); ci++ {
		local := chunks[ci].ids
		remap := make([]int32, local.len())
		for k := range remap {
			remap[k], _ = global.intern(local.key(int32(k)))
		}
		remaps[ci] = remap
	}
	ties := 0
	for _, c := range chunks {
		ties += len(c.src)
	}
	net.Grow(global.len(), ties)
	// One string holds every id; organisations' ids are slices of it.
	all := string(global.keys)
	start := 0
	for _, end := range global.ends {
		net.EnsureOrganisation(all[start:end])
		start = end
	}
	for ci, c := range chunks {
		if ci == 0 {
			for k := range c.src {
				net.AddTie(int(c.src[k]), int(c.dst[k]), c.w[k])
			}
			continue
		}
		remap := remaps[ci]
		for k := range c.src {
			net.AddTie(int(remap[c.src[k]]), int(remap[c.dst[k]]), c.w[k])
		}
	}
	return net
}

// readEdgeListCSV reads an edge list with quotes, extra columns or text
// that is not UTF-8 through the CSV table and the partnerships schema.
func readEdgeListCSV(data []byte, file string, header bool, delim byte, skipped int, probs *Problems) (*graph.Network, *Problems, error) {
	var src io.Reader = bytes.NewReader(data)
	if !header {
		if delim == ' ' {
			delim = '\t'
		}
		d := string(delim)
		src = io.MultiReader(strings.NewReader("source"+d+"target"+d+"weight\n"), src)
	}
	net := graph.NewNetwork()
	t, err := newTable(file, src, probs)
	if err != nil {
		probs.add(&probs.Errors, asParseError(err, file))
	} else if rr := tableRows(t, partnershipColumns, probs); rr != nil {
		for rr.next() {
			p, ok := rr.partnership()
			if !ok {
				continue
			}
			if p.Source == "" || p.Target == "" {
				col := "source"
				if p.Source != "" {
					col = "target"
				}
				rr.fail(col, badValue("empty organisation id"))
				continue
			}
			net.EnsureOrganisation(p.Source)
			net.EnsureOrganisation(p.Target)
			if err := net.AddPartnership(p); err != nil {
				rr.fail("source", err)
			}
		}
	}
	shift := skipped
	if !header {
		shift-- // the header line added above
	}
	for _, list := range [][]*ParseError{probs.Errors, probs.Warnings} {
		for _, e := range list {
			if e.Line > 1 || e.Line == 1 && shift > 0 {
				e.Line += shift
			}
		}
	}
	if err := probs.Err(); err != nil {
		return nil, probs, err
	}
	if net.NumPartnerships() == 0 {
		probs.errorf(file, 1, "", fmt.Errorf("%w: no ties", ErrEmptyFile))
		return nil, probs, probs.Err()
	}
	probs.Sort()
	return net, probs, nil
}

// WriteEdgeList writes the recorded partnerships as CSV with a header:
// source,target,weight when every partnership is plain (no kind, dates,
// value or attributes), otherwise every partnerships.csv column, which
// ReadEdgeList reads back. Organisations other than their ids, isolated
// organisations and arrangements are not written: use a dataset folder or
// JSON to keep them. An empty network gives a header only.
func WriteEdgeList(w io.Writer, net *graph.Network) error {
	for i := 0; i < net.NumPartnerships(); i++ {
		p := net.Partnership(i)
		if p.ID != "" || p.Name != "" || p.Kind != "" || p.ServiceArea != "" || p.Programme != "" ||
			!p.Start.IsZero() || !p.End.IsZero() || p.HasValue || len(p.Attrs) > 0 {
			return WritePartnershipsCSV(w, net)
		}
	}
	return writePlainEdges(w, net)
}

func writePlainEdges(w io.Writer, net *graph.Network) error {
	var b []byte
	b = append(b, "source,target,weight\n"...)
	for i := 0; i < net.NumPartnerships(); i++ {
		a, c := net.PartnershipEnds(i)
		b = appendCSVField(b, net.Organisation(a).ID)
		b = append(b, ',')
		b = appendCSVField(b, net.Organisation(c).ID)
		b = append(b, ',')
		b = strconv.AppendFloat(b, net.Partnership(i).Weight, 'g', -1, 64)
		b = append(b, '\n')
		if len(b) > 64<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	_, err := w.Write(b)
	return err
}

// appendCSVField appends s, quoted when it needs to be.
func appendCSVField(b []byte, s string) []byte {
	if s == "" || !strings.ContainsAny(s, ",\"\r\n;\t") && s[0] != ' ' && s[len(s)-1] != ' ' {
		return append(b, s...)
	}
	b = append(b, '"')
	b = append(b, strings.ReplaceAll(s, `"`, `""`)...)
	return append(b, '"')
}

// isASCIIBytes reports whether b is all ASCII, eight bytes at a time.
func isASCIIBytes(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func asciiSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }
