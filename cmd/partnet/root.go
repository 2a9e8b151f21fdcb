package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// version is partnet's version, stamped into every output that records how
// it was made. Release builds set it with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// run executes the command line and returns the exit code. It is main
// without os.Exit, so tests call it in-process.
func run(args []string, in io.Reader, out, errOut io.Writer) int {
	// SIGTERM and SIGHUP are what timeout, Slurm, systemd and docker send,
	// and a closed terminal sends: each stops partnet as Ctrl-C does.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	// On a terminal even CSV and JSON are read by a person: escape what a
	// terminal would act on (a file or pipe gets the data as it is).
	if f, ok := out.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		tw := newTextWriter(out)
		defer tw.Flush()
		out = tw
	}
	return runContext(ctx, args, &streams{In: in, Out: out, ErrOut: errOut,
		Now: func() string { return time.Now().UTC().Format(time.RFC3339) }})
}

func runContext(ctx context.Context, args []string, s *streams) int {
	root := newRootCommand(s)
	root.SetArgs(args)
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.ErrOut)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	if isCobraUsage(err) {
		err = usagef(err)
	}
	tprintf(s.ErrOut, "partnet: %v\n", err)
	var kept *keptOutputError
	switch {
	case errors.As(err, &kept):
		tprintf(s.ErrOut, "partnet: interrupted: %s\n", kept.kept)
	case errors.Is(err, context.Canceled):
		tprintf(s.ErrOut, "partnet: interrupted: no output was written\n")
	}
	return exitCode(err)
}

// isCobraUsage recognises the errors cobra itself returns for a bad command
// line (unknown commands, flags and argument counts).
func isCobraUsage(err error) bool {
	var ue *usageError
	if errors.As(err, &ue) {
		return false
	}
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires ", "invalid argument", "flag needs an argument", "required flag"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func newRootCommand(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "partnet",
		Short: "Public-service partnerships as a network: density, clusters, council groupings, reports",
		Long: `partnet turns public-service partnerships (shared services, joint plans, pooled
budgets, grants, shared statutory bodies) into a network of councils, third-sector
bodies and agencies, and measures collaboration density, finds shared-service
clusters, ranks candidate council groupings and renders HTML reports.

DATASET is a folder of CSV files, a file of a known format, or embedded:NAME;
with none, commands run on the embedded "england" dataset.

` + exitCodesHelp,
		Example: `  partnet report -o report.html
  partnet summary
  partnet validate ./mydata
  partnet groups --tier large,small
  partnet datasets export england ./england`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version,
	}
	root.PersistentFlags().BoolVarP(&s.Quiet, "quiet", "q", false, "no progress or warnings on stderr")
	root.PersistentFlags().Uint64Var(&s.Seed, "seed", 1, "seed for every random choice")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usagef(err) })

	root.AddCommand(newReportCommand(s))
	root.AddCommand(newSummaryCommand(s))
	root.AddCommand(newValidateCommand(s))
	root.AddCommand(newAnalyzeCommand(s))
	root.AddCommand(newClustersCommand(s))
	root.AddCommand(newGroupsCommand(s))
	root.AddCommand(newTimelineCommand(s))
	root.AddCommand(newConvertCommand(s))
	root.AddCommand(newGenerateCommand(s))
	root.AddCommand(newDatasetsCommand(s))
	root.AddCommand(newBatchCommand(s))
	root.AddCommand(newBacktestCommand(s))

	return root
}

// keptOutputError is an interrupted command that still wrote something
// worth keeping (batch writes the manifest and summary of the runs that
// finished); kept says what.
type keptOutputError struct {
	err  error
	kept string
}

func (e *keptOutputError) Error() string { return e.err.Error() }
func (e *keptOutputError) Unwrap() error { return e.err }
