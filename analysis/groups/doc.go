// Package groups finds candidate groups of organisations for a funding
// round: who is ready to combine services, and (Potential) who could work
// together next, with a backtest of both on a dataset's own dates.
package groups
