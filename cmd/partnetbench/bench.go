package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/datasets/synthetic"
	"github.com/partnet/partnet/graph"
)

type options struct {
	sizes      []int
	tiesPerOrg int
	samples    int
	leidenRuns int
	restarts   int
	seed       uint64
	peer       string
	e2e        bool
	partnet    string
	dir        string
	markdown   string
	commands   []string
	cpuprofile string
	repeat     int
	steps      []string // in-process steps to time; nil means all
}

func parseFlags(args []string, errOut io.Writer) (*options, error) {
	fs := flag.NewFlagSet("partnetbench", flag.ContinueOnError)
	fs.SetOutput(errOut)
	sizes := fs.String("sizes", "10k,100k", "organisation counts, comma-separated (k and m suffixes)")
	o := &options{}
	fs.IntVar(&o.tiesPerOrg, "ties-per-org", 10, "ties per organisation")
	fs.IntVar(&o.samples, "samples", 100, "betweenness source samples")
	fs.IntVar(&o.leidenRuns, "leiden-runs", 3, "Leiden runs (seeds seed, seed+1, ...) for both tools: time per run and mean and best modularity")
	fs.IntVar(&o.restarts, "leiden-restarts", 2, "partnet's LeidenOptions.Restarts for the Leiden row (best of that many runs per call); with more than 1 a row of single runs is added")
	fs.Uint64Var(&o.seed, "seed", 1, "seed for generation and every randomised step")
	fs.StringVar(&o.peer, "peer", "auto", "python-igraph peer: auto (when installed), on, off")
	fs.BoolVar(&o.e2e, "e2e", false, "also time partnet's analyze, clusters, groups and report commands end to end")
	fs.StringVar(&o.partnet, "partnet", "", "partnet binary for --e2e (default: go build ./cmd/partnet)")
	fs.StringVar(&o.dir, "dir", "", "work folder for generated files (default: a temporary folder, removed after)")
	fs.StringVar(&o.markdown, "markdown", "", "also write the Markdown table to this file")
	cmds := fs.String("e2e-commands", "analyze,clusters,groups,report", "which partnet commands --e2e times, comma-separated")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile of the in-process steps to this file (go tool pprof)")
	fs.IntVar(&o.repeat, "repeat", 1, "rounds: each round times partnet's steps, then igraph's; the table gives the median of the rounds")
	stepList := fs.String("steps", "", "in-process steps to time, comma-separated (default all): read, density, components, pagerank, kcore, clustering, leiden, betweenness")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if o.repeat < 1 {
		return nil, fmt.Errorf("--repeat %d: want at least 1", o.repeat)
	}
	if *stepList != "" {
		for _, st := range strings.Split(*stepList, ",") {
			st = strings.TrimSpace(st)
			if _, ok := stepKeys[st]; !ok {
				return nil, fmt.Errorf("--steps %q: want some of read, density, components, pagerank, kcore, clustering, leiden, betweenness", st)
			}
			o.steps = append(o.steps, st)
		}
	}
	if o.leidenRuns < 1 || o.restarts < 1 {
		return nil, fmt.Errorf("--leiden-runs %d, --leiden-restarts %d: each must be at least 1", o.leidenRuns, o.restarts)
	}
	for _, c := range strings.Split(*cmds, ",") {
		switch c = strings.TrimSpace(c); c {
		case "analyze", "clusters", "groups", "report":
			o.commands = append(o.commands, c)
		default:
			return nil, fmt.Errorf("--e2e-commands %q: want some of analyze, clusters, groups, report", c)
		}
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := parseSize(strings.TrimSpace(s))
		if err != nil {
			return nil, err
		}
		o.sizes = append(o.sizes, n)
	}
	return o, nil
}

func parseSize(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(strings.ToLower(s), "k"):
		mult, s = 1000, s[:len(s)-1]
	case strings.HasSuffix(strings.ToLower(s), "m"):
		mult, s = 1000000, s[:len(s)-1]
	}
	n, err := strconv.Atoi(s)
	if err != nil || n*mult < 10 || n*mult > synthetic.MaxOrganisations {
		return 0, fmt.Errorf("size %q: want a number of organisations from 10 to %d, e.g. 100k", s, synthetic.MaxOrganisations)
	}
	return n * mult, nil
}

// step is one timed row of the comparison.
type step struct {
	name    string
	partnet float64 // seconds
	peer    float64 // seconds; NaN when not measured
	note    string
	memMB   float64 // peak resident memory of the child, for end-to-end rows
	// CPU seconds (user + system), partnet's process and igraph's; NaN
	// when not measured. On a shared machine CPU time is steadier than wall.
	partnetCPU, peerCPU float64
}

type sizeResult struct {
	orgs, ties   int
	steps        []step
	peerNote     string
	partnetPeak  float64
	peerPeak     float64
	leiden       leidenStats // LeidenOptions.Restarts = o.restarts
	leidenOne    leidenStats // LeidenOptions.Restarts = 1
	peerLeiden   leidenStats
	peerVersion  string
	generateTime float64
}

func run(ctx context.Context, args []string, out, errOut io.Writer) error {
	o, err := parseFlags(args, errOut)
	if err != nil {
		return err
	}
	dir := o.dir
	if dir == "" {
		dir, err = os.MkdirTemp("", "partnetbench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	peerOK, peerWhy := peerAvailable(o.peer)
	if !peerOK {
		fmt.Fprintf(errOut, "partnetbench: igraph column skipped: %s\n", peerWhy)
	}
	if o.e2e && o.partnet == "" {
		o.partnet = filepath.Join(dir, "partnet")
		fmt.Fprintln(errOut, "partnetbench: building partnet for the end-to-end rows")
		build := exec.CommandContext(ctx, "go", "build", "-o", o.partnet, "github.com/partnet/partnet/cmd/partnet")
		build.Stderr = errOut
		if err := build.Run(); err != nil {
			return fmt.Errorf("go build partnet: %w", err)
		}
	}
	var results []*sizeResult
	for _, n := range o.sizes {
		res, err := benchSize(ctx, o, n, dir, peerOK, errOut)
		if err != nil {
			return err
		}
		if !peerOK {
			res.peerNote = peerWhy
		}
		results = append(results, res)
	}
	md := markdown(results, o)
	fmt.Fprint(out, md)
	if o.markdown != "" {
		return os.WriteFile(o.markdown, []byte(md), 0o644)
	}
	return nil
}

func peerAvailable(mode string) (bool, string) {
	if mode == "off" {
		return false, "--peer off"
	}
	cmd := exec.Command("/usr/bin/python3", "-c", "import igraph")
	if err := cmd.Run(); err != nil {
		if mode == "on" {
			return false, "python-igraph is not installed (apt-get install python3-igraph); --peer on asked for it"
		}
		return false, "python-igraph is not installed (apt-get install python3-igraph)"
	}
	return true, ""
}

func benchSize(ctx context.Context, o *options, n int, dir string, peerOK bool, errOut io.Writer) (*sizeResult, error) {
	m := int64(n) * int64(o.tiesPerOrg)
	label := sizeLabel(n)
	res := &sizeResult{orgs: n}
	gen := synthetic.Options{Organisations: n, Ties: m, Clusters: max(2, n/100), Mixing: 0.3, Seed: o.seed}
	folder := filepath.Join(dir, label)
	edges := filepath.Join(dir, label+"-edges.csv")
	say := func(format string, args ...any) {
		fmt.Fprintf(errOut, "partnetbench: %s: "+format+"\n", append([]any{label}, args...)...)
	}
	say("generating %d organisations, %d ties", n, m)
	t0 := time.Now()
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return nil, err
	}
	if err := synthetic.WriteDir(ctx, gen, folder); err != nil {
		return nil, err
	}
	if err := synthetic.WriteEdgeList(ctx, gen, edges); err != nil {
		return nil, err
	}
	res.generateTime = time.Since(t0).Seconds()

	peerFile := filepath.Join(dir, label+".ncol")
	var rounds []*sizeResult
	for r := 0; r < o.repeat; r++ {
		if o.repeat > 1 {
			say("round %d of %d", r+1, o.repeat)
		}
		rr := &sizeResult{}
		if err := timeRound(ctx, o, rr, edges, peerFile, peerOK, r == 0, say); err != nil {
			return nil, err
		}
		res.ties = rr.ties
		rounds = append(rounds, rr)
		runtime.GC()
	}
	mergeRounds(res, rounds)
	if o.e2e {
		for _, cmd := range [][]string{
			{"analyze", folder, "--betweenness-samples", strconv.Itoa(o.samples), "--format", "json"},
			{"clusters", folder, "--format", "json"},
			{"groups", folder, "--tier", "small", "--format", "json"},
			{"report", folder, "-o", filepath.Join(dir, label+"-report.html")},
		} {
			if !slices.Contains(o.commands, cmd[0]) {
				continue
			}
			var times, cpus []float64
			var peak float64
			var err error
			for r := 0; r < o.repeat && err == nil; r++ {
				say("partnet %s", cmd[0])
				var secs, cpu, mem float64
				secs, cpu, mem, err = runChild(ctx, o.partnet, append(cmd, "-q", "--seed", strconv.FormatUint(o.seed, 10)))
				times, cpus, peak = append(times, secs), append(cpus, cpu), max(peak, mem)
			}
			if err != nil {
				res.steps = append(res.steps, step{name: "partnet " + cmd[0], partnet: math.NaN(), peer: math.NaN(), partnetCPU: math.NaN(), peerCPU: math.NaN(), note: "failed: " + err.Error()})
				continue
			}
			res.steps = append(res.steps, step{name: "partnet " + cmd[0] + " (end to end)", partnet: median(times), peer: math.NaN(), partnetCPU: median(cpus), peerCPU: math.NaN(), memMB: peak})
		}
	}
	return res, nil
}

// timeRound times partnet's in-process steps once, then igraph's (when
// peerOK), into rr.
func timeRound(ctx context.Context, o *options, rr *sizeResult, edges, peerFile string, peerOK, first bool, say func(string, ...any)) error {
	timeIt := func(name string, f func() error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		say("%s", name)
		cpu0 := cpuSeconds()
		start := time.Now()
		if err := f(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		rr.steps = append(rr.steps, step{name: name, partnet: time.Since(start).Seconds(), peer: math.NaN(),
			partnetCPU: cpuSeconds() - cpu0, peerCPU: math.NaN()})
		return nil
	}
	runtime.GC()
	if o.cpuprofile != "" && first {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return err
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	var net *graph.Network
	var s *graph.Snapshot
	if err := timeIt("read edge list", func() error {
		ds, err := datasets.Load(edges)
		if err != nil {
			return err
		}
		net = ds.Network
		s = net.Snapshot(graph.Weighting{})
		return nil
	}); err != nil {
		return err
	}
	rr.ties = s.Ties()
	if peerOK && first {
		if err := writeNcol(s, peerFile); err != nil {
			return err
		}
	}
	steps := []struct {
		name string
		f    func() error
	}{
		{"density and degree", func() error {
			_ = analysis.Density(s)
			_ = analysis.WeightedDensity(s)
			_ = analysis.Degree(s)
			_ = analysis.Strength(s)
			return nil
		}},
		{"components", func() error { _ = analysis.Components(s); return nil }},
		{"PageRank", func() error {
			_, err := analysis.PageRank(ctx, s, analysis.PageRankOptions{Weighted: true})
			return err
		}},
		{"k-core", func() error { _ = analysis.CoreNumber(s); return nil }},
		{"clustering", func() error { _ = analysis.TriangleFigures(s, false); return nil }},
		{"Leiden", func() error {
			var err error
			rr.leiden, err = leidenSeeds(ctx, s, o, o.restarts)
			return err
		}},
		{"Leiden, one run", func() error {
			var err error
			rr.leidenOne, err = leidenSeeds(ctx, s, o, 1)
			return err
		}},
		{"sampled betweenness", func() error {
			_, err := analysis.Betweenness(ctx, s, analysis.BetweennessOptions{Samples: o.samples, Seed: o.seed})
			return err
		}},
	}
	for _, st := range steps {
		if !o.wants(st.name) {
			continue
		}
		if st.name == "Leiden, one run" && o.restarts == 1 {
			continue // the Leiden row is already single runs
		}
		if err := timeIt(st.name, st.f); err != nil {
			return err
		}
		if strings.HasPrefix(st.name, "Leiden") {
			rr.steps[len(rr.steps)-1].partnet /= float64(o.leidenRuns)
			rr.steps[len(rr.steps)-1].partnetCPU /= float64(o.leidenRuns)
		}
	}
	rr.partnetPeak = maxRSSMB(syscall.RUSAGE_SELF)
	if o.cpuprofile != "" && first {
		pprof.StopCPUProfile() // the peer and child processes are not profiled
	}
	if peerOK {
		say("python-igraph")
		if err := runPeer(ctx, peerFile, o, rr); err != nil {
			return err
		}
	}
	return nil
}

// stepKeys names the in-process steps for --steps.
var stepKeys = map[string]string{
	"read": "read edge list", "density": "density and degree", "components": "components", "pagerank": "PageRank",
	"kcore": "k-core", "clustering": "clustering", "leiden": "Leiden", "betweenness": "sampled betweenness",
}

// wants reports whether --steps selects the step named name (the read
// always runs: every other step needs its snapshot).
func (o *options) wants(name string) bool {
	if o.steps == nil || name == "read edge list" {
		return true
	}
	for _, k := range o.steps {
		if stepKeys[k] == name || k == "leiden" && name == "Leiden, one run" {
			return true
		}
	}
	return false
}

// mergeRounds fills res with the median over rounds of each step's time
// (partnet and igraph separately), the largest peak memory, and the
// modularity figures of the first round (every round uses the same seeds).
func mergeRounds(res *sizeResult, rounds []*sizeResult) {
	first := rounds[0]
	res.steps = append(res.steps, first.steps...)
	for i := range first.steps {
		var p, q, pc, qc []float64
		for _, r := range rounds {
			p, q = append(p, r.steps[i].partnet), append(q, r.steps[i].peer)
			pc, qc = append(pc, r.steps[i].partnetCPU), append(qc, r.steps[i].peerCPU)
		}
		res.steps[i].partnet, res.steps[i].peer = median(p), median(q)
		res.steps[i].partnetCPU, res.steps[i].peerCPU = median(pc), median(qc)
	}
	res.leiden, res.leidenOne, res.peerLeiden, res.peerVersion = first.leiden, first.leidenOne, first.peerLeiden, first.peerVersion
	for _, r := range rounds {
		res.partnetPeak, res.peerPeak = max(res.partnetPeak, r.partnetPeak), max(res.peerPeak, r.peerPeak)
	}
}

// median of xs (NaN when any is NaN: a step not measured).
func median(xs []float64) float64 {
	ys := slices.Clone(xs)
	for _, y := range ys {
		if math.IsNaN(y) {
			return math.NaN()
		}
	}
	slices.Sort(ys)
	if len(ys)%2 == 1 {
		return ys[len(ys)/2]
	}
	return (ys[len(ys)/2-1] + ys[len(ys)/2]) / 2
}

func sizeLabel(n int) string {
	switch {
	case n%1000000 == 0:
		return fmt.Sprintf("%dm", n/1000000)
	case n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return strconv.Itoa(n)
}

// writeNcol writes the snapshot's ties as "i j w" lines for igraph's
// Read_Ncol, so both tools read the same merged ties.
func writeNcol(s *graph.Snapshot, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	var b []byte
	s.EachTie(func(i, j int, w float64) {
		b = strconv.AppendInt(b[:0], int64(i), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(j), 10)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, w, 'g', -1, 64)
		b = append(b, '\n')
		bw.Write(b)
	})
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func runPeer(ctx context.Context, file string, o *options, res *sizeResult) error {
	script, err := peerScript()
	if err != nil {
		return err
	}
	leidenRuns := o.leidenRuns
	if !o.wants("Leiden") {
		leidenRuns = 0
	}
	cmd := exec.CommandContext(ctx, "/usr/bin/python3", script, file, strconv.Itoa(o.samples), strconv.FormatUint(o.seed, 10), strconv.Itoa(leidenRuns), strings.Join(o.steps, ","))
	cmd.Stderr = os.Stderr
	outb, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("peer_igraph.py: %w", err)
	}
	var peer map[string]any
	if err := json.Unmarshal(outb, &peer); err != nil {
		return fmt.Errorf("peer_igraph.py output: %w", err)
	}
	num := func(k string) float64 {
		if v, ok := peer[k].(float64); ok {
			return v
		}
		return math.NaN()
	}
	keys := map[string]string{
		"read edge list": "read", "density and degree": "density_degree", "components": "components",
		"PageRank": "pagerank", "k-core": "kcore", "clustering": "clustering", "Leiden": "leiden",
		"Leiden, one run":     "leiden",
		"sampled betweenness": "betweenness_sampled",
	}
	for i := range res.steps {
		if k, ok := keys[res.steps[i].name]; ok {
			res.steps[i].peer, res.steps[i].peerCPU = num(k), num(k+"_cpu")
		}
	}
	res.peerPeak = num("peak_rss_mb")
	if qs, ok := peer["leiden_modularity_runs"].([]any); ok {
		var q []float64
		for _, v := range qs {
			if f, ok := v.(float64); ok {
				q = append(q, f)
			}
		}
		res.peerLeiden = summarise(q)
	}
	if v, ok := peer["igraph_version"].(string); ok {
		res.peerVersion = v
	}
	return nil
}

// peerScript finds peer_igraph.py beside this package's source.
func peerScript() (string, error) {
	for _, p := range []string{"cmd/partnetbench/peer_igraph.py", "peer_igraph.py", "../../cmd/partnetbench/peer_igraph.py"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("peer_igraph.py not found: run partnetbench from the repository root")
}

// runChild runs a command and returns its wall time, CPU time (user +
// system) and peak resident memory in MB.
func runChild(ctx context.Context, bin string, args []string) (float64, float64, float64, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	secs := time.Since(start).Seconds()
	if err != nil {
		return secs, 0, 0, fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
	}
	mem, cpu := 0.0, (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		mem = float64(ru.Maxrss) / 1024
	}
	return secs, cpu, mem, nil
}

// cpuSeconds is this process's CPU time so far (user + system, all threads).
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return math.NaN()
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func maxRSSMB(who int) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return math.NaN()
	}
	return float64(ru.Maxrss) / 1024
}

func markdown(results []*sizeResult, o *options) string {
	var b strings.Builder
	for _, r := range results {
		fmt.Fprintf(&b, "\n#### %s organisations, %s ties (generated: %.1f s)\n\n", commas(r.orgs), commas(r.ties), r.generateTime)
		if r.peerNote != "" {
			fmt.Fprintf(&b, "igraph column skipped: %s.\n\n", r.peerNote)
		}
		b.WriteString("| step | partnet (s) | igraph (s) | partnet / igraph | partnet CPU (s) | igraph CPU (s) | CPU ratio | note |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n")
		for _, st := range r.steps {
			note := st.note
			if st.memMB > 0 {
				note = strings.TrimSpace(note + fmt.Sprintf(" peak %.0f MB", st.memMB))
			}
			switch st.name {
			case "Leiden":
				what := "one run"
				if o.restarts > 1 {
					what = fmt.Sprintf("best of %d runs (LeidenOptions.Restarts %d, on up to two cores)", o.restarts, o.restarts)
				}
				note = strings.TrimSpace(note + fmt.Sprintf(" time per call, partnet %s; Q over %d seeds, mean / best / sd: partnet %s", what, o.leidenRuns, r.leiden))
				if r.peerLeiden.n > 0 {
					note += fmt.Sprintf(", igraph %s (one run per seed; every run to convergence)", r.peerLeiden)
				}
			case "Leiden, one run":
				note = strings.TrimSpace(note + fmt.Sprintf(" partnet's default (Restarts 0: one run); Q over %d seeds, mean / best / sd: partnet %s", o.leidenRuns, r.leidenOne))
			}
			if st.name == "sampled betweenness" {
				note = strings.TrimSpace(note + fmt.Sprintf(" %d sources; igraph: %d single-source searches only", o.samples, o.samples))
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", st.name, secs(st.partnet), secs(st.peer), ratio(st.partnet, st.peer),
				secs(st.partnetCPU), secs(st.peerCPU), ratio(st.partnetCPU, st.peerCPU), note)
		}
		fmt.Fprintf(&b, "\nPeak memory: partnet in-process steps %.0f MB", r.partnetPeak)
		if r.peerPeak > 0 {
			fmt.Fprintf(&b, "; python-igraph %s %.0f MB", r.peerVersion, r.peerPeak)
		}
		b.WriteString(".\n")
	}
	return b.String()
}

func secs(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}

func ratio(a, b float64) string {
	if math.IsNaN(a) || math.IsNaN(b) || b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

func commas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// leidenStats summarises the modularity of Leiden runs over seeds.
type leidenStats struct {
	n              int
	mean, best, sd float64
}

func (l leidenStats) String() string {
	return fmt.Sprintf("%.6f / %.6f / %.6f", l.mean, l.best, l.sd)
}

// summarise returns the mean, best and sample standard deviation of q.
func summarise(q []float64) leidenStats {
	l := leidenStats{n: len(q), best: math.Inf(-1)}
	if l.n == 0 {
		return leidenStats{}
	}
	for _, x := range q {
		l.mean += x
		l.best = max(l.best, x)
	}
	l.mean /= float64(l.n)
	if l.n > 1 {
		var v float64
		for _, x := range q {
			v += (x - l.mean) * (x - l.mean)
		}
		l.sd = math.Sqrt(v / float64(l.n-1))
	}
	return l
}

// leidenSeeds runs Leiden once per seed (seed, seed+1, ...), each call to
// convergence with the given restarts, and summarises the modularity.
func leidenSeeds(ctx context.Context, s *graph.Snapshot, o *options, restarts int) (leidenStats, error) {
	q := make([]float64, o.leidenRuns)
	for r := range q {
		c, err := community.Leiden(ctx, s, community.LeidenOptions{Seed: o.seed + uint64(r), Restarts: restarts})
		if err != nil {
			return leidenStats{}, err
		}
		q[r] = community.Modularity(s, c.Membership, 1)
	}
	return summarise(q), nil
}
