package community

import (
	"fmt"
	"math"
	"testing"

	"github.com/partnet/partnet/graph"
)

// karateClub returns the club each member joined after the split (0 Mr.
// Hi, 1 Officer), read from karate_club_nodes.csv.
func karateClub(t *testing.T) []int {
	t.Helper()
	rows := readCSVRows(t, "sna_benchmarks/karate_club_nodes.csv")
	club := make([]int, len(rows))
	for i, r := range rows {
		if r[1] != "Mr. Hi" {
			club[i] = 1
		}
	}
	return club
}

func TestModularityKarateClub(t *testing.T) {
	ref := loadClusterReference(t)
	club := karateClub(t)
	cases := []struct {
		name     string
		weighted bool
		gamma    float64
		want     float64
	}{
		{"unweighted", false, 1, ref.KarateUnweighted.ClubQ},           // igraph
		{"weighted", true, 1, ref.KarateWeighted.ClubQ},                // igraph
		{"unweighted/0.5", false, 0.5, ref.KarateUnweighted.ClubQHalf}, // networkx
		{"weighted/0.5", true, 0.5, ref.KarateWeighted.ClubQHalf},      // networkx
	}
	for _, tc := range cases {
		s := karate(t, tc.weighted)
		if got := Modularity(s, club, tc.gamma); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Modularity(karate %s, club) = %.12f, want %.12f", tc.name, got, tc.want)
		}
	}
	// leidenalg's CPMVertexPartition.quality() sums over ordered pairs,
	// twice CPMQuality.
	for _, tc := range []struct {
		weighted bool
		want     float64
	}{{false, ref.KarateUnweighted.ClubCPMLeidenalg / 2}, {true, ref.KarateWeighted.ClubCPMLeidenalg / 2}} {
		if got := CPMQuality(karate(t, tc.weighted), club, 0.1); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("CPMQuality(karate weighted=%v, club, 0.1) = %v, want %v", tc.weighted, got, tc.want)
		}
	}
}

func TestClusterQualityKarate(t *testing.T) {
	ref := loadClusterReference(t)
	club := karateClub(t)
	q := ClusterQuality(karate(t, false), club, 1)
	if math.Abs(q.Coverage-ref.KarateUnweighted.ClubCoverage) > 1e-12 {
		t.Errorf("Coverage(unweighted club) = %v, want %v (networkx)", q.Coverage, ref.KarateUnweighted.ClubCoverage)
	}
	w := ClusterQuality(karate(t, true), club, 1)
	if got := w.Clusters[0].Conductance; math.Abs(got-ref.KarateWeighted.ClubConductance) > 1e-12 {
		t.Errorf("Conductance(Mr. Hi, weighted) = %v, want %v (networkx)", got, ref.KarateWeighted.ClubConductance)
	}
	if got := w.Clusters[0].Cut; got != ref.KarateWeighted.ClubCut {
		t.Errorf("Cut(Mr. Hi, weighted) = %v, want %v (networkx)", got, ref.KarateWeighted.ClubCut)
	}
	if w.Count != 2 || w.Singletons != 0 || len(w.Sizes) != 1 || w.Sizes[0] != (SizeCount{Size: 17, Count: 2}) {
		t.Errorf("sizes: count %d singletons %d distribution %v, want 2, 0, [{17 2}]", w.Count, w.Singletons, w.Sizes)
	}
}

func TestClusterQualityHand(t *testing.T) {
	// Path a-b-c-d with weights 1, 2, 1 and an isolated e; clusters
	// {a,b}, {c,d}, {e}. Worked by hand: m = 4, inside = 1 + 1 = 2, so
	// coverage 0.5; volumes {a,b} = 1+3 = 4, {c,d} = 4, {e} = 0; cut of
	// {a,b} = 2, conductance 2/min(4, 4) = 0.5; {e}: 0 (no volume).
	// Q = 2 (1/4 - (4/8)^2) = 0.
	s := graph.BuildSnapshot(5, nil, []int32{0, 1, 2}, []int32{1, 2, 3}, []float64{1, 2, 1})
	q := ClusterQuality(s, []int{0, 0, 1, 1, 2}, 1)
	if q.Coverage != 0.5 || q.Modularity != 0 || q.Count != 3 || q.Singletons != 1 {
		t.Errorf("got coverage %v Q %v count %d singletons %d, want 0.5 0 3 1", q.Coverage, q.Modularity, q.Count, q.Singletons)
	}
	want := []ClusterStats{
		{Cluster: 0, Size: 2, Internal: 1, Cut: 2, Volume: 4, Ties: 1, Density: 1, Conductance: 0.5},
		{Cluster: 1, Size: 2, Internal: 1, Cut: 2, Volume: 4, Ties: 1, Density: 1, Conductance: 0.5},
		{Cluster: 2, Size: 1},
	}
	for i, w := range want {
		if q.Clusters[i] != w {
			t.Errorf("cluster %d = %+v, want %+v", i, q.Clusters[i], w)
		}
	}
	if empty := ClusterQuality(graph.BuildSnapshot(0, nil, nil, nil, nil), nil, 1); empty.Count != 0 || empty.Modularity != 0 {
		t.Errorf("empty: %+v", empty)
	}
}

func ExampleModularity() {
	// Two triangles joined by one tie, split into the triangles:
	// Q = 2 (3/7 - (7/14)^2) = 6/7 - 1/2.
	s := graph.BuildSnapshot(6, nil, []int32{0, 1, 2, 3, 4, 5, 2}, []int32{1, 2, 0, 4, 5, 3, 3}, nil)
	fmt.Printf("%.4f\n", Modularity(s, []int{0, 0, 0, 1, 1, 1}, 1))
	// Output: 0.3571
}
