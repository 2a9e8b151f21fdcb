package datasets

import (
	"bytes"
	"math"
	"testing"

	"github.com/partnet/partnet/graph"
)

// An edge list written from the projection gives, read back, exactly the
// ties and weights of the original network under the same scheme (issue
// 14: the edge list kept only the two-organisation partnerships and lost
// every arrangement, all the shared services among them). Checked on the
// embedded England data (partnerships and arrangements) for each scheme.
func TestProjectedEdgeListKeepsEveryTie(t *testing.T) {
	ds, err := Load("embedded:england")
	if err != nil {
		t.Fatal(err)
	}
	net := ds.Network
	if net.NumArrangements() == 0 {
		t.Fatal("england has no arrangements to test with")
	}
	for _, scheme := range []graph.Scheme{graph.SchemeNewman, graph.SchemeCount, graph.SchemeValue} {
		t.Run(string(scheme), func(t *testing.T) {
			proj, c, err := ProjectArrangements(net, scheme)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := WriteEdgeList(&buf, proj); err != nil {
				t.Fatal(err)
			}
			back, _, err := ReadEdgeList(&buf, "projected.csv")
			if err != nil {
				t.Fatal(err)
			}
			if back.NumPartnerships() != c.FromPartnerships+c.FromArrangements {
				t.Errorf("read back %d rows, counts say %d + %d", back.NumPartnerships(), c.FromPartnerships, c.FromArrangements)
			}
			want := tieWeights(net, net.Snapshot(graph.Weighting{Scheme: scheme}))
			// The edge list holds partnerships only: the scheme does not
			// matter when it is read.
			got := tieWeights(back, back.Snapshot(graph.Weighting{}))
			if len(got) != len(want) {
				t.Errorf("%d ties read back, want %d", len(got), len(want))
			}
			for k, w := range want {
				if g, ok := got[k]; !ok || math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w)) {
					t.Errorf("tie %s: weight %v read back, want %v", k, g, w)
				}
			}
		})
	}
}

// tieWeights maps "a|b" (ids in order) to each tie's weight.
func tieWeights(net *graph.Network, s *graph.Snapshot) map[string]float64 {
	out := map[string]float64{}
	for i := 0; i < s.N(); i++ {
		for k, j := range s.Neighbours(i) {
			a, b := net.Organisation(i).ID, net.Organisation(int(j)).ID
			if a < b {
				out[a+"|"+b] = s.Weights(i)[k]
			}
		}
	}
	return out
}

// Arrangements that give no tie under the scheme are counted, not written.
func TestProjectionCounts(t *testing.T) {
	net := graph.NewNetwork()
	for _, id := range []string{"a", "b", "c", "d"} {
		net.AddOrganisation(graph.Organisation{ID: id})
	}
	net.AddPartnership(graph.Partnership{Source: "a", Target: "d", Weight: 1})
	net.AddArrangement(graph.Arrangement{ID: "X", ValueGBP: 600, HasValue: true})
	net.AddArrangement(graph.Arrangement{ID: "Y"})
	net.AddArrangement(graph.Arrangement{ID: "Z"})
	for _, m := range [][2]string{{"X", "a"}, {"X", "b"}, {"X", "c"}, {"Y", "b"}, {"Y", "c"}, {"Z", "d"}} {
		net.AddMembership(graph.Membership{ArrangementID: m[0], OrganisationID: m[1]})
	}
	cases := []struct {
		scheme graph.Scheme
		want   ProjectionCounts
	}{
		// X: 3 pairs; Y: 1 pair; Z has one member.
		{graph.SchemeNewman, ProjectionCounts{FromPartnerships: 1, FromArrangements: 4, Arrangements: 2, NoTie: 1}},
		// Y has no value: no tie under value.
		{graph.SchemeValue, ProjectionCounts{FromPartnerships: 1, FromArrangements: 3, Arrangements: 1, NoTie: 2}},
	}
	for _, c := range cases {
		_, got, err := ProjectArrangements(net, c.scheme)
		if err != nil || got != c.want {
			t.Errorf("%s: counts %+v (%v), want %+v", c.scheme, got, err, c.want)
		}
	}
}
