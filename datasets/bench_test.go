package datasets_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/datasets/synthetic"
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
	if err := synthetic.WriteEdgeList(context.Background(), synthetic.Options{Organisations: orgs, Ties: ties, Clusters: orgs / 100, Seed: 1}, path); err != nil {
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
				net, _, err := datasets.ReadEdgeList(f, path)
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
