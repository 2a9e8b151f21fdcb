package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
)

// ErrNotConverged is returned by iterative measures that did not reach
// their tolerance within the iteration limit.
var ErrNotConverged = errors.New("did not converge")

// EigenvectorOptions tunes eigenvector centrality. The zero value is
// unweighted, tolerance 1e-14 per node, at most 10000 iterations.
type EigenvectorOptions struct {
	Weighted bool    // use tie weights as the adjacency matrix entries
	Tol      float64 // stop when sum |x - x_prev| < n * Tol; 0 means 1e-14
	MaxIter  int     // 0 means 10000
}

// EigenvectorResult holds eigenvector centrality in both usual scalings.
type EigenvectorResult struct {
	// Unit has Euclidean norm 1, as networkx eigenvector_centrality.
	Unit []float64
	// Max1 is scaled so the largest value is 1, as igraph
	// eigenvector_centrality(scale=True).
	Max1       []float64
	Iterations int
}

// Eigenvector computes eigenvector centrality, the leading eigenvector of
// the adjacency matrix A (weights when Weighted), by power iteration on
// A + I from the all-ones vector, as networkx does (the shift keeps
// bipartite graphs from oscillating without changing the eigenvector).
//
// On a disconnected network the iteration converges to the component with
// the largest leading eigenvalue; other components tend to 0, as in igraph
// and networkx. Isolates get 0 unless the network has no ties at all, when
// every node gets 1/sqrt(n) (Max1: 1). The empty graph gives empty slices.
// Zero-weight ties contribute nothing. It returns ErrNotConverged (with the
// last iterate) when MaxIter is reached, and ctx.Err() when cancelled.
func Eigenvector(ctx context.Context, s *graph.Snapshot, opts EigenvectorOptions) (*EigenvectorResult, error) {
	n := s.N()
	tol, maxIter := opts.Tol, opts.MaxIter
	if tol <= 0 {
		tol = 1e-14
	}
	if maxIter <= 0 {
		maxIter = 10000
	}
	res := &EigenvectorResult{Unit: make([]float64, n), Max1: make([]float64, n)}
	if n == 0 {
		return res, nil
	}
	x, prev := res.Unit, make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	off, adj, wts := s.Offsets(), s.Adjacency(), s.AdjacencyWeights()
	var err error
	converged := false
	for it := 1; it <= maxIter; it++ {
		if it%64 == 0 {
			if err = ctx.Err(); err != nil {
				return nil, fmt.Errorf("eigenvector: %w", err)
			}
		}
		copy(prev, x)
		parallel.Rows(0, n, parallel.NoScratch, func(_ struct{}, lo, hi int) {
			for v := lo; v < hi; v++ {
				sum := prev[v]
				for k := off[v]; k < off[v+1]; k++ {
					if opts.Weighted {
						sum += prev[adj[k]] * wts[k]
					} else {
						sum += prev[adj[k]]
					}
				}
				x[v] = sum
			}
		})
		var norm float64
		for _, a := range x {
			norm += a * a
		}
		norm = math.Sqrt(norm)
		var diff float64
		for i := range x {
			x[i] /= norm
			diff += math.Abs(x[i] - prev[i])
		}
		res.Iterations = it
		if diff < float64(n)*tol {
			converged = true
			break
		}
	}
	top := 0.0
	for _, a := range x {
		top = max(top, a)
	}
	for i, a := range x {
		res.Max1[i] = a / top
	}
	if !converged {
		return res, fmt.Errorf("eigenvector after %d iterations: %w", maxIter, ErrNotConverged)
	}
	return res, nil
}
