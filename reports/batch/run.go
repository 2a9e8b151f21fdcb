package batch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/atomicfile"
	"github.com/partnet/partnet/internal/lockfile"
)

// Options control a batch execution.
type Options struct {
	// OutDir receives runs/, summary.csv, summary.json and manifest.json.
	OutDir string
	// Jobs bounds how many runs execute at once; 0 means the number of
	// cores.
	Jobs int
	// Resume reuses the runs whose folders are complete from an earlier
	// batch and whose key (see runKey: partnet version, the run's spec
	// entry, the kind filter, the analyses and the SHA-256 of every input
	// file) equals the current one; every other run is computed again.
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
	StatusSkipped   = "skipped" // complete and up to date from an earlier batch (--resume)
	StatusCancelled = "cancelled"
)

// RunResult is one run's outcome.
type RunResult struct {
	Run      Run      `json:"run"`
	Status   string   `json:"status"`
	Error    string   `json:"error,omitempty"`
	Duration float64  `json:"duration_seconds"`
	Metrics  []Metric `json:"-"`
	// Notes and Warnings are the engine's for this run (see runRecord),
	// also for a run reused by --resume.
	Notes    []string `json:"notes,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// Metric is one number a run produced, a row of summary.csv. A metric that
// does not exist for the run (the top score when no group was found, the
// sector E-I index when no organisation has a sector, an assortativity
// that is undefined) has Value NaN: its row is kept, with the value empty
// in summary.csv and null in JSON, so it is never read as a finding.
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
	lock, err := lockfile.Acquire(opts.OutDir, LockFile)
	if err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	defer lock.Release()
	// With the lock held, nothing else writes here: temporary folders and
	// files are leftovers of a batch that was killed.
	if err := removeLeftovers(opts.OutDir, runsDir); err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	runs := Expand(spec)
	man := &Manifest{Version: opts.Version, Name: spec.Name, Spec: spec, Started: now().UTC().Format(time.RFC3339)}
	loader := newLoader()
	loader.analyses, loader.kinds, loader.version = spec.Analyses, spec.Kinds, opts.Version
	// The current checksums of each dataset's files, to tell whether a
	// finished run is still up to date.
	var current map[string][]datasets.Input
	if opts.Resume {
		current = currentInputs(spec)
	}
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
				results[i] = executeOne(ctx, runs[i], runsDir, current, loader)
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
	man.Inputs = loader.inputs(spec, current)
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
	Run Run `json:"run"`
	// Key is runKey of the run as computed, from the inputs analysed.
	Key     string           `json:"key"`
	Inputs  []datasets.Input `json:"inputs"`
	Metrics []Metric         `json:"metrics"`
	Files   []string         `json:"files"`
	// Notes are the engine's notes from every analysis of the run (a
	// default that adapted to the data: "analyze: no organisation has a
	// sector ..."), Warnings the steps that could not be computed; each
	// "analysis: text", in the order the analyses ran.
	Notes    []string `json:"notes,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

const runRecordFile = "run.json"

// executeOne computes a run, or reuses its folder when current (set by
// --resume) gives the key recorded there.
func executeOne(ctx context.Context, run Run, runsDir string, current map[string][]datasets.Input, loader *loader) RunResult {
	start := time.Now()
	final := filepath.Join(runsDir, run.ID)
	if inputs, ok := current[run.Dataset.Label]; ok {
		key := runKey(loader.version, run, loader.kinds, loader.analyses, inputs)
		if rec, err := readRunRecord(final); err == nil && rec.Key == key {
			return RunResult{Run: run, Status: StatusSkipped, Metrics: rec.Metrics, Notes: rec.Notes, Warnings: rec.Warnings}
		}
	}
	res := RunResult{Run: run}
	metrics, notes, warnings, err := buildRun(ctx, run, runsDir, final, loader)
	res.Notes, res.Warnings = notes, warnings
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
func buildRun(ctx context.Context, run Run, runsDir, final string, loader *loader) (_ []Metric, notes, warnings []string, err error) {
	tmp, err := os.MkdirTemp(runsDir, ".tmp-"+run.ID+"-")
	if err != nil {
		return nil, nil, nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	net, inputs, err := loader.network(run.Dataset)
	if err != nil {
		return nil, nil, nil, err
	}
	rc, err := newRunContext(run, net, loader.kinds, tmp)
	if err != nil {
		return nil, nil, nil, err
	}
	rc.version, rc.inputs = loader.version, inputs
	for _, name := range loader.analyses {
		if err := ctx.Err(); err != nil {
			return nil, nil, nil, err
		}
		if err := analyses[name](ctx, rc); err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	key := runKey(loader.version, run, loader.kinds, loader.analyses, inputs)
	rec := runRecord{Run: run, Key: key, Inputs: inputs, Metrics: rc.metrics, Files: rc.files, Notes: rc.notes, Warnings: rc.warnings}
	if err := writeJSONFile(filepath.Join(tmp, runRecordFile), rec); err != nil {
		return nil, nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, err
	}
	if err := os.RemoveAll(final); err != nil {
		return nil, nil, nil, err
	}
	if err := os.Rename(tmp, final); err != nil {
		return nil, nil, nil, err
	}
	return rc.metrics, rc.notes, rc.warnings, nil
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
	version  string
}

type loadEntry struct {
	once   sync.Once
	net    *graph.Network
	inputs []datasets.Input
	err    error
}

func newLoader() *loader { return &loader{entries: map[string]*loadEntry{}} }

func (l *loader) network(ds DatasetSpec) (*graph.Network, []datasets.Input, error) {
	l.mu.Lock()
	e, ok := l.entries[ds.Label]
	if !ok {
		e = &loadEntry{}
		l.entries[ds.Label] = e
	}
	l.mu.Unlock()
	e.once.Do(func() { e.net, e.inputs, e.err = loadDataset(ds) })
	return e.net, e.inputs, e.err
}

// inputs lists every dataset's input files with their SHA-256 for the
// manifest: the bytes analysed for a dataset this batch loaded, else the
// files as they are now (every run reused, or the dataset failed to
// load). A generated dataset has no files (an empty list).
func (l *loader) inputs(spec *Spec, current map[string][]datasets.Input) map[string][]datasets.Input {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := map[string][]datasets.Input{}
	for _, ds := range spec.Datasets {
		if e, ok := l.entries[ds.Label]; ok && e.err == nil {
			out[ds.Label] = nonNil(e.inputs)
			continue
		}
		if in, ok := current[ds.Label]; ok {
			out[ds.Label] = nonNil(in)
			continue
		}
		if in, err := datasetInputs(ds); err == nil {
			out[ds.Label] = nonNil(in)
		}
	}
	return out
}

func nonNil(in []datasets.Input) []datasets.Input {
	if in == nil {
		return []datasets.Input{}
	}
	return in
}

// currentInputs returns the checksums of each dataset's files as they are
// now; a dataset whose files cannot be read is left out (its runs are
// computed again, and fail with the reason).
func currentInputs(spec *Spec) map[string][]datasets.Input {
	out := map[string][]datasets.Input{}
	for _, ds := range spec.Datasets {
		if in, err := datasetInputs(ds); err == nil {
			out[ds.Label] = in
		}
	}
	return out
}

func datasetInputs(ds DatasetSpec) ([]datasets.Input, error) {
	if ds.Generate != nil {
		return nil, nil
	}
	return datasets.Checksums(ds.Source)
}

// removeLeftovers deletes what a killed batch leaves: run folders being
// built (runs/.tmp-*) and half-written files (atomicfile's temporaries)
// in the output folder.
func removeLeftovers(outDir, runsDir string) error {
	for _, dir := range []string{runsDir, outDir} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".tmp-") || strings.HasPrefix(e.Name(), atomicfile.TempPrefix) {
				if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// LockFile is the file in an output folder that a running batch holds
// locked, so that a second batch on the same folder is refused instead of
// interleaving its runs with the first one's.
const LockFile = ".partnet-batch.lock"

// ErrLocked is returned (wrapped) when another batch is using the output
// folder.
var ErrLocked = lockfile.ErrLocked
