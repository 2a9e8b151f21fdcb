package atomicfile

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func list(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "<" + err.Error() + ">"
	}
	var out []string
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out = append(out, e.Name()+"="+string(data))
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func isData(name string) bool { return strings.HasSuffix(name, ".csv") }

func TestReplaceDir(t *testing.T) {
	boom := errors.New("boom")
	cases := []struct {
		name    string
		before  map[string]string // nil: dir does not exist
		files   []File
		wantErr error
		want    string
	}{
		{"new folder", nil, []File{{"a.csv", text("A")}}, nil, "a.csv=A"},
		{"old files not in the new set go", map[string]string{"a.csv": "old", "stale.csv": "old"},
			[]File{{"a.csv", text("A")}, {"b.csv", text("B")}}, nil, "a.csv=A b.csv=B"},
		{"failed write keeps the old folder", map[string]string{"a.csv": "old", "stale.csv": "old"},
			[]File{{"a.csv", text("A")}, {"b.csv", func(io.Writer) error { return boom }}}, boom, "a.csv=old stale.csv=old"},
		{"other files refused", map[string]string{"a.csv": "old", "notes.txt": "mine"},
			[]File{{"a.csv", text("A")}}, ErrNotReplaceable, "a.csv=old notes.txt=mine"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "out")
			if c.before != nil {
				os.MkdirAll(dir, 0o755)
				for n, s := range c.before {
					os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644)
				}
			}
			err := ReplaceDir(context.Background(), dir, c.files, isData)
			if !errors.Is(err, c.wantErr) {
				t.Fatalf("err = %v, want %v", err, c.wantErr)
			}
			if got := list(t, dir); got != c.want {
				t.Errorf("folder = %s, want %s", got, c.want)
			}
			if got := list(t, parent); strings.Contains(got, TempPrefix) {
				t.Errorf("temporary left beside the folder: %s", got)
			}
		})
	}
}

// A kill between the two renames of the fallback (no atomic exchange)
// leaves the folder missing and the old one aside: the next ReplaceDir or
// RecoverDir puts it back first. Temporary siblings of the folder are
// removed, those of another folder whose name starts the same are not.
func TestRecoverDir(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	aside := asideName(dir)
	os.MkdirAll(aside, 0o755)
	os.WriteFile(filepath.Join(aside, "a.csv"), []byte("old"), 0o644)
	mine := filepath.Join(parent, dirTempPrefix("out")+"123")
	theirs := filepath.Join(parent, dirTempPrefix("out-2")+"456")
	os.MkdirAll(mine, 0o755)
	os.MkdirAll(theirs, 0o755)
	if err := RecoverDir(dir); err != nil {
		t.Fatal(err)
	}
	if got := list(t, dir); got != "a.csv=old" {
		t.Errorf("folder = %s, want the old folder back", got)
	}
	for p, want := range map[string]bool{aside: false, mine: false, theirs: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s present: %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
