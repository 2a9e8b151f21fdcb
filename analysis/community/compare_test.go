package community

import (
	"fmt"
	"math"
	"testing"
)

func TestCompareReference(t *testing.T) {
	// igraph 0.10.2 compare_communities(club, best 4-community partition).
	ref := loadClusterReference(t)
	got, err := Compare(ref.Compare.A, ref.Compare.B)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(got.NMI-ref.Compare.NMI) > 1e-12 || math.Abs(got.ARI-ref.Compare.ARI) > 1e-12 {
		t.Errorf("Compare(club, best4) = NMI %v ARI %v, want %v %v (igraph)", got.NMI, got.ARI, ref.Compare.NMI, ref.Compare.ARI)
	}
}

func TestCompareHand(t *testing.T) {
	cases := []struct {
		name     string
		a, b     []int
		nmi, ari float64
		n        int
	}{
		// Same partition, other labels.
		{"relabelled", []int{0, 0, 1, 1, 2}, []int{5, 5, 3, 3, 9}, 1, 1, 5},
		// Independent halves: I = 0 so NMI = 0. ARI: pairs together in a
		// = 2, in b = 2, in both = 0, expected 2*2/6 = 2/3, max 2,
		// (0 - 2/3)/(2 - 2/3) = -0.5 (scikit-learn agrees).
		{"crossed", []int{0, 0, 1, 1}, []int{0, 1, 0, 1}, 0, -0.5, 4},
		// Both trivial.
		{"all together", []int{1, 1, 1}, []int{2, 2, 2}, 1, 1, 3},
		// Unknown labels drop out: compares [0 0 1 1] with [0 0 1 1].
		{"unknown", []int{0, 0, 1, 1, -1}, []int{3, 3, 4, 4, 3}, 1, 1, 4},
		// a = {0,1,2}{3}, b = {0,1}{2,3}: H(a) = H(3/4,1/4), H(b) = ln 2,
		// I = H(b) - H(b|a) = ln2 - 3/4 H(2/3,1/3).
		{"nested", []int{0, 0, 0, 1}, []int{0, 0, 1, 1},
			2 * (math.Ln2 - 0.75*h(2.0/3, 1.0/3)) / (h(0.75, 0.25) + math.Ln2),
			// pairs: a 3, b 2, both 1; expected 3*2/6 = 1; max 2.5:
			// (1 - 1)/(2.5 - 1) = 0.
			0, 4},
	}
	for _, tc := range cases {
		got, err := Compare(tc.a, tc.b)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.NMI-tc.nmi) > 1e-12 || math.Abs(got.ARI-tc.ari) > 1e-12 || got.Organisations != tc.n {
			t.Errorf("Compare(%s) = %+v, want NMI %v ARI %v n %d", tc.name, got, tc.nmi, tc.ari, tc.n)
		}
	}
	if _, err := Compare([]int{0}, []int{0, 1}); err == nil {
		t.Error("Compare with different lengths: no error")
	}
}

// h is the entropy of a distribution, in nats.
func h(p ...float64) float64 {
	var s float64
	for _, x := range p {
		s -= x * math.Log(x)
	}
	return s
}

func TestLabelsFromColumn(t *testing.T) {
	got := LabelsFromColumn([]string{"North West", "", "London", "North West"})
	want := []int{1, -1, 0, 1}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("LabelsFromColumn = %v, want %v", got, want)
		}
	}
}

func ExampleCompare() {
	clusters := []int{0, 0, 1, 1, 1}
	regions := LabelsFromColumn([]string{"London", "London", "South East", "South East", ""})
	a, _ := Compare(clusters, regions)
	fmt.Printf("NMI %.2f ARI %.2f over %d organisations\n", a.NMI, a.ARI, a.Organisations)
	// Output: NMI 1.00 ARI 1.00 over 4 organisations
}
