package analysis

import (
	"math"

	"github.com/partnet/partnet/graph"
)

// Density is the share of possible pairs that are tied: m / (n(n-1)/2), as
// networkx density. It is 0 for fewer than two nodes.
func Density(s *graph.Snapshot) float64 {
	n := float64(s.N())
	if n < 2 {
		return 0
	}
	return float64(s.Ties()) / (n * (n - 1) / 2)
}

// WeightedDensity is the total tie weight over the number of possible pairs,
// n(n-1)/2: the mean weight per pair, absent pairs counting 0. It equals
// Density when every weight is 1 and is 0 for fewer than two nodes.
func WeightedDensity(s *graph.Snapshot) float64 {
	n := float64(s.N())
	if n < 2 {
		return 0
	}
	return s.TotalWeight() / (n * (n - 1) / 2)
}

// EgoDensity returns, per node, the density of its ego network with the ego
// left out (UCINET's Ego Networks "Density"): ties among its k partners over
// k(k-1)/2. For k < 2 there are no pairs and the value is NaN. On an
// undirected network it equals local clustering wherever k >= 2.
func EgoDensity(s *graph.Snapshot) []float64 { return egoDensityFrom(s, Triangles(s)) }

func egoDensityFrom(s *graph.Snapshot, tri []int) []float64 {
	out := make([]float64, s.N())
	for i := range out {
		k := float64(s.Degree(i))
		if k < 2 {
			out[i] = math.NaN()
			continue
		}
		out[i] = float64(tri[i]) / (k * (k - 1) / 2)
	}
	return out
}
