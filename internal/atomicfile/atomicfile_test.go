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
