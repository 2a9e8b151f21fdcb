package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// LockFile is the file in an output folder that a running batch holds
// locked, so that a second batch on the same folder is refused instead of
// interleaving its runs with the first one's.
const LockFile = ".partnet-batch.lock"

// ErrLocked is returned (wrapped) when another batch is using the output
// folder.
var ErrLocked = errors.New("the output folder is in use by another batch")

// outputLock is a held lock on an output folder.
type outputLock struct {
	f *os.File
}

// lockOutput takes the output folder's lock or fails with ErrLocked naming
// the process that holds it. The lock is the operating system's (flock on
// Unix), so it goes away with its process: a lock file left by a batch
// that was killed does not block the next one.
func lockOutput(dir string) (*outputLock, error) {
	path := filepath.Join(dir, LockFile)
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("batch: lock %s: %w", path, err)
		}
		if err := tryLock(f); err != nil {
			holder, _ := os.ReadFile(path)
			f.Close()
			who := strings.TrimSpace(string(holder))
			if who == "" {
				who = "unknown"
			}
			return nil, fmt.Errorf("batch: %s: %w (process %s holds %s); wait for it or choose another -o", dir, ErrLocked, who, LockFile)
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
		return &outputLock{f: f}, nil
	}
}

// release removes the lock file and unlocks it (a batch that opened the
// file before the removal sees it is gone once it gets the lock, and
// tries again on a fresh file).
func (l *outputLock) release() {
	if l == nil || l.f == nil {
		return
	}
	os.Remove(l.f.Name())
	unlock(l.f)
	l.f.Close()
	l.f = nil
}
