package synthetic

import (
	"context"
	"testing"
)

// BenchmarkGenerate streams 100k organisations and 1M ties to a folder.
func BenchmarkGenerate(b *testing.B) {
	dir := b.TempDir()
	for b.Loop() {
		if err := WriteDir(context.Background(), Options{Organisations: 100_000, Ties: 1_000_000, Seed: 1}, dir); err != nil {
			b.Fatal(err)
		}
	}
}
