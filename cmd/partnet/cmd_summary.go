package main

import (
	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/reports"
	"github.com/spf13/cobra"
	"io"
)

type summaryOptions struct {
	data   dataOptions
	format formatFlag
	Args   []string
}

func newSummaryCommand(s *streams) *cobra.Command {
	opts := &summaryOptions{}
	cmd := &cobra.Command{
		Use:   "summary [DATASET]",
		Short: "Count organisations, partnerships and ties; components and density",
		Long: `summary is the first thing to run on a dataset: counts of organisations by
sector and type, partnerships and arrangements by kind, ties, connected
components and overall density (ties / possible pairs) and weighted density
(total tie weight / possible pairs).`,
		Example: `  partnet summary
  partnet summary ./mydata --format json
  partnet summary --kinds shared_service,shared_management --at 2016-04-01`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			return runSummary(opts, s)
		},
	}
	opts.data.addFlags(cmd)
	opts.format.add(cmd, "text", "text", "json")
	return cmd
}

func runSummary(opts *summaryOptions, s *streams) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	d, err := opts.data.load(s, opts.Args)
	if err != nil {
		return err
	}
	res, err := engine.Summary(d.Dataset.Network, engine.SummaryOptions{Data: d.Data})
	if err != nil {
		return engineErr(err)
	}
	s.report(res.Run)
	return printer{
		JSON: func(w io.Writer) error { return reports.WriteSummaryJSON(w, res.Summary) },
		Text: func(w io.Writer) error { return reports.WriteSummaryText(w, res.Summary) },
	}.print(s, opts.format.value)
}
