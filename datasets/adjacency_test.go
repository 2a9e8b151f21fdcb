package datasets

import (
	"errors"
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
		// The ONS 2021 neighbours table's layout: ranks by border length,
		// blank where only one side lists the pair.
		{"ONS layout", "lad21cd_a,lad21cd_b,rank_in_a,rank_in_b\nE06000001,E06000004,1,2\nW06000021,W06000023,3,\n", 2, nil},
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

// TestReadAdjacencyBorders reads a real border table: England's district
// borders (testdata/real/england_lad24_borders.csv, see
// testdata/real/SOURCES-borders.md).
func TestReadAdjacencyBorders(t *testing.T) {
	path := filepath.Join("testdata", "real", "england_lad24_borders.csv")
	pairs, err := LoadAdjacency(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 771 || pairs[0] != [2]string{"E06000001", "E06000004"} {
		t.Errorf("%d pairs, first %v; want 771, first [E06000001 E06000004] (Hartlepool, Stockton-on-Tees)", len(pairs), pairs[0])
	}
	if got, err := LoadAdjacency(t.TempDir()); got != nil || err != nil {
		t.Errorf("folder without adjacency.csv: %v, %v", got, err)
	}
}
