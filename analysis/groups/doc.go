// Package groups ranks candidate groups of organisations (councils, by
// default) for a funding round: groups that already work together, are
// cohesive and dense, of a size the funding tier asks for, and optionally
// share borders or lie close together. Candidates come from Leiden runs on
// the eligible organisations (package community) and, for small networks,
// an exact search; each group's score is broken down into its parts, with
// the ties that justify it and its backbone (the maximum spanning forest of
// its ties, from dominikbraun/graph).
//
// Search finds one tier's groups; SearchTiers fills several tiers in turn,
// so an organisation placed in one tier is not offered again.
//
// The package reads no files.
package groups
