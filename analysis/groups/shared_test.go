package groups

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
)

// sharedDir walks up from the test's working directory to the folder
// holding go.mod and returns ../shared beside it, skipping the test when it
// is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod not found above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared data folder %s absent: %v", shared, err)
	}
	return shared
}

// readCSVRows reads a CSV file under ../shared, skipping when absent, and
// returns the rows after the header.
func readCSVRows(t testing.TB, rel string) [][]string {
	t.Helper()
	path := filepath.Join(sharedDir(t), rel)
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s absent: %v", path, err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows[1:]
}
