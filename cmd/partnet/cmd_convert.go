package main

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/datasets"
	"github.com/spf13/cobra"
)

// convertOptions are partnet convert's flags.
type convertOptions struct {
	To string
}

func newConvertCommand(s *streams) *cobra.Command {
	opts := &convertOptions{}
	cmd := &cobra.Command{
		Use:   "convert IN OUT",
		Short: "Convert a dataset between formats (folder, xlsx, json, graphml, gexf, dot, edge list)",
		Long: `Convert reads IN (a folder of CSV files, a file of a known format, or
embedded:NAME) and writes it to OUT in the format OUT's extension names, or
--to: a folder (no extension), .xlsx, .json, .graphml, .gexf, .dot, or a .csv
edge list. A 360Giving .csv or .json is recognised by its columns.

Folder, xlsx, json, graphml and gexf keep every organisation, partnership,
arrangement and attribute; an edge list keeps only the partnerships; dot draws
the combined ties. OUT is written atomically: a failed run leaves nothing.`,
		Example: `  partnet convert embedded:england england.graphml
  partnet convert ./mydata mydata.xlsx
  partnet convert grants_360giving.csv ./grants
  partnet convert edges.csv network.gexf
  partnet convert ./mydata out.txt --to edgelist`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runConvert(cmd.Context(), opts, args[0], args[1], s)
		},
	}
	cmd.Flags().StringVar(&opts.To, "to", "", "output format (default: from OUT's extension): dir, xlsx, edgelist, json, graphml, gexf, dot")
	return cmd
}

func runConvert(ctx context.Context, opts *convertOptions, in, out string, s *streams) error {
	format, err := outputFormat(opts.To, out)
	if err != nil {
		return err
	}
	var ins inputs
	ins.addDataset(in)
	if err := checkOutputs(ins, output{flag: "OUT", path: out, dir: format == datasets.FormatDir}); err != nil {
		return err
	}
	ds, err := loadDataset(s, []string{in})
	if err != nil {
		return err
	}
	net := ds.Network
	if !s.Quiet {
		switch {
		case format == datasets.FormatEdgeList && net.NumArrangements() > 0:
			tprintf(s.ErrOut, "partnet: warning: an edge list holds partnerships only: %d arrangements and organisation details are left out\n", net.NumArrangements())
		case format == datasets.FormatDOT:
			tprintf(s.ErrOut, "partnet: note: DOT holds the combined ties for drawing, not the full dataset\n")
		}
	}
	if err := datasets.WriteContext(ctx, net, out, format); err != nil {
		return err
	}
	if !s.Quiet {
		tprintf(s.ErrOut, "partnet: wrote %s (%s): %d organisations, %d partnerships, %d arrangements\n",
			out, format, net.NumOrganisations(), net.NumPartnerships(), net.NumArrangements())
	}
	return nil
}

// outputFormat is --to when given, otherwise OUT's extension's format.
func outputFormat(to, out string) (datasets.Format, error) {
	if to != "" {
		f, err := datasets.ParseFormat(to)
		if err != nil || f == datasets.Format360Giving {
			return "", usagef(fmt.Errorf("--to %q: want one of dir, xlsx, edgelist, json, graphml, gexf, dot", to))
		}
		return f, nil
	}
	f, err := datasets.FormatOf(out)
	if err != nil {
		return "", usagef(fmt.Errorf("cannot tell the output format from %q: give --to: %w", out, err))
	}
	return f, nil
}
