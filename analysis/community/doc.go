// Package community finds and judges communities (clusters) of a
// graph.Snapshot: the Leiden algorithm (Traag, Waltman & van Eck 2019) with
// modularity or the constant Potts model, Louvain (Blondel et al. 2008,
// through gonum), the quality of a partition (modularity, CPM quality,
// coverage, cluster sizes), stability over repeated seeded runs, the
// comparison of two partitions (NMI and adjusted Rand index), partitions
// from an attribute column, and the summary graph with one node per
// cluster.
//
// A partition is a membership vector: membership[v] is node v's community
// label, 0..k-1. Leiden's results are tested against igraph 0.10 and
// leidenalg (testdata/clusters); every randomised call takes a seed and is
// deterministic for it, on one core or two.
//
// The package reads no files; it imports graph and the metrics of package
// analysis only.
package community
