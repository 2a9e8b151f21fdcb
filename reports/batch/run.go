package batch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
)

// Options control a batch execution.
type Options struct {
	// OutDir receives runs/, summary.csv, summary.json and manifest.json.
	OutDir string
	// Jobs bounds how many runs execute at once; 0 means the number of
	// cores.
	Jobs int
	// Resume skips runs whose folders are complete from an earlier batch.
	Resume bool
	// Version is recorded in the manifest.
	Version string
	// Progress, when not nil, is called after each run with how many are
	// done of the total. It is called from one goroutine at a time.
	Progress func(done, total int)
	// Now stamps the manifest; nil means time.Now.
	Now func() time.Time
}

// Run statuses recorded in the manifest.
const (
	StatusOK        = "ok"
	StatusFailed    = "failed"
	StatusSkipped   = "skipped" // complete from an earlier batch (--resume)
	StatusCancelled = "cancelled"
)

// RunResult is one run's outcome.
type RunResult struct {
	Run      Run      `json:"run"`
	Status   string   `json:"status"`
	Error    string   `json:"error,omitempty"`
	Duration float64  `json:"duration_seconds"`
	Metrics  []Metric `json:"-"`
}

// Metric is one number a run produced, a row of summary.csv.
type Metric struct {
	Analysis string  `json:"analysis"`
	Metric   string  `json:"metric"`
	Value    float64 `json:"value"`
}

// ErrRunsFailed is returned (wrapped) when at least one run failed.
var ErrRunsFailed = errors.New("runs failed")

// Execute runs every run of spec and writes the outputs described in the
// package documentation. It returns the manifest; the error is
// ErrRunsFailed (wrapped) when some runs failed, ctx's error when it was
// cancelled (runs not finished are recorded as cancelled and leave no
// folder), or an output error.
func Execute(ctx context.Context, spec *Spec, opts Options) (*Manifest, error) {
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	runsDir := filepath.Join(opts.OutDir, "runs")
	if err := os.MkdirAll(runsDir, 0o755); err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	// Run folders are created, replaced and removed under runs/: a link
	// there would let that happen outside the output folder.
	if fi, err := os.Lstat(runsDir); err != nil || fi.Mode()&os.ModeSymlink != 0 {
		return nil, fmt.Errorf("batch: %s is a symbolic link: partnet writes only inside the output folder (remove the link)", runsDir)
	}
	runs := Expand(spec)
	man := &Manifest{Version: opts.Version, Name: spec.Name, Spec: spec, Started: now().UTC().Format(time.RFC3339)}
	loader := newLoader()
	loader.analyses, loader.kinds = spec.Analyses, spec.Kinds
	results := make([]RunResult, len(runs))
	var mu sync.Mutex
	done := 0
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < opts.Jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = executeOne(ctx, runs[i], runsDir, opts.Resume, loader)
				mu.Lock()
				done++
				if opts.Progress != nil {
					opts.Progress(done, len(runs))
				}
				mu.Unlock()
			}
		}()
	}
	for i := range runs {
		if ctx.Err() != nil {
			results[i] = RunResult{Run: runs[i], Status: StatusCancelled, Error: ctx.Err().Error()}
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	man.Runs = results
	man.Inputs = loader.inputs()
	man.Finished = now().UTC().Format(time.RFC3339)
	if err := writeOutputs(opts.OutDir, man); err != nil {
		return man, err
	}
	if err := ctx.Err(); err != nil {
		return man, err
	}
	failed := 0
	for _, r := range results {
		if r.Status == StatusFailed {
			failed++
		}
	}
	if failed > 0 {
		return man, fmt.Errorf("%d of %d %w (see manifest.json)", failed, len(results), ErrRunsFailed)
	}
	return man, nil
}

// runRecord is run.json, written last in a run folder.
type runRecord struct {
	Run     Run      `json:"run"`
	Metrics []Metric `json:"metrics"`
	Files   []string `json:"files"`
}

const runRecordFile = "run.json"

func executeOne(ctx context.Context, run Run, runsDir string, resume bool, loader *loader) RunResult {
	start := time.Now()
	final := filepath.Join(runsDir, run.ID)
	if resume {
		if rec, err := readRunRecord(final); err == nil {
			return RunResult{Run: run, Status: StatusSkipped, Metrics: rec.Metrics}
		}
	}
	res := RunResult{Run: run}
	metrics, err := buildRun(ctx, run, runsDir, final, loader)
	res.Duration = time.Since(start).Seconds()
	switch {
	case err != nil && ctx.Err() != nil:
		res.Status, res.Error = StatusCancelled, ctx.Err().Error()
	case err != nil:
		res.Status, res.Error = StatusFailed, err.Error()
	default:
		res.Status, res.Metrics = StatusOK, metrics
	}
	return res
}

// buildRun computes a run into a temporary folder and renames it to final
// only when every file and run.json are written.
func buildRun(ctx context.Context, run Run, runsDir, final string, loader *loader) (_ []Metric, err error) {
	tmp, err := os.MkdirTemp(runsDir, ".tmp-"+run.ID+"-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	net, err := loader.network(run.Dataset)
	if err != nil {
		return nil, err
	}
	rc, err := newRunContext(run, net, loader.kinds, tmp)
	if err != nil {
		return nil, err
	}
	for _, name := range loader.analyses {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := analyses[name](ctx, rc); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	rec := runRecord{Run: run, Metrics: rc.metrics, Files: rc.files}
	if err := writeJSONFile(filepath.Join(tmp, runRecordFile), rec); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(final); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, final); err != nil {
		return nil, err
	}
	return rc.metrics, nil
}

func readRunRecord(dir string) (*runRecord, error) {
	data, err := os.ReadFile(filepath.Join(dir, runRecordFile))
	if err != nil {
		return nil, err
	}
	var rec runRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, err
	}
	return &rec, nil
}

// loader loads each dataset once and shares the (read-only) network
// between runs.
type loader struct {
	mu       sync.Mutex
	entries  map[string]*loadEntry
	analyses []string
	kinds    []string
}

type loadEntry struct {
	once   sync.Once
	net    *graph.Network
	inputs []datasets.Input
	err    error
}

func newLoader() *loader { return &loader{entries: map[string]*loadEntry{}} }

func (l *loader) network(ds DatasetSpec) (*graph.Network, error) {
	l.mu.Lock()
	e, ok := l.entries[ds.Label]
	if !ok {
		e = &loadEntry{}
		l.entries[ds.Label] = e
	}
	l.mu.Unlock()
	e.once.Do(func() { e.net, e.inputs, e.err = loadDataset(ds) })
	return e.net, e.err
}

func (l *loader) inputs() map[string][]datasets.Input {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := map[string][]datasets.Input{}
	for label, e := range l.entries {
		if e.err == nil {
			out[label] = e.inputs
		}
	}
	return out
}
