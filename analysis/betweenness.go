package analysis

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
)

// BetweennessOptions selects the betweenness variant. The zero value is
// exact, unweighted betweenness on up to two cores.
type BetweennessOptions struct {
	// Weighted uses distance = 1/weight; ties of zero weight are not paths.
	Weighted bool
	// Samples, when positive and below the number of nodes, estimates
	// betweenness from that many source nodes drawn without replacement.
	Samples int
	// Seed seeds the choice of sources (default 0 is a valid seed).
	Seed uint64
	// Workers is the number of goroutines; 0 means up to 2.
	Workers int
	// Progress, when set, is called with the sources searched so far and
	// the total, about every 1% of the sources, from the worker goroutines
	// (one call at a time).
	Progress func(done, total int)
}

// BetweennessResult holds betweenness per node, by node index.
type BetweennessResult struct {
	// Raw is the number of shortest paths through each node, each unordered
	// pair of other nodes counted once, pairs with several shortest paths
	// split equally: networkx betweenness_centrality(normalized=False) and
	// igraph's betweenness.
	Raw []float64
	// Normalised is Raw * 2/((n-1)(n-2)), networkx's normalized=True: the
	// share of pairs of other nodes whose shortest paths pass through the
	// node. For n <= 2 it is all zero.
	Normalised []float64
	// StdErr is the estimated standard error of each Raw value when sampled
	// (nil when exact): with X_s the dependency of the node on source s,
	// halved, Raw = n * mean(X_s) over the k sampled sources, and
	// StdErr = n * sqrt(var(X_s)/k * (1 - k/n)), the standard error of a
	// mean under sampling without replacement. Divide by Raw's scale as for
	// Normalised to get the normalised error.
	StdErr []float64
	// Sources is the number of source nodes used (n when exact).
	Sources int
}

// Betweenness computes betweenness centrality by Brandes' algorithm
// (U. Brandes, "A faster algorithm for betweenness centrality", J. Math.
// Sociol. 25 (2001) 163-177): one breadth-first search (or Dijkstra search
// with distance 1/weight) per source, then dependencies accumulated in
// reverse order of distance. Exact runs cost O(nm) unweighted, O(nm +
// n^2 log n) weighted.
//
// Weighted path lengths are compared with a relative tolerance of 1e-10, as
// igraph does, so paths of mathematically equal length count as equal
// despite rounding; networkx compares exactly and can split such pairs
// differently.
//
// With Samples = k < n the estimator of networkx's betweenness_centrality(k=)
// is used: dependencies from k seeded random sources scaled by n/k, which is
// unbiased; StdErr gives its standard error per node. On the empty graph it
// returns empty slices; nodes in other components contribute nothing to one
// another; isolates get 0. It returns ctx.Err() when cancelled.
func Betweenness(ctx context.Context, s *graph.Snapshot, opts BetweennessOptions) (*BetweennessResult, error) {
	n := s.N()
	sources := allSources(n)
	sampled := opts.Samples > 0 && opts.Samples < n
	if sampled {
		sources = sampleSources(n, opts.Samples, opts.Seed)
	}
	workers := parallel.Workers(opts.Workers, len(sources))
	tick := parallel.Ticker(len(sources), opts.Progress)
	sums := make([][]float64, workers)
	var sqs [][]float64
	if sampled {
		sqs = make([][]float64, workers)
	}
	for w := range sums {
		sums[w] = make([]float64, n)
		if sampled {
			sqs[w] = make([]float64, n)
		}
	}
	off, adj, wts := s.Offsets(), s.Adjacency(), s.AdjacencyWeights()
	var err error
	if !opts.Weighted {
		err = eachSourceWith(ctx, sources, workers, func() *brandesState { return newBrandesState(n) }, func(w int, st *brandesState, src int) {
			defer tick()
			sum := sums[w]
			if sampled {
				sq := sqs[w]
				st.dependencies(s, src, func(x int32, d float64) { sum[x] += d; sq[x] += d * d })
			} else {
				st.dependencies(s, src, func(x int32, d float64) { sum[x] += d })
			}
		})
	} else {
		err = eachSource(ctx, n, sources, workers, func(w int, st *pathState, src int) {
			defer tick()
			st.search(s, src, true)
			sigma, delta := st.sigma, st.delta
			sum := sums[w]
			for i := len(st.order) - 1; i >= 0; i-- {
				x := st.order[i]
				coef := (1 + delta[x]) / sigma[x]
				for k := off[x]; k < off[x+1]; k++ {
					if wts[k] > 0 && st.isPred(adj[k], x, 1/wts[k], true) {
						delta[adj[k]] += sigma[adj[k]] * coef
					}
				}
				if int(x) != src {
					sum[x] += delta[x]
					if sampled {
						sqs[w][x] += delta[x] * delta[x]
					}
				}
			}
		})
	}
	if err != nil {
		return nil, fmt.Errorf("betweenness: %w", err)
	}
	return finishBetweenness(sums, sqs, n, len(sources), sampled), nil
}

// finishBetweenness adds up the per-worker dependency sums (in worker
// order) and scales them: halved, as each unordered pair is reached from
// both ends, and by n/k when k sources were sampled.
func finishBetweenness(sums, sqs [][]float64, n, k int, sampled bool) *BetweennessResult {
	res := &BetweennessResult{Raw: make([]float64, n), Normalised: make([]float64, n), Sources: k}
	scale := 0.5 // each unordered pair is reached from both ends
	if sampled {
		scale *= float64(n) / float64(k)
	}
	for w := range sums {
		for i, x := range sums[w] {
			res.Raw[i] += x
		}
	}
	for i := range res.Raw {
		res.Raw[i] *= scale
	}
	if n > 2 {
		norm := 2 / (float64(n-1) * float64(n-2))
		for i, x := range res.Raw {
			res.Normalised[i] = x * norm
		}
	}
	if sampled {
		res.StdErr = sampleStdErr(sums, sqs, n, k)
	}
	return res
}

// sampleStdErr returns n * sqrt(var(X)/k * (1-k/n)) per node, where X is a
// source's dependency halved and var the sample variance over the k sources
// (dependencies of unsampled-from nodes are 0 for that source).
func sampleStdErr(sums, sqs [][]float64, n, k int) []float64 {
	out := make([]float64, n)
	if k < 2 {
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	fk := float64(k)
	fpc := 1 - fk/float64(n)
	for i := range out {
		var s, q float64
		for w := range sums {
			s += sums[w][i] / 2
			q += sqs[w][i] / 4
		}
		mean := s / fk
		v := (q - fk*mean*mean) / (fk - 1)
		if v < 0 {
			v = 0
		}
		out[i] = float64(n) * math.Sqrt(v/fk*fpc)
	}
	return out
}

// sampleSources draws k distinct nodes of n with a partial Fisher-Yates
// shuffle seeded by seed, and returns them sorted.
func sampleSources(n, k int, seed uint64) []int32 {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	perm := allSources(n)
	for i := 0; i < k; i++ {
		j := i + rng.IntN(n-i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	out := perm[:k]
	slices.Sort(out)
	return out
}
