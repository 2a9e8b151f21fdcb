package atomicfile

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	cases := []struct {
		name    string
		ctx     func() context.Context
		write   func(w io.Writer) error
		wantErr bool
		want    string
	}{
		{"failing write keeps the old file", context.Background, func(w io.Writer) error {
			io.WriteString(w, "partial")
			return boom
		}, true, "old"},
		{"cancelled context keeps the old file", func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, func(w io.Writer) error {
			_, err := io.WriteString(w, "partial")
			return err
		}, true, "old"},
		{"success replaces", context.Background, func(w io.Writer) error {
			_, err := io.WriteString(w, "new")
			return err
		}, false, "new"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := WriteFileContext(c.ctx(), path, c.write)
			if (err != nil) != c.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, c.wantErr)
			}
			got, _ := os.ReadFile(path)
			if string(got) != c.want {
				t.Errorf("content = %q, want %q", got, c.want)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), TempPrefix) {
					t.Errorf("temporary file %s left behind", e.Name())
				}
			}
		})
	}
}

// TestWriteFilesContext: a failure or a cancelled context part-way through
// a set leaves every old file as it was and no temporary file; success
// replaces them all.
func TestWriteFilesContext(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	os.WriteFile(a, []byte("old a"), 0o644)
	os.WriteFile(b, []byte("old b"), 0o644)
	text := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	ctx, cancel := context.WithCancel(context.Background())
	cases := []struct {
		name  string
		ctx   context.Context
		files []File
		wantA string
		wantB string
	}{
		{"second fails", context.Background(), []File{{a, text("new a")}, {b, func(w io.Writer) error { return errors.New("boom") }}}, "old a", "old b"},
		{"cancelled after the first", ctx, []File{{a, func(w io.Writer) error { io.WriteString(w, "new a"); cancel(); return nil }}, {b, text("new b")}}, "old a", "old b"},
		{"all written", context.Background(), []File{{a, text("new a")}, {b, text("new b")}}, "new a", "new b"},
	}
	for _, c := range cases {
		err := WriteFilesContext(c.ctx, c.files)
		if (err != nil) != (c.wantA == "old a") {
			t.Errorf("%s: err = %v", c.name, err)
		}
		gotA, _ := os.ReadFile(a)
		gotB, _ := os.ReadFile(b)
		if string(gotA) != c.wantA || string(gotB) != c.wantB {
			t.Errorf("%s: files = %q, %q; want %q, %q", c.name, gotA, gotB, c.wantA, c.wantB)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), TempPrefix) {
				t.Errorf("%s: temporary file %s left behind", c.name, e.Name())
			}
		}
	}
}
