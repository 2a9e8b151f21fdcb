package analysis

import (
	"math"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
)

// Triangles returns, per node, the number of ties among its partners (the
// triangles it belongs to), as networkx triangles and igraph
// list_triangles. Weights are ignored. See triangleCount for the method.
func Triangles(s *graph.Snapshot) []int {
	tri, _ := triangleCount(s, false)
	return tri
}

// forwardTies is the adjacency oriented from the lower- to the
// higher-ranked end of each tie (rank: degree, then index), so a node's
// forward list holds at most sqrt(2m) partners (Latapy, Theor. Comput. Sci.
// 407 (2008) 458-473). cw holds (w / largest weight)^(1/3) per forward tie
// when weighted.
type forwardTies struct {
	off []int
	adj []int32
	cw  []float64
}

func newForwardTies(s *graph.Snapshot, weighted bool, maxW float64) *forwardTies {
	n := s.N()
	off, adj, ws := s.Offsets(), s.Adjacency(), s.AdjacencyWeights()
	deg := make([]int32, n) // half the bytes of off, one read per lookup
	for i := range deg {
		deg[i] = int32(off[i+1] - off[i])
	}
	above := func(u int, v int32) bool { // v ranks above u
		du, dv := deg[u], deg[v]
		return dv > du || dv == du && int(v) > u
	}
	// One pass with the random degree look-ups marks each adjacency slot
	// forward or not (a byte per slot, so rows on two cores never share a
	// word); the fill pass then reads the marks in order.
	f := &forwardTies{off: make([]int, n+1)}
	fwd := make([]bool, len(adj))
	parallel.Rows(0, n, parallel.NoScratch, func(_ struct{}, lo, hi int) {
		for u := lo; u < hi; u++ {
			c := 0
			for k := off[u]; k < off[u+1]; k++ {
				if above(u, adj[k]) {
					fwd[k] = true
					c++
				}
			}
			f.off[u+1] = c
		}
	})
	for u := 0; u < n; u++ {
		f.off[u+1] += f.off[u]
	}
	f.adj = make([]int32, f.off[n])
	if weighted {
		f.cw = make([]float64, f.off[n])
	}
	parallel.Rows(0, n, parallel.NoScratch, func(_ struct{}, lo, hi int) {
		for u := lo; u < hi; u++ {
			e := f.off[u]
			for k := off[u]; k < off[u+1]; k++ {
				if fwd[k] {
					f.adj[e] = adj[k]
					if weighted {
						f.cw[e] = math.Cbrt(ws[k] / maxW)
					}
					e++
				}
			}
		}
	})
	return f
}

// incoming lists, for each node x, the forward ties u-x pointing to it (as
// indices into f.adj), in increasing u: a counting sort on the heads.
func (f *forwardTies) incoming(n int) *forwardTies {
	in := &forwardTies{off: make([]int, n+1), adj: make([]int32, len(f.adj))}
	for _, x := range f.adj {
		in.off[x+1]++
	}
	for x := 0; x < n; x++ {
		in.off[x+1] += in.off[x]
	}
	cur := make([]int, n)
	copy(cur, in.off[:n])
	for e, x := range f.adj {
		in.adj[cur[x]] = int32(e)
		cur[x]++
	}
	return in
}

// triangleCount returns each node's triangle count and, when weighted, the
// sum over its triangles of (w_ij w_ik w_jk / maxW^3)^(1/3), the numerator
// of Onnela's weighted clustering. Each triangle is found once, from its
// lowest-ranked corner u: mark u's forward partners, then for each forward
// partner v scan v's forward list for marked w (Latapy's compact-forward;
// the work is the sum over nodes of in-degree times out-degree in the
// orientation). The corner u counts the triangle for itself and in the
// slots of its forward ties u-v and u-w, which only u's worker writes;
// each node then adds up the slots of the ties that point to it, in its
// own row's order. So no two workers write the same place, and the sums
// are bit-identical on one core or two.
func triangleCount(s *graph.Snapshot, weighted bool) ([]int, []float64) {
	n := s.N()
	maxW := 0.0
	if weighted {
		for _, w := range s.AdjacencyWeights() {
			maxW = max(maxW, w)
		}
		if maxW == 0 {
			maxW = 1
		}
	}
	f := newForwardTies(s, weighted, maxW)
	tri := make([]int, n)
	slot := make([]int32, len(f.adj)) // triangles closed through forward tie e, for its head
	var wsum, wslot []float64
	if weighted {
		wsum, wslot = make([]float64, n), make([]float64, len(f.adj))
	}
	type scratch struct {
		mark []uint64 // bit w: w is a forward partner of u (n bits, cache-resident)
		pos  []int32  // pos[w]: the forward tie u-w, while marked
	}
	parallel.Rows(0, n, func() *scratch {
		return &scratch{mark: make([]uint64, (n+63)/64), pos: make([]int32, n)}
	}, func(sc *scratch, lo, hi int) {
		mark, pos := sc.mark, sc.pos
		for u := lo; u < hi; u++ {
			ulo, uhi := f.off[u], f.off[u+1]
			if uhi-ulo < 2 {
				continue
			}
			for e := ulo; e < uhi; e++ {
				w := f.adj[e]
				mark[w>>6] |= 1 << (w & 63)
				pos[w] = int32(e)
			}
			t, sum := 0, 0.0
			for e1 := ulo; e1 < uhi; e1++ {
				v := f.adj[e1]
				for e2 := f.off[v]; e2 < f.off[v+1]; e2++ {
					w := f.adj[e2]
					if mark[w>>6]&(1<<(w&63)) == 0 {
						continue
					}
					e3 := pos[w]
					t++
					slot[e1]++
					slot[e3]++
					if weighted {
						c := f.cw[e1] * f.cw[e2] * f.cw[e3]
						sum += c
						wslot[e1] += c
						wslot[e3] += c
					}
				}
			}
			tri[u] = t
			if weighted {
				wsum[u] = sum
			}
			for e := ulo; e < uhi; e++ {
				w := f.adj[e]
				mark[w>>6] = 0
			}
		}
	})
	// Each node adds the slots of the forward ties pointing to it, listed
	// by a counting sort on their heads (in order of their tails).
	in := f.incoming(n)
	parallel.Rows(0, n, parallel.NoScratch, func(_ struct{}, lo, hi int) {
		for x := lo; x < hi; x++ {
			t, sum := tri[x], 0.0
			if weighted {
				sum = wsum[x]
			}
			for _, e := range in.adj[in.off[x]:in.off[x+1]] {
				t += int(slot[e])
				if weighted {
					sum += wslot[e]
				}
			}
			tri[x] = t
			if weighted {
				wsum[x] = sum
			}
		}
	})
	return tri, wsum
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
// a zero-weight tie adds 0. The triangles are those of Triangles, found in
// the same pass.
func WeightedLocalClustering(s *graph.Snapshot) []float64 {
	_, wsum := triangleCount(s, true)
	return weightedClusteringFrom(s, wsum)
}

func weightedClusteringFrom(s *graph.Snapshot, wsum []float64) []float64 {
	out := make([]float64, s.N())
	for i, sum := range wsum {
		if d := float64(s.Degree(i)); d >= 2 {
			out[i] = 2 * sum / (d * (d - 1))
		}
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

// ClusteringFigures is what one triangle count gives.
type ClusteringFigures struct {
	Triangles    []int     // as Triangles
	Local        []float64 // as LocalClustering
	Weighted     []float64 // as WeightedLocalClustering; nil unless asked for
	Transitivity float64   // as Transitivity
}

// TriangleFigures counts triangles once and derives local clustering,
// transitivity and, when weighted, Onnela's weighted clustering from the
// same pass (the functions above each count on their own).
func TriangleFigures(s *graph.Snapshot, weighted bool) *ClusteringFigures {
	tri, wsum := triangleCount(s, weighted)
	c := &ClusteringFigures{Triangles: tri, Local: clusteringFrom(s, tri), Transitivity: transitivityFrom(s, tri)}
	if weighted {
		c.Weighted = weightedClusteringFrom(s, wsum)
	}
	return c
}
