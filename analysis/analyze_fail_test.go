package analysis

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/partnet/partnet/graph"
)

// TestAnalyzeOneMeasureFails: a metric group that cannot be computed is
// left undefined with a warning, and every other measure is still there
// (issue 14: one non-converging eigenvector used to fail the whole run).
func TestAnalyzeOneMeasureFails(t *testing.T) {
	failMetric = func(m string) error {
		if m == "eigenvector" {
			return errors.New("eigenvector after 10000 iterations: did not converge")
		}
		return nil
	}
	defer func() { failMetric = nil }()
	// A path of 4: 0-1-2-3.
	s := graph.BuildSnapshot(4, nil, []int32{0, 1, 2}, []int32{1, 2, 3}, nil)
	a, err := Analyze(context.Background(), s, Attributes{}, AnalyzeOptions{})
	if err != nil {
		t.Fatalf("Analyze failed with one measure failing: %v", err)
	}
	if len(a.Warnings) != 1 || !math.IsNaN(a.Organisations[0].Eigenvector) {
		t.Errorf("warnings %q, eigenvector %v; want one warning and NaN", a.Warnings, a.Organisations[0].Eigenvector)
	}
	// Betweenness of the path's inner nodes: 2 pairs each of the 3 others
	// pass through... node 1 lies on 0-2 and 0-3: raw 2, normalised
	// 2/((n-1)(n-2)/2) = 2/3.
	for _, o := range a.Organisations {
		if o.ID == "1" && math.Abs(o.Betweenness-2.0/3) > 1e-12 {
			t.Errorf("betweenness of node 1 = %v, want 2/3", o.Betweenness)
		}
		if math.IsNaN(o.PageRank) || math.IsNaN(o.Closeness) {
			t.Errorf("%s: pagerank %v, closeness %v; want them computed", o.ID, o.PageRank, o.Closeness)
		}
	}
	// Cancellation still stops the run.
	failMetric = func(string) error { return context.Canceled }
	if _, err := Analyze(context.Background(), s, Attributes{}, AnalyzeOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled metric: %v, want context.Canceled", err)
	}
}
