package analysis

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/partnet/partnet/graph"
)

// fiveNode is the hand-worked example for density, block density and E-I:
//
//	A = {0, 1, 2}, B = {3, 4}
//	ties 0-1 (w 2), 1-2 (w 1), 2-3 (w 3), 3-4 (w 1), 0-4 (w 1)
func fiveNode() (*graph.Snapshot, []string) {
	s := graph.BuildSnapshot(5, nil,
		[]int32{0, 1, 2, 3, 0}, []int32{1, 2, 3, 4, 4}, []float64{2, 1, 3, 1, 1})
	return s, []string{"A", "A", "A", "B", "B"}
}

func TestDensityHandWorked(t *testing.T) {
	s, _ := fiveNode()
	empty := graph.BuildSnapshot(0, nil, nil, nil, nil)
	single := graph.BuildSnapshot(1, nil, nil, nil, nil)
	tests := []struct {
		name     string
		s        *graph.Snapshot
		unw, wtd float64
	}{
		// 5 ties of 10 possible pairs; weight 2+1+3+1+1 = 8 over 10 pairs
		{"fiveNode", s, 0.5, 0.8},
		{"empty", empty, 0, 0},
		{"single", single, 0, 0},
	}
	for _, tc := range tests {
		if got := Density(tc.s); got != tc.unw {
			t.Errorf("Density(%s) = %v, want %v", tc.name, got, tc.unw)
		}
		if got := WeightedDensity(tc.s); got != tc.wtd {
			t.Errorf("WeightedDensity(%s) = %v, want %v", tc.name, got, tc.wtd)
		}
	}
}

func TestEgoDensityHandWorked(t *testing.T) {
	// Triangle 0-1-2 plus 2-3 and the isolate 4.
	// node 0: partners {1,2}, tied: 1 of 1 pair -> 1
	// node 2: partners {0,1,3}, only 0-1 tied: 1 of 3 pairs -> 1/3
	// node 3: one partner -> NaN; node 4: none -> NaN
	s := graph.BuildSnapshot(5, nil, []int32{0, 1, 0, 2}, []int32{1, 2, 2, 3}, nil)
	want := []float64{1, 1, 1.0 / 3, math.NaN(), math.NaN()}
	got := EgoDensity(s)
	for i := range want {
		if !approxEqual(got[i], want[i], 1e-15) {
			t.Errorf("EgoDensity[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestBlocksHandWorked(t *testing.T) {
	s, groups := fiveNode()
	b, err := Blocks(s, groups)
	if err != nil {
		t.Fatal(err)
	}
	// A-A: ties 0-1, 1-2 = 2 of 3 pairs (weight 2+1 = 3)
	// A-B: ties 2-3, 0-4 = 2 of 3*2 = 6 pairs (weight 3+1 = 4)
	// B-B: tie 3-4 = 1 of 1 pair (weight 1)
	wantTies := [][]int{{2, 2}, {2, 1}}
	wantPairs := [][]int{{3, 6}, {6, 1}}
	wantDensity := [][]float64{{2.0 / 3, 2.0 / 6}, {2.0 / 6, 1}}
	wantWeighted := [][]float64{{1, 4.0 / 6}, {4.0 / 6, 1}}
	if b.Groups[0] != "A" || b.Groups[1] != "B" || b.Sizes[0] != 3 || b.Sizes[1] != 2 {
		t.Fatalf("Blocks groups %v sizes %v, want [A B] [3 2]", b.Groups, b.Sizes)
	}
	for x := 0; x < 2; x++ {
		for y := 0; y < 2; y++ {
			if b.Ties[x][y] != wantTies[x][y] || b.Pairs[x][y] != wantPairs[x][y] {
				t.Errorf("Blocks[%d][%d] ties %d pairs %d, want %d %d", x, y, b.Ties[x][y], b.Pairs[x][y], wantTies[x][y], wantPairs[x][y])
			}
			if !approxEqual(b.Density[x][y], wantDensity[x][y], 1e-15) || !approxEqual(b.WeightedDensity[x][y], wantWeighted[x][y], 1e-15) {
				t.Errorf("Blocks[%d][%d] density %v weighted %v, want %v %v", x, y, b.Density[x][y], b.WeightedDensity[x][y], wantDensity[x][y], wantWeighted[x][y])
			}
		}
	}
	// A singleton group has no internal pairs: NaN on its diagonal.
	b, err = Blocks(s, []string{"A", "A", "A", "A", "B"})
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(b.Density[1][1]) {
		t.Errorf("Blocks singleton diagonal = %v, want NaN", b.Density[1][1])
	}
	if _, err := Blocks(s, []string{"A"}); !errors.Is(err, ErrAttributeLength) {
		t.Errorf("Blocks(short column) error = %v, want ErrAttributeLength", err)
	}
}

func TestEIIndexHandWorked(t *testing.T) {
	s, groups := fiveNode()
	ei, err := EIIndex(s, groups)
	if err != nil {
		t.Fatal(err)
	}
	// E = 2 (2-3, 0-4), I = 3 (0-1, 1-2, 3-4): EI = (2-3)/5 = -0.2.
	// Possible pairs: P_E = 3*2 = 6, P_I = 3 + 1 = 4: Expected = (6-4)/10 = 0.2.
	// T = 5 ties: at most min(5,6) = 5 external -> Max = 1;
	// at most min(5,4) = 4 internal, so at least 1 external -> Min = (1-4)/5 = -0.6.
	// Rescaled = -1 + 2(-0.2 + 0.6)/(1 + 0.6) = -0.5.
	checks := []struct {
		name      string
		got, want float64
	}{
		{"Index", ei.Index, -0.2},
		{"Expected", ei.Expected, 0.2},
		{"Max", ei.Max, 1},
		{"Min", ei.Min, -0.6},
		{"Rescaled", ei.Rescaled, -0.5},
		// Group A: 2 external ties, 2 internal ties counted once per
		// member end (4): (2-4)/(2+4) = -1/3; expected (5-6+1)/4 = 0.
		{"A.Index", ei.Groups[0].Index, -1.0 / 3},
		{"A.Expected", ei.Groups[0].Expected, 0},
		// Group B: 2 external, 1 internal (2 ends): (2-2)/4 = 0;
		// expected (5-4+1)/4 = 0.5.
		{"B.Index", ei.Groups[1].Index, 0},
		{"B.Expected", ei.Groups[1].Expected, 0.5},
	}
	for _, c := range checks {
		if !approxEqual(c.got, c.want, 1e-15) {
			t.Errorf("EIIndex(fiveNode).%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if ei.External != 2 || ei.Internal != 3 || ei.Groups[0].Internal != 2 || ei.Groups[1].External != 2 {
		t.Errorf("EIIndex(fiveNode) counts E=%d I=%d, want 2 3", ei.External, ei.Internal)
	}
	// No ties: the index is undefined.
	ei, err = EIIndex(graph.BuildSnapshot(3, nil, nil, nil, nil), []string{"a", "b", "b"})
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(ei.Index) || !math.IsNaN(ei.Rescaled) {
		t.Errorf("EIIndex(no ties) = %v rescaled %v, want NaN", ei.Index, ei.Rescaled)
	}
}

func TestBrokerageHandWorked(t *testing.T) {
	// groups: 0 A, 1 A, 2 B, 3 A, 4 C, 5 A, 6 A
	// ties:   0-1, 1-2, 1-3, 2-4, 0-3, 2-5, 3-6
	//
	// broker 1, partners {0,2,3}: 0-3 tied; open pairs {0,2}, {2,3}.
	//   0->1->2 is A,A,B representative; 2->1->0 is B,A,A gatekeeper; same
	//   for {2,3}: representative 2, gatekeeper 2.
	// broker 2, partners {1,4,5}: all pairs open.
	//   {1,4} A,B,C liaison x2; {1,5} A,B,A itinerant x2; {4,5} C,B,A liaison x2.
	// broker 3, partners {0,1,6}: 0-1 tied; {0,6} and {1,6} are A,A,A:
	//   coordinator x4.
	// 0 (partners 1,3 tied to each other), 4, 5, 6 (leaves) broker nothing.
	s := graph.BuildSnapshot(7, nil,
		[]int32{0, 1, 1, 2, 0, 2, 3}, []int32{1, 2, 3, 4, 3, 5, 6}, nil)
	groups := []string{"A", "A", "B", "A", "C", "A", "A"}
	got, err := Brokerage(s, groups)
	if err != nil {
		t.Fatal(err)
	}
	want := []BrokerageRoles{
		{},
		{Representative: 2, Gatekeeper: 2},
		{Itinerant: 2, Liaison: 4},
		{Coordinator: 4},
		{}, {}, {},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Brokerage[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	if got[2].Total() != 6 {
		t.Errorf("Brokerage[2].Total() = %d, want 6", got[2].Total())
	}
}

// TestBrokerageBruteForce checks Brokerage against the definition applied
// triple by triple (every broker b and ordered pair of distinct partners a,
// c that are not tied) on random graphs with two to five groups, dense
// enough that many two-paths are closed.
func TestBrokerageBruteForce(t *testing.T) {
	for seed := uint64(1); seed <= 6; seed++ {
		r := rand.New(rand.NewPCG(seed, 11))
		n := 30 + r.IntN(30)
		tied := make([][]bool, n)
		for i := range tied {
			tied[i] = make([]bool, n)
		}
		var src, dst []int32
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if r.Float64() < 0.15 {
					src, dst = append(src, int32(i)), append(dst, int32(j))
					tied[i][j], tied[j][i] = true, true
				}
			}
		}
		s := graph.BuildSnapshot(n, nil, src, dst, nil)
		groups := make([]string, n)
		k := 2 + int(seed)%4
		for i := range groups {
			groups[i] = string(rune('A' + r.IntN(k)))
		}
		got, err := Brokerage(s, groups)
		if err != nil {
			t.Fatal(err)
		}
		for b := 0; b < n; b++ {
			var want BrokerageRoles
			for a := 0; a < n; a++ {
				for c := 0; c < n; c++ {
					if a == c || a == b || c == b || !tied[a][b] || !tied[b][c] || tied[a][c] {
						continue
					}
					ga, gb, gc := groups[a], groups[b], groups[c]
					switch {
					case ga == gb && gb == gc:
						want.Coordinator++
					case ga == gc:
						want.Itinerant++
					case ga == gb:
						want.Representative++
					case gb == gc:
						want.Gatekeeper++
					default:
						want.Liaison++
					}
				}
			}
			if got[b] != want {
				t.Errorf("seed %d: Brokerage[%d] = %+v, want %+v", seed, b, got[b], want)
			}
		}
	}
}
