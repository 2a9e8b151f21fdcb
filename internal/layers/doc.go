// Package layers holds only tests: they enforce partnet's import direction,
// cmd -> reports/batch -> reports/page -> reports -> analysis/engine ->
// analysis/{community,groups,timeline,layout} -> analysis -> graph <- datasets
// <- datasets/{geo,synthetic}, by parsing every
// Go file's imports, and that no package directory holds more than 30
// non-test Go files.
package layers
