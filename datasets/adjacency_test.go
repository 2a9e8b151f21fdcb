package datasets

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadAdjacency(t *testing.T) {
	cases := []struct {
		name, in string
		want     int
		err      error
	}{
		{"plain", "a,b\nE1,E2\nE2,E3\n", 2, nil},
		{"bom semicolon extra", "\ufeffa;b;rank\nE1;E2;1\n\nE3;E3;2\n", 1, nil},
		{"one column", "a\nE1\n", 0, ErrMissingColumn},
	}
	for _, tc := range cases {
		got, err := ReadAdjacency(strings.NewReader(tc.in), "adjacency.csv")
		if tc.err != nil {
			if !errors.Is(err, tc.err) {
				t.Errorf("%s: err = %v, want %v", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || len(got) != tc.want {
			t.Errorf("%s: %d pairs, %v; want %d", tc.name, len(got), err, tc.want)
		}
	}
	_, err := ReadAdjacency(strings.NewReader("a,b\nE1,E2\nE3\n"), "adjacency.csv")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 3 {
		t.Errorf("short row: err = %v, want a ParseError on line 3", err)
	}
}

// TestReadAdjacencyONS reads the ONS 2021 district neighbours table from
// ../shared (never copied into the project).
func TestReadAdjacencyONS(t *testing.T) {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Skip("go.mod not found")
		}
		dir = filepath.Dir(dir)
	}
	path := filepath.Join(dir, "..", "shared", "data", "real", "lad21_neighbours", "lad21_adjacency_edges.csv")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s absent: %v", path, err)
	}
	pairs, err := LoadAdjacency(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) < 500 || !strings.HasPrefix(pairs[0][0], "E") {
		t.Errorf("%d pairs, first %v", len(pairs), pairs[0])
	}
	if got, err := LoadAdjacency(t.TempDir()); got != nil || err != nil {
		t.Errorf("folder without adjacency.csv: %v, %v", got, err)
	}
}
