package community

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnet/partnet/graph"
)

// reference holds the values written by
// testdata/clusters/make_reference.py (igraph 0.10.2, leidenalg 0.9.1,
// networkx 2.8.8 on Zachary's karate club).
type reference struct {
	KarateUnweighted referenceKarate `json:"karate_unweighted"`
	KarateWeighted   referenceKarate `json:"karate_weighted"`
	Compare          struct {
		A   []int   `json:"partition_a"`
		B   []int   `json:"partition_b"`
		NMI float64 `json:"nmi"`
		ARI float64 `json:"ari"`
	} `json:"compare"`
}

type referenceKarate struct {
	IgraphMaxQ       float64 `json:"igraph_leiden_max_q_20_seeds"`
	LeidenalgQ       float64 `json:"leidenalg_modularity"`
	ClubQ            float64 `json:"club_modularity"`
	ClubQHalf        float64 `json:"club_modularity_resolution_0_5_networkx"`
	ClubCPMLeidenalg float64 `json:"club_cpm_quality_resolution_0_1_leidenalg"`
	ClubCoverage     float64 `json:"club_coverage"`
	ClubConductance  float64 `json:"club_conductance_mr_hi"`
	ClubCut          float64 `json:"club_cut_weight"`
}

func loadClusterReference(t *testing.T) reference {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "clusters", "reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r reference
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestLeidenKarate(t *testing.T) {
	ref := loadClusterReference(t)
	cases := []struct {
		name     string
		weighted bool
		want     float64
	}{
		// Brandes et al. (2008) proved 0.419790 optimal for the unweighted
		// club; igraph and leidenalg reach it too (reference.json).
		{"unweighted", false, 0.4197896120973044},
		// The best of igraph's Leiden over 20 seeds, each looped to
		// convergence (reference.json).
		{"weighted", true, ref.KarateWeighted.IgraphMaxQ},
	}
	for _, tc := range cases {
		s := karate(t, tc.weighted)
		for seed := uint64(1); seed <= 5; seed++ {
			c, err := Leiden(context.Background(), s, LeidenOptions{Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			if c.Quality < tc.want-1e-9 {
				t.Errorf("Leiden(karate %s, seed %d) Q = %.6f, want >= %.6f", tc.name, seed, c.Quality, tc.want)
			}
			if !c.Converged || c.Count != 4 {
				t.Errorf("Leiden(karate %s, seed %d): converged %v, %d communities, want true, 4", tc.name, seed, c.Converged, c.Count)
			}
			if q := Modularity(s, c.Membership, 1); math.Abs(q-c.Quality) > 1e-12 {
				t.Errorf("Quality %v != Modularity %v", c.Quality, q)
			}
			assertConnected(t, s, c.Membership)
		}
	}
	if want := ref.KarateUnweighted.LeidenalgQ; math.Abs(want-0.4197896120973044) > 1e-9 {
		t.Errorf("reference leidenalg Q = %v, want the proven optimum", want)
	}
}

func TestLeidenPlantedRecovery(t *testing.T) {
	cases := []struct {
		mu      float64
		wantNMI float64
	}{
		{0.1, 0.99},
		{0.3, 0.95},
		{0.4, 0.95},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("mu=%.1f", tc.mu), func(t *testing.T) {
			// 2,000 organisations in 40 communities of 50, mean degree 20.
			s, truth := plantedPartition(2000, 50, 20000, tc.mu, 3)
			c, err := Leiden(context.Background(), s, LeidenOptions{Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			agr, err := Compare(c.Membership, truth)
			if err != nil {
				t.Fatal(err)
			}
			if agr.NMI < tc.wantNMI {
				t.Errorf("NMI(Leiden, planted) = %.4f at mixing %.1f, want >= %.2f", agr.NMI, tc.mu, tc.wantNMI)
			}
			assertConnected(t, s, c.Membership)
		})
	}
}

// assertConnected checks with a breadth-first search that every community
// is connected.
func assertConnected(t *testing.T, s *graph.Snapshot, memb []int) {
	t.Helper()
	comms := Communities(memb)
	for c, members := range comms {
		if len(members) == 0 {
			t.Errorf("community %d is empty", c)
			continue
		}
		seen := map[int]bool{members[0]: true}
		queue := []int{members[0]}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for _, u := range s.Neighbours(v) {
				if memb[u] == c && !seen[int(u)] {
					seen[int(u)] = true
					queue = append(queue, int(u))
				}
			}
		}
		if len(seen) != len(members) {
			t.Errorf("community %d: %d of %d members reachable inside it", c, len(seen), len(members))
		}
	}
}

func TestLeidenAlwaysConnected(t *testing.T) {
	// High mixing and sparse random graphs are where Louvain leaves
	// disconnected communities.
	for seed := uint64(1); seed <= 8; seed++ {
		s, _ := plantedPartition(600, 30, 1200, 0.7, seed)
		for _, obj := range []Objective{ObjectiveModularity, ObjectiveCPM} {
			c, err := Leiden(context.Background(), s, LeidenOptions{Seed: seed, Objective: obj, Iterations: 1})
			if err != nil {
				t.Fatal(err)
			}
			assertConnected(t, s, c.Membership)
		}
	}
}

func TestLeidenDeterministic(t *testing.T) {
	s, _ := plantedPartition(1000, 25, 5000, 0.5, 9)
	a, err := Leiden(context.Background(), s, LeidenOptions{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, err := Leiden(context.Background(), s, LeidenOptions{Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		for i := range a.Membership {
			if a.Membership[i] != b.Membership[i] {
				t.Fatalf("seed 7: node %d in community %d then %d", i, a.Membership[i], b.Membership[i])
			}
		}
	}
}

// TestLeidenRowOrder shuffles the organisations and the partnerships of a
// network: every organisation must land in the community with the same
// label, since labels follow size and ids, not row order.
func TestLeidenRowOrder(t *testing.T) {
	src, dst := plantedEdges(500, 25, 2500, 0.35, 4)
	ids := make([]string, 500)
	for i := range ids {
		ids[i] = fmt.Sprintf("org-%03d", i)
	}
	build := func(shuffle uint64) (*graph.Snapshot, []string) {
		r := rand.New(rand.NewPCG(shuffle, 1))
		perm := r.Perm(len(ids)) // perm[old] = new index
		if shuffle == 0 {
			for i := range perm {
				perm[i] = i
			}
		}
		order := r.Perm(len(src))
		names := make([]string, len(ids))
		for old, nw := range perm {
			names[nw] = ids[old]
		}
		s2, d2 := make([]int32, len(src)), make([]int32, len(src))
		for k, o := range order {
			s2[k], d2[k] = int32(perm[src[o]]), int32(perm[dst[o]])
			if shuffle%2 == 1 {
				s2[k], d2[k] = d2[k], s2[k]
			}
		}
		return graph.BuildSnapshot(len(ids), names, s2, d2, nil), names
	}
	want := map[string]int{}
	s0, names0 := build(0)
	c0, err := Leiden(context.Background(), s0, LeidenOptions{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range names0 {
		want[id] = c0.Membership[i]
	}
	for shuffle := uint64(1); shuffle <= 4; shuffle++ {
		s, names := build(shuffle)
		c, err := Leiden(context.Background(), s, LeidenOptions{Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if c.Quality != c0.Quality {
			t.Errorf("shuffle %d: Q = %v, want %v", shuffle, c.Quality, c0.Quality)
		}
		for i, id := range names {
			if c.Membership[i] != want[id] {
				t.Fatalf("shuffle %d: %s in community %d, want %d", shuffle, id, c.Membership[i], want[id])
			}
		}
	}
}

func TestLeidenInitial(t *testing.T) {
	s, truth := plantedPartition(1000, 50, 10000, 0.3, 5)
	// Starting from the planted partition keeps it (it is already a
	// strong local optimum) and converges quickly.
	c, err := Leiden(context.Background(), s, LeidenOptions{Seed: 1, Initial: truth})
	if err != nil {
		t.Fatal(err)
	}
	agr, _ := Compare(c.Membership, truth)
	if agr.NMI < 0.99 {
		t.Errorf("NMI from the planted start = %.4f, want >= 0.99", agr.NMI)
	}
	if _, err := Leiden(context.Background(), s, LeidenOptions{Initial: truth[:10]}); err == nil {
		t.Error("Leiden with 10 initial labels for 1000 organisations: no error")
	}
	// A negative label starts a node alone; all-negative equals singletons.
	neg := make([]int, s.N())
	for i := range neg {
		neg[i] = -1
	}
	a, _ := Leiden(context.Background(), s, LeidenOptions{Seed: 2, Initial: neg})
	b, _ := Leiden(context.Background(), s, LeidenOptions{Seed: 2})
	if a.Quality != b.Quality {
		t.Errorf("all-negative initial Q = %v, singletons Q = %v", a.Quality, b.Quality)
	}
}

func TestLeidenEdgeCases(t *testing.T) {
	ctx := context.Background()
	empty := graph.BuildSnapshot(0, nil, nil, nil, nil)
	c, err := Leiden(ctx, empty, LeidenOptions{})
	if err != nil || c.Count != 0 || len(c.Membership) != 0 {
		t.Errorf("empty: %+v, %v", c, err)
	}
	// Two isolated nodes and a zero-weight tie: every node alone, Q = 0.
	zero := graph.BuildSnapshot(3, nil, []int32{0}, []int32{1}, []float64{0})
	c, err = Leiden(ctx, zero, LeidenOptions{})
	if err != nil || c.Count != 3 || c.Quality != 0 {
		t.Errorf("zero weights: %+v, %v", c, err)
	}
	// Two triangles and an isolated node: Q = 2 (3/6 - (6/12)^2) = 0.5.
	tri := graph.BuildSnapshot(7, nil, []int32{0, 1, 2, 3, 4, 5}, []int32{1, 2, 0, 4, 5, 3}, nil)
	c, err = Leiden(ctx, tri, LeidenOptions{})
	if err != nil || c.Count != 3 || math.Abs(c.Quality-0.5) > 1e-12 {
		t.Errorf("two triangles: %+v, %v", c, err)
	}
	if _, err := Leiden(ctx, tri, LeidenOptions{Resolution: -1}); err == nil {
		t.Error("negative resolution: no error")
	}
	if _, err := Leiden(ctx, tri, LeidenOptions{Objective: "infomap"}); err == nil {
		t.Error("unknown objective: no error")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Leiden(cancelled, tri, LeidenOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v, want context.Canceled", err)
	}
}

func TestLeidenCPM(t *testing.T) {
	// Two 5-cliques joined by one tie. CPM at gamma 0.5 keeps each clique
	// (density 1 > 0.5; joining them has density 21/45 < 0.5), worth
	// 2 (10 - 0.5*10) = 10.
	var src, dst []int32
	for _, base := range []int32{0, 5} {
		for i := int32(0); i < 5; i++ {
			for j := i + 1; j < 5; j++ {
				src, dst = append(src, base+i), append(dst, base+j)
			}
		}
	}
	src, dst = append(src, 4), append(dst, 5)
	s := graph.BuildSnapshot(10, nil, src, dst, nil)
	c, err := Leiden(context.Background(), s, LeidenOptions{Objective: ObjectiveCPM, Resolution: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if c.Count != 2 || math.Abs(c.Quality-10) > 1e-12 {
		t.Errorf("CPM(two 5-cliques, 0.5): %d communities, H = %v, want 2, 10", c.Count, c.Quality)
	}
	// The default CPM resolution is the density, 21/45: still two groups.
	c, err = Leiden(context.Background(), s, LeidenOptions{Objective: ObjectiveCPM})
	if err != nil {
		t.Fatal(err)
	}
	if c.Count != 2 || math.Abs(c.Resolution-21.0/45) > 1e-12 {
		t.Errorf("CPM default: %d communities at resolution %v, want 2 at %v", c.Count, c.Resolution, 21.0/45)
	}
}

// ExampleLeiden clusters two triangles joined by one tie.
func ExampleLeiden() {
	s := graph.BuildSnapshot(6, []string{"a", "b", "c", "d", "e", "f"},
		[]int32{0, 1, 2, 3, 4, 5, 2}, []int32{1, 2, 0, 4, 5, 3, 3}, nil)
	c, err := Leiden(context.Background(), s, LeidenOptions{Seed: 1})
	if err != nil {
		panic(err)
	}
	fmt.Println(c.Membership, c.Count)
	fmt.Printf("Q = %.4f\n", c.Quality) // 2 (3/7 - (7/14)^2) = 6/7 - 1/2
	// Output:
	// [0 0 0 1 1 1] 2
	// Q = 0.3571
}
