package lockfile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestAcquire(t *testing.T) {
	dir := t.TempDir()
	// A lock file left by a process that died holds no lock.
	os.WriteFile(filepath.Join(dir, "x.lock"), []byte("4194303\n"), 0o644)
	a, err := Acquire(dir, "x.lock")
	if err != nil {
		t.Fatalf("first: %v", err)
	}
	// flock belongs to the open file, so a second open in this process
	// conflicts as another process's would.
	_, err = Acquire(dir, "x.lock")
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "process "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("second: err = %v, want ErrLocked naming this process", err)
	}
	a.Release()
	a.Release() // twice is fine
	if _, err := os.Stat(filepath.Join(dir, "x.lock")); err == nil {
		t.Error("lock file left after Release")
	}
	b, err := Acquire(dir, "x.lock")
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	b.Release()
}
