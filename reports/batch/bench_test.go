package batch

import (
	"context"
	"testing"
)

// bench200 expands to 200 runs: 2 generated networks (1,000 organisations,
// 5,000 ties) x 5 resolutions x 10 seeds x 2 tiers, each computing the
// summary, analyze, clusters and groups analyses.
const bench200 = `
name: bench-200
datasets:
  - generate: {organisations: 1000, ties: 5000, clusters: 10, seed: 1}
  - generate: {organisations: 1000, ties: 5000, clusters: 10, mixing: 0.3, seed: 2}
analyses: [summary, analyze, clusters, groups]
parameters:
  resolution: [0.5, 0.75, 1, 1.5, 2]
  seed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
  tier: [large, small]
`

// BenchmarkBatch200 measures a 200-run batch end to end (expansion,
// parallel execution on every core, atomic run folders, summary and
// manifest); README "Performance" quotes its runs per second.
func BenchmarkBatch200(b *testing.B) {
	spec, err := ParseSpec([]byte(bench200), "bench.yaml", ".")
	if err != nil {
		b.Fatal(err)
	}
	if n := len(Expand(spec)); n != 200 {
		b.Fatalf("spec expands to %d runs, want 200", n)
	}
	for b.Loop() {
		man, err := Execute(context.Background(), spec, Options{OutDir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		if len(man.Runs) != 200 {
			b.Fatalf("%d runs", len(man.Runs))
		}
	}
	b.ReportMetric(float64(200*b.N)/b.Elapsed().Seconds(), "runs/s")
}
