//go:build !linux

package atomicfile

// exchange is not available here: ReplaceDir falls back to two renames.
func exchange(a, b string) (bool, error) { return false, nil }
