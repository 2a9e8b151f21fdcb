package main

import (
	"fmt"

	"github.com/partnet/partnet/datasets"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	Args []string
}

func newValidateCommand(s *streams) *cobra.Command {
	opts := &validateOptions{}
	return &cobra.Command{
		Use:   "validate [DATASET]",
		Short: "Check a dataset and list every problem in one pass",
		Long: `validate reads a dataset and lists every problem it finds, sorted by file and
line, as file:line: column "field": what was found and what was expected.
Errors make the dataset unusable (exit code 3); warnings, such as an
organisation with no partnership, do not (exit code 0). At most ` + fmt.Sprint(datasets.MaxProblems) + ` problems
are listed; the rest are counted.`,
		Example: `  partnet validate ./mydata
  partnet validate workbook.xlsx
  partnet validate embedded:england`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			return runValidate(opts, s)
		},
	}
}

func runValidate(opts *validateOptions, s *streams) error {
	spec := ""
	if len(opts.Args) > 0 {
		spec = opts.Args[0]
	}
	probs, err := datasets.Check(spec)
	if err != nil {
		return err
	}
	for _, e := range probs.Errors {
		tprintf(s.Out, "error: %v\n", e)
	}
	if !s.Quiet {
		for _, w := range probs.Warnings {
			tprintf(s.Out, "warning: %v\n", w)
		}
	}
	if probs.Dropped > 0 {
		tprintf(s.Out, "... and %d more problems not listed (limit %d)\n", probs.Dropped, datasets.MaxProblems)
	}
	if len(probs.Errors) > 0 {
		return &inputError{fmt.Errorf("%d error(s), %d warning(s): the dataset is not valid", len(probs.Errors)+probs.Dropped, len(probs.Warnings))}
	}
	tprintf(s.Out, "valid: %d warning(s)\n", len(probs.Warnings))
	return nil
}
