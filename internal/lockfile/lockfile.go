// Package lockfile keeps two partnet processes from writing one output
// folder at once: a lock file held with the operating system's lock (flock
// on Unix), which goes away with its process, so a lock left by a killed
// process never blocks the next one.
package lockfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrLocked is returned (wrapped) when another process holds the lock.
var ErrLocked = errors.New("the output folder is in use by another partnet process")

// Lock is a held lock.
type Lock struct {
	f *os.File
}

// Acquire takes the lock of file name in dir (creating the file) or fails
// at once with ErrLocked naming the process that holds it.
func Acquire(dir, name string) (*Lock, error) {
	path := filepath.Join(dir, name)
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if err := tryLock(f); err != nil {
			holder, _ := os.ReadFile(path)
			f.Close()
			who := strings.TrimSpace(string(holder))
			if who == "" {
				who = "unknown"
			}
			return nil, fmt.Errorf("%s: %w (process %s holds %s); wait for it or choose another output folder", dir, ErrLocked, who, name)
		}
		// The holder removes the file as it releases it; a lock taken on
		// the removed file is no lock: open the path again.
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 != nil || err2 != nil || !os.SameFile(held, now) {
			unlock(f)
			f.Close()
			continue
		}
		// Record who holds it, for the message above.
		f.Truncate(0)
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		return &Lock{f: f}, nil
	}
}

// Release removes the lock file and unlocks it (a process that opened the
// file before the removal sees it is gone once it gets the lock, and tries
// again on a fresh file). It may be called more than once.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	os.Remove(l.f.Name())
	unlock(l.f)
	l.f.Close()
	l.f = nil
}
