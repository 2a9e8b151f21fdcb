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

// TestEveryWriteIsAtomic enforces that every file partnet writes goes
// through internal/atomicfile: no non-test file of the module outside
// internal/atomicfile calls os.Create, os.WriteFile, os.OpenFile or
// os.CreateTemp. (cmd/partnetbench, a developer's benchmark tool, is not
// partnet and is left out.)
func TestEveryWriteIsAtomic(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Skipf("module root not found at %s", root)
	}
	banned := map[string]bool{"Create": true, "WriteFile": true, "OpenFile": true, "CreateTemp": true}
	// internal/lockfile opens a lock file, which holds no output.
	allowed := []string{"internal/atomicfile/", "internal/lockfile/", "cmd/partnetbench/"}
	fset := token.NewFileSet()
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		for _, a := range allowed {
			if strings.HasPrefix(rel, a) {
				return nil
			}
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "os" && banned[sel.Sel.Name] {
				t.Errorf("%s: os.%s writes a file directly: use internal/atomicfile", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
		return nil
	})
}
