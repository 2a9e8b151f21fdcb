// Package groups ranks candidate groups of organisations (councils, by
// default) for a funding round: groups that already work together, deeply
// (shared management above shared services above joint plans above shared
// statutory areas), are cohesive and dense, of a size the funding tier asks
// for, and optionally share borders or lie close together.
//
// The round is the network as it stood on one day (Options.At, by default
// the data's latest date, LatestDate): organisations, partnerships and
// arrangements active then, grants left out. Candidates are every
// arrangement's eligible members, every small connected set joined by
// shared management or shared service ties, their unions, and groups grown
// from Leiden runs on the eligible organisations (package community); the
// shortlist is the best set of disjoint candidates, found by branch and
// bound, exact or with its gap to an upper bound stated (for at most
// Options.ExactLimit eligible organisations every possible group is
// scored). Each group's score is broken down into its parts, with the ties
// that justify it and its backbone (the maximum spanning forest of its
// ties, from dominikbraun/graph). docs/methods.md gives the reasons.
//
// Search finds one tier's groups; SearchTiers fills several tiers in turn,
// so an organisation placed in one tier is not offered again; ScoreOf
// scores groups a caller names, in the same round.
//
// Potential asks the other question, who could work together next: pairs
// not yet sharing management or a service, ranked by shared partners
// (AdamicAdar), shared statutory areas, borders and type, each with its
// evidence. BacktestPairs and BacktestReady test Potential and a ready
// shortlist on a dataset's own dates, using only what was known then
// (KnownAt).
//
// The package reads no files.
package groups
