package datasets

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnet/partnet/graph"
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

// TestCheckAdjacency: a border table written with names is an error at
// its line with the id to use; GSS codes outside the dataset are skipped
// with one warning; councils with no border row are counted. Before, the
// names were accepted and no group met the rules, without a word.
func TestCheckAdjacency(t *testing.T) {
	net := graph.NewNetwork()
	for _, o := range []graph.Organisation{
		{ID: "E07000200", Name: "Babergh", Sector: graph.SectorCouncil},
		{ID: "E07000203", Name: "Mid Suffolk", Sector: graph.SectorCouncil},
		{ID: "E07000202", Name: "Ipswich", Sector: graph.SectorCouncil},
		{ID: "E10000029", Name: "Suffolk", Sector: graph.SectorCouncil},
		{ID: "E31000001", Name: "Suffolk Fire", Sector: graph.SectorAgency},
	} {
		net.AddOrganisation(o)
	}
	adj, err := readAdjacency(strings.NewReader("a,b\nE07000200,E07000203\nBabergh,Mid Suffolk\nE07000202,E0700020\n"), "adjacency.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = CheckAdjacency(adj, net)
	if !errors.Is(err, graph.ErrUnknownOrganisation) {
		t.Fatalf("err = %v, want ErrUnknownOrganisation", err)
	}
	for _, want := range []string{
		`adjacency.csv:3: "Babergh" is not an organisation of the dataset: did you mean E07000200 (Babergh)?`,
		`adjacency.csv:3: "Mid Suffolk" is not an organisation of the dataset: did you mean E07000203 (Mid Suffolk)?`,
		`adjacency.csv:4: "E0700020" is not an organisation of the dataset: did you mean E07000200?`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	adj, _ = readAdjacency(strings.NewReader("a,b\nE07000200,E07000203\nE07000202,W06000023\nW06000021,W06000023\n"), "adjacency.csv")
	pairs, warnings, err := CheckAdjacency(adj, net)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 1 {
		t.Errorf("pairs %v, want the one inside the dataset", pairs)
	}
	var msgs []string
	for _, w := range warnings {
		msgs = append(msgs, w.Error())
	}
	want := []string{
		"adjacency.csv: 3 GSS code(s) are not organisations of the dataset (areas outside it, e.g. W06000023): their pairs are skipped",
		"adjacency.csv: 1 council has no border row, so no neighbours (it can never be grouped under --require-adjacent): E10000029",
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}
