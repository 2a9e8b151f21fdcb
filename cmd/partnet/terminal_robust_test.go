package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// terminalHostile are strings that act on a terminal or hide text: a
// screen clear, an OSC window-title change ended by BEL, an 8-bit CSI (C1),
// a right-to-left override and a zero-width space.
var terminalHostile = []string{"\x1b[2J", "\x1b]0;pwned\a", "\u009b31m", "\u202egnp.exe", "zero\u200bwidth"}

// rawControls lists the characters of out a terminal would act on.
func rawControls(out string) []string {
	var bad []string
	for i, r := range out {
		if r == '\n' || r == '\t' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x202e || r == 0x200b || (r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD")) {
			bad = append(bad, out[max(0, i-20):min(len(out), i+20)])
		}
	}
	return bad
}

// Text from data reaches the terminal escaped (issue 15): ids, names, a
// dataset title and a path holding escape sequences appear in warnings,
// errors, "wrote" lines and text tables as visible \x1b, \u202e, never
// raw.
func TestDataTextEscapedOnTerminal(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "data\x1b[2J")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Skipf("cannot name a folder with ESC here: %v", err)
	}
	var orgs, ties strings.Builder
	orgs.WriteString("id,name,sector\n")
	ties.WriteString("source,target\n")
	for i, h := range terminalHostile {
		id := "id" + h
		orgs.WriteString("\"" + id + "\",\"name" + h + "\",council\n")
		if i > 0 {
			ties.WriteString("\"id" + terminalHostile[i-1] + "\",\"" + id + "\"\n")
		}
	}
	orgs.WriteString("\"lonely\x1b]0;x\a\",Isolated,council\n") // a warning naming it
	os.WriteFile(filepath.Join(dir, "organisations.csv"), []byte(orgs.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "partnerships.csv"), []byte(ties.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "dataset.yaml"), []byte("title: \"Title \\e[2J \\u202e\"\n"), 0o644)
	bad := filepath.Join(root, "bad")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "organisations.csv"), []byte("id\n\"x\x1b[2J\"\n\"x\x1b[2J\"\n"), 0o644)
	os.WriteFile(filepath.Join(bad, "partnerships.csv"), []byte("source,target\n\"x\x1b[2J\",\"y\u202e\"\n"), 0o644)
	cases := [][]string{
		{"summary", dir},
		{"validate", dir},
		{"validate", bad},
		{"summary", bad},
		{"analyze", dir, "--top", "10"},
		{"clusters", dir},
		{"groups", dir},
		{"convert", dir, filepath.Join(root, "out\x1b]0;t\a.json")},
		{"report", dir, "-o", filepath.Join(root, "r\u202e.html")},
	}
	for _, args := range cases {
		code, stdout, stderr := runCLI(t, args...)
		for name, out := range map[string]string{"stdout": stdout, "stderr": stderr} {
			if raw := rawControls(out); len(raw) > 0 {
				t.Errorf("partnet %s (exit %d): %s holds raw controls: %q", args[0], code, name, raw)
			}
		}
		if all := stdout + stderr; !strings.Contains(all, `\x1b`) && !strings.Contains(all, `\u202e`) {
			t.Errorf("partnet %s: no escaped data shown (exit %d):\n%s\n%s", args[0], code, stdout, stderr)
		}
	}
}

func TestTermSafe(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain Bürgerhaus – ok", "plain Bürgerhaus – ok"},
		{"\x1b[2J", `\x1b[2J`},
		{"\x1b]0;t\a", `\x1b]0;t\x07`},
		{"a\nb\tc", `a\x0ab\x09c`},
		{"\u009b31m", `\x9b31m`},
		{"\u202eexe", `\u202eexe`},
		{"bad\xffbyte", `bad\xffbyte`},
		{"\ufeffbom", `\ufeffbom`},
	}
	for _, c := range cases {
		if got := termSafe(c.in); got != c.want {
			t.Errorf("termSafe(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// The text writer keeps layout and holds a character split across
	// writes.
	var b bytes.Buffer
	w := newTextWriter(&b)
	w.Write([]byte("é\t\x1b\n\xc3"))
	w.Write([]byte("\xa9"))
	w.Flush()
	if got := b.String(); got != "é\t\\x1b\né" {
		t.Errorf("textWriter wrote %q", got)
	}
}

// Every message of cmd goes through the one escaping helper: no non-test
// file of cmd/partnet but terminal.go calls fmt's Print functions.
func TestEveryMessageEscaped(t *testing.T) {
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "terminal.go" {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "fmt" && strings.Contains(sel.Sel.Name, "Print") && !strings.HasPrefix(sel.Sel.Name, "Sprint") {
					t.Errorf("%s: fmt.%s: write messages with tprintf, which escapes text from data", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
}
