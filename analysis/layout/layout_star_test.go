package layout

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/partnet/partnet/graph"
)

// TestLayoutSpreadsStarLeaves lays out one funder with 300 grantees (a
// star, as a council's grants make) and checks the leaves are spread, not
// collapsed into one disc: the closest two leaves are at least 1% of the
// leaves' median distance from the hub apart (300 points evenly on a ring
// of radius r are 2πr/300 ≈ 2.1% of r apart), and no two leaves share a
// position.
func TestLayoutSpreadsStarLeaves(t *testing.T) {
	const leaves = 300
	var src, dst []int32
	var w []float64
	for k := 1; k <= leaves; k++ {
		src, dst, w = append(src, 0), append(dst, int32(k)), append(w, 1)
	}
	s := graph.BuildSnapshot(leaves+1, nil, src, dst, w)
	pos, err := ForceAtlas2(context.Background(), s, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	hub := pos[0]
	radii := make([]float64, leaves)
	for k := 1; k <= leaves; k++ {
		radii[k-1] = math.Hypot(pos[k].X-hub.X, pos[k].Y-hub.Y)
	}
	slices.Sort(radii)
	median := radii[leaves/2]
	minGap := math.Inf(1)
	for a := 1; a <= leaves; a++ {
		for b := a + 1; b <= leaves; b++ {
			minGap = min(minGap, math.Hypot(pos[a].X-pos[b].X, pos[a].Y-pos[b].Y))
		}
	}
	t.Logf("300-leaf star: median leaf distance from hub %.4g, closest leaves %.4g apart (%.2f%%)", median, minGap, 100*minGap/median)
	if median <= 0 || minGap < 0.01*median {
		t.Errorf("leaves collapse: closest two %.4g apart, median distance from hub %.4g (want at least 1%%)", minGap, median)
	}
}

// TestLayoutStarBesideCluster is a funder with 300 grantees that is also
// one of 20 councils that all work together (Trafford's grants beside
// Greater Manchester): ties are normalised to mean length 1, which the 300
// grantee ties dominate, so without spreadLeaves the grantees sit about
// 0.08 apart, a blot next to the councils. The closest tenth of the
// grantees must be at least 90% of leafGap (0.3) apart, and no two may
// share a position.
func TestLayoutStarBesideCluster(t *testing.T) {
	const leaves, councils = 300, 20
	var src, dst []int32
	var w []float64
	for a := 0; a < councils; a++ {
		for b := a + 1; b < councils; b++ {
			src, dst, w = append(src, int32(a)), append(dst, int32(b)), append(w, 1)
		}
	}
	for k := 0; k < leaves; k++ {
		src, dst, w = append(src, 0), append(dst, int32(councils+k)), append(w, 1)
	}
	s := graph.BuildSnapshot(councils+leaves, nil, src, dst, w)
	pos, err := ForceAtlas2(context.Background(), s, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	xs, ys := make([]float64, leaves), make([]float64, leaves)
	for k := 0; k < leaves; k++ {
		xs[k], ys[k] = pos[councils+k].X, pos[councils+k].Y
	}
	nn := nearestDistances(xs, ys)
	slices.Sort(nn)
	// The councils' own ties, for scale: their median length.
	var council []float64
	for a := 0; a < councils; a++ {
		for b := a + 1; b < councils; b++ {
			council = append(council, math.Hypot(pos[a].X-pos[b].X, pos[a].Y-pos[b].Y))
		}
	}
	slices.Sort(council)
	t.Logf("grantees: 10th-percentile gap %.3g, least %.3g; councils' median tie %.3g", nn[leaves/10], nn[0], council[len(council)/2])
	if nn[leaves/10] < 0.9*leafGap {
		t.Errorf("grantees crowd: closest tenth %.3g apart, want at least %.3g", nn[leaves/10], leafGap)
	}
	if nn[0] <= 0 {
		t.Error("two grantees share a position")
	}
}

func TestNearestDistances(t *testing.T) {
	// Points on a line at 0, 1, 3 and 7: nearest distances 1, 1, 2, 4.
	got := nearestDistances([]float64{7, 0, 3, 1}, []float64{0, 0, 0, 0})
	want := []float64{4, 1, 2, 1}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
