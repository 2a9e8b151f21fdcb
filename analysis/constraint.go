package analysis

import (
	"math"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
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
	return ConstraintFor(s, weighted, nil)
}

// ConstraintFor is Constraint for the listed nodes only: out[k] is node
// nodes[k]'s constraint (nil nodes means every node, in order). Each
// node's value costs the sum of its partners' degrees, so a report that
// lists twenty brokers of a ten-million-tie network asks for twenty
// rather than paying for every node.
func ConstraintFor(s *graph.Snapshot, weighted bool, nodes []int) []float64 {
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
	return eachListed(s, nodes, func(p []float64, i int) float64 {
		row := s.Neighbours(i)
		if len(row) == 0 {
			return math.NaN()
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
		return c
	})
}

// eachListed evaluates f for every listed node (every node when nodes is
// nil) across the available cores; f gets a zeroed scratch array of one
// float64 per node, which it must leave zeroed.
func eachListed(s *graph.Snapshot, nodes []int, f func(p []float64, i int) float64) []float64 {
	n := s.N()
	m := n
	if nodes != nil {
		m = len(nodes)
	}
	out := make([]float64, m)
	parallel.Rows(0, m, func() []float64 { return make([]float64, n) }, func(p []float64, lo, hi int) {
		for k := lo; k < hi; k++ {
			i := k
			if nodes != nil {
				i = nodes[k]
			}
			out[k] = f(p, i)
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
	return EffectiveSizeFor(s, weighted, nil)
}

// EffectiveSizeFor is EffectiveSize for the listed nodes only (nil means
// every node): out[k] is node nodes[k]'s value. Unweighted, the weighted
// formula with every weight 1 is Borgatti's d - 2t/d exactly: p_iq = 1/d,
// m_jq = 1, and sum over j of sum over q in N(i) n N(j) of 1/d = 2t/d.
func EffectiveSizeFor(s *graph.Snapshot, weighted bool, nodes []int) []float64 {
	return eachListed(s, nodes, func(p []float64, i int) float64 {
		row := s.Neighbours(i)
		if len(row) == 0 {
			return math.NaN()
		}
		st := s.Strength(i)
		for k, q := range row {
			switch {
			case !weighted:
				p[q] = 1 / float64(len(row))
			case st > 0:
				p[q] = s.Weights(i)[k] / st
			}
		}
		var sum float64
		for _, j := range row {
			// r = sum over q of p_iq w_jq, divided by j's largest weight,
			// found in the same pass over j's row.
			r, maxW := 0.0, 0.0
			jw := s.Weights(int(j))
			for k, q := range s.Neighbours(int(j)) {
				w := 1.0
				if weighted {
					w = jw[k]
				}
				maxW = max(maxW, w)
				if p[q] != 0 {
					r += p[q] * w
				}
			}
			if maxW > 0 {
				sum += 1 - r/maxW
			} else {
				sum++
			}
		}
		for _, q := range row {
			p[q] = 0
		}
		return sum
	})
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
