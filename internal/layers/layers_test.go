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
// (tests included) may import: the direction is
//
//	cmd -> reports/batch -> reports -> analysis/engine
//	    -> analysis/{community,groups,timeline,layout} -> analysis -> graph <- datasets
//
// and a package may import any package below it (reports may import
// analysis/layout and the other subject packages for their result types).
// Among the subject packages only groups and timeline may import community.
// reports/batch may import datasets (it reads its spec's inputs). A folder
// not listed may import nothing of partnet's and fails the test. cmd/ may
// import everything.
var allowed = map[string][]string{
	"graph":              {"internal/parallel"},
	"datasets":           {"graph", "internal/atomicfile"},
	"analysis":           {"graph", "internal/parallel"},
	"analysis/community": {"analysis", "graph", "internal/parallel"},
	"analysis/groups":    {"analysis/community", "analysis", "graph", "internal/parallel"},
	"analysis/timeline":  {"analysis/community", "analysis", "graph", "internal/parallel"},
	"analysis/layout":    {"analysis", "graph", "internal/parallel"},
	"analysis/engine": {"analysis/community", "analysis/groups", "analysis/timeline", "analysis/layout",
		"analysis", "graph", "internal/parallel"},
	"reports": {"analysis/engine", "analysis/community", "analysis/groups", "analysis/timeline", "analysis/layout",
		"analysis", "graph", "internal/atomicfile"},
	"reports/batch": {"reports", "analysis/engine", "analysis/community", "analysis/groups", "analysis/timeline",
		"analysis/layout", "analysis", "datasets", "graph", "internal/atomicfile", "internal/parallel"},
	"internal/atomicfile": {},
	"internal/parallel":   {},
	"internal/layers":     {},
}

// allowedInTests widens allowed for _test.go files: the report's browser
// and large-network tests load the embedded England data and generate
// networks through datasets, as a user's command would. Production code of
// reports still never reads input.
var allowedInTests = map[string][]string{
	"reports": {"datasets"},
}

// TestRuleCatchesWrongImport checks the rule itself: an analysis file
// importing reports (upwards) and a community file importing groups
// (sideways) are both refused.
func TestRuleCatchesWrongImport(t *testing.T) {
	for _, c := range [][2]string{{"analysis", "reports"}, {"analysis/community", "analysis/groups"}, {"graph", "analysis"}, {"datasets", "analysis"}} {
		if contains(allowed[c[0]], c[1]) {
			t.Errorf("%s may import %s: the table allows an import against the direction", c[0], c[1])
		}
	}
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
			if dep == rel || contains(ok, dep) ||
				(strings.HasSuffix(path, "_test.go") && contains(allowedInTests[top], dep)) {
				continue
			}
			sort.Strings(ok)
			t.Errorf("%s imports %s: %s may import only %v (direction cmd -> reports/batch -> reports -> analysis/engine -> analysis/{community,groups,timeline,layout} -> analysis -> graph <- datasets)", path, dep, top, ok)
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
