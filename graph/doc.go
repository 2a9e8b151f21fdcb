// Package graph holds partnet's data model: organisations (nodes), partnerships
// (ties between two organisations), arrangements with many members (shared
// services, joint plans, statutory bodies) and the network that holds them.
//
// A Network is the editable, attribute-rich record of a dataset. Analyses do
// not run on it directly: they run on a Snapshot, an immutable, integer-indexed
// view in compressed sparse rows, built by Network.Snapshot. Several
// partnerships between one pair of organisations, and every arrangement both
// belong to, combine into one tie whose weight is the sum of their weights
// under a Weighting (see DefaultKindWeights); Network.Evidence lists what a tie
// is made of.
//
// The package is a leaf: it reads no files and imports no other partnet
// package. Readers and writers live in package datasets, metrics in package
// analysis.
package graph
