package main

import (
	"io"
	"os"
	"sync"
	"time"
)

// phases shows a command's long steps one after another: each phase gets
// its own bar (with a count, rate and ETA when the step reports its
// total) or a spinner with the elapsed time (when it does not), redrawn
// a few times a second so a long step never looks stuck. Like progress it
// draws nothing unless stderr is a terminal and --quiet is off.
type phases struct {
	s     *streams
	mu    sync.Mutex
	cur   string
	done  int
	total int
	bar   *progress
	stop  chan struct{}
	wg    sync.WaitGroup
	once  sync.Once

	// timings, when not nil, is told each phase's wall time as the phase
	// ends (PARTNET_TIMINGS=1; for performance work, like the profile
	// variables in profile.go).
	timings io.Writer
	since   time.Time
}

func newPhases(s *streams) *phases {
	p := &phases{s: s}
	if os.Getenv("PARTNET_TIMINGS") != "" {
		p.timings, p.since = s.ErrOut, time.Now()
	}
	if !s.stderrTerminal() {
		return p
	}
	p.stop = make(chan struct{})
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.mu.Lock()
				if p.bar != nil {
					p.bar.Set(p.done)
				}
				p.mu.Unlock()
			}
		}
	}()
	return p
}

// Update moves to phase (starting a new bar when the phase changes) with
// done of total steps; total -1 means not counted.
func (p *phases) Update(phase string, done, total int) {
	if p.timings != nil {
		p.mu.Lock()
		if phase != p.cur {
			p.lap(phase)
		}
		p.mu.Unlock()
	}
	if p.stop == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	// A phase announced uncounted (total -1) that then reports a total
	// (betweenness' sources) becomes a counted bar.
	if phase != p.cur || total != p.total {
		if p.bar != nil {
			p.bar.Finish()
		}
		p.bar, p.cur, p.total = newProgress(p.s, phase, total), phase, total
	}
	p.done = done
	p.bar.Set(done)
}

// Finish clears the last bar and stops redrawing; later calls do nothing.
func (p *phases) Finish() {
	if p.timings != nil {
		p.mu.Lock()
		p.lap("")
		p.timings = nil
		p.mu.Unlock()
	}
	if p.stop == nil {
		return
	}
	p.once.Do(p.finish)
}

func (p *phases) finish() {
	close(p.stop)
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		p.bar = nil
	}
}

// lap writes the current phase's wall time and starts timing next; the
// caller holds p.mu.
func (p *phases) lap(next string) {
	now := time.Now()
	if p.cur != "" || next == "" {
		name := p.cur
		if name == "" {
			name = "(before the first phase)"
		}
		tprintf(p.timings, "partnet: timing: %-28s %7.2fs\n", name, now.Sub(p.since).Seconds())
	}
	p.since = now
	if p.stop == nil {
		p.cur = next
	}
}
