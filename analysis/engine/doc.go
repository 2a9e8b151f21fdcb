// Package engine is partnet's one library call per verb: Summary, Analyze,
// Clusters, Groups, Timeline and Report. The command line, partnet batch,
// the HTML report and Go users all call these functions, so the same
// network and the same options give the same numbers through every door.
//
// Each verb takes a dataset's network and one options value (the Data to
// analyse and how ties are weighed, the seed, resolution, filters, ...)
// and returns a result that records the settings actually used: the
// defaults chosen, the sampled sources, the restarts and bounded
// iterations on large networks, and Notes that explain every adaptation
// to the data (no regions: no comparison; no sectors: every organisation
// eligible; no dates: one snapshot). A door says each note once on stderr.
//
// Every default and every large-network rule lives in defaults.go. An
// option that cannot apply to the data is an *OptionError, which unwraps
// to ErrOption (the command line's usage error, exit 2).
package engine
