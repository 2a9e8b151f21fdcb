package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An output path that is an input file, or that would change what an input
// folder gives, is refused with exit 2 before anything is written (issue
// 15: `partnet report rin -o rin/organisations.csv` replaced the input with
// HTML, exit 0). The inputs stay byte for byte as they were.
func TestOutputOverInputRefused(t *testing.T) {
	dir := t.TempDir()
	rin := filepath.Join(dir, "rin")
	os.MkdirAll(rin, 0o755)
	files := map[string]string{
		"rin/organisations.csv": "id,name\na,A\nb,B\n",
		"rin/partnerships.csv":  "source,target\na,b\n",
		"edges.csv":             "source,target\na,b\n",
		"spec.yaml":             "datasets: [rin]\nanalyses: [summary]\n",
		"proj/edges.csv":        "source,target\nc,d\n",
		"res/summary.csv":       "source,target\ne,f\n",
		"res.yaml":              "datasets: [res/summary.csv]\nanalyses: [summary]\n",
	}
	for name, data := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
	}
	link := filepath.Join(dir, "link.csv")
	os.Symlink(filepath.Join(dir, "edges.csv"), link)
	p := func(s string) string { return filepath.Join(dir, s) }
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"report over a dataset file", []string{"report", rin, "-o", p("rin/organisations.csv")}, "is an input file"},
		{"report creating a dataset file in the input folder", []string{"report", rin, "-o", p("rin/arrangements.csv")}, "would change what is read"},
		{"report over an edge list", []string{"report", p("edges.csv"), "-o", p("edges.csv")}, "is an input file"},
		{"report over an edge list by another name", []string{"report", p("edges.csv"), "-o", link}, "is an input file"},
		{"report over an edge list by a relative path", []string{"report", p("edges.csv"), "-o", p("rin/../edges.csv")}, "is an input file"},
		{"tables into the input folder", []string{"report", rin, "-o", p("r.html"), "--tables", rin}, "would write over the input"},
		{"convert over itself", []string{"convert", p("edges.csv"), p("edges.csv")}, "is an input file"},
		{"convert a folder onto itself", []string{"convert", rin, rin}, "replaces the whole folder"},
		{"convert into a folder holding the input", []string{"convert", p("proj/edges.csv"), p("proj"), "--to", "dir"}, "replaces the whole folder"},
		{"batch summary over its input", []string{"batch", p("res.yaml"), "-o", p("res")}, "would write over the input"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, c.args...)
			if code != exitUsage || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 saying %q", code, stderr, c.want)
			}
			for name, data := range files {
				if got, _ := os.ReadFile(p(name)); string(got) != data {
					t.Errorf("input %s changed: %q", name, got)
				}
			}
			if _, err := os.Stat(p("rin/arrangements.csv")); err == nil {
				t.Error("a file was created in the input folder")
			}
		})
	}
	// Outputs beside the inputs that change nothing read stay allowed.
	for _, args := range [][]string{
		{"report", rin, "-o", p("rin/report.html"), "-q"},
		{"report", rin, "-o", p("r2.html"), "--tables", p("rin/tables"), "-q"},
		{"convert", p("edges.csv"), p("edges.graphml"), "-q"},
		{"batch", p("spec.yaml"), "-o", p("rin/batch"), "-q"},
	} {
		if code, _, stderr := runCLI(t, args...); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
	}
}
