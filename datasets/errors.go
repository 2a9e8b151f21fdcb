package datasets

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors. A *ParseError wraps one of these or one of package
// graph's sentinels.
var (
	ErrMissingColumn  = errors.New("missing column")
	ErrMissingFile    = errors.New("missing file")
	ErrBadNumber      = errors.New("not a number")
	ErrBadDate        = errors.New("not a date")
	ErrBadValue       = errors.New("bad value")
	ErrEmptyFile      = errors.New("empty file")
	ErrEndBeforeStart = errors.New("end before start")
	ErrMalformed      = errors.New("malformed file")
	ErrUnknownFormat  = errors.New("unknown format")
	ErrTooLarge       = errors.New("over a size limit")
)

// MaxProblems caps how many problems one read collects before it stops
// listing them (it still counts them).
const MaxProblems = 1000

// ParseError says where in an input a problem is. Line is 1-based (0 when
// the problem is the whole file); Column is the 1-based field position (0
// when unknown); Field is the column's header. It prints as
//
//	partnerships.csv:12: column "weight": "abc" is not a number
type ParseError struct {
	File   string
	Line   int
	Column int
	Field  string
	Err    error
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Field != "" {
		fmt.Fprintf(&b, "column %q: ", e.Field)
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Problems collects the errors and warnings found in one read. Errors make
// the input unusable; warnings (an isolated organisation, text converted
// from Windows-1252) do not.
type Problems struct {
	Errors   []*ParseError
	Warnings []*ParseError
	// Dropped counts problems found after MaxProblems were listed.
	Dropped int
}

func (p *Problems) add(list *[]*ParseError, e *ParseError) {
	if len(p.Errors)+len(p.Warnings) >= MaxProblems {
		p.Dropped++
		return
	}
	*list = append(*list, e)
}

func (p *Problems) errorf(file string, line int, field string, err error) {
	p.add(&p.Errors, &ParseError{File: file, Line: line, Field: field, Err: err})
}

func (p *Problems) warnf(file string, line int, field string, err error) {
	p.add(&p.Warnings, &ParseError{File: file, Line: line, Field: field, Err: err})
}

// Sort orders errors and warnings by file, then line, then column.
func (p *Problems) Sort() {
	by := func(a, b *ParseError) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	}
	slices.SortStableFunc(p.Errors, by)
	slices.SortStableFunc(p.Warnings, by)
}

// Err returns nil when there are no errors, otherwise every error joined
// (sorted by file and line), with a last line counting any not listed.
func (p *Problems) Err() error {
	if len(p.Errors) == 0 {
		return nil
	}
	p.Sort()
	errs := make([]error, 0, len(p.Errors)+1)
	for _, e := range p.Errors {
		errs = append(errs, e)
	}
	if p.Dropped > 0 {
		errs = append(errs, fmt.Errorf("... and %d more problems not listed (limit %d)", p.Dropped, MaxProblems))
	}
	return errors.Join(errs...)
}

// quoteID quotes an id or other text from data for a message, as %q does,
// and also escapes what would print invisibly or look like something else:
// combining marks ("Cafe\u0301"), format characters such as zero-width
// spaces, and spaces other than the ASCII space. Two ids that differ only
// in such characters then look different.
func quoteID(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < utf8.RuneSelf && r >= 0x20 && r != 0x7f:
			b.WriteRune(r)
		case r >= utf8.RuneSelf && unicode.IsPrint(r) && !unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Zs):
			b.WriteRune(r)
		case r <= 0xFFFF:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
