// Command partnetbench times partnet against python-igraph on generated
// networks of 10k and 100k organisations (and 1M on request), ten ties per
// organisation, and writes the comparison as a Markdown table for the
// README.
//
//	go run ./cmd/partnetbench                       # 10k and 100k, igraph when installed
//	go run ./cmd/partnetbench --sizes 1m --e2e      # 1M organisations / 10M ties, end to end
//	go run ./cmd/partnetbench --sizes 10k --peer off
//
// For each size it streams a seeded planted-partition network to disk
// (synthetic.WriteDir and synthetic.WriteEdgeList), then times, in one run:
// reading the edge list, density and degree, components, PageRank, k-core,
// clustering, Leiden (best of --leiden-restarts runs per call, and one
// run per call, with the modularity reached), sampled betweenness;
// then, with --e2e, partnet's own end-to-end analyze, clusters, groups and
// report commands as child processes (wall time and peak memory each).
// The peer column comes from peer_igraph.py run with /usr/bin/python3 on
// the same edges; it is skipped with a message when python-igraph is not
// installed.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "partnetbench: %v\n", err)
		os.Exit(1)
	}
}
