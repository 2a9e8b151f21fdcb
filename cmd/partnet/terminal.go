package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Text from data (organisation ids and names, dataset titles, file paths,
// values quoted in errors) is escaped before it reaches a terminal, as it
// is in HTML: an id holding ESC[2J would clear the analyst's screen, an
// OSC sequence retitle the window, and a right-to-left override make a
// message read backwards. termSafe is the one place that decides what is
// shown escaped; tprintf applies it to every argument of a message, and
// textWriter to tables written as text.

// termSafe returns s with every character a terminal would act on, or that
// would hide or reorder text, written as a visible escape: C0 controls
// (newline and tab included: a message is one line), DEL and C1 controls
// as \xNN, bidirectional and zero-width formatting characters as \uNNNN,
// and bytes that are not UTF-8 as \xNN. Everything else is kept.
func termSafe(s string) string { return escapeTerm(s, false) }

// escapeTerm is termSafe; layout keeps newline and tab (for text tables,
// whose lines and columns are partnet's own).
func escapeTerm(s string, layout bool) string {
	clean := true
	for _, r := range s {
		if needsEscape(r, layout) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !needsEscape(r, layout):
			b.WriteString(s[i : i+size])
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

func needsEscape(r rune, layout bool) bool {
	switch {
	case layout && (r == '\n' || r == '\t'):
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r == utf8.RuneError:
		return true
	case r == 0x061c, r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e,
		r >= 0x2060 && r <= 0x2069, r == 0xfeff:
		// Arabic letter mark; zero-width space, joiners and direction
		// marks; embeddings and overrides; word joiner and isolates; BOM.
		return true
	}
	return false
}

// tprintf writes a message whose format is partnet's own and whose
// arguments may come from data: strings, errors and Stringers among args
// are passed through termSafe. Numbers are left as they are.
func tprintf(w io.Writer, format string, args ...any) {
	safe := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			safe[i] = termSafe(v)
		case error:
			safe[i] = termSafe(v.Error())
		case fmt.Stringer:
			safe[i] = termSafe(v.String())
		default:
			safe[i] = a
		}
	}
	fmt.Fprintf(w, format, safe...)
}

// textWriter escapes text tables on their way to stdout (see escapeTerm,
// keeping newlines and tabs). A character split across two writes is
// held until the next write or Flush.
type textWriter struct {
	w       io.Writer
	pending []byte
}

func newTextWriter(w io.Writer) *textWriter { return &textWriter{w: w} }

func (t *textWriter) Write(p []byte) (int, error) {
	buf := append(t.pending, p...)
	// Keep back an incomplete last character (at most 3 bytes).
	cut := len(buf)
	for k := 1; k <= 3 && k <= len(buf); k++ {
		if utf8.RuneStart(buf[len(buf)-k]) {
			if !utf8.FullRune(buf[len(buf)-k:]) {
				cut = len(buf) - k
			}
			break
		}
	}
	t.pending = append([]byte(nil), buf[cut:]...)
	if _, err := io.WriteString(t.w, escapeTerm(string(buf[:cut]), true)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a character left incomplete at the end, escaped.
func (t *textWriter) Flush() error {
	if len(t.pending) == 0 {
		return nil
	}
	_, err := io.WriteString(t.w, escapeTerm(string(t.pending), true))
	t.pending = nil
	return err
}

// writeText writes a text table through a textWriter.
func writeText(out io.Writer, write func(io.Writer) error) error {
	tw := newTextWriter(out)
	if err := write(tw); err != nil {
		return err
	}
	return tw.Flush()
}
