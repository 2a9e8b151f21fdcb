package analysis

import (
	"context"
	"math"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
	"gonum.org/v1/gonum/lapack/gonum"
)

// lanczos holds the basis and tridiagonal matrix of one Lanczos cycle.
type lanczos struct {
	s        *graph.Snapshot
	weighted bool
	m        int         // largest basis
	basis    [][]float64 // allocated as the cycle grows, reused by restarts
	alpha    []float64   // diagonal of T
	beta     []float64   // beta[j] = ||w_j||, below the diagonal
	w        []float64
	h        []float64
	products int
}

func newLanczos(s *graph.Snapshot, weighted bool, m int) *lanczos {
	return &lanczos{s: s, weighted: weighted, m: m, w: make([]float64, s.N())}
}

// cycle runs one Lanczos cycle from x (norm 1) and overwrites x with the
// Ritz vector of the largest Ritz value theta, whose residual norm is
// resid. done reports convergence (residual within tol, or an invariant
// Krylov space).
func (l *lanczos) cycle(ctx context.Context, x []float64, tol float64, maxIter int) (theta, theta2, resid float64, done bool, err error) {
	l.alpha, l.beta = l.alpha[:0], l.beta[:0]
	if len(l.basis) == 0 {
		l.basis = append(l.basis, make([]float64, len(x)))
	}
	copy(l.basis[0], x)
	var s []float64
	scale := 0.0 // largest |alpha| or beta seen: the size of A for breakdown tests
	next := 4
	for j := 0; j < l.m; j++ {
		if err := ctx.Err(); err != nil {
			return 0, 0, 0, false, err
		}
		l.multiply(l.basis[j], l.w)
		l.products++
		a, b := l.orthogonalise(j)
		l.alpha, l.beta = append(l.alpha, a), append(l.beta, b)
		scale = max(scale, math.Abs(a), b)
		k := j + 1
		invariant := b <= 1e-13*scale || k == len(x)
		last := invariant || k == l.m || l.products >= maxIter
		if !last && k < next {
			l.addBasis(j+1, b)
			continue
		}
		next = k + max(4, k/8)
		theta, theta2, s = topRitz(l.alpha, l.beta[:k-1])
		// The Ritz vector's error is about resid / gap; the second Ritz
		// value gives the gap (an overestimate early on, when it is still
		// below lambda_2), so the vector is good to about 1e-13 here.
		resid = math.Abs(b * s[k-1])
		ok := resid <= max(tol*math.Abs(theta), 1e-13*(theta-theta2))
		if invariant || ok || last {
			l.ritzVector(x, s)
			return theta, theta2, resid, invariant || ok, nil
		}
		l.addBasis(j+1, b)
	}
	panic("unreachable: the last step of a cycle returns")
}

// addBasis stores w / b as basis vector j.
func (l *lanczos) addBasis(j int, b float64) {
	if j == len(l.basis) {
		l.basis = append(l.basis, make([]float64, len(l.w)))
	}
	v := l.basis[j]
	parallel.Rows(0, len(v), parallel.NoScratch, func(_ struct{}, lo, hi int) {
		for i := lo; i < hi; i++ {
			v[i] = l.w[i] / b
		}
	})
}

// ritzVector sets x = V s, normalised.
func (l *lanczos) ritzVector(x []float64, s []float64) {
	basis := l.basis[:len(s)]
	parallel.Rows(0, len(x), parallel.NoScratch, func(_ struct{}, lo, hi int) {
		for i := lo; i < hi; i++ {
			var sum float64
			for j, v := range basis {
				sum += s[j] * v[i]
			}
			x[i] = sum
		}
	})
	var norm float64
	for _, a := range x {
		norm += a * a
	}
	norm = math.Sqrt(norm)
	for i := range x {
		x[i] /= norm
	}
}

// multiply sets y = A x, row by row on up to two cores (each row's sum in
// a fixed order, so the result does not depend on the core count).
func (l *lanczos) multiply(x, y []float64) {
	off, adj, wts := l.s.Offsets(), l.s.Adjacency(), l.s.AdjacencyWeights()
	weighted := l.weighted
	parallel.Rows(0, len(x), parallel.NoScratch, func(_ struct{}, lo, hi int) {
		for v := lo; v < hi; v++ {
			var sum float64
			if weighted {
				for k := off[v]; k < off[v+1]; k++ {
					sum += x[adj[k]] * wts[k]
				}
			} else {
				for k := off[v]; k < off[v+1]; k++ {
					sum += x[adj[k]]
				}
			}
			y[v] = sum
		}
	})
}

// orthogonalise makes w = A v_j orthogonal to basis vectors 0..j and
// returns alpha_j (w's component along v_j) and the remaining norm: first
// the three-term recurrence (w -= alpha v_j + beta_{j-1} v_{j-1}), then one
// pass of classical Gram-Schmidt against the whole basis, and a second
// only when that pass removed more than half the norm ("twice is enough").
func (l *lanczos) orthogonalise(j int) (alpha, norm float64) {
	w, vj := l.w, l.basis[j]
	alpha = dot(w, vj)
	var vp []float64
	bp := 0.0
	if j > 0 {
		vp, bp = l.basis[j-1], l.beta[j-1]
	}
	parallel.Rows(0, len(w), parallel.NoScratch, func(_ struct{}, lo, hi int) {
		if vp == nil {
			for i := lo; i < hi; i++ {
				w[i] -= alpha * vj[i]
			}
			return
		}
		for i := lo; i < hi; i++ {
			w[i] -= alpha*vj[i] + bp*vp[i]
		}
	})
	basis := l.basis[:j+1]
	before := dot(w, w)
	for pass := 0; pass < 2; pass++ {
		h := l.projections(basis)
		alpha += h[j]
		parallel.Rows(0, len(w), parallel.NoScratch, func(_ struct{}, lo, hi int) {
			for i := lo; i < hi; i++ {
				sum := w[i]
				for k, v := range basis {
					sum -= h[k] * v[i]
				}
				w[i] = sum
			}
		})
		after := dot(w, w)
		if after > 0.25*before {
			return alpha, math.Sqrt(after)
		}
		before = after
	}
	return alpha, math.Sqrt(before)
}

// projections returns V^T w for the given basis, summed in fixed blocks so
// the result does not depend on the core count.
func (l *lanczos) projections(basis [][]float64) []float64 {
	const block = 1 << 14
	n, k := len(l.w), len(basis)
	blocks := (n + block - 1) / block
	partial := make([]float64, blocks*k)
	parallel.Rows(0, blocks, parallel.NoScratch, func(_ struct{}, lo, hi int) {
		for b := lo; b < hi; b++ {
			start, end := b*block, min((b+1)*block, n)
			ws := l.w[start:end]
			for c, v := range basis {
				partial[b*k+c] = dot(ws, v[start:end])
			}
		}
	})
	l.h = append(l.h[:0], make([]float64, k)...)
	for b := 0; b < blocks; b++ {
		for c := 0; c < k; c++ {
			l.h[c] += partial[b*k+c]
		}
	}
	return l.h
}

func dot(a, b []float64) float64 {
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// topRitz returns the largest eigenvalue of the symmetric tridiagonal
// matrix with diagonal alpha and off-diagonal beta, the second largest,
// and the largest one's unit eigenvector. The eigenvalues come from LAPACK's dsterf; the vector from
// inverse iteration with (theta + delta) I - T, which is positive definite
// because theta is the largest eigenvalue, so its LDL^T factorisation
// needs no pivoting.
func topRitz(alpha, beta []float64) (theta, theta2 float64, s []float64) {
	k := len(alpha)
	if k == 1 {
		return alpha[0], alpha[0], []float64{1}
	}
	d, e := append([]float64(nil), alpha...), append([]float64(nil), beta...)
	if !(gonum.Implementation{}).Dsterf(k, d, e) {
		panic("dsterf did not converge on a symmetric tridiagonal matrix")
	}
	theta, theta2 = d[k-1], d[k-2]
	norm := 0.0
	for i := range alpha {
		norm = max(norm, math.Abs(alpha[i]))
	}
	for _, b := range beta {
		norm = max(norm, math.Abs(b))
	}
	s = make([]float64, k)
	piv := make([]float64, k)
	for delta := max(norm, 1e-300) * 1e-13; ; delta *= 10 {
		if ldlTop(alpha, beta, theta+delta, piv) {
			break
		}
	}
	for i := range s {
		s[i] = 1
	}
	for it := 0; it < 3; it++ {
		ldlSolve(beta, piv, s)
		var top, nn float64
		for _, a := range s {
			top = max(top, math.Abs(a))
		}
		for i := range s {
			s[i] /= top
		}
		for _, a := range s {
			nn += a * a
		}
		nn = math.Sqrt(nn)
		for i := range s {
			s[i] /= nn
		}
	}
	return theta, theta2, s
}

// ldlTop factors sigma I - T = L D L^T (T tridiagonal, L unit lower
// bidiagonal), storing D in piv; it reports false when a pivot is not
// positive (sigma not above T's largest eigenvalue in floating point).
func ldlTop(alpha, beta []float64, sigma float64, piv []float64) bool {
	for i := range alpha {
		p := sigma - alpha[i]
		if i > 0 {
			p -= beta[i-1] * beta[i-1] / piv[i-1]
		}
		if !(p > 0) {
			return false
		}
		piv[i] = p
	}
	return true
}

// ldlSolve solves (sigma I - T) y = s in place with the factors of ldlTop:
// the off-diagonal of sigma I - T is -beta, so L's subdiagonal is
// -beta[i-1] / piv[i-1].
func ldlSolve(beta, piv, s []float64) {
	k := len(s)
	for i := 1; i < k; i++ {
		s[i] += beta[i-1] / piv[i-1] * s[i-1]
	}
	for i := range s {
		s[i] /= piv[i]
	}
	for i := k - 2; i >= 0; i-- {
		s[i] += beta[i] / piv[i] * s[i+1]
	}
}

// chebyshev refines x (norm 1) by Chebyshev iteration (Rutishauser 1969;
// Saad, Numerical Methods for Large Eigenvalue Problems, 2nd ed., section
// 7.4): the polynomial of degree k that is smallest on [a, b] = [-1.01
// theta, theta2], which holds the rest of the spectrum once theta2 reaches
// lambda_2 (|lambda_n| <= lambda_1 for a non-negative matrix), grows
// fastest at theta. It needs one vector per term and no basis. The
// residual is checked every 64 products; it returns the Rayleigh quotient
// and whether the residual came within tolerance.
func (l *lanczos) chebyshev(ctx context.Context, x []float64, theta, theta2, tol float64, budget int) (float64, bool, error) {
	n := len(x)
	a, b := -1.01*theta, theta2
	c, e := (a+b)/2, (b-a)/2
	sigma1 := e / (theta - c)
	prev, cur, ax := make([]float64, n), make([]float64, n), l.w
	copy(cur, x)
	sigma := sigma1
	first := true
	best, stalled := math.Inf(1), 0
	for it := 1; it <= budget; it++ {
		if it%64 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, false, err
			}
		}
		l.multiply(cur, ax)
		l.products++
		if it%64 == 0 || it == budget {
			yy, yay := dot(cur, cur), dot(cur, ax)
			rq := yay / yy
			var r2 float64
			for i := range ax {
				d := ax[i] - rq*cur[i]
				r2 += d * d
			}
			resid := math.Sqrt(r2 / yy)
			scale := 1 / math.Sqrt(yy)
			for i := range cur {
				cur[i] *= scale
				prev[i] *= scale
				ax[i] *= scale
			}
			ok := resid <= max(tol*math.Abs(rq), 1e-13*(theta-theta2))
			// Rounding noise sets a floor under the residual (about
			// 1e-14 on a path of 5,000): when it has stopped falling for
			// 16 checks, accept it if it is within 1e-12 of lambda.
			if resid < 0.9*best {
				best, stalled = resid, 0
			} else if stalled++; stalled >= 16 && resid <= 1e-12*math.Abs(rq) {
				ok = true
			}
			if ok || it == budget || stalled >= 16 {
				copy(x, cur)
				return rq, ok, nil
			}
		}
		if first {
			// y_1 = (sigma_1 / e) (A - c I) y_0
			for i := range cur {
				prev[i], cur[i] = cur[i], sigma1/e*(ax[i]-c*cur[i])
			}
			first = false
			continue
		}
		next := 1 / (2/sigma1 - sigma)
		// y_{k+1} = 2 (sigma_{k+1} / e) (A - c I) y_k - sigma_k sigma_{k+1} y_{k-1}
		for i := range cur {
			y := 2*next/e*(ax[i]-c*cur[i]) - sigma*next*prev[i]
			prev[i], cur[i] = cur[i], y
		}
		sigma = next
	}
	copy(x, cur)
	return theta, false, nil
}
