package layers

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/partnet/partnet/"

// allowed lists, for each package folder, the partnet packages its files
// (tests included) may import: the direction is
//
//	cmd -> reports/batch -> reports/page -> reports -> analysis/engine
//	    -> analysis/{community,groups,timeline,layout} -> analysis -> graph
//	    <- datasets <- datasets/{geo,synthetic}
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
	"datasets/synthetic": {"datasets", "graph", "internal/atomicfile"},
	"datasets/geo":       {"datasets", "graph"},
	"analysis":           {"graph", "internal/parallel"},
	"analysis/community": {"analysis", "graph", "internal/parallel"},
	"analysis/groups":    {"analysis/community", "analysis", "graph", "internal/parallel"},
	"analysis/timeline":  {"analysis/community", "analysis", "graph", "internal/parallel"},
	"analysis/layout":    {"analysis", "graph", "internal/parallel"},
	"analysis/engine": {"analysis/community", "analysis/groups", "analysis/timeline", "analysis/layout",
		"analysis", "graph", "internal/parallel"},
	"reports": {"analysis/engine", "analysis/community", "analysis/groups", "analysis/timeline", "analysis/layout",
		"analysis", "graph", "internal/atomicfile"},
	"reports/page": {"reports", "analysis/engine", "analysis/community", "analysis/groups", "analysis/timeline",
		"analysis/layout", "analysis", "graph", "internal/atomicfile", "internal/palette", "internal/topk"},
	"reports/batch": {"reports/page", "reports", "analysis/engine", "analysis/community", "analysis/groups", "analysis/timeline",
		"analysis/layout", "analysis", "datasets", "datasets/geo", "datasets/synthetic", "graph", "internal/atomicfile", "internal/lockfile", "internal/parallel"},
	"internal/atomicfile": {},
	"internal/lockfile":   {},
	"internal/parallel":   {},
	"internal/palette":    {},
	"internal/topk":       {},
	"internal/layers":     {},
}

// allowedInTests widens allowed for _test.go files: the report's browser
// and large-network tests, and the group search's England tests, load the
// embedded England data and generate networks through datasets,
// datasets/geo and datasets/synthetic, as a user's command would. Production code of
// reports and reports/page still never reads input.
var allowedInTests = map[string][]string{
	"reports/page":    {"datasets", "datasets/geo", "datasets/synthetic"},
	"analysis/groups": {"datasets", "datasets/synthetic"},
	// The engine's tests run its verbs on generated and embedded data,
	// as a door would after reading it.
	"analysis/engine": {"datasets", "datasets/synthetic"},
	// datasets' external tests read generated folders.
	"datasets": {"datasets/synthetic"},
}

// TestRuleCatchesWrongImport runs the check on a small module tree with
// imports against the direction (upwards, sideways between subject
// packages, into graph, from datasets into analysis, from an unlisted
// folder) beside allowed ones, and expects exactly the wrong ones.
func TestRuleCatchesWrongImport(t *testing.T) {
	root := t.TempDir()
	files := map[string][]string{
		"analysis/community/bad.go": {"analysis/groups"},
		"analysis/bad.go":           {"reports"},
		"graph/bad.go":              {"analysis"},
		"datasets/bad.go":           {"analysis"},
		"extra/bad.go":              {"graph"},
		"analysis/groups/ok.go":     {"analysis/community", "analysis", "graph"},
		"reports/ok.go":             {"analysis/engine", "analysis/layout"},
		"reports/page/ok_test.go":   {"datasets"},
		"reports/batch/ok.go":       {"datasets", "reports"},
		"cmd/partnet/ok.go":         {"reports/batch", "datasets"},
	}
	for name, deps := range files {
		src := "package x\n\nimport (\n"
		for _, d := range deps {
			src += "\t_ \"" + module + d + "\"\n"
		}
		src += ")\n"
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, checked, err := violations(root)
	if err != nil {
		t.Fatal(err)
	}
	if checked != 9 {
		t.Errorf("checked %d files, want 9 (cmd/ is exempt)", checked)
	}
	want := []string{"analysis/bad.go", "analysis/community/bad.go", "datasets/bad.go", "extra/bad.go", "graph/bad.go"}
	var bad []string
	for _, v := range got {
		rel, _ := filepath.Rel(root, strings.SplitN(v, ":", 2)[0])
		bad = append(bad, filepath.ToSlash(rel))
	}
	sort.Strings(bad)
	if strings.Join(bad, " ") != strings.Join(want, " ") {
		t.Errorf("violations in %v, want %v:\n%s", bad, want, strings.Join(got, "\n"))
	}
}

func TestImportDirection(t *testing.T) {
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("not at the module root: %v", err)
	}
	got, checked, err := violations(root)
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no Go files found: the walk is broken")
	}
	for _, v := range got {
		t.Error(v)
	}
}

// violations walks the module at root and returns one message per import
// against the direction, and how many Go files it checked.
func violations(root string) ([]string, int, error) {
	fset := token.NewFileSet()
	checked := 0
	var out []string
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
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		ok, listed := allowed[rel]
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			dep, ours := strings.CutPrefix(p, module)
			if !ours {
				continue
			}
			if !listed {
				out = append(out, fmt.Sprintf("%s: package folder %q has no layer rule; add it to allowed in internal/layers/layers_test.go", path, rel))
				continue
			}
			if dep == rel || contains(ok, dep) ||
				(strings.HasSuffix(path, "_test.go") && contains(allowedInTests[rel], dep)) {
				continue
			}
			ok = slices.Clone(ok)
			sort.Strings(ok)
			out = append(out, fmt.Sprintf("%s: imports %s: %s may import only %v (direction cmd -> reports/batch -> reports/page -> reports -> analysis/engine -> analysis/{community,groups,timeline,layout} -> analysis -> graph <- datasets <- datasets/{geo,synthetic})", path, dep, rel, ok))
		}
		return nil
	})
	return out, checked, err
}

func contains(list []string, s string) bool {
	return slices.Contains(list, s)
}
