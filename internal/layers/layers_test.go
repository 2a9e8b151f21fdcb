package layers

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/partnet/partnet/"

// allowed lists, for each package folder, the partnet packages its files
// (tests included) may import. A folder not listed may import nothing of
// partnet's. cmd/ may import everything.
var allowed = map[string][]string{
	"graph":               {},
	"datasets":            {"graph", "internal/atomicfile"},
	"analysis":            {"graph"},
	"reports":             {"analysis", "analysis/engine", "graph", "internal/atomicfile"},
	"batch":               {"datasets", "reports", "analysis", "analysis/engine", "graph", "internal/atomicfile"},
	"internal/atomicfile": {},
	"internal/layers":     {},
}

// allowedInTests widens allowed for _test.go files: the report's browser
// and large-network tests load the embedded England data and generate
// networks through datasets, as a user's command would. Production code of
// reports still never reads input.
var allowedInTests = map[string][]string{
	"reports": {"datasets"},
	// The engine's tests run its verbs on generated and embedded data,
	// as a door would after reading it.
	"analysis/engine": {"datasets"},
}

func TestImportDirection(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "cmd/") {
			return nil
		}
		top := rel
		if !strings.HasPrefix(rel, "internal/") {
			top = strings.SplitN(rel, "/", 2)[0]
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		ok, listed := allowed[top]
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			dep, ours := strings.CutPrefix(p, module)
			if !ours {
				continue
			}
			if !listed {
				t.Errorf("%s: package folder %q has no layer rule; add it to allowed in %s", path, top, "internal/layers/layers_test.go")
				continue
			}
			// The engine sits on top of the analysis packages: none of them
			// may call back into it.
			if dep == "analysis/engine" && top == "analysis" && rel != "analysis/engine" {
				t.Errorf("%s imports %s: only cmd, reports and batch call the engine (direction cmd -> reports -> analysis/engine -> analysis/...)", path, dep)
				continue
			}
			if dep == rel || dep == top || strings.HasPrefix(dep, top+"/") || contains(ok, dep) ||
				(strings.HasSuffix(path, "_test.go") && (contains(allowedInTests[top], dep) || contains(allowedInTests[rel], dep))) {
				continue
			}
			sort.Strings(ok)
			t.Errorf("%s imports %s: %s may import only %v (direction cmd -> batch -> reports -> analysis -> graph <- datasets)", path, dep, top, ok)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no Go files found: the walk is broken")
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("not at the module root: %v", err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
