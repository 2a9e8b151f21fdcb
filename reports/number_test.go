package reports

import (
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Num's cases worked by hand: six significant digits, plain decimals.
func TestNum(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{-0.0000001, "-0.0000001"},
		{-1e-20 * 0, "0"},
		{3, "3"},
		{12.5, "12.5"},
		{2.0 / 3, "0.666667"},           // 0.6666666... to 6 significant digits
		{0.000123456789, "0.000123457"}, // first digit at 10^-4: 9 decimals
		{1234567.8, "1234568"},          // integer part kept whole
		{123456.78, "123457"},           // 6 digits, no decimals
		{99.99996, "100"},               // rounds up into a new digit
		{9.9999996, "10"},               // 9.999999|6 -> 10.00000 -> 10
		{-0.25, "-0.25"},
		{1e-12, "0.000000000001"},          // 12 decimals at most
		{1.23456789e-11, "0.000000000012"}, // only two digits fit in 12 decimals
		{4.00034e-13, "0"},                 // below half the last decimal
		{-4e-13, "0"},                      // and never "-0"
		{0.1 + 0.2, "0.3"},                 // 0.30000000000000004
		{math.NaN(), "-"},
		{math.Inf(1), "-"},
	} {
		if got := Num(c.x, "-"); got != c.want {
			t.Errorf("Num(%v) = %q, want %q", c.x, got, c.want)
		}
	}
	if got := Pct(1.0/3, ""); got != "33.3333%" {
		t.Errorf("Pct(1/3) = %q, want 33.3333%%", got)
	}
	if got := Num(-1e-7, ""); got != "-0.0000001" {
		t.Errorf("Num(-1e-7) = %q", got)
	}
}

// Every text and CSV printer in reports writes its numbers through Num:
// no other float verb (%.4f, %g, %e...) or strconv.FormatFloat appears in
// the package's non-test files, except in the functions listed (JSON's
// full precision, parameters echoed as given, whole pounds, and a
// sentence that is part of the JSON contract).
func TestOneNumberFormatter(t *testing.T) {
	allowed := map[string]string{
		"Num":           "the formatter itself",
		"MarshalJSON":   "JSON keeps full precision",
		"roundSig":      "JSON keeps full precision",
		"fnum":          "a parameter (resolution) echoed as given",
		"thousands":     "money in whole pounds with separators",
		"weakestReason": "a sentence of the JSON contract (GroupWeakest reason)",
	}
	floatVerb := regexp.MustCompile(`%[-+# 0]*\d*(\.\d+)?[eEfFgG]`)
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || allowed[fd.Name.Name] != "" {
				continue
			}
			ast.Inspect(fd, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					if n.Kind == token.STRING && floatVerb.MatchString(strings.ReplaceAll(n.Value, "%%", "")) {
						t.Errorf("%s (%s): float verb in %s: write numbers with Num", fset.Position(n.Pos()), fd.Name.Name, n.Value)
					}
				case *ast.SelectorExpr:
					if x, ok := n.X.(*ast.Ident); ok && x.Name == "strconv" && n.Sel.Name == "FormatFloat" {
						t.Errorf("%s (%s): strconv.FormatFloat: write numbers with Num", fset.Position(n.Pos()), fd.Name.Name)
					}
				}
				return true
			})
		}
	}
}
