package main

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/partnet/partnet/datasets/synthetic"
	"github.com/spf13/cobra"
)

// generateOptions are partnet generate's flags.
type generateOptions struct {
	Organisations int
	Ties          int64
	Clusters      int
	Mixing        float64
	Out           string
	Format        formatFlag
}

func newGenerateCommand(s *streams) *cobra.Command {
	opts := &generateOptions{}
	cmd := &cobra.Command{
		Use:   "generate -o DIR",
		Short: "Write a synthetic planted-partition network (up to 10M organisations, 100M ties)",
		Long: `Generate streams a synthetic stochastic block network to disk: organisations in
equal planted clusters (each organisation's cluster is its "cluster" column),
with sectors, types, regions, populations and lat/lon scattered around each
cluster's centre, and ties mostly inside clusters (--mixing is the share drawn
from the whole network). The same --seed gives the same bytes. Memory use does
not grow with the size; sizes over the limits or output larger than the free
disk space are refused before anything is written.

--format dir writes organisations.csv, partnerships.csv and dataset.yaml into
DIR; --format edgelist writes one source,target,weight file at the -o path.`,
		Example: `  partnet generate --organisations 100000 --ties 1000000 --clusters 1000 --seed 7 -o ./synthetic
  partnet generate --organisations 1000 --ties 5000 --format edgelist -o edges.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGenerate(cmd, opts, s)
		},
	}
	cmd.Flags().IntVar(&opts.Organisations, "organisations", synthetic.DefaultOrganisations, "number of organisations")
	cmd.Flags().Int64Var(&opts.Ties, "ties", 0, "number of ties (default 5 per organisation)")
	cmd.Flags().IntVar(&opts.Clusters, "clusters", 0, "planted clusters (default 1 per 100 organisations, 2 to 1000)")
	cmd.Flags().Float64Var(&opts.Mixing, "mixing", synthetic.DefaultMixing, "share of ties drawn from the whole network, 0 to 1")
	cmd.Flags().StringVarP(&opts.Out, "output", "o", "", "output folder (or file with --format edgelist)")
	cmd.MarkFlagRequired("output")
	opts.Format.add(cmd, "dir", "dir", "edgelist")
	return cmd
}

func runGenerate(cmd *cobra.Command, opts *generateOptions, s *streams) error {
	if err := opts.Format.check(); err != nil {
		return err
	}
	mixing := opts.Mixing
	if mixing == 0 {
		mixing = -1 // synthetic.Options' zero means the default; the flag's 0 means none
	}
	if mixing < 0 && opts.Mixing != 0 || opts.Mixing > 1 {
		return usagef(fmt.Errorf("--mixing %v: want a share between 0 and 1", opts.Mixing))
	}
	g := synthetic.Options{Organisations: opts.Organisations, Ties: opts.Ties, Clusters: opts.Clusters,
		Mixing: mixing, Seed: s.Seed}
	if s.stderrTerminal() {
		start, last := time.Now(), time.Now()
		g.Progress = func(done, total int64) {
			if done == total || time.Since(last) > 200*time.Millisecond {
				last = time.Now()
				tprintf(s.ErrOut, "\rpartnet: %d of %d ties (%.0f%%) in %.1fs", done, total, 100*float64(done)/float64(max(total, 1)), time.Since(start).Seconds())
				if done == total {
					tprintf(s.ErrOut, "\n")
				}
			}
		}
	}
	if err := g.Validate(); err != nil {
		return usagef(err)
	}
	var err error
	if opts.Format.value == "edgelist" {
		err = synthetic.WriteEdgeList(cmd.Context(), g, opts.Out)
	} else {
		err = synthetic.WriteDir(cmd.Context(), g, opts.Out)
	}
	if err != nil {
		return err
	}
	if !s.Quiet {
		tprintf(s.ErrOut, "partnet: wrote %s\n", filepath.Clean(opts.Out))
	}
	return nil
}
