package main

import (
	"context"
	"errors"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
)

// Exit codes, listed in --help.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	exitInput   = 3
)

const exitCodesHelp = `Exit codes:
  0  success
  1  failure (including an interrupted run)
  2  usage error (unknown command or flag, bad flag value)
  3  invalid input data (every problem is listed as file:line: ...)`

// usageError marks a mistake in how the command was called.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(err error) error { return &usageError{err: err} }

// inputError marks invalid input data that is not a ParseError.
type inputError struct{ err error }

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

// exitCode maps an error to the process exit code; this is the one place
// that does.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	var ie *inputError
	var pe *datasets.ParseError
	switch {
	case errors.As(err, &ue), errors.Is(err, datasets.ErrNotDatasetFolder):
		// An output that would overwrite an input, or a folder of other
		// files: the command line must name another output.
		return exitUsage
	case errors.As(err, &pe), errors.As(err, &ie),
		errors.Is(err, graph.ErrDuplicateID), errors.Is(err, graph.ErrUnknownOrganisation),
		errors.Is(err, graph.ErrSelfTie), errors.Is(err, datasets.ErrUnknownFormat),
		errors.Is(err, datasets.ErrBadValue): // e.g. a name an output format cannot carry
		return exitInput
	case errors.Is(err, context.Canceled):
		return exitFailure
	}
	return exitFailure
}
