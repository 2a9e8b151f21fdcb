package datasets

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// Text encodings partnet reads (see docs/formats.md, "Accepted encodings"):
// UTF-8 with or without a byte order mark, Windows-1252 where a field is
// not valid UTF-8 (with a warning), and UTF-16 with a byte order mark (as
// Excel's "Unicode Text" writes it). UTF-16 is decoded strictly: an odd
// number of bytes (a truncated file) or an unpaired surrogate is an error
// at its line, never a U+FFFD character in an id.

// utf16Error is a UTF-16 decoding failure at a line of the decoded text.
type utf16Error struct {
	line int
	what string
}

func (e *utf16Error) Error() string {
	return fmt.Sprintf("invalid UTF-16: %s (a truncated or damaged file? save it again as UTF-8 or UTF-16)", e.what)
}

// utf16Decoder is a strict UTF-16 to UTF-8 transformer. The byte order mark
// must have been consumed; bigEndian says which order it named.
type utf16Decoder struct {
	bigEndian bool
	line      int // lines completed so far
}

func (d *utf16Decoder) Reset() { d.line = 0 }

func (d *utf16Decoder) unit(b []byte) uint16 {
	if d.bigEndian {
		return uint16(b[0])<<8 | uint16(b[1])
	}
	return uint16(b[1])<<8 | uint16(b[0])
}

func (d *utf16Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		if len(src)-nSrc < 2 {
			if atEOF {
				return nDst, nSrc, &utf16Error{line: d.line + 1, what: "the file ends in the middle of a character (an odd number of bytes)"}
			}
			return nDst, nSrc, transform.ErrShortSrc
		}
		u := d.unit(src[nSrc:])
		r, size := rune(u), 2
		switch {
		case utf16.IsSurrogate(r) && u < 0xDC00:
			if len(src)-nSrc < 4 {
				if atEOF {
					return nDst, nSrc, &utf16Error{line: d.line + 1, what: "the file ends in the middle of a character (a lone high surrogate)"}
				}
				return nDst, nSrc, transform.ErrShortSrc
			}
			lo := rune(d.unit(src[nSrc+2:]))
			r = utf16.DecodeRune(r, lo)
			if r == utf8.RuneError {
				return nDst, nSrc, &utf16Error{line: d.line + 1, what: fmt.Sprintf("an unpaired surrogate %#04x", u)}
			}
			size = 4
		case utf16.IsSurrogate(r):
			return nDst, nSrc, &utf16Error{line: d.line + 1, what: fmt.Sprintf("an unpaired surrogate %#04x", u)}
		}
		if len(dst)-nDst < utf8.RuneLen(r) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc += size
		if r == '\n' {
			d.line++
		}
	}
	return nDst, nSrc, nil
}

// utf16BOM reports whether b starts with a UTF-16 byte order mark (and not
// UTF-32's), and which order it names.
func utf16BOM(b []byte) (bigEndian, ok bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}):
		return false, false // UTF-32 little-endian
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return false, true
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return true, true
	}
	return false, false
}

// decodeUTF16 decodes a whole UTF-16 text whose byte order mark is at its
// start, strictly; a failure is a *ParseError at its line.
func decodeUTF16(data []byte, file string) ([]byte, error) {
	big, _ := utf16BOM(data)
	out, _, err := transform.Bytes(&utf16Decoder{bigEndian: big}, data[2:])
	if err != nil {
		return nil, utf16ParseError(err, file)
	}
	return out, nil
}

// utf16ParseError turns a decoding failure into a ParseError at its line.
func utf16ParseError(err error, file string) *ParseError {
	if ue, ok := err.(*utf16Error); ok {
		return &ParseError{File: file, Line: ue.line, Err: wrapMsg(ErrMalformed, ue.Error())}
	}
	return &ParseError{File: file, Err: err}
}

// textHead decodes the first bytes of a UTF-16 file with a byte order mark
// for sniffing (leniently: a character cut by the end of head is dropped);
// other heads are returned as they are.
func textHead(head []byte) []byte {
	big, ok := utf16BOM(head)
	if !ok {
		return head
	}
	body := head[2:]
	body = body[:len(body)&^1]
	var b bytes.Buffer
	d := &utf16Decoder{bigEndian: big}
	for i := 0; i+1 < len(body); i += 2 {
		u := d.unit(body[i:])
		r := rune(u)
		if utf16.IsSurrogate(r) {
			if i+3 >= len(body) {
				break
			}
			r = utf16.DecodeRune(r, rune(d.unit(body[i+2:])))
			i += 2
		}
		b.WriteRune(r)
	}
	return b.Bytes()
}

// sepLine reads Excel's optional first line naming the delimiter ("sep=,",
// "sep=;", "sep=" followed by a tab), as Excel writes for CSV meant to open
// the same way in every locale. It returns the delimiter and true when
// line is one.
func sepLine(line []byte) (byte, bool) {
	l := bytes.TrimSuffix(line, []byte{'\r'})
	if len(l) != 5 || !strings.EqualFold(string(l[:4]), "sep=") {
		return 0, false
	}
	switch d := l[4]; d {
	case ',', ';', '\t', '|':
		return d, true
	}
	return 0, false
}

// readAllLimit reads r to the end, failing with ErrTooLarge past limit.
func readAllLimit(r io.Reader, limit int64, file string) ([]byte, error) {
	return readAllLines(r, limit, 0, file)
}

// readAllLines is readAllLimit that also fails as soon as one line grows
// longer than maxLine bytes (0: no limit): a text file with no line breaks
// is refused after reading maxLine bytes, not after reading it whole. The
// buffer is sized from the file's size only once the first block has
// shown sensible lines.
func readAllLines(r io.Reader, limit int64, maxLine int, file string) ([]byte, error) {
	size := int64(-1)
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := st.Stat(); err == nil && info.Mode().IsRegular() {
			size = info.Size()
		}
	}
	const firstBlock = 16 << 20
	data := make([]byte, 0, 64<<10)
	if size >= 0 {
		data = make([]byte, 0, min(size, firstBlock)+512)
	}
	lastNL := -1 // index of the last line feed seen
	for {
		if len(data) == cap(data) {
			want := 2 * cap(data)
			if size >= 0 && int64(len(data)) >= min(size, firstBlock) && size+512 > int64(want) && size <= limit {
				want = int(size) + 512
			}
			grown := make([]byte, len(data), want)
			copy(grown, data)
			data = grown
		}
		n, err := r.Read(data[len(data):cap(data)])
		chunk := data[len(data) : len(data)+n]
		if i := bytes.LastIndexByte(chunk, '\n'); i >= 0 {
			lastNL = len(data) + i
		}
		data = data[:len(data)+n]
		if maxLine > 0 && len(data)-lastNL-1 > maxLine {
			line := bytes.Count(data[:lastNL+1], []byte{'\n'}) + 1
			return nil, &ParseError{File: file, Line: line, Err: fmt.Errorf("%w: a line longer than %s (a missing line break?)", ErrTooLarge, ByteSize(int64(maxLine)))}
		}
		if int64(len(data)) > limit {
			return nil, &ParseError{File: file, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)}
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, &ParseError{File: file, Err: err}
		}
	}
}
