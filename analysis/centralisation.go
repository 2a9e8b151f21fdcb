package analysis

import (
	"math"

	"github.com/partnet/partnet/graph"
)

// DegreeCentralisation is Freeman's degree centralisation (L. C. Freeman,
// Social Networks 1 (1979) 215-239): sum over nodes of (max degree -
// degree), divided by its largest possible value (n-1)(n-2), reached by a
// star. 1 for a star, 0 when every degree is equal; NaN for n < 3.
func DegreeCentralisation(s *graph.Snapshot) float64 {
	n := s.N()
	if n < 3 {
		return math.NaN()
	}
	deg := Degree(s)
	top := 0
	for _, d := range deg {
		top = max(top, d)
	}
	var sum float64
	for _, d := range deg {
		sum += float64(top - d)
	}
	return sum / (float64(n-1) * float64(n-2))
}

// BetweennessCentralisation is Freeman's betweenness centralisation from
// raw betweenness (BetweennessResult.Raw): sum of (max - b_i) over its
// largest possible value (n-1)^2 (n-2)/2, a star's, as igraph
// centralization_betweenness(normalized=True) for undirected graphs. NaN
// for n < 3.
func BetweennessCentralisation(raw []float64) float64 {
	n := len(raw)
	if n < 3 {
		return math.NaN()
	}
	top := math.Inf(-1)
	for _, b := range raw {
		top = max(top, b)
	}
	var sum float64
	for _, b := range raw {
		sum += top - b
	}
	fn := float64(n)
	return sum / ((fn - 1) * (fn - 1) * (fn - 2) / 2)
}
