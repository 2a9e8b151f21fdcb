package analysis

import "github.com/partnet/partnet/graph"

// Degree returns each node's number of distinct partners, by node index
// (empty for the empty graph; 0 for isolates; ties of zero weight count).
func Degree(s *graph.Snapshot) []int {
	out := make([]int, s.N())
	for i := range out {
		out[i] = s.Degree(i)
	}
	return out
}

// Strength returns each node's summed tie weight, by node index.
func Strength(s *graph.Snapshot) []float64 {
	out := make([]float64, s.N())
	for i := range out {
		out[i] = s.Strength(i)
	}
	return out
}

// DegreeCentrality returns degree/(n-1) per node, as networkx
// degree_centrality; a single-node graph gives 1, as networkx does, and the
// empty graph an empty slice.
func DegreeCentrality(s *graph.Snapshot) []float64 {
	n := s.N()
	out := make([]float64, n)
	if n == 1 {
		out[0] = 1
		return out
	}
	for i := range out {
		out[i] = float64(s.Degree(i)) / float64(n-1)
	}
	return out
}
