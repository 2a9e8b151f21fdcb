package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLimitsRefusedEarly: inputs that would exhaust memory are refused
// with a message and exit code 3, in well under a second, before any of
// them is read or built.
func TestLimitsRefusedEarly(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge")
	os.MkdirAll(huge, 0o755)
	os.WriteFile(filepath.Join(huge, "organisations.csv"), []byte("id\na\nb\n"), 0o644)
	f, err := os.Create(filepath.Join(huge, "partnerships.csv"))
	if err != nil {
		t.Fatal(err)
	}
	sparse := f.Truncate(50<<30) == nil // 50 GiB claimed, no disk used
	f.Close()
	spec := filepath.Join(dir, "spec.yaml")
	os.WriteFile(spec, []byte("datasets:\n  - generate: {organisations: 1e12, ties: 1e13}\nanalyses: [summary]\n"), 0o644)
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"50 GB dataset", []string{"validate", huge}, []string{"over a size limit: 50.0 GiB of input, at most 4.0 GiB allowed"}},
		{"50 GB dataset, summary", []string{"summary", huge}, []string{"over a size limit: 50.0 GiB of input"}},
		{"10^12 generated organisations", []string{"batch", spec, "-o", filepath.Join(dir, "out")},
			[]string{"generate organisations 1e+12: at most 10000000 allowed", "generate ties 1e+13: at most 100000000 allowed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if strings.HasPrefix(c.name, "50 GB") && !sparse {
				t.Skip("cannot make a sparse 50 GiB file here")
			}
			start := time.Now()
			code, out, stderr := runCLI(t, c.args...)
			if took := time.Since(start); took > 30*time.Second {
				// A hang guard, not a speed target.
				t.Errorf("took %v to refuse", took)
			}
			if code != exitInput {
				t.Errorf("exit code %d, want %d", code, exitInput)
			}
			for _, w := range c.want {
				if !strings.Contains(out+stderr, w) {
					t.Errorf("output lacks %q:\n%s%s", w, out, stderr)
				}
			}
		})
	}
}
