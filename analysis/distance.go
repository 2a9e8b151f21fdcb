package analysis

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/graph"
)

// DistanceStats describes shortest paths within the largest component.
type DistanceStats struct {
	// LargestComponent is the number of nodes in the largest component
	// (the one holding the lowest node index when several tie).
	LargestComponent int
	// Diameter is the longest shortest path in it (in ties, or in summed
	// 1/weight when weighted), as networkx diameter on that subgraph.
	Diameter float64
	// AverageShortestPath is the mean shortest-path length over ordered
	// pairs of distinct nodes in it, as networkx
	// average_shortest_path_length; 0 for a single node.
	AverageShortestPath float64
}

// Distances computes the diameter and average shortest path of the largest
// connected component, by one search per node of that component (Dijkstra
// with distance 1/weight when weighted, ties of zero weight ignored). The
// empty graph gives all zero. Cost O(n_c m_c); it returns ctx.Err() when
// cancelled.
func Distances(ctx context.Context, s *graph.Snapshot, weighted bool, workers int) (*DistanceStats, error) {
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
	workers = workerCount(workers, len(members))
	diam := make([]float64, workers)
	sum := make([]float64, workers)
	err := eachSource(ctx, s.N(), members, workers, func(w int, st *pathState, src int) {
		st.search(s, src, weighted)
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
	res := &DistanceStats{LargestComponent: len(members)}
	var total float64
	for w := range diam {
		res.Diameter = max(res.Diameter, diam[w])
		total += sum[w]
	}
	if r := float64(len(members)); r > 1 {
		res.AverageShortestPath = total / (r * (r - 1))
	}
	return res, nil
}
