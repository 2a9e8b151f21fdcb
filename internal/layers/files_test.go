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
// reports and reports/page.
const maxFiles = 30

// overLimit lists directories still above maxFiles, each with the count it
// may not exceed until it is split. datasets (34) is next: its synthetic
// generators (generate*.go) are the cut, once folder_fast_test.go and
// bench_test.go stop generating their input from inside the package. A
// listed directory that falls to maxFiles or fewer fails the test, so the
// entry is removed with the split.
var overLimit = map[string]int{
	"datasets": 34,
}

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
	for _, msg := range crowded(counts, maxFiles, overLimit) {
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
	write("old", 5, ".go")
	counts, err := goFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	if counts["ok"] != 3 || counts["big"] != 4 {
		t.Fatalf("counts %v, want big 4 and ok 3 (tests and testdata do not count)", counts)
	}
	got := crowded(counts, 3, map[string]int{"old": 5, "gone": 9})
	want := []string{
		"big: 4 non-test Go files, more than 3: split the package by subject",
		`gone: listed in overLimit with 0 non-test Go files, at most 3: remove the entry`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := crowded(counts, 3, map[string]int{"old": 4}); len(got) != 2 {
		t.Errorf("old grew past its cap: got %q, want it reported beside big", got)
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

// crowded returns one message per directory over max (or over its cap in
// pending) and per pending entry no longer needed, sorted.
func crowded(counts map[string]int, max int, pending map[string]int) []string {
	var out []string
	for dir, n := range counts {
		limit, listed := pending[dir]
		if !listed {
			limit = max
		}
		if n > limit {
			out = append(out, fmt.Sprintf("%s: %d non-test Go files, more than %d: split the package by subject", dir, n, limit))
		}
	}
	for dir := range pending {
		if counts[dir] <= max {
			out = append(out, fmt.Sprintf("%s: listed in overLimit with %d non-test Go files, at most %d: remove the entry", dir, counts[dir], max))
		}
	}
	sort.Strings(out)
	return out
}
