package analysis

import (
	"context"
	"math"
	"testing"
)

func TestClosenessSampled(t *testing.T) {
	ctx := context.Background()
	g, s := loadReference(t, "les_miserables")
	for _, tc := range []struct {
		key string
		get func(*ClosenessResult) []float64
	}{
		{"closeness", func(c *ClosenessResult) []float64 { return c.Closeness }},
		{"harmonic", func(c *ClosenessResult) []float64 { return c.Harmonic }},
	} {
		want := floats(t, g, tc.key)
		c, err := Closeness(ctx, s, PathOptions{Samples: 50, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		got := tc.get(c)
		var rel float64
		for i := range want {
			rel += math.Abs(got[i]-want[i]) / want[i]
		}
		// 50 of 77 sources: the mean relative error is a few percent.
		if rel /= float64(len(want)); rel > 0.05 {
			t.Errorf("sampled %s: mean relative error %.3f, want < 0.05", tc.key, rel)
		}
	}
	d, err := Distances(ctx, s, PathOptions{Samples: 50, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	// networkx on Les Misérables: diameter 5, average shortest path 2.6411
	if want := graphValue(t, g, "average_shortest_path"); math.Abs(d.AverageShortestPath-want)/want > 0.05 {
		t.Errorf("sampled average shortest path %v, want %v within 5%%", d.AverageShortestPath, want)
	}
	if d.Diameter > 5 || d.Diameter < 3 {
		t.Errorf("sampled diameter %v, want in [3, 5]", d.Diameter)
	}
}
