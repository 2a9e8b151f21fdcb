package page

import (
	"bytes"
	"context"
	"fmt"
	"github.com/partnet/partnet/analysis/engine"
	"testing"

	"github.com/partnet/partnet/graph"
)

// TestReportDeterministic: the same seed gives the same bytes.
func TestReportDeterministic(t *testing.T) {
	var pages [2][]byte
	for k := range pages {
		var buf bytes.Buffer
		if err := WriteHTML(&buf, hostileReport(t), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		pages[k] = buf.Bytes()
	}
	if !bytes.Equal(pages[0], pages[1]) {
		t.Error("two builds with the same seed differ")
	}
}

// TestFindingsFromResults checks findings on a network whose answers are
// worked by hand: two triangles of councils {a,b,c} and {d,e,f} in
// regions north and south, joined through agency g (tied to c and d).
// g is the one articulation point besides c and d: losing g cuts off 3
// (one triangle); losing c cuts off a and b (2), as does losing d. The
// two triangles are the Leiden clusters with g joining one of them.
func TestFindingsFromResults(t *testing.T) {
	net := graph.NewNetwork()
	for k, id := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		o := graph.Organisation{ID: id, Name: "Org " + id, Sector: "council", Region: []string{"north", "south"}[min(k/3, 1)]}
		if id == "g" {
			o.Sector, o.Region = "agency", "north"
		}
		if err := net.AddOrganisation(o); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range [][2]int{{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 6}, {6, 3}} {
		if err := net.AddTie(p[0], p[1], 1); err != nil {
			t.Fatal(err)
		}
	}
	s := net.Snapshot(graph.Weighting{})
	res, err := engine.Report(context.Background(), net, engine.ReportOptions{Seed: 1, NoGroups: true})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(context.Background(), Source{Network: net, Snapshot: s, Seed: 1, Results: res, SizeBy: "betweenness"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Cutpoints) != 3 || r.Cutpoints[0].ID != "g" || r.Cutpoints[0].CutOff != 3 || r.Cutpoints[1].CutOff != 2 {
		t.Errorf("cut points %+v, want g (3 cut off) first, then c and d (2)", r.Cutpoints)
	}
	// Betweenness (raw, normalised by (n-1)(n-2)/2 = 15): g lies on every
	// shortest path between {a,b,c} and {d,e,f}, 9 pairs, 0.6; c on those
	// from {a,b} to {g,d,e,f}, 8 pairs, 0.533; d likewise. Ties in value
	// go to the higher degree (c and d have 3), then the id.
	// E-I by sector: 2 ties between agency and council, 6 within council:
	// (2-6)/8 = -0.5; expected from the pairs, (6-15)/(6+15) = -0.43.
	want := []string{
		"3 organisations are single points of failure",
		"Org g (3 organisations cut off), Org c (2 organisations cut off) and Org d (2 organisations cut off)",
		"2 ties are bridges",
		// Tied values are said to be tied (c and d: same betweenness and
		// degree, so by name).
		"most central organisations by betweenness are Org g; then Org c and Org d, tied;",
		"the E-I index is -0.50 against -0.43 expected",
	}
	all := fmt.Sprint(r.Findings)
	for _, w := range want {
		if !bytes.Contains([]byte(all), []byte(w)) {
			t.Errorf("findings lack %q:\n%s", w, all)
		}
	}
}
