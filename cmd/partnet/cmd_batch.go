package main

import (
	"context"
	"errors"
	"path/filepath"
	"time"

	"github.com/partnet/partnet/reports/batch"
	"github.com/spf13/cobra"
)

type batchOptions struct {
	Spec   string
	OutDir string
	Jobs   int
	Resume bool
}

func newBatchCommand(s *streams) *cobra.Command {
	opts := &batchOptions{}
	cmd := &cobra.Command{
		Use:   "batch SPEC.yaml",
		Short: "Run analyses over datasets x filters x parameters from a YAML spec, in parallel",
		Long: `batch expands a YAML spec (datasets, filters, analyses, parameter grids) into
runs, executes them in parallel and writes one folder per run plus a tidy
summary.csv / summary.json (one row per run x metric) and a manifest.json
(version, input checksums, the expanded spec, per-run status, duration and
error). The spec is validated before anything runs. A failed run is recorded and
does not stop the others; the exit code is 1 when any run failed.

--resume reuses a finished run only when nothing that determines it changed
(its entry of the spec, the filters, the analyses, partnet's version and the
SHA-256 of every input file) and computes every other run again, so the
summary always equals a fresh batch's. A batch holds the output folder locked:
a second batch on it is refused. Folders left by a killed batch are removed.
SIGINT, SIGTERM and SIGHUP stop it, writing the manifest and summary of what
finished.`,
		Example: `  partnet batch cmd/partnet/testdata/batch_england.yaml -o out/
  partnet batch spec.yaml -o out/ --jobs 2 --resume`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Spec = args[0]
			return runBatch(cmd.Context(), opts, s)
		},
	}
	cmd.Flags().StringVarP(&opts.OutDir, "output", "o", "batch-out", "output folder")
	cmd.Flags().IntVar(&opts.Jobs, "jobs", 0, "runs at once (default: the number of cores)")
	cmd.Flags().BoolVar(&opts.Resume, "resume", false, "reuse runs already complete and up to date in the output folder")
	return cmd
}

func runBatch(ctx context.Context, opts *batchOptions, s *streams) error {
	spec, err := batch.ParseSpecFile(opts.Spec)
	if err != nil {
		return &inputError{err}
	}
	in := inputs{files: []string{opts.Spec}}
	for _, ds := range spec.Datasets {
		in.addDataset(ds.Source)
	}
	if err := checkOutputs(in,
		output{flag: "-o", path: opts.OutDir, dir: true, writes: func(name string) bool {
			switch name {
			case "summary.csv", "summary.json", "manifest.json", batch.LockFile:
				return true
			}
			return false
		}},
		output{flag: "-o", path: filepath.Join(opts.OutDir, "runs"), dir: true}); err != nil {
		return err
	}
	total := len(batch.Expand(spec))
	bar := newProgress(s, "runs", total)
	start := time.Now()
	man, err := batch.Execute(ctx, spec, batch.Options{
		OutDir: opts.OutDir, Jobs: opts.Jobs, Resume: opts.Resume, Version: version,
		Progress: func(done, _ int) { bar.Set(done) },
	})
	bar.Finish()
	if man != nil && !s.Quiet {
		counts := map[string]int{}
		for _, r := range man.Runs {
			counts[r.Status]++
		}
		tprintf(s.ErrOut, "partnet: %d runs in %.1fs: %d ok, %d skipped, %d failed, %d cancelled; results in %s\n",
			len(man.Runs), time.Since(start).Seconds(), counts[batch.StatusOK], counts[batch.StatusSkipped],
			counts[batch.StatusFailed], counts[batch.StatusCancelled], opts.OutDir)
	}
	if man != nil && errors.Is(err, context.Canceled) {
		return &keptOutputError{err: err, kept: "manifest.json and summary.csv in " + opts.OutDir + " record the runs that finished"}
	}
	return err
}
