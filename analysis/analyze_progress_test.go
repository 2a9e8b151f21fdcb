package analysis

import (
	"context"
	"sync"
	"testing"

	"github.com/partnet/partnet/graph"
)

// TestAnalyzeReportsBetweennessProgress: betweenness, the longest measure
// on a large network, was announced as an uncounted phase only, so the
// terminal showed "betweenness (0/-, 0 it/hr)" for minutes; it now reports
// the sources searched out of their total, for both its passes.
func TestAnalyzeReportsBetweennessProgress(t *testing.T) {
	// A path of 200 organisations, exact betweenness: 200 sources a pass.
	n := 200
	var src, dst []int32
	for i := 0; i+1 < n; i++ {
		src, dst = append(src, int32(i)), append(dst, int32(i+1))
	}
	s := graph.BuildSnapshot(n, nil, src, dst, nil)
	var mu sync.Mutex
	last := map[string][2]int{}
	_, err := Analyze(context.Background(), s, Attributes{}, AnalyzeOptions{Progress: func(phase string, done, total int) {
		mu.Lock()
		defer mu.Unlock()
		last[phase] = [2]int{done, total}
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, phase := range []string{"betweenness", "weighted betweenness"} {
		if got := last[phase]; got[1] != n || got[0] != n {
			t.Errorf("%s: last progress %d of %d, want %d of %d", phase, got[0], got[1], n, n)
		}
	}
}
