package community

import (
	"strconv"

	"github.com/partnet/partnet/graph"
)

// ClusterSummary is a network with one node per cluster.
type ClusterSummary struct {
	// Graph has node c for cluster c, with id "cluster-<c>", and a tie
	// between two clusters weighing the sum of the ties between their
	// members. Ties inside a cluster are not in Graph (a snapshot has no
	// self ties): see Internal.
	Graph *graph.Snapshot
	// Sizes[c] is cluster c's number of organisations; Internal[c] the tie
	// weight inside it (each tie once).
	Sizes    []int
	Internal []float64
}

// SummaryGraph collapses each cluster of membership (labels 0..k-1, one
// per node of s) into one node, for reports and for drawing large
// networks: the quotient graph of the partition, as in the aggregation
// step of Louvain (Blondel et al. 2008), with W_cd = sum_{i in c, j in d}
// w_ij for c != d and Internal[c] = sum_{i<j in c} w_ij. An empty snapshot gives an empty summary; unused labels give
// clusters of size 0; ties of weight zero are kept (with weight zero).
func SummaryGraph(s *graph.Snapshot, membership []int) ClusterSummary {
	k := 0
	for _, c := range membership {
		k = max(k, c+1)
	}
	out := ClusterSummary{Sizes: make([]int, k), Internal: make([]float64, k)}
	for _, c := range membership {
		out.Sizes[c]++
	}
	var src, dst []int32
	var w []float64
	s.EachTie(func(i, j int, x float64) {
		a, b := membership[i], membership[j]
		if a == b {
			out.Internal[a] += x
			return
		}
		src, dst, w = append(src, int32(a)), append(dst, int32(b)), append(w, x)
	})
	ids := make([]string, k)
	for c := range ids {
		ids[c] = "cluster-" + strconv.Itoa(c)
	}
	out.Graph = graph.BuildSnapshot(k, ids, src, dst, w)
	return out
}
