package analysis

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
)

// PathOptions selects the variant of the shortest-path measures Closeness
// and Distances. The zero value is exact and unweighted on up to 2 cores.
type PathOptions struct {
	// Weighted uses distance = 1/weight; ties of zero weight are not paths.
	Weighted bool
	// Samples, when positive and below the number of nodes, estimates from
	// that many seeded random source nodes instead of all of them.
	Samples int
	Seed    uint64 // seeds the choice of sources
	Workers int    // goroutines; 0 means up to 2
}

// ClosenessResult holds closeness and harmonic closeness per node index.
type ClosenessResult struct {
	// Closeness is networkx's closeness_centrality with its default
	// wf_improved=True (Wasserman and Faust's correction for disconnected
	// graphs): for a node reaching r nodes (itself included) at total
	// distance D, ((r-1)/D) * ((r-1)/(n-1)); 0 when it reaches nobody. On a
	// connected graph this is (n-1)/D. igraph's closeness(normalized=True)
	// is (r-1)/D, within the component only; the two agree on connected
	// graphs.
	Closeness []float64
	// Harmonic is networkx's harmonic_centrality: the sum of 1/d over the
	// other nodes (unreachable ones add 0). It is not normalised; divide by
	// n-1 for igraph's harmonic_centrality(normalized=True).
	Harmonic []float64
	// Sources is the number of searches run (n when exact).
	Sources int
}

// Closeness computes closeness and harmonic closeness from one shortest-path
// search per node (breadth-first, or Dijkstra with distance 1/weight), cost
// O(nm). The empty graph gives empty slices; isolates get 0 for both; a
// single node gets 0.
//
// With Samples = k < n it estimates both from k seeded random sources, as
// Eppstein and Wang (J. Graph Algorithms Appl. 8 (2004) 39-45) do for
// undirected graphs, where d(s, v) = d(v, s): node v's total distance D,
// reach r and harmonic sum are each estimated by n/k times their sums over
// the sampled sources (sources themselves excluded from their own sums,
// hence (n-1)/(k-[v sampled]) scaling), then combined as above. The
// relative error of D shrinks as 1/sqrt(k). It returns ctx.Err() when
// cancelled.
func Closeness(ctx context.Context, s *graph.Snapshot, opts PathOptions) (*ClosenessResult, error) {
	n := s.N()
	res := &ClosenessResult{Closeness: make([]float64, n), Harmonic: make([]float64, n)}
	if opts.Samples > 0 && opts.Samples < n {
		return closenessSampled(ctx, s, opts, res)
	}
	res.Sources = n
	err := eachSource(ctx, n, allSources(n), opts.Workers, func(_ int, st *pathState, src int) {
		st.search(s, src, opts.Weighted)
		var tot, harm float64
		for _, v := range st.order[1:] {
			d := st.dist[v]
			tot += d
			harm += 1 / d
		}
		r := float64(len(st.order))
		if tot > 0 && n > 1 {
			res.Closeness[src] = (r - 1) / tot * (r - 1) / float64(n-1)
		}
		res.Harmonic[src] = harm
	})
	if err != nil {
		return nil, fmt.Errorf("closeness: %w", err)
	}
	return res, nil
}

func closenessSampled(ctx context.Context, s *graph.Snapshot, opts PathOptions, res *ClosenessResult) (*ClosenessResult, error) {
	n := s.N()
	sources := sampleSources(n, opts.Samples, opts.Seed)
	res.Sources = len(sources)
	workers := parallel.Workers(opts.Workers, len(sources))
	tot, harm, reach := make([][]float64, workers), make([][]float64, workers), make([][]float64, workers)
	for w := range tot {
		tot[w], harm[w], reach[w] = make([]float64, n), make([]float64, n), make([]float64, n)
	}
	err := eachSource(ctx, n, sources, workers, func(w int, st *pathState, src int) {
		st.search(s, src, opts.Weighted)
		for _, v := range st.order[1:] {
			d := st.dist[v]
			tot[w][v] += d
			harm[w][v] += 1 / d
			reach[w][v]++
		}
	})
	if err != nil {
		return nil, fmt.Errorf("closeness: %w", err)
	}
	finishSampledCloseness(res, tot, harm, reach, sources, n)
	return res, nil
}

// finishSampledCloseness adds up the per-worker sums of sampled Closeness
// (in worker order), scales them to estimates and fills res.
func finishSampledCloseness(res *ClosenessResult, tot, harm, reach [][]float64, sources []int32, n int) {
	sampled := make([]bool, n)
	for _, v := range sources {
		sampled[v] = true
	}
	k := float64(len(sources))
	for v := 0; v < n; v++ {
		var t, h, r float64
		for w := range tot {
			t += tot[w][v]
			h += harm[w][v]
			r += reach[w][v]
		}
		// v's sum runs over sources other than v: k-1 of the n-1 others
		// when v was sampled, k of them otherwise.
		others := k
		if sampled[v] {
			others--
		}
		if others == 0 {
			continue
		}
		scale := float64(n-1) / others
		t, h, r = t*scale, h*scale, r*scale
		res.Harmonic[v] = h
		if t > 0 {
			res.Closeness[v] = r / t * r / float64(n-1)
		}
	}
}
