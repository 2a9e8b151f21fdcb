package geo

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
)

var updateBorders = flag.Bool("update", false, "rewrite the embedded England adjacency.csv from the outlines")

// englandBorders derives the embedded England dataset's borders.
func englandBorders(t *testing.T) (*datasets.Dataset, *BorderTable) {
	t.Helper()
	ds, err := datasets.Load("embedded:england")
	if err != nil {
		t.Fatal(err)
	}
	areas, err := EnglandAreas()
	if err != nil {
		t.Fatal(err)
	}
	return ds, DeriveBorders(ds.Network, areas)
}

// TestEnglandAdjacencyEmbedded checks that the embedded England dataset's
// adjacency.csv is what DeriveBorders makes of the embedded outlines (go
// test ./datasets/geo -run TestEnglandAdjacencyEmbedded -update rewrites it),
// and that LoadAdjacency finds it with no extra file.
func TestEnglandAdjacencyEmbedded(t *testing.T) {
	_, table := englandBorders(t)
	var buf bytes.Buffer
	if err := WriteBorders(&buf, table); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "embedded", datasets.DefaultDataset, datasets.AdjacencyFile)
	if *updateBorders {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	have, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, buf.Bytes()) {
		t.Fatalf("%s differs from DeriveBorders of the embedded outlines: rerun with -update", path)
	}
	pairs, err := datasets.LoadAdjacency("embedded:england")
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != len(table.Borders) {
		t.Fatalf("datasets.LoadAdjacency(embedded:england): %d pairs, want %d", len(pairs), len(table.Borders))
	}
}

// TestEnglandBordersKnown checks the derived England borders against facts
// of geography (not against the function's own output): 20 pairs of
// councils that share a border and 5 that do not.
func TestEnglandBordersKnown(t *testing.T) {
	ds, table := englandBorders(t)
	got := map[[2]string]string{}
	for _, b := range table.Borders {
		got[[2]string{b.A, b.B}] = b.Basis
	}
	has := func(a, b string) (string, bool) {
		if a > b {
			a, b = b, a
		}
		basis, ok := got[[2]string{a, b}]
		return basis, ok
	}
	name := func(id string) string { return ds.Network.OrganisationByID(id).Label() }
	borders := []struct{ a, b, why, basis string }{
		{"E07000200", "E07000203", "Babergh and Mid Suffolk meet north-west of Ipswich", BorderShared},
		{"E07000037", "E07000198", "High Peak and Staffordshire Moorlands meet along the upper Dane", BorderShared},
		{"E07000144", "E07000149", "Broadland and South Norfolk meet along the Yare east of Norwich", BorderShared},
		{"E08000003", "E08000009", "Manchester and Trafford meet at Old Trafford and Chorlton", BorderShared},
		{"E09000033", "E09000020", "Westminster and Kensington and Chelsea meet at Knightsbridge", BorderShared},
		{"E07000078", "E07000083", "Tewkesbury borough wraps around Cheltenham to the north and west", BorderShared},
		{"E07000079", "E07000181", "Cotswold and West Oxfordshire meet at the Gloucestershire-Oxfordshire line", BorderShared},
		{"E07000223", "E07000229", "Adur and Worthing meet at Lancing/Sompting", BorderShared},
		{"E08000035", "E08000032", "Leeds and Bradford meet at Pudsey and Thornbury", BorderShared},
		{"E08000025", "E08000029", "Birmingham and Solihull meet at Sheldon and Olton", BorderShared},
		{"E06000023", "E06000025", "Bristol and South Gloucestershire meet at Filton and Kingswood", BorderShared},
		{"E07000008", "E07000012", "South Cambridgeshire surrounds Cambridge", BorderShared},
		{"E07000098", "E09000003", "Hertsmere and Barnet meet along the London boundary at Borehamwood", BorderShared},
		{"E07000178", "E07000177", "Oxford and Cherwell meet at Kidlington and Summertown", BorderShared},
		// County-level pairs (a county is the union of its districts).
		{"E10000016", "E10000011", "Kent and East Sussex meet along the Rother and the High Weald", BorderUnion},
		{"E10000020", "E10000029", "Norfolk and Suffolk meet along the Waveney and the Little Ouse", BorderUnion},
		{"E10000007", "E10000028", "Derbyshire and Staffordshire meet along the Dove", BorderUnion},
		{"E10000025", "E06000030", "Oxfordshire county and Swindon meet at the Vale of White Horse", BorderUnion},
		{"E10000012", "E06000034", "Thurrock is bounded by Essex's Basildon and Brentwood", BorderUnion},
		// Abolished councils, from their successors' outlines.
		{"E07000190", "E07000191", "Taunton Deane and West Somerset (merged 2019) met on the Quantocks and Brendon Hills", BorderSuccessor},
		{"E10000008", "E10000027", "Devon and Somerset county (abolished 2023) meet on Exmoor and the Blackdowns", BorderSuccessor},
	}
	if len(borders) < 20 {
		t.Fatalf("only %d known borders", len(borders))
	}
	for _, c := range borders {
		basis, ok := has(c.a, c.b)
		if !ok {
			t.Errorf("%s (%s) and %s (%s) share a border (%s); not in the derived table", name(c.a), c.a, name(c.b), c.b, c.why)
			continue
		}
		if basis != c.basis {
			t.Errorf("%s and %s: basis %q, want %q", name(c.a), name(c.b), basis, c.basis)
		}
	}
	nonBorders := []struct{ a, b, why string }{
		{"E07000143", "E07000140", "Breckland (Norfolk) and South Holland (Lincolnshire): King's Lynn and West Norfolk lies between"},
		{"E06000052", "E06000059", "Cornwall and Dorset: Devon lies between"},
		{"E06000057", "E10000016", "Northumberland and Kent: opposite ends of England"},
		{"E10000030", "E10000012", "Surrey and Essex counties: Greater London and the Thames lie between"},
		{"E08000003", "E08000035", "Manchester and Leeds: the Pennines and several boroughs lie between"},
	}
	for _, c := range nonBorders {
		if _, ok := has(c.a, c.b); ok {
			t.Errorf("%s and %s do not share a border (%s); the derived table says they do", name(c.a), name(c.b), c.why)
		}
	}
	// A county does not border its own district, nor a council the one
	// that replaced it.
	for _, p := range [][2]string{{"E10000029", "E07000202"}, {"E07000246", "E06000066"}, {"E07000190", "E07000246"}} {
		if _, ok := has(p[0], p[1]); ok {
			t.Errorf("%s and %s: one is inside or replaced the other, yet they are paired", name(p[0]), name(p[1]))
		}
	}
}

// TestEnglandBordersCoverage checks which councils the derivation could
// not place: every England council is covered by the outlines, its
// districts or members, or its successors, and only islands have no
// neighbour.
func TestEnglandBordersCoverage(t *testing.T) {
	ds, table := englandBorders(t)
	// Only the two island councils, the Isle of Wight and the Isles of
	// Scilly, border no other council.
	if strings.Join(table.Missing, ",") != "E06000046,E06000053" {
		t.Errorf("councils with no border row: %v, want the Isle of Wight and the Isles of Scilly", table.Missing)
	}
	// 42 councils abolished in 2019-2023 (the Suffolk, Somerset, Dorset,
	// Bucks, Northants, Cumbria and North Yorkshire districts, Bournemouth,
	// Poole, and Somerset West and Taunton) take successors' outlines; so
	// do the six abolished counties, whose districts did.
	want := 0
	for i := 0; i < ds.Network.NumOrganisations(); i++ {
		o := ds.Network.Organisation(i)
		if o.Sector == graph.SectorCouncil && !o.End.IsZero() {
			want++
		}
	}
	if len(table.FromSuccessor) != want {
		t.Errorf("%d councils take a successor's outline, want the %d abolished ones: %v", len(table.FromSuccessor), want, table.FromSuccessor)
	}
	if !strings.HasPrefix(strings.Join(table.FromSuccessor, ","), "E06000028") {
		t.Errorf("FromSuccessor starts %v, want Bournemouth (E06000028) first", table.FromSuccessor[:1])
	}
}

func TestDeriveBordersSmall(t *testing.T) {
	// Three square districts in a row, A | B | C, and a county holding
	// A and B; district D, abolished, replaced by C.
	sq := func(x float64) [][][][2]float64 {
		return [][][][2]float64{{{{x, 0}, {x + 1, 0}, {x + 1, 1}, {x, 1}, {x, 0}}}}
	}
	areas := []graph.Area{{Code: "A", Polygons: sq(0)}, {Code: "B", Polygons: sq(1)}, {Code: "C", Polygons: sq(2)}}
	net := graph.NewNetwork()
	for _, o := range []graph.Organisation{
		{ID: "A", Sector: "council", Parent: "K"}, {ID: "B", Sector: "council", Parent: "K"},
		{ID: "C", Sector: "council"}, {ID: "K", Sector: "council", Type: "county"},
		{ID: "D", Sector: "council", Successors: []string{"C"}}, {ID: "X", Sector: "council"},
	} {
		if err := net.AddOrganisation(o); err != nil {
			t.Fatal(err)
		}
	}
	table := DeriveBorders(net, areas)
	var got []string
	for _, b := range table.Borders {
		got = append(got, b.A+b.B+":"+b.Basis)
	}
	// A-B share an edge; B-C share an edge; A-C do not. K (A u B) borders
	// C; D (as C) borders B and K; D does not border C (C replaced it).
	want := "AB:shared_boundary BC:shared_boundary BD:successor_outline CK:union DK:successor_outline"
	if strings.Join(got, " ") != want {
		t.Errorf("borders = %s\nwant      %s", strings.Join(got, " "), want)
	}
	// X has no area, so no row.
	if strings.Join(table.Missing, ",") != "X" || strings.Join(table.FromSuccessor, ",") != "D" {
		t.Errorf("Missing %v, FromSuccessor %v; want [X], [D]", table.Missing, table.FromSuccessor)
	}
}
