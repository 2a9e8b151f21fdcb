//go:build !unix

package lockfile

import "os"

// On systems without flock the lock is advisory only: the file records the
// holder, and no second batch is refused.
func tryLock(*os.File) error { return nil }

func unlock(*os.File) {}
