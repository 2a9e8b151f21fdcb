package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ErrNotReplaceable is returned (wrapped) by ReplaceDir when the folder
// to replace holds files the caller did not allow it to remove, or is not
// a plain folder.
var ErrNotReplaceable = errors.New("folder cannot be replaced")

// ReplaceDir writes a folder as one step. The files (Path relative to the
// folder) are written into a new temporary sibling, synced, and the
// sibling is then swapped with dir in one atomic rename (RENAME_EXCHANGE
// on Linux), after which the old folder is removed. So at every moment,
// even after a kill -9, dir is either exactly the old folder or exactly
// the new one: never a mix, never a file of the old folder left beside the
// new ones. On an error or when ctx is done, dir is untouched and the
// temporary folder removed.
//
// An existing dir must hold only files for which replaceable returns true
// (the files of the kind of folder being written) or temporary files of
// this package; anything else is refused with ErrNotReplaceable, listing
// it, so a user's other files are never deleted. Where the exchange is not
// available, the old folder is moved aside to a recognisable name, the new
// one renamed in and the old removed; a kill between those two renames
// leaves dir missing and the old folder aside, which the next ReplaceDir
// of dir (or RecoverDir) puts back before anything else. Leftover
// temporary siblings of dir from a killed run are removed first.
func ReplaceDir(ctx context.Context, dir string, files []File, replaceable func(name string) bool) (err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	if wd, err := os.Getwd(); err == nil && wd == abs {
		return fmt.Errorf("write %s: %w: it is the current folder; name it from its parent folder", dir, ErrNotReplaceable)
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	if err := RecoverDir(abs); err != nil {
		return err
	}
	mode, exists, err := checkReplaceable(abs, dir, replaceable)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(parent, dirTempPrefix(base))
	if err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err = os.Chmod(tmp, mode); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	testPause("dir-created")
	for _, f := range files {
		if err = writeSynced(ctx, filepath.Join(tmp, f.Path), f.Write); err != nil {
			return err
		}
		testPause("dir-file-written")
	}
	if err = syncDir(tmp); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	if err = ctx.Err(); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	testPause("dir-written")
	if !exists {
		if err = os.Rename(tmp, abs); err != nil {
			return fmt.Errorf("write %s: %w", dir, err)
		}
		syncDir(parent)
		return nil
	}
	swapped, err := exchange(tmp, abs)
	if err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	if !swapped {
		// No atomic exchange here: move the old folder aside, then the new
		// one in (RecoverDir undoes a kill between the two).
		aside := asideName(abs)
		if err = os.Rename(abs, aside); err != nil {
			return fmt.Errorf("write %s: %w", dir, err)
		}
		testPause("dir-moved-aside")
		if err = os.Rename(tmp, abs); err != nil {
			os.Rename(aside, abs)
			return fmt.Errorf("write %s: %w", dir, err)
		}
		tmp = aside
	}
	syncDir(parent)
	testPause("dir-swapped")
	// tmp now holds the old folder: it is no longer anyone's output.
	os.RemoveAll(tmp)
	return nil
}

// RecoverDir undoes what a kill may leave of a ReplaceDir of dir: the old
// folder moved aside with dir missing is put back, and temporary siblings
// of dir are removed. It does nothing when there is nothing to undo.
func RecoverDir(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	aside := asideName(abs)
	if _, err := os.Lstat(aside); err == nil {
		if _, err := os.Lstat(abs); errors.Is(err, os.ErrNotExist) {
			if err := os.Rename(aside, abs); err != nil {
				return fmt.Errorf("restore %s from %s: %w", dir, aside, err)
			}
		}
	}
	prefix := dirTempPrefix(filepath.Base(abs))
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(abs), globEscape(prefix)+"*"))
	for _, m := range matches {
		// Only this folder's temporaries (MkdirTemp's digits), not those of
		// a folder whose name merely starts the same.
		if rest := strings.TrimPrefix(filepath.Base(m), prefix); rest == "" || strings.Trim(rest, "0123456789") != "" {
			continue
		}
		if err := os.RemoveAll(m); err != nil {
			return fmt.Errorf("remove leftover %s: %w", m, err)
		}
	}
	if _, err := os.Lstat(aside); err == nil {
		os.RemoveAll(aside)
	}
	return nil
}

// dirTempPrefix names the temporary sibling a new folder is written in.
func dirTempPrefix(base string) string { return TempPrefix + base + ".dir-" }

func asideName(abs string) string {
	return filepath.Join(filepath.Dir(abs), TempPrefix+filepath.Base(abs)+".old")
}

func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}

// checkReplaceable returns the mode the new folder gets (the old folder's,
// else 0755) and whether dir exists, refusing a dir that is not a plain
// folder or holds files not allowed to go.
func checkReplaceable(abs, dir string, replaceable func(string) bool) (os.FileMode, bool, error) {
	fi, err := os.Lstat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return 0o755, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("write %s: %w", dir, err)
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return 0, false, fmt.Errorf("write %s: %w: it is a symbolic link; name the folder itself", dir, ErrNotReplaceable)
	}
	if !fi.IsDir() {
		return 0, false, fmt.Errorf("write %s: %w: it is a file, not a folder", dir, ErrNotReplaceable)
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return 0, false, fmt.Errorf("write %s: %w", dir, err)
	}
	var other []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), TempPrefix) || (e.Type().IsRegular() && replaceable(e.Name())) {
			continue
		}
		other = append(other, e.Name())
	}
	if len(other) > 0 {
		sort.Strings(other)
		if len(other) > 5 {
			other = append(other[:5], fmt.Sprintf("and %d more", len(other)-5))
		}
		return 0, false, fmt.Errorf("write %s: %w: it holds %s, which the new folder would not; partnet replaces the whole folder, so move them or choose another folder",
			dir, ErrNotReplaceable, strings.Join(other, ", "))
	}
	return fi.Mode().Perm(), true, nil
}

// writeSynced creates path, writes it and syncs it to disk.
func writeSynced(ctx context.Context, path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := write(&ctxWriter{ctx: ctx, w: f}); err != nil {
		f.Close()
		return err
	}
	if err := ctx.Err(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	d.Sync() // not every file system can sync a folder; the renames still hold
	return nil
}

// testPause lets the kill tests stop a process at a named phase: when
// PARTNET_TEST_PAUSE_AT names the phase, it says so on stderr and waits
// to be killed. It is never set outside tests.
func testPause(phase string) {
	if os.Getenv("PARTNET_TEST_PAUSE_AT") != phase {
		return
	}
	fmt.Fprintf(os.Stderr, "partnet: paused at %s\n", phase)
	time.Sleep(time.Hour)
}
