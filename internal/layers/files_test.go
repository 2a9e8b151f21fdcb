package layers

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// maxFiles is the most non-test Go files a package directory may hold
// (issue 13): a package past it is split by subject, as reports was into
// reports and reports/page, and datasets into datasets, datasets/geo and
// datasets/synthetic.
const maxFiles = 30

// TestFilesPerPackage fails when a package directory of the module holds
// more than maxFiles non-test Go files.
func TestFilesPerPackage(t *testing.T) {
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("not at the module root: %v", err)
	}
	counts, err := goFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) == 0 {
		t.Fatal("no Go files found: the walk is broken")
	}
	for _, msg := range crowded(counts, maxFiles) {
		t.Error(msg)
	}
}

// TestFilesRuleCatchesCrowdedPackage runs the count on a small tree with
// one directory over the limit, one at it and a test file that does not
// count, and expects only the crowded one.
func TestFilesRuleCatchesCrowdedPackage(t *testing.T) {
	root := t.TempDir()
	write := func(dir string, n int, suffix string) {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		for i := range n {
			name := filepath.Join(root, dir, fmt.Sprintf("f%d%s", i, suffix))
			if err := os.WriteFile(name, []byte("package x\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	write("big", 4, ".go")
	write("ok", 3, ".go")
	write("ok", 5, "_test.go")
	write("ok/testdata", 9, ".go")
	counts, err := goFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	if counts["ok"] != 3 || counts["big"] != 4 {
		t.Fatalf("counts %v, want big 4 and ok 3 (tests and testdata do not count)", counts)
	}
	got := crowded(counts, 3)
	want := "big: 4 non-test Go files, more than 3: split the package by subject"
	if strings.Join(got, "\n") != want {
		t.Errorf("got %q, want [%s]", got, want)
	}
}

// goFiles counts the non-test Go files of each directory under root,
// skipping testdata and hidden directories.
func goFiles(root string) (map[string]int, error) {
	counts := map[string]int{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		counts[filepath.ToSlash(rel)]++
		return nil
	})
	return counts, err
}

// crowded returns one message per directory holding more than max
// non-test Go files, sorted.
func crowded(counts map[string]int, max int) []string {
	var out []string
	for dir, n := range counts {
		if n > max {
			out = append(out, fmt.Sprintf("%s: %d non-test Go files, more than %d: split the package by subject", dir, n, max))
		}
	}
	sort.Strings(out)
	return out
}
