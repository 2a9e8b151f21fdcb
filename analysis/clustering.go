package analysis

import (
	"math"
	"sync"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
)

// Triangles returns, per node, the number of ties among its partners (the
// triangles it belongs to), as networkx triangles. It orients each tie from
// the lower- to the higher-ranked end (by degree, then index) and finds each
// triangle once from its lowest-ranked corner, in O(m^1.5) (M. Latapy,
// Theor. Comput. Sci. 407 (2008) 458-473). Weights are ignored.
func Triangles(s *graph.Snapshot) []int {
	n := s.N()
	above := func(u, v int32) bool { // v ranks above u
		du, dv := s.Degree(int(u)), s.Degree(int(v))
		return dv > du || dv == du && v > u
	}
	// Each worker counts into its own array (a triangle adds to three
	// nodes, which other workers may also be adding to); the integer sums
	// are the same whatever the split.
	type scratch struct {
		mark []int32 // mark[x] == u+1: x is a higher-ranked partner of u
		out  []int
	}
	var mu sync.Mutex
	var parts []*scratch
	parallel.Rows(0, n, func() *scratch {
		sc := &scratch{mark: make([]int32, n), out: make([]int, n)}
		mu.Lock()
		parts = append(parts, sc)
		mu.Unlock()
		return sc
	}, func(sc *scratch, lo, hi int) {
		mark, out := sc.mark, sc.out
		for u := int32(lo); int(u) < hi; u++ {
			row := s.Neighbours(int(u))
			for _, v := range row {
				if above(u, v) {
					mark[v] = u + 1
				}
			}
			for _, v := range row {
				if !above(u, v) {
					continue
				}
				for _, w := range s.Neighbours(int(v)) {
					if mark[w] == u+1 && above(v, w) {
						out[u]++
						out[v]++
						out[w]++
					}
				}
			}
		}
	})
	if len(parts) == 0 {
		return make([]int, n)
	}
	out := parts[0].out
	for _, p := range parts[1:] {
		for i, c := range p.out {
			out[i] += c
		}
	}
	return out
}

// LocalClustering returns the local clustering coefficient per node: ties among
// its partners over d(d-1)/2, 0 when d < 2, as networkx clustering.
func LocalClustering(s *graph.Snapshot) []float64 { return clusteringFrom(s, Triangles(s)) }

func clusteringFrom(s *graph.Snapshot, tri []int) []float64 {
	out := make([]float64, s.N())
	for i, t := range tri {
		if d := float64(s.Degree(i)); d >= 2 {
			out[i] = 2 * float64(t) / (d * (d - 1))
		}
	}
	return out
}

// WeightedLocalClustering returns Onnela et al.'s weighted clustering (Phys. Rev.
// E 71 (2005) 065103), as networkx clustering(weight=): with weights scaled
// by the largest weight in the network, c_i = 1/(d(d-1)) * sum over ordered
// pairs of partners j,k that are tied of (w_ij w_ik w_jk)^(1/3). It is 0
// when d < 2; with all weights equal it equals LocalClustering; a triangle with
// a zero-weight tie adds 0.
func WeightedLocalClustering(s *graph.Snapshot) []float64 {
	n := s.N()
	maxW := 0.0
	for _, w := range s.AdjacencyWeights() {
		maxW = max(maxW, w)
	}
	if maxW == 0 {
		maxW = 1
	}
	out := make([]float64, n)
	wi := make([]float64, n)
	mark := make([]bool, n)
	for i := 0; i < n; i++ {
		row, ws := s.Neighbours(i), s.Weights(i)
		d := float64(len(row))
		if d < 2 {
			continue
		}
		for k, j := range row {
			mark[j], wi[j] = true, ws[k]/maxW
		}
		var sum float64
		for _, j := range row {
			jw := s.Weights(int(j))
			for kk, k := range s.Neighbours(int(j)) {
				if k > j && mark[k] {
					sum += math.Cbrt(wi[j] * wi[k] * jw[kk] / maxW)
				}
			}
		}
		for _, j := range row {
			mark[j] = false
		}
		out[i] = 2 * sum / (d * (d - 1))
	}
	return out
}

// Transitivity is the global clustering coefficient: 3 x triangles over
// connected triples, as networkx transitivity and igraph
// transitivity_undirected; 0 when there are no triangles.
func Transitivity(s *graph.Snapshot) float64 { return transitivityFrom(s, Triangles(s)) }

func transitivityFrom(s *graph.Snapshot, triangles []int) float64 {
	var tri, triads float64
	for i, t := range triangles {
		d := float64(s.Degree(i))
		tri += float64(t)
		triads += d * (d - 1) / 2
	}
	if tri == 0 {
		return 0
	}
	return tri / triads
}

// ClusteringOptions selects the average-clustering convention.
type ClusteringOptions struct {
	// Weighted averages WeightedClustering instead of Clustering.
	Weighted bool
	// ExcludeLowDegree leaves nodes of degree < 2 out of the mean, as
	// igraph transitivity_avglocal_undirected(mode="nan"). The default
	// (false) counts them as 0, as networkx average_clustering and igraph
	// mode="zero".
	ExcludeLowDegree bool
}

// AverageClustering is the mean local clustering coefficient. It is NaN on
// the empty graph, and NaN when ExcludeLowDegree leaves no node.
func AverageClustering(s *graph.Snapshot, opts ClusteringOptions) float64 {
	var c []float64
	if opts.Weighted {
		c = WeightedLocalClustering(s)
	} else {
		c = LocalClustering(s)
	}
	return averageClustering(s, c, opts.ExcludeLowDegree)
}

func averageClustering(s *graph.Snapshot, c []float64, exclude bool) float64 {
	var sum float64
	count := 0
	for i, x := range c {
		if exclude && s.Degree(i) < 2 {
			continue
		}
		sum += x
		count++
	}
	if count == 0 {
		return math.NaN()
	}
	return sum / float64(count)
}
