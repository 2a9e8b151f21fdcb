package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/partnet/partnet/graph"
)

// ErrNotConverged is returned by iterative measures that did not reach
// their tolerance within the iteration limit.
var ErrNotConverged = errors.New("did not converge")

// EigenvectorOptions tunes eigenvector centrality. The zero value is
// unweighted, residual tolerance 1e-15 (relative to the eigenvalue), at most
// 10000 products with the adjacency matrix.
type EigenvectorOptions struct {
	Weighted bool    // use tie weights as the adjacency matrix entries
	Tol      float64 // stop when ||A x - lambda x|| <= Tol * lambda; 0 means 1e-15
	MaxIter  int     // products with A at most; 0 means 10000
}

// EigenvectorResult holds eigenvector centrality in both usual scalings.
type EigenvectorResult struct {
	// Unit has Euclidean norm 1, as networkx eigenvector_centrality_numpy.
	Unit []float64
	// Max1 is scaled so the largest value is 1, as igraph
	// eigenvector_centrality(scale=True).
	Max1 []float64
	// Eigenvalue is the largest eigenvalue of the adjacency matrix.
	Eigenvalue float64
	// Iterations is the number of products with the adjacency matrix.
	Iterations int
}

// eigenBudget bounds the Lanczos basis to about this many float64s (128 MiB):
// a network of up to 4,096 organisations keeps a full basis, one of a
// million keeps 20 vectors and restarts.
const eigenBudget = 1 << 24

// maxBasis bounds the Lanczos basis whatever the budget: full
// reorthogonalisation costs O(k^2 n) over k steps, so a longer basis costs
// more than the Chebyshev iteration that takes over.
const maxBasis = 600

// chebyshevWork bounds the Chebyshev iteration's default budget, in
// adjacency entries read (about 20 s): a path of 20,000 gets 500,000
// products, a network of 10 million ties 1,000.
const chebyshevWork = 2e10

// Eigenvector computes eigenvector centrality, the eigenvector x of the
// largest eigenvalue lambda of the adjacency matrix A (tie weights when
// Weighted): A x = lambda x, x >= 0, ||x|| = 1 (Bonacich 1972).
//
// It runs the Lanczos iteration (Lanczos 1950; Golub and Van Loan,
// Matrix Computations, 4th ed., section 10.1) from the uniform vector, with
// full reorthogonalisation (the three-term recurrence, then classical
// Gram-Schmidt, repeated when the norm drops, "twice is enough"), on a
// basis of at most min(maxBasis, eigenBudget/n) vectors, restarting from
// the Ritz vector when the basis is full; when restarts cannot reach the
// tolerance (a long chain) Chebyshev iteration refines the Ritz vector. The largest Ritz
// value of the tridiagonal matrix comes from LAPACK's dsterf (gonum), its
// vector from inverse iteration on the tridiagonal. It stops when the
// residual ||A x - lambda x|| is at most Tol * lambda, or when the Krylov
// space is invariant. Unlike power iteration (also shifted, on A + I), it
// converges on paths, stars, bipartite and other graphs with a small gap
// between the two largest eigenvalues or a negative eigenvalue as large as
// the largest: the result equals networkx's eigenvector_centrality_numpy
// (ARPACK) within 1e-9 on a path of 1,000, a star of 3,000, a bipartite
// graph, a disconnected graph and Zachary's karate club
// (TestEigenvectorShapes).
//
// A disconnected network has the eigenvector of the whole matrix, as
// networkx's eigenvector_centrality_numpy: organisations in components
// whose own leading eigenvalue is below the largest get 0. When several
// components share the largest eigenvalue, the eigenvector is not unique;
// partnet gives the one power iteration from the uniform vector tends to
// (the uniform vector projected onto that eigenspace), so two separate
// equal ties give all four organisations 1/2. Isolates get 0 unless the
// network has no ties at all, when every organisation gets 1/sqrt(n) (Max1:
// 1). The empty graph gives empty slices. Zero-weight ties contribute
// nothing. It returns ErrNotConverged (with the last iterate) when MaxIter
// products are reached, or as soon as the fall of the residual between two
// restarts says MaxIter will not be enough (the gap is too small for the
// basis: a path of 10,000 organisations needs a basis of 5,000 vectors),
// and ctx.Err() when cancelled.
func Eigenvector(ctx context.Context, s *graph.Snapshot, opts EigenvectorOptions) (*EigenvectorResult, error) {
	n := s.N()
	tol, maxIter := opts.Tol, opts.MaxIter
	if tol <= 0 {
		tol = 1e-15
	}
	if maxIter <= 0 {
		maxIter = 10000
	}
	res := &EigenvectorResult{Unit: make([]float64, n), Max1: make([]float64, n)}
	if n == 0 {
		return res, nil
	}
	l := newLanczos(s, opts.Weighted, min(n, max(20, eigenBudget/n), maxBasis))
	x := res.Unit
	for i := range x {
		x[i] = 1 / math.Sqrt(float64(n))
	}
	converged := false
	// When the residual falls too slowly from one restart to the next
	// for MaxIter products to reach the tolerance (the gap is too small
	// for this basis: a path of tens of thousands), stop now rather than
	// spend the products failing.
	lastResid := math.Inf(1)
	var theta, theta2 float64
	for !converged && l.products < maxIter {
		var resid float64
		var done bool
		var err error
		theta, theta2, resid, done, err = l.cycle(ctx, x, tol, maxIter)
		if err != nil {
			return nil, fmt.Errorf("eigenvector: %w", err)
		}
		res.Eigenvalue, converged = theta, done
		if !converged && !math.IsInf(lastResid, 1) {
			rate := resid / lastResid
			if rate >= 1 || float64(l.products)+math.Log(tol*math.Abs(theta)/resid)/math.Log(rate)*float64(l.m) > float64(maxIter) {
				break
			}
		}
		lastResid = resid
	}
	if !converged && theta > theta2 {
		// The gap is too small for the basis (a long chain): Chebyshev
		// iteration needs no basis and converges about as fast per product.
		budget := maxIter - l.products
		if opts.MaxIter <= 0 {
			budget = max(budget, int(chebyshevWork/float64(len(s.Adjacency())+n)))
		}
		var err error
		res.Eigenvalue, converged, err = l.chebyshev(ctx, x, theta, theta2, tol, budget)
		if err != nil {
			return nil, fmt.Errorf("eigenvector: %w", err)
		}
	}
	res.Iterations = l.products
	finishEigenvector(res)
	if !converged {
		return res, fmt.Errorf("eigenvector after %d products with the adjacency matrix: %w", l.products, ErrNotConverged)
	}
	return res, nil
}

// finishEigenvector makes res.Unit non-negative with norm 1 (ARPACK's sign
// is arbitrary; rounding noise below 1e-13 of the largest entry becomes 0)
// and fills Max1.
func finishEigenvector(res *EigenvectorResult) {
	x := res.Unit
	var sum, top float64
	for _, a := range x {
		sum += a
	}
	if sum < 0 {
		for i := range x {
			x[i] = -x[i]
		}
	}
	for _, a := range x {
		top = max(top, math.Abs(a))
	}
	var norm float64
	for i, a := range x {
		if a < 0 && a > -1e-13*top {
			x[i] = 0
		}
		norm += x[i] * x[i]
	}
	norm = math.Sqrt(norm)
	top = 0
	for i := range x {
		x[i] /= norm
		top = max(top, x[i])
	}
	for i, a := range x {
		res.Max1[i] = a / top
	}
}
