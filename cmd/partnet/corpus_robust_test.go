package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusRoot is the bad-input corpus of package datasets (see
// datasets/corpus_test.go for its layout).
const corpusRoot = "../../datasets/testdata/bad"

// TestCorpusThroughCLI runs partnet validate and partnet summary on every
// corpus case: validate prints exactly the case's expected lines; both exit
// with 3 when the case has errors (0 when it has only warnings), and print
// the program name once.
func TestCorpusThroughCLI(t *testing.T) {
	entries, err := os.ReadDir(corpusRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(corpusRoot, name)
			want, err := os.ReadFile(filepath.Join(dir, "expected"))
			if err != nil {
				t.Fatal(err)
			}
			input := corpusInput(t, dir)
			wantCode := 0
			if strings.Contains(string(want), "error: ") || strings.Contains(string(want), "fatal: ") {
				wantCode = exitInput
			}
			code, out, stderr := runCLI(t, "validate", input)
			if code != wantCode {
				t.Errorf("validate exit code = %d, want %d (stderr %q)", code, wantCode, stderr)
			}
			got := strings.ReplaceAll(out, corpusRoot+"/", "")
			if wantCode == 0 {
				got = strings.TrimSuffix(got, lastLine(got))
			}
			if fatal, ok := strings.CutPrefix(string(want), "fatal: "); ok {
				// The dataset could not be read at all: the error is on stderr.
				got, want = strings.ReplaceAll(stderr, corpusRoot+"/", ""), []byte("partnet: "+fatal)
			}
			if got != string(want) {
				t.Errorf("validate %s:\n--- got ---\n%s--- want ---\n%s", name, got, want)
			}
			code, _, stderr = runCLI(t, "summary", "-q", input)
			if code != wantCode {
				t.Errorf("summary exit code = %d, want %d (stderr %q)", code, wantCode, stderr)
			}
			if wantCode != 0 && !strings.HasPrefix(stderr, "partnet: ") {
				t.Errorf("summary stderr does not start with the program name: %q", stderr)
			}
		})
	}
}

func corpusInput(t *testing.T, dir string) string {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(dir, "input.*"))
	if len(matches) == 1 {
		return matches[0]
	}
	return dir
}

func lastLine(s string) string {
	s = strings.TrimSuffix(s, "\n")
	if i := strings.LastIndex(s, "\n"); i >= 0 {
		return s[i+1:] + "\n"
	}
	return s + "\n"
}
