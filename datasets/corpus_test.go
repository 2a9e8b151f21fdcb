package datasets

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnet/partnet/graph"
)

// The bad-input corpus: each folder under testdata/bad is one case. It holds
// either a dataset folder's files, or one file named input.EXT (a single-file
// dataset), and a file named expected holding the exact lines `partnet
// validate` prints for it, with the "testdata/bad/" prefix taken off file
// names. Refresh with go test ./datasets -run Corpus -update-corpus, then
// read every changed line before committing it.
var updateCorpus = flag.Bool("update-corpus", false, "rewrite testdata/bad/*/expected")

const corpusDir = "testdata/bad"

// caseTimeout bounds one case: a reader that hangs fails the test instead.
const caseTimeout = 20 * time.Second

func TestBadInputCorpus(t *testing.T) {
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			spec, err := CorpusInput(filepath.Join(corpusDir, name))
			if err != nil {
				t.Fatal(err)
			}
			got := checkLines(t, spec)
			expPath := filepath.Join(corpusDir, name, "expected")
			if *updateCorpus {
				if err := os.WriteFile(expPath, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(expPath)
			if err != nil {
				t.Fatalf("%v (run with -update-corpus to create it)", err)
			}
			if got != string(want) {
				t.Errorf("validate %s:\n--- got ---\n%s--- want ---\n%s", name, got, want)
			}
			if strings.HasPrefix(string(want), "fatal: ") {
				// Not a dataset at all (an unknown extension): Load fails
				// with the same message, and no ParseError is expected.
				if _, err := Load(spec); err == nil {
					t.Errorf("Load(%s) succeeded", spec)
				}
				return
			}
			checkLoadError(t, spec, strings.Contains(string(want), "error: "))
		})
	}
	if n < 60 {
		t.Errorf("corpus has %d cases, want at least 60", n)
	}
}

// CorpusInput returns what to load for a corpus case folder: its input.*
// file when it has one, otherwise the folder itself.
func CorpusInput(dir string) (string, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "input.*"))
	if err != nil {
		return "", err
	}
	switch len(matches) {
	case 0:
		return dir, nil
	case 1:
		return matches[0], nil
	}
	return "", fmt.Errorf("%s: more than one input.* file", dir)
}

// checkLines runs Check on spec within caseTimeout and renders its problems
// as partnet validate does.
func checkLines(t *testing.T, spec string) string {
	t.Helper()
	type result struct {
		probs *Problems
		err   error
	}
	done := make(chan result, 1)
	go func() {
		p, err := Check(spec)
		done <- result{p, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(caseTimeout):
		t.Fatalf("Check(%s) still running after %v", spec, caseTimeout)
	}
	var b strings.Builder
	if r.err != nil {
		fmt.Fprintf(&b, "fatal: %v\n", r.err)
	} else {
		for _, e := range r.probs.Errors {
			fmt.Fprintf(&b, "error: %v\n", e)
		}
		for _, w := range r.probs.Warnings {
			fmt.Fprintf(&b, "warning: %v\n", w)
		}
		if r.probs.Dropped > 0 {
			fmt.Fprintf(&b, "... and %d more problems not listed (limit %d)\n", r.probs.Dropped, MaxProblems)
		}
	}
	return strings.ReplaceAll(b.String(), corpusDir+"/", "")
}

// rowSentinels are the errors about one row's value: each must name a line
// and a field.
var rowSentinels = []error{ErrBadNumber, ErrBadDate, ErrBadValue, ErrEndBeforeStart, ErrMissingColumn,
	graph.ErrDuplicateID, graph.ErrUnknownOrganisation, graph.ErrUnknownArrangement, graph.ErrSelfTie}

// checkLoadError checks that Load fails exactly when the case has errors,
// and that every error is a *ParseError naming the case's file, and a line
// and field when it is about a value.
func checkLoadError(t *testing.T, spec string, wantErr bool) {
	t.Helper()
	_, err := Load(spec)
	if (err != nil) != wantErr {
		t.Fatalf("Load(%s) error = %v, want error: %v", spec, err, wantErr)
	}
	if err == nil {
		return
	}
	var list []*ParseError
	collectParseErrors(err, &list)
	parts := 1
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		parts = len(j.Unwrap())
	}
	if len(list) == 0 || len(list) < parts-1 { // the last part may be the "... more" line
		t.Errorf("Load(%s): %d of %d errors are *ParseError: %v", spec, len(list), parts, err)
	}
	dir := spec
	if !isDir(spec) {
		dir = filepath.Dir(spec)
	}
	for _, pe := range list {
		if !strings.HasPrefix(pe.File, dir) {
			t.Errorf("error %q: file %q is not under %s", pe, pe.File, dir)
		}
		for _, s := range rowSentinels {
			if errors.Is(pe, s) && (pe.Line <= 0 || pe.Field == "") {
				t.Errorf("error %q (%v) names no line or field: line %d, field %q", pe, s, pe.Line, pe.Field)
			}
		}
	}
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
