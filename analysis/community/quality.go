package community

import (
	"sort"

	"github.com/partnet/partnet/graph"
)

// Modularity returns the Newman-Girvan modularity of a partition with
// resolution gamma (Newman & Girvan 2004; Reichardt & Bornholdt 2006):
//
//	Q = sum_c [ w_c/m - gamma (K_c/(2m))^2 ]
//
// where w_c is the tie weight inside community c (each tie once), K_c the
// summed strength of its members and m the total tie weight. membership
// has one label (>= 0) per node. It is 0 on an empty snapshot and when
// every tie weighs zero (modularity is then undefined). Isolated nodes add
// nothing; a disconnected network is scored as a whole.
func Modularity(s *graph.Snapshot, membership []int, gamma float64) float64 {
	m := s.TotalWeight()
	if s.N() == 0 || m <= 0 {
		return 0
	}
	in, tot := communityWeights(s, membership)
	var q float64
	for c := range in {
		x := tot[c] / (2 * m)
		q += in[c]/m - gamma*x*x
	}
	return q
}

// CPMQuality returns the constant Potts model quality of a partition,
// sum_c (w_c - gamma n_c (n_c - 1)/2), with w_c the tie weight inside
// community c and n_c its size (Traag, Van Dooren & Nesterov 2011; the
// value leidenalg's CPMVertexPartition reports). It is 0 on an empty
// snapshot and never positive when every tie weighs zero.
func CPMQuality(s *graph.Snapshot, membership []int, gamma float64) float64 {
	in, _ := communityWeights(s, membership)
	size := make([]float64, len(in))
	for _, c := range membership {
		size[c]++
	}
	var h float64
	for c := range in {
		h += in[c] - gamma*size[c]*(size[c]-1)/2
	}
	return h
}

// communityWeights returns each community's internal tie weight (each tie
// once) and summed strength.
func communityWeights(s *graph.Snapshot, membership []int) (in, tot []float64) {
	k := 0
	for _, c := range membership {
		k = max(k, c+1)
	}
	in, tot = make([]float64, k), make([]float64, k)
	for i := 0; i < s.N(); i++ {
		c := membership[i]
		tot[c] += s.Strength(i)
		for x, j := range s.Neighbours(i) {
			if int(j) > i && membership[j] == c {
				in[c] += s.Weights(i)[x]
			}
		}
	}
	return in, tot
}

// ClusterStats describes one community.
type ClusterStats struct {
	// Cluster is the community label.
	Cluster int
	// Size is the number of organisations.
	Size int
	// Internal is the tie weight inside (each tie once); Cut the tie weight
	// leaving it; Volume the summed strength of its members (2 Internal +
	// Cut).
	Internal, Cut, Volume float64
	// Ties is the number of ties inside; Density is Ties over the
	// Size(Size-1)/2 possible pairs (0 for a single organisation).
	Ties    int
	Density float64
	// Conductance is Cut / min(Volume, total volume - Volume): the share
	// of the smaller side's tie weight that crosses the boundary, from 0
	// (isolated) to 1. It is 0 when that minimum is 0 (a community of
	// isolated organisations, or one holding all the weight).
	Conductance float64
}

// SizeCount is one row of a size distribution: how many communities have
// a given number of organisations.
type SizeCount struct {
	Size  int
	Count int
}

// PartitionQuality summarises how well a partition separates a network.
type PartitionQuality struct {
	// Modularity at the resolution given.
	Modularity float64
	// Coverage is the share of total tie weight inside communities (0 when
	// every tie weighs zero or there are none).
	Coverage float64
	// Count is the number of communities; Singletons how many have one
	// organisation.
	Count, Singletons int
	// Clusters holds one entry per community label, in label order.
	Clusters []ClusterStats
	// Sizes is the size distribution, largest size first.
	Sizes []SizeCount
}

// ClusterQuality measures a partition: modularity (resolution gamma),
// coverage, per-community conductance and density, and the size
// distribution. membership has one label >= 0 per node; labels need not be
// dense (an unused label gives a zero entry that is not counted). An empty
// snapshot gives zero values and no clusters.
func ClusterQuality(s *graph.Snapshot, membership []int, gamma float64) PartitionQuality {
	var out PartitionQuality
	out.Modularity = Modularity(s, membership, gamma)
	k := 0
	for _, c := range membership {
		k = max(k, c+1)
	}
	cl := make([]ClusterStats, k)
	for c := range cl {
		cl[c].Cluster = c
	}
	var totalVol float64
	for i := 0; i < s.N(); i++ {
		c := membership[i]
		cl[c].Size++
		cl[c].Volume += s.Strength(i)
		totalVol += s.Strength(i)
		for x, j := range s.Neighbours(i) {
			w := s.Weights(i)[x]
			if membership[j] != c {
				cl[c].Cut += w
			} else if int(j) > i {
				cl[c].Internal += w
				cl[c].Ties++
			}
		}
	}
	var inside float64
	sizes := map[int]int{}
	for c := range cl {
		st := &cl[c]
		if st.Size == 0 {
			continue
		}
		out.Count++
		sizes[st.Size]++
		if st.Size == 1 {
			out.Singletons++
		} else {
			st.Density = float64(st.Ties) / (float64(st.Size) * float64(st.Size-1) / 2)
		}
		inside += st.Internal
		if d := min(st.Volume, totalVol-st.Volume); d > 0 {
			st.Conductance = st.Cut / d
		}
	}
	if m := s.TotalWeight(); m > 0 {
		out.Coverage = inside / m
	}
	out.Clusters = cl
	for size, count := range sizes {
		out.Sizes = append(out.Sizes, SizeCount{Size: size, Count: count})
	}
	sort.Slice(out.Sizes, func(i, j int) bool { return out.Sizes[i].Size > out.Sizes[j].Size })
	return out
}
