package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/partnet/partnet/internal/atomicfile"
)

// These tests build the real partnet binary, start it on work that takes
// seconds, send it SIGINT (as Ctrl-C does) in the middle of writing, and
// check what is left on disk.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// partnetBinary builds partnet once for all tests of the package.
func partnetBinary(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("SIGINT cannot be sent to a process on Windows")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "partnet-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "partnet")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("go build: %v", buildErr)
	}
	return binPath
}

// interruptWhen starts partnet with args, waits until ready reports true
// (polled every 2 ms) and sends SIGINT. It returns the exit code and
// stderr. It fails the test when the process ends before ready, or does not
// end within a minute of the signal.
func interruptWhen(t *testing.T, ready func() bool, args ...string) (int, string) {
	t.Helper()
	return signalWhen(t, os.Interrupt, ready, args...)
}

// signalWhen is interruptWhen with the signal to send.
func signalWhen(t *testing.T, sig os.Signal, ready func() bool, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(partnetBinary(t), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.After(2 * time.Minute)
wait:
	for !ready() {
		select {
		case err := <-done:
			t.Fatalf("partnet %s finished (%v) before the moment to interrupt it: make the input bigger\n%s", strings.Join(args, " "), err, stderr.String())
		case <-deadline:
			cmd.Process.Kill()
			t.Fatalf("partnet %s: the moment to interrupt never came", strings.Join(args, " "))
		case <-time.After(2 * time.Millisecond):
			continue wait
		}
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(time.Minute):
		cmd.Process.Signal(syscall.SIGQUIT)
		<-done
		t.Fatalf("partnet did not stop within a minute of %v:\n%s", sig, stderr.String())
	}
	return cmd.ProcessState.ExitCode(), stderr.String()
}

// tempFiles lists the temporary files and folders partnet's writers leave
// when they are killed: atomicfile's and batch's run folders.
func tempFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && (strings.HasPrefix(d.Name(), atomicfile.TempPrefix) || strings.HasPrefix(d.Name(), ".tmp-")) {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// writing returns a ready function that is true once a temporary file of
// partnet's writers is present under root (a write is in progress).
func writing(root string) func() bool { return writingFile(root, "") }

// writingFile is writing for the temporary file of one output file name.
func writingFile(root, name string) func() bool {
	return func() bool {
		found := false
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasPrefix(d.Name(), atomicfile.TempPrefix+name) {
				found = true
				return filepath.SkipAll
			}
			return nil
		})
		return found
	}
}

// TestInterruptBatch: SIGINT, SIGTERM or SIGHUP while a batch of many runs
// is writing its run folders stops it with exit code 1; no temporary file
// or run folder is left, every run folder present is complete (has
// run.json), and the manifest and summary record what finished, the runs
// that did not as cancelled.
func TestInterruptBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds partnet and runs it for seconds")
	}
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) { testSignalBatch(t, sig) })
	}
}

func testSignalBatch(t *testing.T, sig os.Signal) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.yaml")
	os.WriteFile(spec, []byte("datasets: [embedded:england]\nfilters:\n  years: {from: 1950, to: 2100}\nanalyses: [summary]\nparameters:\n  seed: [1, 2, 3, 4, 5, 6, 7, 8]\n"), 0o644)
	out := filepath.Join(dir, "out")
	runs := filepath.Join(out, "runs")
	code, stderr := signalWhen(t, sig, func() bool {
		entries, _ := os.ReadDir(runs)
		complete := 0
		for _, e := range entries {
			if _, err := os.Stat(filepath.Join(runs, e.Name(), "run.json")); err == nil {
				complete++
			}
		}
		return complete >= 3
	}, "batch", spec, "-o", out, "--jobs", "2")
	if code != exitFailure {
		t.Errorf("exit code %d, want %d\n%s", code, exitFailure, stderr)
	}
	if !strings.Contains(stderr, "interrupted: manifest.json and summary.csv") || strings.Contains(stderr, "no output was written") {
		t.Errorf("stderr does not say it was interrupted and what it kept:\n%s", stderr)
	}
	if left := tempFiles(t, out); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	entries, _ := os.ReadDir(runs)
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(runs, e.Name(), "run.json")); err != nil {
			t.Errorf("run folder %s is incomplete", e.Name())
		}
	}
	if len(entries) >= 151*8 {
		t.Errorf("all %d runs finished: the interrupt came too late to test anything", len(entries))
	}
	man, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil || !strings.Contains(string(man), `"status": "cancelled"`) {
		t.Errorf("manifest does not record cancelled runs (%v)", err)
	}
	if sum, err := os.ReadFile(filepath.Join(out, "summary.csv")); err != nil || !strings.Contains(string(sum), "summary,ties,") {
		t.Errorf("summary.csv does not hold the finished runs (%v)", err)
	}
}

// bigFolder writes a dataset folder of n organisations and m random ties
// (seeded), large enough that reading and analysing it takes a while.
func bigFolder(t *testing.T, n, m int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "big")
	os.MkdirAll(dir, 0o755)
	var b bytes.Buffer
	b.WriteString("id,name,sector\n")
	sectors := []string{"council", "third_sector", "agency"}
	for i := range n {
		fmt.Fprintf(&b, "o%d,Organisation %d,%s\n", i, i, sectors[i%3])
	}
	os.WriteFile(filepath.Join(dir, "organisations.csv"), b.Bytes(), 0o644)
	b.Reset()
	b.WriteString("source,target,kind\n")
	x := uint64(1)
	next := func() int { x = x*6364136223846793005 + 1442695040888963407; return int(x>>33) % n }
	for range m {
		a, c := next(), next()
		if a != c {
			fmt.Fprintf(&b, "o%d,o%d,shared_service\n", a, c)
		}
	}
	os.WriteFile(filepath.Join(dir, "partnerships.csv"), b.Bytes(), 0o644)
	return dir
}

// after returns a ready function that turns true d after its first call.
func after(d time.Duration) func() bool {
	var start time.Time
	return func() bool {
		if start.IsZero() {
			start = time.Now()
		}
		return time.Since(start) >= d
	}
}

// TestInterruptReport: SIGINT while partnet report works on a large
// dataset exits 1, and leaves the existing report and tables as they were
// with no temporary file beside them.
func TestInterruptReport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds partnet and runs it for seconds")
	}
	data := bigFolder(t, 30000, 150000)
	out := t.TempDir()
	html := filepath.Join(out, "report.html")
	tables := filepath.Join(out, "tables")
	os.MkdirAll(tables, 0o755)
	old := []byte("<p>the report from last week</p>")
	os.WriteFile(html, old, 0o644)
	os.WriteFile(filepath.Join(tables, "organisations.csv"), old, 0o644)
	code, stderr := interruptWhen(t, after(600*time.Millisecond), "report", data, "-o", html, "--tables", tables)
	if code != exitFailure {
		t.Errorf("exit code %d, want %d\n%s", code, exitFailure, stderr)
	}
	for _, p := range []string{html, filepath.Join(tables, "organisations.csv")} {
		if got, _ := os.ReadFile(p); !bytes.Equal(got, old) {
			t.Errorf("%s was changed by an interrupted run", p)
		}
	}
	if left := tempFiles(t, out); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// oldFolder fills dir with dataset files holding a marker, to check that
// an interrupted write leaves them as they were.
func oldFolder(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	files := map[string][]byte{}
	for _, name := range []string{"dataset.yaml", "organisations.csv", "partnerships.csv"} {
		files[name] = []byte("old " + name + "\n")
		os.WriteFile(filepath.Join(dir, name), files[name], 0o644)
	}
	return files
}

func assertUntouched(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, want := range files {
		if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s was changed by an interrupted run (%d bytes now)", name, len(got))
		}
	}
	if left := tempFiles(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestInterruptLongWrites: SIGINT in the middle of a long write (the
// temporary file exists and is growing) stops partnet with exit code 1,
// removes the temporary file and leaves the earlier output as it was: for
// a generated folder (three files written as a set), a generated edge
// list, and a conversion to JSON.
func TestInterruptLongWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("builds partnet and writes hundreds of MB")
	}
	big := filepath.Join(t.TempDir(), "big")
	if out, err := exec.Command(partnetBinary(t), "generate", "--organisations", "100000", "--ties", "400000", "-o", big, "-q").CombinedOutput(); err != nil {
		t.Fatalf("generate input: %v\n%s", err, out)
	}
	t.Run("generate folder", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "gen")
		old := oldFolder(t, out)
		// Interrupted while the last file of the folder is being written
		// in the new folder's temporary sibling, the first two complete.
		code, stderr := interruptWhen(t, func() bool {
			m, _ := filepath.Glob(filepath.Join(filepath.Dir(out), atomicfile.TempPrefix+"gen.dir-*", "partnerships.csv"))
			return len(m) > 0
		}, "generate", "--organisations", "300000", "--ties", "3000000", "-o", out)
		if code != exitFailure || !strings.Contains(stderr, "interrupted") {
			t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitFailure, stderr)
		}
		assertUntouched(t, out, old)
		if left := tempFiles(t, filepath.Dir(out)); len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	})
	t.Run("generate edge list", func(t *testing.T) {
		dir := t.TempDir()
		old := map[string][]byte{"ties.csv": []byte("a,b\n")}
		os.WriteFile(filepath.Join(dir, "ties.csv"), old["ties.csv"], 0o644)
		code, stderr := interruptWhen(t, writing(dir), "generate", "--organisations", "300000", "--ties", "3000000", "--format", "edgelist", "-o", filepath.Join(dir, "ties.csv"))
		if code != exitFailure {
			t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitFailure, stderr)
		}
		assertUntouched(t, dir, old)
	})
	t.Run("convert to JSON", func(t *testing.T) {
		dir := t.TempDir()
		old := map[string][]byte{"big.json": []byte(`{"organisations": []}`)}
		os.WriteFile(filepath.Join(dir, "big.json"), old["big.json"], 0o644)
		code, stderr := interruptWhen(t, writing(dir), "convert", big, filepath.Join(dir, "big.json"))
		if code != exitFailure {
			t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitFailure, stderr)
		}
		assertUntouched(t, dir, old)
	})
}

// TestSecondBatchRefused: while one partnet batch runs on an output
// folder, a second one on the same folder is refused (exit 1, naming the
// first) and writes nothing; after the first is killed with SIGKILL, its
// lock file holds no lock and the next batch runs.
func TestSecondBatchRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds partnet and runs it for seconds")
	}
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.yaml")
	os.WriteFile(spec, []byte("datasets: [embedded:england]\nfilters:\n  years: {from: 1990, to: 2030}\nanalyses: [summary]\nparameters:\n  seed: [1, 2, 3, 4]\n"), 0o644)
	out := filepath.Join(dir, "out")
	first := exec.Command(partnetBinary(t), "batch", spec, "-o", out, "--jobs", "1", "-q")
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer first.Process.Kill()
	deadline := time.Now().Add(time.Minute)
	for {
		entries, _ := os.ReadDir(filepath.Join(out, "runs"))
		if len(entries) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first batch never started a run")
		}
		time.Sleep(2 * time.Millisecond)
	}
	second := exec.Command(partnetBinary(t), "batch", spec, "-o", out)
	msg, err := second.CombinedOutput()
	if err == nil || !strings.Contains(string(msg), "in use by another partnet process") || !strings.Contains(string(msg), fmt.Sprint(first.Process.Pid)) {
		t.Errorf("second batch: %v\n%s", err, msg)
	}
	first.Process.Signal(syscall.SIGKILL)
	first.Wait()
	third := exec.Command(partnetBinary(t), "batch", spec, "-o", out, "--resume", "-q")
	if msg, err := third.CombinedOutput(); err != nil {
		t.Errorf("batch after the first was killed: %v\n%s", err, msg)
	}
	if left := tempFiles(t, out); len(left) > 0 {
		t.Errorf("leftovers of the killed batch: %v", left)
	}
}
