// Package batch runs many analyses over datasets x filters x parameters from
// a YAML spec, in parallel, for researchers.
//
// A spec names datasets (folders, files, embedded:NAME, generated networks,
// globs), filters (partnership kinds; dates as a list or a yearly range),
// analyses (summary, analyze, clusters, groups, report) and parameter grids
// (resolution, seed, tier, weighting scheme, kind weights). ParseSpec
// validates it before anything runs, naming the YAML line of every problem;
// Expand turns it into runs, the cross product of every list; Run executes
// them with bounded parallelism and writes:
//
//	OUTDIR/runs/<run_id>/   one folder per run: results in JSON and CSV, and run.json last
//	OUTDIR/summary.csv      tidy: one row per run x metric
//	OUTDIR/summary.json     the same rows
//	OUTDIR/manifest.json    version, inputs and checksums, the expanded spec, per-run status
//
// A run folder is built under a temporary name and renamed into place when
// complete, so an interrupted batch never leaves a run that looks complete,
// and Resume skips runs whose folders exist. The same spec and seeds give
// byte-identical summaries; timestamps and durations are kept in the
// manifest only.
//
// batch sits between the CLI and the library packages: cmd -> batch ->
// reports -> analysis -> graph, and batch -> datasets for loading.
package batch
