package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnet/partnet/datasets"
)

// TestValidateMultiProblemGolden: one dataset with problems in every file
// (metadata key, member of an unknown arrangement, bad number, end before
// start, duplicate id, currency sign, zero weight, ambiguous date, self
// tie, NaN) and warnings (Windows-1252 text, a one-member arrangement):
// validate lists all of them in one pass, errors then warnings, each sorted
// by file and line, and exits 3. (The isolated organisation v2 is reported
// once the errors are fixed: see TestValidateWarningsOnly.)
func TestValidateMultiProblemGolden(t *testing.T) {
	code, out, stderr := runCLI(t, "validate", "testdata/robust/multi")
	if code != exitInput {
		t.Fatalf("exit code %d, want %d", code, exitInput)
	}
	golden(t, "robust/validate_multi.txt", out)
	if want := "partnet: 11 error(s), 2 warning(s): the dataset is not valid\n"; stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
	// Sorted: within errors and within warnings, (file, line) never goes
	// backwards.
	var prev [2]string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		kind, rest, _ := strings.Cut(l, ": ")
		file, pos, _ := strings.Cut(rest, ":")
		line := strings.SplitN(pos, ":", 2)[0]
		key := fmt.Sprintf("%s\x00%08s", file, line)
		i := 0
		if kind == "warning" {
			i = 1
		}
		if key < prev[i] {
			t.Errorf("line out of order: %s", l)
		}
		prev[i] = key
	}
}

// TestValidateStatesItsCap: more problems than datasets.MaxProblems are
// counted, not listed, and the output says so.
func TestValidateStatesItsCap(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("source,target,weight\n")
	for range datasets.MaxProblems + 250 {
		b.WriteString("a,b,-1\n")
	}
	os.WriteFile(filepath.Join(dir, "organisations.csv"), []byte("id\na\nb\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "partnerships.csv"), []byte(b.String()), 0o644)
	code, out, stderr := runCLI(t, "validate", dir)
	if code != exitInput {
		t.Fatalf("exit code %d, want 3", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := fmt.Sprintf("... and 250 more problems not listed (limit %d)", datasets.MaxProblems)
	if len(lines) != datasets.MaxProblems+1 || lines[len(lines)-1] != want {
		t.Errorf("got %d lines, last %q; want %d, last %q", len(lines), lines[len(lines)-1], datasets.MaxProblems+1, want)
	}
	if !strings.Contains(stderr, fmt.Sprintf("%d error(s)", datasets.MaxProblems+250)) {
		t.Errorf("stderr = %q, want the full count", stderr)
	}
	if !strings.Contains(validateHelp(), fmt.Sprint(datasets.MaxProblems)) {
		t.Errorf("validate --help does not state the cap")
	}
}

func validateHelp() string {
	for _, c := range newRootCommand(&streams{}).Commands() {
		if c.Name() == "validate" {
			return c.Long
		}
	}
	return ""
}

// TestValidateWarningsOnly: the multi-problem dataset with its errors fixed
// is valid (exit 0) and its warnings, isolated organisation included, are
// listed.
func TestValidateWarningsOnly(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"organisations.csv": "id,name\nc1,Caf\xe9 Council\nc2,Second\nv1,Volunteers\nv2,Alone\n",
		"partnerships.csv":  "source,target\nc1,c2\nc1,v1\n",
		"arrangements.csv":  "id\nx\ny\n",
		"members.csv":       "arrangement_id,organisation_id\nx,c1\nx,c2\ny,c1\n",
	}
	for name, content := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
	}
	code, out, _ := runCLI(t, "validate", dir)
	if code != 0 {
		t.Fatalf("exit code %d, want 0", code)
	}
	out = strings.ReplaceAll(out, dir+"/", "")
	want := `warning: members.csv: column "arrangement_id": arrangement "y" has 1 member(s): it makes no tie
warning: organisations.csv: 1 organisation has no partnership or shared arrangement (isolated): v2
warning: organisations.csv:2: column "name": text is not UTF-8: read as Windows-1252 (save the file as UTF-8 to silence this)
valid: 3 warning(s)
`
	if out != want {
		t.Errorf("validate:\n%s\nwant:\n%s", out, want)
	}
}
