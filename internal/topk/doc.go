// Package topk selects the k best of many candidates under a strict order
// without sorting the rest: the report's ranked tables (most central
// organisations, strongest brokers) take their twenty rows from networks of
// a million organisations this way. On an empty candidate list, or k <= 0,
// Select returns nil.
package topk
