package reports

import (
	"context"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/graph"
)

// BenchmarkWriteAnalyzeJSON writes the analysis of a seeded random network
// of 50,000 organisations (every metric group, 5 sampled sources).
func BenchmarkWriteAnalyzeJSON(b *testing.B) {
	const n, m = 50000, 250000
	rng := rand.New(rand.NewPCG(5, 6))
	src, dst, w := make([]int32, m), make([]int32, m), make([]float64, m)
	for k := range src {
		src[k], dst[k], w[k] = int32(rng.IntN(n)), int32(rng.IntN(n)), 1+rng.Float64()
	}
	s := graph.BuildSnapshot(n, nil, src, dst, w)
	a, err := analysis.Analyze(context.Background(), s, analysis.Attributes{GroupBy: "sector"}, analysis.AnalyzeOptions{BetweennessSamples: 5})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := WriteAnalyzeJSON(io.Discard, a); err != nil {
			b.Fatal(err)
		}
	}
}
