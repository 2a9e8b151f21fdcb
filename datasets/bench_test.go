package datasets

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchEdgeList writes a generated planted-partition edge list once per
// size and returns its path.
func benchEdgeList(b *testing.B, orgs int, ties int64) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "partnet-bench")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, fmt.Sprintf("edges-%d-%d.csv", orgs, ties))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := GenerateEdgeList(context.Background(), GenerateOptions{Organisations: orgs, Ties: ties, Clusters: orgs / 100, Seed: 1}, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkReadEdgeList reads a generated edge list from disk (page cache):
// 10k/100k and 100k/1M organisations/ties.
func BenchmarkReadEdgeList(b *testing.B) {
	for _, size := range []struct {
		orgs int
		ties int64
	}{{10_000, 100_000}, {100_000, 1_000_000}} {
		path := benchEdgeList(b, size.orgs, size.ties)
		b.Run(fmt.Sprintf("%dk-%dk", size.orgs/1000, size.ties/1000), func(b *testing.B) {
			for b.Loop() {
				f, err := os.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				net, _, err := ReadEdgeList(f, path)
				f.Close()
				if err != nil {
					b.Fatal(err)
				}
				if net.NumPartnerships() != int(size.ties) {
					b.Fatalf("%d ties", net.NumPartnerships())
				}
			}
		})
	}
}

// BenchmarkGenerate streams 100k organisations and 1M ties to a folder.
func BenchmarkGenerate(b *testing.B) {
	dir := b.TempDir()
	for b.Loop() {
		if err := GenerateDir(context.Background(), GenerateOptions{Organisations: 100_000, Ties: 1_000_000, Seed: 1}, dir); err != nil {
			b.Fatal(err)
		}
	}
}
