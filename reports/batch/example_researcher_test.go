package batch_test

import (
	"context"
	"encoding/json"
	"os"
	"time"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
)

// Example_researcher is the README's researcher quick start: load a
// dataset, take the network as it stood on a date, run seeded Leiden,
// compute the block density by sector and write JSON. (Organisations
// without a tie on that day are clusters of one, hence the count.)
func Example_researcher() {
	ds, err := datasets.Load("embedded:england") // or a folder, .xlsx, .graphml, ...
	if err != nil {
		panic(err)
	}
	net := ds.Network.Filter(graph.Filter{At: time.Date(2016, 4, 1, 0, 0, 0, 0, time.UTC)})
	snap := net.Snapshot(graph.Weighting{Scheme: graph.SchemeNewman})
	stab, err := community.Stability(context.Background(), snap,
		community.StabilityOptions{Leiden: community.LeidenOptions{Resolution: 1, Seed: 1}, Runs: 5})
	if err != nil {
		panic(err)
	}
	blocks, err := analysis.Blocks(snap, net.AttrColumn("sector"))
	if err != nil {
		panic(err)
	}
	robust := 0
	for _, c := range stab.Clusters {
		if c.Robust {
			robust++
		}
	}
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"clusters": stab.Consensus.Count, "robust": robust,
		"sectors": blocks.Groups, "ties_between_sectors": blocks.Ties,
	})
	// Output:
	// {"clusters":301,"robust":301,"sectors":["agency","council","third_sector"],"ties_between_sectors":[[0,947,0],[947,1898,71],[0,71,0]]}
}
