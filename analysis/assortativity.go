package analysis

import (
	"fmt"
	"math"

	"github.com/partnet/partnet/graph"
)

// DegreeAssortativity is Newman's degree assortativity coefficient (M. E. J.
// Newman, Phys. Rev. Lett. 89 (2002) 208701): the Pearson correlation of
// the degrees at either end of a tie, each tie counted in both directions,
// as networkx degree_assortativity_coefficient and igraph
// assortativity_degree. It is NaN when there are no ties or every tie joins
// nodes of equal degree variance 0 (for example a regular graph). Weights
// are ignored.
func DegreeAssortativity(s *graph.Snapshot) float64 {
	var sx, sxx, sxy, m float64
	s.EachTie(func(i, j int, _ float64) {
		a, b := float64(s.Degree(i)), float64(s.Degree(j))
		sx += a + b
		sxx += a*a + b*b
		sxy += 2 * a * b
		m += 2
	})
	if m == 0 {
		return math.NaN()
	}
	mean := sx / m
	cov := sxy/m - mean*mean
	v := sxx/m - mean*mean
	if v == 0 {
		return math.NaN()
	}
	return cov / v
}

// AttributeAssortativity is Newman's assortativity coefficient for a
// categorical attribute (Phys. Rev. E 67 (2003) 026126), as networkx
// attribute_assortativity_coefficient: with e the matrix of the share of
// tie ends joining group a to group b (both directions counted) and a_i its
// row sums, r = (trace e - sum a_i^2) / (1 - sum a_i^2). 1 means ties only
// within groups; 0 what random mixing gives. groups holds each node's
// value (the empty string is a group like any other). It is NaN when there
// are no ties or all ties fall in one group; it fails when len(groups) is
// not the number of nodes.
func AttributeAssortativity(s *graph.Snapshot, groups []string) (float64, error) {
	label, names, err := groupIndex(s, groups)
	if err != nil {
		return 0, fmt.Errorf("attribute assortativity: %w", err)
	}
	k := len(names)
	e := make([]float64, k*k)
	var total float64
	s.EachTie(func(i, j int, _ float64) {
		a, b := label[i], label[j]
		e[a*k+b]++
		e[b*k+a]++
		total += 2
	})
	if total == 0 {
		return math.NaN(), nil
	}
	var trace, sq float64
	for a := 0; a < k; a++ {
		trace += e[a*k+a] / total
		var row float64
		for b := 0; b < k; b++ {
			row += e[a*k+b] / total
		}
		sq += row * row
	}
	if sq == 1 {
		return math.NaN(), nil
	}
	return (trace - sq) / (1 - sq), nil
}
