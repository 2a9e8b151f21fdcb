package analysis

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/graph"
)

// ClosenessResult holds closeness and harmonic closeness per node index.
type ClosenessResult struct {
	// Closeness is networkx's closeness_centrality with its default
	// wf_improved=True (Wasserman and Faust's correction for disconnected
	// graphs): for a node reaching r nodes (itself included) at total
	// distance D, ((r-1)/D) * ((r-1)/(n-1)); 0 when it reaches nobody. On a
	// connected graph this is (n-1)/D. igraph's closeness(normalized=True)
	// is (r-1)/D, computed within the component only; the two agree on
	// connected graphs.
	Closeness []float64
	// Harmonic is networkx's harmonic_centrality: the sum of 1/d over the
	// other nodes (unreachable ones add 0). It is not normalised; divide by
	// n-1 for igraph's harmonic_centrality(normalized=True).
	Harmonic []float64
}

// Closeness computes closeness and harmonic closeness from one shortest-path
// search per node (breadth-first, or Dijkstra with distance 1/weight when
// weighted; zero-weight ties are not paths), on up to workers goroutines (0
// means up to 2). The empty graph gives empty slices; isolates get 0 for
// both; a single node gets 0. Cost O(nm); it returns ctx.Err() when
// cancelled.
func Closeness(ctx context.Context, s *graph.Snapshot, weighted bool, workers int) (*ClosenessResult, error) {
	n := s.N()
	res := &ClosenessResult{Closeness: make([]float64, n), Harmonic: make([]float64, n)}
	err := eachSource(ctx, n, allSources(n), workers, func(_ int, st *pathState, src int) {
		st.search(s, src, weighted)
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
