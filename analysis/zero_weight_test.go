package analysis

import (
	"context"
	"math"
	"testing"

	"github.com/partnet/partnet/graph"
)

// zeroWeightNetwork is four organisations a, b, c, d with
//   - partnership a-b, kind shared_service, weight 1;
//   - arrangement X = {a, b, c}, kind joint_plan, value 300;
//   - arrangement Y = {b, c, d}, kind statutory_body, no value.
func zeroWeightNetwork(t *testing.T) *graph.Network {
	t.Helper()
	net := graph.NewNetwork()
	for _, id := range []string{"a", "b", "c", "d"} {
		if err := net.AddOrganisation(graph.Organisation{ID: id}); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(net.AddPartnership(graph.Partnership{Source: "a", Target: "b", Kind: "shared_service", Weight: 1}))
	must(net.AddArrangement(graph.Arrangement{ID: "X", Kind: "joint_plan", ValueGBP: 300, HasValue: true}))
	must(net.AddArrangement(graph.Arrangement{ID: "Y", Kind: "statutory_body"}))
	for _, m := range [][2]string{{"X", "a"}, {"X", "b"}, {"X", "c"}, {"Y", "b"}, {"Y", "c"}, {"Y", "d"}} {
		must(net.AddMembership(graph.Membership{ArrangementID: m[0], OrganisationID: m[1]}))
	}
	return net
}

// An arrangement with no value under --weighting value, and a kind weighted
// 0, add no tie at all (issue 14), so the structural measures see only the
// ties that carry weight. Expected values are derived by hand below.
func TestZeroContributionsAddNoTie(t *testing.T) {
	cases := []struct {
		name string
		w    graph.Weighting
		// hand-derived
		degree      []int
		density     float64
		clustering  []float64
		cores       []int
		betweenness []float64 // networkx normalised (2/((n-1)(n-2)) per pair)
	}{
		{
			// value: X gives each of its 3 pairs 300/3 = 100 x 1.5; Y has no
			// value and adds nothing. Ties a-b (3 + 150), a-c, b-c; d alone.
			// Degree 2,2,2,0; density 3/6; a, b, c form a triangle
			// (clustering 1, core 2); no node lies between two others.
			// Before the fix Y added b-d and c-d of weight 0: degree b=3,
			// c=3, d=2 and density 5/6.
			name: "value scheme, arrangement without value", w: graph.Weighting{Scheme: graph.SchemeValue},
			degree: []int{2, 2, 2, 0}, density: 0.5,
			clustering: []float64{1, 1, 1, 0}, cores: []int{2, 2, 2, 0}, betweenness: []float64{0, 0, 0, 0},
		},
		{
			// count with joint_plan=0: X adds nothing; ties a-b (3) and Y's
			// b-c, b-d, c-d (0.5 each). Degree 1,3,2,2; density 4/6;
			// clustering b: of its neighbours a, c, d only c-d is tied,
			// 1 of 3 pairs; c and d: their two neighbours are tied (1).
			// Cores: a has degree 1 (core 1); b, c, d form a triangle (2).
			// Betweenness: a's only tie is to b, so b lies on the only
			// path of the pairs a-c and a-d: raw 2, normalised
			// 2 x 2/((n-1)(n-2)) = 4/6 = 2/3; c and d are tied directly.
			name: "zero kind weight", w: graph.Weighting{Scheme: graph.SchemeCount, KindWeights: map[string]float64{"shared_service": 3, "joint_plan": 0, "statutory_body": 0.5}},
			degree: []int{1, 3, 2, 2}, density: 4.0 / 6,
			clustering: []float64{0, 1.0 / 3, 1, 1}, cores: []int{1, 2, 2, 2}, betweenness: []float64{0, 2.0 / 3, 0, 0},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := zeroWeightNetwork(t).Snapshot(c.w)
			for i := 0; i < s.N(); i++ {
				for _, x := range s.Weights(i) {
					if x == 0 {
						t.Errorf("node %d has a tie of weight 0", i)
					}
				}
			}
			if got := Degree(s); !equalInts(got, c.degree) {
				t.Errorf("Degree = %v, want %v", got, c.degree)
			}
			if got := Density(s); math.Abs(got-c.density) > 1e-12 {
				t.Errorf("Density = %v, want %v", got, c.density)
			}
			if got := LocalClustering(s); !closeAll(got, c.clustering) {
				t.Errorf("LocalClustering = %v, want %v", got, c.clustering)
			}
			if got := CoreNumber(s); !equalInts(got, c.cores) {
				t.Errorf("CoreNumber = %v, want %v", got, c.cores)
			}
			b, err := Betweenness(context.Background(), s, BetweennessOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := b.Normalised; !closeAll(got, c.betweenness) {
				t.Errorf("Betweenness = %v, want %v", got, c.betweenness)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func closeAll(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-12 {
			return false
		}
	}
	return true
}
