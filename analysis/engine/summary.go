package engine

import (
	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/graph"
)

// SummaryOptions set what Summary counts.
type SummaryOptions struct {
	Data
}

// SummaryResult is Summary's answer and the run behind it.
type SummaryResult struct {
	Run
	Summary *analysis.Summary
}

// Summary counts organisations, partnerships, arrangements and ties, and
// measures components and density (analysis.Summarize) on net filtered
// and weighted as opts.Data says. An empty network gives zero counts.
func Summary(net *graph.Network, opts SummaryOptions) (*SummaryResult, error) {
	r, err := opts.Data.prepare(net)
	if err != nil {
		return nil, err
	}
	return &SummaryResult{Run: r, Summary: analysis.Summarize(r.Network, r.Snapshot)}, nil
}
