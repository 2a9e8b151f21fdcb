package main

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
	"github.com/spf13/cobra"
)

// convertOptions are partnet convert's flags.
type convertOptions struct {
	To        string
	Weighting string
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
arrangement and attribute; dot draws the combined ties. An edge list holds
partnerships only, so each arrangement is projected into one row per pair of
its members, weighted by --weighting (newman, count or value; the kind weight is
applied when the list is read, as for any partnership); reading it back gives
the same ties. OUT is written atomically: a failed run leaves nothing, and a
folder is replaced whole.`,
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
	cmd.Flags().StringVar(&opts.Weighting, "weighting", "", "for an edge list: how arrangements become ties between their members: newman (default), count or value")
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
	scheme, err := graph.ParseScheme(opts.Weighting)
	if err != nil {
		return usagef(fmt.Errorf("--weighting: %w", err))
	}
	if opts.Weighting != "" && format != datasets.FormatEdgeList {
		return usagef(fmt.Errorf("--weighting applies to an edge list only: %s keeps arrangements whole", format))
	}
	ds, err := loadDataset(s, []string{in})
	if err != nil {
		return err
	}
	net := ds.Network
	var counts *datasets.ProjectionCounts
	if format == datasets.FormatEdgeList && net.NumArrangements() > 0 {
		proj, c, err := datasets.ProjectArrangements(net, scheme)
		if err != nil {
			return usagef(fmt.Errorf("an edge list cannot hold %s: %w; convert to a folder, .json or .graphml, which keep arrangements whole", in, err))
		}
		net, counts = proj, &c
	}
	if !s.Quiet && format == datasets.FormatDOT {
		tprintf(s.ErrOut, "partnet: note: DOT holds the combined ties for drawing, not the full dataset\n")
	}
	if err := datasets.WriteContext(ctx, net, out, format); err != nil {
		return err
	}
	if s.Quiet {
		return nil
	}
	if format == datasets.FormatEdgeList {
		// An edge list has rows for ties only: organisations without one
		// are not in it, and reading it back gives fewer organisations.
		if n := untied(net); n > 0 {
			tprintf(s.ErrOut, "partnet: note: %s no partnership or shared arrangement, so %s not in the edge list (convert to a folder, .json or .graphml to keep them)\n",
				pluralCount(n, "organisation has", "organisations have"), map[bool]string{true: "it is", false: "they are"}[n == 1])
		}
	}
	switch {
	case counts != nil:
		// Rows between one pair combine into one tie when read.
		ties := net.Snapshot(graph.Weighting{}).Ties()
		tprintf(s.ErrOut, "partnet: wrote %s (%s): %d rows, %d from partnerships and %d from the member pairs of %d arrangements (%s weighting; kind weights apply when it is read), %d ties once rows between one pair are combined\n",
			out, format, counts.FromPartnerships+counts.FromArrangements, counts.FromPartnerships, counts.FromArrangements, counts.Arrangements, scheme, ties)
		if counts.NoTie > 0 {
			tprintf(s.ErrOut, "partnet: note: %d arrangements add no tie (fewer than two members, or no value under --weighting value)\n", counts.NoTie)
		}
		tprintf(s.ErrOut, "partnet: note: an edge list keeps organisation ids only: their names, sectors and other details are left out\n")
	case format == datasets.FormatEdgeList:
		tprintf(s.ErrOut, "partnet: wrote %s (%s): %s from partnerships; organisation details are left out\n", out, format, pluralCount(net.NumPartnerships(), "row", "rows"))
	default:
		tprintf(s.ErrOut, "partnet: wrote %s (%s): %s, %s, %s\n",
			out, format, pluralCount(net.NumOrganisations(), "organisation", "organisations"),
			pluralCount(net.NumPartnerships(), "partnership", "partnerships"), pluralCount(net.NumArrangements(), "arrangement", "arrangements"))
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

// untied counts the organisations of net that are in no partnership.
func untied(net *graph.Network) int {
	seen := make(map[string]bool, net.NumOrganisations())
	for i := 0; i < net.NumPartnerships(); i++ {
		p := net.Partnership(i)
		seen[p.Source], seen[p.Target] = true, true
	}
	return net.NumOrganisations() - len(seen)
}

// pluralCount is "1 one" or "n many".
func pluralCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
