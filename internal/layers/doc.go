// Package layers holds only a test: it enforces partnet's import direction,
// cmd -> reports/batch -> reports -> analysis/engine ->
// analysis/{community,groups,timeline,layout} -> analysis -> graph <- datasets, by parsing every
// Go file's imports.
package layers
