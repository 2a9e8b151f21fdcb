package analysis

import (
	"math"

	"github.com/partnet/partnet/graph"
)

// Constraint returns Burt's constraint per node (R. S. Burt, Structural
// Holes, 1992), as networkx constraint: with p_ij = w_ij / s_i the share of
// i's tie weight (strength s_i) invested in j,
//
//	c_i = sum over partners j of (p_ij + sum over partners q of p_iq p_qj)^2.
//
// Unweighted, every weight is 1 (p_ij = 1/d_i). Isolates get NaN, as in
// networkx; a node whose ties all weigh 0 gets 0. High constraint means
// partners that are tied to one another: few brokerage opportunities.
func Constraint(s *graph.Snapshot, weighted bool) []float64 {
	n := s.N()
	out := make([]float64, n)
	share := func(i int, k int) float64 {
		if weighted {
			if st := s.Strength(i); st > 0 {
				return s.Weights(i)[k] / st
			}
			return 0
		}
		return 1 / float64(s.Degree(i))
	}
	// p[q] = p_iq for the current i, 0 elsewhere: one array per worker.
	parallelRows(n, func() []float64 { return make([]float64, n) }, func(p []float64, lo, hi int) {
		for i := lo; i < hi; i++ {
			row := s.Neighbours(i)
			if len(row) == 0 {
				out[i] = math.NaN()
				continue
			}
			for k, q := range row {
				p[q] = share(i, k)
			}
			var c float64
			for _, j := range row {
				indirect := 0.0
				for k, q := range s.Neighbours(int(j)) {
					if p[q] != 0 {
						// p_qj: q's share in j, found from j's row (symmetric weights)
						indirect += p[q] * shareOf(s, int(q), s.Weights(int(j))[k], weighted)
					}
				}
				a := p[j] + indirect
				c += a * a
			}
			for _, q := range row {
				p[q] = 0
			}
			out[i] = c
		}
	})
	return out
}

// shareOf returns p_qj given w = w_qj.
func shareOf(s *graph.Snapshot, q int, w float64, weighted bool) float64 {
	if weighted {
		if st := s.Strength(q); st > 0 {
			return w / st
		}
		return 0
	}
	return 1 / float64(s.Degree(q))
}

// EffectiveSize returns Burt's effective size per node, as networkx
// effective_size. Unweighted it is Borgatti's simplification
// d - 2t/d, with d partners and t ties among them. Weighted it is
//
//	sum over partners j of (1 - sum over partners q of p_iq m_jq),
//
// with p_iq = w_iq / s_i and m_jq = w_jq / (j's largest tie weight).
// Isolates get NaN, as in networkx.
func EffectiveSize(s *graph.Snapshot, weighted bool) []float64 {
	if !weighted {
		return effectiveSizeFrom(s, Triangles(s))
	}
	n := s.N()
	out := make([]float64, n)
	maxW := make([]float64, n)
	for i := range maxW {
		for _, w := range s.Weights(i) {
			maxW[i] = max(maxW[i], w)
		}
	}
	parallelRows(n, func() []float64 { return make([]float64, n) }, func(p []float64, lo, hi int) {
		for i := lo; i < hi; i++ {
			row := s.Neighbours(i)
			if len(row) == 0 {
				out[i] = math.NaN()
				continue
			}
			st := s.Strength(i)
			for k, q := range row {
				if st > 0 {
					p[q] = s.Weights(i)[k] / st
				}
			}
			var sum float64
			for _, j := range row {
				r := 0.0
				if maxW[j] > 0 {
					jw := s.Weights(int(j))
					for k, q := range s.Neighbours(int(j)) {
						if p[q] != 0 {
							r += p[q] * jw[k] / maxW[j]
						}
					}
				}
				sum += 1 - r
			}
			for _, q := range row {
				p[q] = 0
			}
			out[i] = sum
		}
	})
	return out
}

// effectiveSizeFrom is Borgatti's unweighted effective size d - 2t/d given
// the triangle counts t.
func effectiveSizeFrom(s *graph.Snapshot, tri []int) []float64 {
	out := make([]float64, s.N())
	for i := range out {
		d := float64(s.Degree(i))
		if d == 0 {
			out[i] = math.NaN()
			continue
		}
		out[i] = d - 2*float64(tri[i])/d
	}
	return out
}
