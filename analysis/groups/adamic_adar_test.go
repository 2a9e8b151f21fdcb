package groups

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/partnet/partnet/graph"
)

// TestAdamicAdarKarate checks AdamicAdar, and the all-pairs walk Potential
// uses, against networkx 2.8's adamic_adar_index on Zachary's karate club
// (testdata/adamic_adar_karate.json, made by testdata/make_adamic_adar.py).
func TestAdamicAdarKarate(t *testing.T) {
	data, err := os.ReadFile("testdata/adamic_adar_karate.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Edges   [][2]int     `json:"edges"`
		Nonzero [][3]float64 `json:"nonzero"`
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	net := graph.NewNetwork()
	for i := 0; i < 34; i++ {
		if err := net.AddOrganisation(graph.Organisation{ID: strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range ref.Edges {
		if err := net.AddTie(e[0], e[1], 1); err != nil {
			t.Fatal(err)
		}
	}
	s := net.Snapshot(graph.Weighting{})
	if s.Ties() != 78 {
		t.Fatalf("karate: %d ties, want 78", s.Ties())
	}
	want := map[[2]int]float64{}
	for _, r := range ref.Nonzero {
		want[[2]int{int(r[0]), int(r[1])}] = r[2]
	}
	all := make([]bool, 34)
	for i := range all {
		all[i] = true
	}
	walk := adamicAdarAmong(s, all)
	for u := 0; u < 34; u++ {
		for v := u + 1; v < 34; v++ {
			w := want[[2]int{u, v}]
			if got := AdamicAdar(s, u, v); math.Abs(got-w) > 1e-12 {
				t.Errorf("AdamicAdar(karate, %d, %d) = %.15g, want %.15g (networkx)", u, v, got, w)
			}
			if got := walk[[2]int{u, v}]; math.Abs(got-w) > 1e-12 {
				t.Errorf("adamicAdarAmong(karate)[%d,%d] = %.15g, want %.15g (networkx)", u, v, got, w)
			}
		}
	}
	if len(walk) != len(want) {
		t.Errorf("adamicAdarAmong: %d pairs with a common neighbour, networkx %d", len(walk), len(want))
	}
	// A node with itself: 0, as documented.
	if got := AdamicAdar(s, 0, 0); got != 0 {
		t.Errorf("AdamicAdar(karate, 0, 0) = %g, want 0", got)
	}
}
