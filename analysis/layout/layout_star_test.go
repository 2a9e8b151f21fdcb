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
