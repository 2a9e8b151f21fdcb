// Package parallel is partnet's one worker pool: the loops of graph and
// analysis that split work over goroutines (row loops of the snapshot build
// and the metrics, per-node force loops of the layout, Leiden restarts)
// share its worker count and chunking, so each result is the same on one
// core or two.
package parallel
