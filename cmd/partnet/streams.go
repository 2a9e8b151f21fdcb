package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// streams are a command's input and outputs, injected so tests run commands
// in-process.
type streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Quiet silences progress and warnings (set by --quiet).
	Quiet bool
	// Seed is the global --seed.
	Seed uint64
	// Now returns the time stamped into outputs; tests pin it.
	Now func() string
}

// stderrTerminal reports whether progress may be drawn: stderr is a terminal
// and --quiet was not given.
func (s *streams) stderrTerminal() bool {
	if s.Quiet {
		return false
	}
	f, ok := s.ErrOut.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
