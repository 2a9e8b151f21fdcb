package datasets

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// Limits on one CSV file, so a hostile or mistaken file is refused early
// rather than by the operating system.
const (
	// MaxColumns is the most columns a CSV header may have.
	MaxColumns = 1000
	// MaxFieldBytes is the longest a single field may be.
	MaxFieldBytes = 1 << 20
)

// table streams the records of one CSV file with their line numbers and
// resolves its header against the columns a schema knows.
type table struct {
	file    string
	lim     *recordLimiter // nil for tables not read from CSV text
	r       *csv.Reader
	header  []string // normalised
	col     map[string]int
	line    int // line of the current record
	warned  bool
	probs   *Problems
	rawHead []string
	// src, when set, supplies records already split into fields (a
	// worksheet, JSON objects, XML elements) with their line, in place of r.
	src func() (rec []string, line int, err error)
	// structured is set for records with named fields (JSON, GraphML,
	// GEXF), where no row can be a repeated header.
	structured bool
	// lineOffset is added to the CSV reader's line numbers (1 when a
	// "sep=" line was skipped).
	lineOffset int
	// failed is set after an error that ends the stream (a broken
	// encoding, an over-long record): next then reports the end.
	failed bool
}

// column describes a column a schema knows: its canonical name and the
// aliases accepted for it.
type column struct {
	name     string
	aliases  []string
	required bool
}

// normHeader lower-cases a header and turns spaces, hyphens and dots into
// underscores: "Org ID" -> "org_id".
func normHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '.':
			return '_'
		}
		return r
	}, h)
}

// newTable opens a CSV stream: it strips a UTF-8 byte order mark, decodes
// UTF-16 with a byte order mark, sniffs the delimiter from the header line
// and reads the header. It reports a file with no header as ErrEmptyFile.
func newTable(file string, rd io.Reader, probs *Problems) (*table, error) {
	br := bufio.NewReaderSize(rd, 64<<10)
	head, _ := br.Peek(4)
	var src io.Reader = br
	switch big, utf16 := utf16BOM(head); {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case utf16:
		br.Discard(2)
		src = bufio.NewReaderSize(transform.NewReader(br, &utf16Decoder{bigEndian: big}), 64<<10)
	}
	sb, _ := src.(*bufio.Reader)
	first, err := sb.Peek(64 << 10)
	if ue, ok := err.(*utf16Error); ok && bytes.IndexByte(first, '\n') < 0 {
		return nil, utf16ParseError(ue, file)
	}
	if len(bytes.TrimSpace(first)) == 0 {
		return nil, &ParseError{File: file, Err: fmt.Errorf("%w: no header line", ErrEmptyFile)}
	}
	if what := sniffBinary(first); what != "" {
		return nil, &ParseError{File: file, Err: fmt.Errorf("%w: this is %s, not a CSV text file", ErrMalformed, what)}
	}
	if crOnly(first) {
		return nil, &ParseError{File: file, Err: fmt.Errorf("%w: lines end in a bare carriage return (old Mac format): save it as CSV with Windows or Unix line endings", ErrMalformed)}
	}
	offset := 0
	line, _, _ := bytes.Cut(first, []byte{'\n'})
	comma, forced := sepLine(line)
	if forced {
		// Excel's "sep=;" line: it names the delimiter; the header follows.
		sb.Discard(len(line) + 1)
		first = first[len(line)+1:]
		offset = 1
	} else {
		comma = byte(sniffDelimiter(first))
	}
	if n, _ := headerColumns(first, comma); n > MaxColumns {
		// Refused from the first 64 KiB, before the header is read whole.
		return nil, &ParseError{File: file, Line: 1 + offset, Err: fmt.Errorf("%w: the header has more than %d columns, at most %d allowed", ErrTooLarge, MaxColumns, MaxColumns)}
	}
	lim := &recordLimiter{r: sb, limit: MaxRecordBytes}
	r := csv.NewReader(lim)
	r.Comma = rune(comma)
	r.FieldsPerRecord = -1
	r.LazyQuotes = false
	r.ReuseRecord = true
	t := &table{file: file, r: r, probs: probs, lim: lim, lineOffset: offset}
	rec, err := t.next()
	if err == io.EOF {
		return nil, &ParseError{File: file, Err: fmt.Errorf("%w: no header line", ErrEmptyFile)}
	}
	if err != nil {
		return nil, err
	}
	if len(rec) > MaxColumns {
		return nil, &ParseError{File: file, Line: t.line, Err: fmt.Errorf("%w: %d columns in the header, at most %d allowed", ErrTooLarge, len(rec), MaxColumns)}
	}
	t.rawHead = append([]string(nil), rec...)
	t.col = map[string]int{}
	for i, h := range rec {
		n := normHeader(h)
		t.header = append(t.header, n)
		if first, dup := t.col[n]; !dup && n != "" {
			t.col[n] = i
		} else if dup {
			probs.warnf(file, t.line, h, fmt.Errorf("column %d has the same name as column %d: only column %d is read", i+1, first+1, first+1))
		}
	}
	return t, nil
}

// newRecordTable makes a table of records that another format has already
// split into fields: header names the fields (normalised like a CSV
// header) and src returns each record with the line to report it at, and
// io.EOF at the end.
func newRecordTable(file string, header []string, src func() ([]string, int, error), probs *Problems) *table {
	t := &table{file: file, probs: probs, src: src, rawHead: append([]string(nil), header...), col: map[string]int{}}
	for i, h := range header {
		n := normHeader(h)
		t.header = append(t.header, n)
		if _, dup := t.col[n]; !dup && n != "" {
			t.col[n] = i
		}
	}
	return t
}

// sniffDelimiter picks comma, semicolon or tab: whichever occurs most often
// outside quotes on the first line (comma on a tie).
func sniffDelimiter(b []byte) rune {
	counts := map[rune]int{}
	inQuote := false
	for _, c := range b {
		if c == '"' {
			inQuote = !inQuote
		}
		if c == '\n' && !inQuote {
			break
		}
		if !inQuote && (c == ',' || c == ';' || c == '\t') {
			counts[rune(c)]++
		}
	}
	best := ','
	for _, d := range []rune{';', '\t'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// next returns the next record, with fields converted from Windows-1252
// when they are not valid UTF-8 (one warning per file says so).
func (t *table) next() ([]string, error) {
	if t.src != nil {
		rec, line, err := t.src()
		if err != nil {
			return nil, err
		}
		t.line = line
		for i, f := range rec {
			if len(f) > MaxFieldBytes {
				return nil, &ParseError{File: t.file, Line: t.line, Column: i + 1, Field: t.fieldName(i),
					Err: fmt.Errorf("%w: field of %d bytes, at most %d allowed", ErrTooLarge, len(f), MaxFieldBytes)}
			}
		}
		return rec, nil
	}
	if t.failed {
		return nil, io.EOF
	}
	rec, err := t.r.Read()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			t.failed = true // the stream is broken: nothing more can be read
		}
		if errors.As(err, &pe) {
			return nil, &ParseError{File: t.file, Line: pe.StartLine + t.lineOffset, Column: pe.Column, Err: fmt.Errorf("%w: %v", ErrMalformed, csvReason(pe))}
		}
		if errors.Is(err, errRecordTooLong) {
			return nil, &ParseError{File: t.file, Line: t.line + 1, Err: fmt.Errorf("%w: a record longer than %s (a missing line break, or a quote that is never closed?)", ErrTooLarge, ByteSize(MaxRecordBytes))}
		}
		var ue *utf16Error
		if errors.As(err, &ue) {
			return nil, utf16ParseError(ue, t.file)
		}
		return nil, &ParseError{File: t.file, Err: err}
	}
	t.line, _ = t.r.FieldPos(0)
	t.line += t.lineOffset
	if t.lim != nil {
		t.lim.reset()
	}
	for i, f := range rec {
		if len(f) > MaxFieldBytes {
			return nil, &ParseError{File: t.file, Line: t.line, Column: i + 1, Field: t.fieldName(i),
				Err: fmt.Errorf("%w: field of %d bytes, at most %d allowed", ErrTooLarge, len(f), MaxFieldBytes)}
		}
		if !utf8.ValidString(f) {
			s, _ := charmap.Windows1252.NewDecoder().String(f)
			rec[i] = s
			if !t.warned {
				t.warned = true
				t.probs.warnf(t.file, t.line, t.fieldName(i), errors.New("text is not UTF-8: read as Windows-1252 (save the file as UTF-8 to silence this)"))
			}
		}
	}
	return rec, nil
}

func csvReason(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return "a quote (\") inside an unquoted field: quote the whole field and double the inner quotes (\"\")"
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine:
		return fmt.Sprintf("unterminated quoted field: the quote (\") opened on this line is still open on line %d: close it, or double a quote meant as text (\"\")", pe.Line)
	case errors.Is(pe.Err, csv.ErrQuote):
		return "a quoted field is not closed properly: text after its closing quote, or no closing quote (double a quote meant as text: \"\")"
	}
	return pe.Err.Error()
}

func (t *table) fieldName(i int) string {
	if i < len(t.rawHead) {
		return t.rawHead[i]
	}
	return fmt.Sprintf("#%d", i+1)
}

// resolve maps each schema column to its field index (-1 when absent) and
// reports required columns that are missing, suggesting near misses.
func (t *table) resolve(schema []column) (map[string]int, bool) {
	idx := map[string]int{}
	ok := true
	for _, c := range schema {
		idx[c.name] = -1
		for _, a := range append([]string{c.name}, c.aliases...) {
			if i, found := t.col[a]; found {
				idx[c.name] = i
				break
			}
		}
		if idx[c.name] < 0 && c.required {
			ok = false
			msg := fmt.Sprintf("%v %q: the header has %s", ErrMissingColumn, c.name, strings.Join(quoteAll(t.rawHead), ", "))
			if near := nearest(c, t.header); near != "" {
				msg += fmt.Sprintf(" (did you mean %q for %q?)", near, c.name)
			} else if d := otherDelimiter(t.rawHead); d != "" {
				msg += fmt.Sprintf(" (the header seems separated by %s: partnet reads comma, semicolon or tab separated files)", d)
			}
			t.probs.add(&t.probs.Errors, &ParseError{File: t.file, Line: 1 + t.lineOffset, Field: c.name, Err: wrapMsg(ErrMissingColumn, msg)})
		}
	}
	return idx, ok
}

// extras returns the indices of header columns no schema column claimed.
func (t *table) extras(idx map[string]int) []int {
	used := map[int]bool{}
	for _, i := range idx {
		used[i] = true
	}
	var out []int
	for i, h := range t.header {
		if !used[i] && h != "" && t.col[h] == i { // a repeated name is read once
			out = append(out, i)
		}
	}
	return out
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// nearest returns a header within edit distance 2 of the column's name or
// an alias, for "did you mean" hints.
func nearest(c column, header []string) string {
	for _, h := range header {
		for _, a := range append([]string{c.name}, c.aliases...) {
			if h != a && editDistance(h, a) <= 2 && len(a) > 3 {
				return h
			}
		}
	}
	return ""
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// wrapMsg returns an error that prints msg and unwraps to sentinel.
func wrapMsg(sentinel error, msg string) error { return &msgError{msg: msg, err: sentinel} }

type msgError struct {
	msg string
	err error
}

func (e *msgError) Error() string { return e.msg }
func (e *msgError) Unwrap() error { return e.err }

// otherDelimiter names the separator of a header that was read as a single
// column because it uses one partnet does not read ("|", ":", spaces).
func otherDelimiter(rawHead []string) string {
	if len(rawHead) != 1 {
		return ""
	}
	for _, d := range []string{"|", "^", ":", "~"} {
		if strings.Contains(rawHead[0], d) {
			return fmt.Sprintf("%q", d)
		}
	}
	if strings.Contains(strings.TrimSpace(rawHead[0]), " ") {
		return "spaces"
	}
	return ""
}
