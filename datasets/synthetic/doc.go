// Package synthetic generates planted-partition networks (a stochastic
// block model with equal blocks) for tests, benchmarks and `partnet
// generate`: Generate builds one in memory with each organisation's planted
// cluster, WriteDir streams one to a dataset folder that datasets reads
// back, and WriteEdgeList streams its ties to a bare edge list. Output is
// deterministic for a given seed. Sizes are checked before anything is
// written: fewer than two organisations, more ties than pairs, or more than
// MaxOrganisations or MaxTies is an error.
package synthetic
