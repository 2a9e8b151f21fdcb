// Package analysis computes partnet's network measures on a
// graph.Snapshot: density (overall, weighted, block matrices by any
// attribute, ego networks, the E-I index), position (degree, strength,
// betweenness, closeness, harmonic, eigenvector, PageRank, clustering,
// k-core, Burt's constraint and effective size, Gould-Fernandez brokerage)
// and structure (components, articulation points and bridges,
// transitivity, assortativity, Freeman centralisation, diameter and average
// shortest path), plus Analyze, which computes them all for the command
// line and reports.
//
// Other subjects have their own packages beneath this one: community
// detection (analysis/community), candidate groups (analysis/groups),
// change over time (analysis/timeline) and drawing positions
// (analysis/layout). They may import this package; it imports none of
// them.
//
// Every measure is tested against networkx 2.8.8 and igraph 0.10.2 on
// Zachary's karate club, Les Misérables, the Florentine families, the Davis
// Southern Women projection and generated graphs with isolates and several
// components (testdata/reference), or against values worked by hand where
// neither tool has the measure (block density, E-I, brokerage).
//
// # Conventions
//
//   - Ties are undirected. Unweighted measures ignore weights; weighted path
//     measures (betweenness, closeness, harmonic, distances) use distance
//     1/weight, so a stronger partnership is a shorter path, and ties of
//     zero weight are not paths at all. Weighted eigenvector, PageRank and
//     clustering use weights directly.
//   - Betweenness is normalised as networkx (2/((n-1)(n-2)) times the raw
//     count of pairs); raw values equal igraph's. Weighted path lengths are
//     compared within a relative 1e-10, as igraph does; networkx compares
//     exactly and can differ where rounding splits equal paths.
//   - Closeness follows networkx's default (Wasserman-Faust correction for
//     disconnected graphs); igraph's per-component closeness differs on
//     disconnected graphs. Harmonic closeness is networkx's unnormalised sum.
//   - Eigenvector centrality has unit Euclidean norm (networkx); Max1 is
//     igraph's scale=True. PageRank uses damping 0.85 and spreads dangling
//     nodes' rank uniformly, as both tools do, at a tolerance far tighter
//     than networkx's default.
//   - Average clustering counts nodes of degree < 2 as 0 (networkx, igraph
//     mode="zero"); ClusteringOptions.ExcludeLowDegree leaves them out
//     (igraph's default mode="nan").
//   - Undefined values (constraint of an isolate, density within a group of
//     one, E-I without ties) are NaN, never a made-up 0.
//   - Slow measures take a context.Context and stop when it is cancelled;
//     source loops run on up to two goroutines by default with a fixed split
//     of the work, so results do not depend on scheduling. Sampled variants
//     take a seed and are deterministic for it.
//
// The package reads no files and imports only package graph (and
// internal/parallel, the shared worker pool).
package analysis
