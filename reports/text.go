package reports

import (
	"strings"
	"unicode"
)

// Plain makes user-supplied text safe to print in a terminal table: control
// characters (including escape sequences, tabs and newlines) and Unicode
// bidirectional overrides become visible escapes, so a name cannot move the
// cursor, recolour the terminal or reorder a line.
func Plain(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			b.WriteString(strings.Trim(strings.ReplaceAll(quoteRune(r), "'", ""), "\""))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}

func quoteRune(r rune) string {
	const hex = "0123456789abcdef"
	if r < 0x10000 {
		return `\u` + string([]byte{hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15]})
	}
	return `\U` + string([]byte{hex[r>>28&15], hex[r>>24&15], hex[r>>20&15], hex[r>>16&15], hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15]})
}
