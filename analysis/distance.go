package analysis

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
)

// DistanceStats describes shortest paths within the largest component.
type DistanceStats struct {
	// LargestComponent is the number of nodes in the largest component
	// (the one holding the lowest node index when several tie).
	LargestComponent int
	// Diameter is the longest shortest path in it (in ties, or in summed
	// 1/weight when weighted), as networkx diameter on that subgraph. When
	// sampled it is the largest eccentricity of the sampled sources: a
	// lower bound, at least half the true diameter.
	Diameter float64
	// AverageShortestPath is the mean shortest-path length over ordered
	// pairs of distinct nodes in it, as networkx
	// average_shortest_path_length; 0 for a single node. When sampled it
	// is the mean over pairs with a sampled source, an unbiased estimate.
	AverageShortestPath float64
	// Sources is the number of searches run.
	Sources int
}

// Distances computes the diameter and average shortest path of the largest
// connected component, by one search per node of that component (Dijkstra
// with distance 1/weight when weighted, ties of zero weight ignored); with
// Samples = k below the component's size, from k seeded random sources in
// it. The empty graph gives all zero. Exact cost O(n_c m_c); it returns
// ctx.Err() when cancelled.
func Distances(ctx context.Context, s *graph.Snapshot, opts PathOptions) (*DistanceStats, error) {
	comp := Components(s)
	if comp.Count == 0 {
		return &DistanceStats{}, nil
	}
	largest := comp.Largest()
	var members []int32
	for i, c := range comp.Label {
		if c == largest {
			members = append(members, int32(i))
		}
	}
	sources := members
	if opts.Samples > 0 && opts.Samples < len(members) {
		sources = make([]int32, 0, opts.Samples)
		for _, k := range sampleSources(len(members), opts.Samples, opts.Seed) {
			sources = append(sources, members[k])
		}
	}
	workers := parallel.Workers(opts.Workers, len(sources))
	diam := make([]float64, workers)
	sum := make([]float64, workers)
	err := eachSource(ctx, s.N(), sources, workers, func(w int, st *pathState, src int) {
		st.search(s, src, opts.Weighted)
		for _, v := range st.order {
			d := st.dist[v]
			sum[w] += d
			if d > diam[w] {
				diam[w] = d
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("distances: %w", err)
	}
	res := &DistanceStats{LargestComponent: len(members), Sources: len(sources)}
	var total float64
	for w := range diam {
		res.Diameter = max(res.Diameter, diam[w])
		total += sum[w]
	}
	if r := float64(len(members)); r > 1 {
		res.AverageShortestPath = total / (float64(len(sources)) * (r - 1))
	}
	return res, nil
}
