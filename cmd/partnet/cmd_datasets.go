package main

import (
	"context"
	"io"
	"io/fs"
	"path/filepath"

	"github.com/partnet/partnet/internal/atomicfile"

	"github.com/partnet/partnet/datasets"
	"github.com/spf13/cobra"
)

func newDatasetsCommand(s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "datasets",
		Short: "List and export the embedded datasets",
		Example: `  partnet datasets list
  partnet datasets export england ./england`,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "List the embedded datasets with their titles",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, name := range datasets.EmbeddedNames() {
				ds, err := datasets.Load("embedded:" + name)
				if err != nil {
					return err
				}
				n := ds.Network
				tprintf(s.Out, "%s\t%s (%d organisations, %d partnerships, %d arrangements)\n",
					name, n.Meta.Title, n.NumOrganisations(), n.NumPartnerships(), n.NumArrangements())
			}
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:     "export NAME DIR",
		Short:   "Write an embedded dataset as a folder of CSV files you can edit",
		Example: `  partnet datasets export england ./england`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDatasetsExport(cmd.Context(), args[0], args[1], s)
		},
	})
	return cmd
}

func runDatasetsExport(ctx context.Context, name, dir string, s *streams) error {
	ds, err := datasets.Load("embedded:" + name)
	if err != nil {
		return usagef(err)
	}
	if err := datasets.WriteDirContext(ctx, ds.Network, dir); err != nil {
		return err
	}
	// The border table travels with the data, so --require-adjacent
	// works on the exported folder too.
	if fsys, ok := datasets.Embedded(name); ok {
		if adj, err := fs.ReadFile(fsys, datasets.AdjacencyFile); err == nil {
			if err := atomicfile.WriteFile(filepath.Join(dir, datasets.AdjacencyFile), func(w io.Writer) error {
				_, err := w.Write(adj)
				return err
			}); err != nil {
				return err
			}
		}
	}
	if !s.Quiet {
		tprintf(s.ErrOut, "partnet: wrote %s to %s\n", name, dir)
	}
	return nil
}
