// Package layout places the organisations of a graph.Snapshot on the plane
// for drawing: ForceAtlas2 (Jacomy et al. 2014) with a Barnes-Hut quadtree
// for repulsion, each component laid out on its own and the components
// packed side by side. It is deterministic for a seed, on one core or two.
//
// The package reads no files.
package layout
