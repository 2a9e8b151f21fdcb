package main

import (
	"context"

	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/analysis/timeline"
	"github.com/partnet/partnet/graph"
)

// timelineClusters returns the clustering the timeline runs on each
// snapshot: seeded Leiden (modularity, resolution 1) started from the
// previous date's partition, so that clusters keep their identity.
func timelineClusters(seed uint64) timeline.ClusterFunc {
	return func(ctx context.Context, s *graph.Snapshot, initial []int) ([]int, error) {
		c, err := community.Leiden(ctx, s, community.LeidenOptions{Seed: seed, Initial: initial})
		if err != nil {
			return nil, err
		}
		return c.Membership, nil
	}
}
