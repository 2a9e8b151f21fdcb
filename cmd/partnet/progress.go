package main

import (
	"github.com/schollz/progressbar/v3"
)

// progress draws a bar with phase name, count, rate and ETA on stderr when
// it is a terminal and --quiet was not given; otherwise it does nothing, so
// piped output and logs stay clean.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress starts a bar for total steps (-1 for an unknown total: a
// spinner with a counter).
func newProgress(s *streams, phase string, total int) *progress {
	if !s.stderrTerminal() {
		return &progress{}
	}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(s.ErrOut),
		progressbar.OptionSetDescription(termSafe(phase)),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(),
	}
	if total >= 0 {
		// A phase that is not counted is a spinner with its elapsed time:
		// "(0/-, 0 it/hr)" beside it said nothing.
		opts = append(opts, progressbar.OptionShowCount(), progressbar.OptionShowIts())
	}
	return &progress{bar: progressbar.NewOptions(total, opts...)}
}

// Set moves the bar to done steps.
func (p *progress) Set(done int) {
	if p.bar != nil {
		p.bar.Set(done)
	}
}

// Finish clears the bar.
func (p *progress) Finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
