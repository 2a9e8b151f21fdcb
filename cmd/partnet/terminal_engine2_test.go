package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// groups --mode potential and backtest print their text through the
// terminal-escaping writer like every other verb (issue 15): organisation
// ids and names holding escape sequences, in the pairs, their shared
// partners and the dataset's path, reach stdout as visible \x1b, never
// raw.
func TestPotentialAndBacktestTextEscaped(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data\x1b]0;t\a")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Skipf("cannot name a folder with ESC here: %v", err)
	}
	var orgs, ties strings.Builder
	orgs.WriteString("id,name,sector,type\n")
	ties.WriteString("source,target,kind,start\n")
	// A hub every council is tied to (so every pair shares a partner),
	// and one pair that begins sharing a service after 2012 (a backtest hit).
	orgs.WriteString("\"hub\x1b[2J\",\"Hub \u202eevil\",voluntary,charity\n")
	for i, h := range terminalHostile {
		id := "c" + string(rune('a'+i)) + h
		orgs.WriteString("\"" + id + "\",\"Council" + h + "\",council,district\n")
		ties.WriteString("\"hub\x1b[2J\",\"" + id + "\",joint_plan,2010-01-01\n")
	}
	ties.WriteString("\"ca\x1b[2J\",\"cb\x1b]0;pwned\a\",shared_service,2013-06-01\n")
	os.WriteFile(filepath.Join(dir, "organisations.csv"), []byte(orgs.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "partnerships.csv"), []byte(ties.String()), 0o644)
	for _, args := range [][]string{
		{"groups", dir, "--mode", "potential"},
		{"backtest", dir, "--dates", "2012-04-01", "--k", "10"},
	} {
		code, stdout, stderr := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("partnet %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
		for name, out := range map[string]string{"stdout": stdout, "stderr": stderr} {
			if raw := rawControls(out); len(raw) > 0 {
				t.Errorf("partnet %s: %s holds raw controls: %q", args[0], name, raw)
			}
		}
		if !strings.Contains(stdout, `\x1b`) && !strings.Contains(stdout, `\u001b`) {
			t.Errorf("partnet %s: no escaped id shown:\n%s", args[0], stdout)
		}
	}
}

// No command writes a text table straight to stdout: every reports
// Write...Text call in cmd/partnet is handed the writer of a printer's
// Text shape (or writeText's), never s.Out, so it passes through the
// terminal-escaping textWriter. (groups --mode potential and backtest
// wrote to s.Out directly.)
func TestTextPrintersGoThroughTextWriter(t *testing.T) {
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || !strings.HasPrefix(sel.Sel.Name, "Write") || !strings.HasSuffix(sel.Sel.Name, "Text") {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "reports" || len(call.Args) == 0 {
				return true
			}
			checked++
			if out, ok := call.Args[0].(*ast.SelectorExpr); ok && out.Sel.Name == "Out" {
				t.Errorf("%s: reports.%s writes to stdout without the terminal-escaping writer (use printer{Text: ...})", fset.Position(call.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
	if checked < 7 {
		t.Fatalf("found %d reports.Write...Text calls; the test no longer sees the printers", checked)
	}
}
