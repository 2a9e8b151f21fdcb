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
	for _, c := range []struct {
		metrics []string
		phases  []string
	}{
		// Every measure: betweenness and closeness share their searches.
		{nil, []string{"betweenness and closeness"}},
		{[]string{"betweenness"}, []string{"betweenness", "weighted betweenness"}},
	} {
		last := map[string][2]int{}
		_, err := Analyze(context.Background(), s, Attributes{}, AnalyzeOptions{Metrics: c.metrics, Progress: func(phase string, done, total int) {
			mu.Lock()
			defer mu.Unlock()
			last[phase] = [2]int{done, total}
		}})
		if err != nil {
			t.Fatal(err)
		}
		for _, phase := range c.phases {
			if got := last[phase]; got[1] != n || got[0] != n {
				t.Errorf("metrics %v, %s: last progress %d of %d, want %d of %d", c.metrics, phase, got[0], got[1], n, n)
			}
		}
	}
}
