// Package layers holds only a test: it enforces partnet's import direction,
// cmd -> batch -> reports -> analysis -> graph <- datasets, by parsing every
// Go file's imports.
package layers
