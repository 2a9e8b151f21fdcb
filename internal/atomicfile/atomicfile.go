// Package atomicfile writes files so that a reader never sees a partial
// one: the content goes to a temporary file in the destination's folder,
// which is synced and renamed over the destination only when writing
// succeeded. On any error the temporary file is removed and an existing
// destination is left untouched.
package atomicfile

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// TempPrefix starts the name of every temporary file, so stray ones (after a
// kill -9) are recognisable.
const TempPrefix = ".partnet-tmp-"

// WriteFile calls write with a temporary file in path's folder and renames
// it to path when write returns nil. The file gets mode 0644.
func WriteFile(path string, write func(w io.Writer) error) error {
	return WriteFileContext(context.Background(), path, write)
}

// WriteFileContext is WriteFile that also gives up, leaving no file, when
// ctx is done before the rename. Writers of long output should check ctx
// themselves (see Writer) so an interrupt stops them promptly.
func WriteFileContext(ctx context.Context, path string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, TempPrefix+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(&ctxWriter{ctx: ctx, w: tmp}); err != nil {
		return err
	}
	if err = ctx.Err(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// ctxWriter fails writes once its context is done, so an interrupted long
// write stops at its next Write.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// File is one file of a set written together by WriteFilesContext.
type File struct {
	Path  string
	Write func(w io.Writer) error
}

// WriteFilesContext writes several files as one step: every file goes to
// its own temporary file first, and only when all are written (and ctx is
// not done) are they renamed into place, one after another. On an error or
// an interrupt while writing, no temporary file is left and every existing
// destination is untouched, so a folder never mixes old and new files. (A
// crash during the renames themselves, a few microseconds, can still leave
// some renamed and not others.)
func WriteFilesContext(ctx context.Context, files []File) (err error) {
	tmps := make([]*os.File, 0, len(files))
	defer func() {
		if err != nil {
			for _, t := range tmps {
				t.Close()
				os.Remove(t.Name())
			}
		}
	}()
	for _, f := range files {
		tmp, err := os.CreateTemp(filepath.Dir(f.Path), TempPrefix+filepath.Base(f.Path)+"-*")
		if err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		tmps = append(tmps, tmp)
		if err := f.Write(&ctxWriter{ctx: ctx, w: tmp}); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		if err := tmp.Chmod(0o644); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		if err := tmp.Sync(); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
	}
	for _, t := range tmps {
		if err := t.Close(); err != nil {
			return fmt.Errorf("write %s: %w", t.Name(), err)
		}
	}
	for i, f := range files {
		if err := os.Rename(tmps[i].Name(), f.Path); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
	}
	return nil
}
