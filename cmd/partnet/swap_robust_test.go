package main

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/internal/atomicfile"
)

// folderFiles reads a folder's entries: name -> content for files, a
// marker for anything else.
func folderFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return map[string]string{"<missing>": err.Error()}
	}
	out := map[string]string{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			out[e.Name()] = "<not a file>"
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func names(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// copyFolder copies a folder's files into dst (replaced).
func copyFolder(t *testing.T, src, dst string) {
	t.Helper()
	os.RemoveAll(dst)
	os.MkdirAll(dst, 0o755)
	for name, data := range folderFiles(t, src) {
		os.WriteFile(filepath.Join(dst, name), []byte(data), 0o644)
	}
}

// The kill test of issue 15: partnet convert into a folder holding an
// older dataset (with arrangements.csv, members.csv and dataset.yaml the
// new one does not have) is killed with SIGKILL at each phase of writing
// the folder and at 20 random moments. Every time, the folder is exactly
// the old dataset or exactly the new one, file for file, and loads; the
// next run removes what the killed one left beside it.
func TestKillDuringFolderConvert(t *testing.T) {
	if testing.Short() {
		t.Skip("builds partnet and kills it 25 times")
	}
	bin := partnetBinary(t)
	root := t.TempDir()
	src := bigFolder(t, 20000, 100000)
	os.WriteFile(filepath.Join(src, "dataset.yaml"), []byte("title: the new dataset\n"), 0o644)
	oldDir := filepath.Join(root, "old")
	os.MkdirAll(oldDir, 0o755)
	for name, data := range map[string]string{
		"dataset.yaml":      "title: the old dataset\n",
		"organisations.csv": "id,name\nx,Old X\ny,Old Y\nz,Old Z\n",
		"partnerships.csv":  "source,target\nx,y\n",
		"arrangements.csv":  "id,name,kind\nA1,Old shared service,shared_service\n",
		"members.csv":       "arrangement_id,organisation_id\nA1,x\nA1,y\nA1,z\n",
	} {
		os.WriteFile(filepath.Join(oldDir, name), []byte(data), 0o644)
	}
	ref := filepath.Join(root, "ref")
	start := time.Now()
	if out, err := exec.Command(bin, "convert", src, ref, "-q").CombinedOutput(); err != nil {
		t.Fatalf("reference convert: %v\n%s", err, out)
	}
	full := time.Since(start)
	oldFiles, newFiles := folderFiles(t, oldDir), folderFiles(t, ref)
	if _, ok := newFiles["arrangements.csv"]; ok || len(newFiles) != 3 {
		t.Fatalf("the new dataset should have 3 files and no arrangements: %v", names(newFiles))
	}
	out := filepath.Join(root, "out")
	// check says which dataset out holds; it fails the test for a mix.
	check := func(when string) string {
		t.Helper()
		got := folderFiles(t, out)
		which := ""
		switch {
		case sameFiles(got, oldFiles):
			which = "old"
		case sameFiles(got, newFiles):
			which = "new"
		default:
			t.Errorf("%s: the folder is neither the old nor the new dataset: %v", when, names(got))
			return "mixed"
		}
		if _, err := datasets.Load(out); err != nil {
			t.Errorf("%s: the %s folder does not load: %v", when, which, err)
		}
		return which
	}
	kill := func(cmd *exec.Cmd) {
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}

	// At each phase: the process stops itself there (a test-only pause)
	// and is killed.
	for _, c := range []struct{ phase, want string }{
		{"dir-created", "old"}, {"dir-file-written", "old"}, {"dir-written", "old"}, {"dir-swapped", "new"},
	} {
		copyFolder(t, oldDir, out)
		cmd := exec.Command(bin, "convert", src, out)
		cmd.Env = append(os.Environ(), "PARTNET_TEST_PAUSE_AT="+c.phase)
		stderr, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		paused := make(chan bool, 1)
		go func() {
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				if strings.Contains(sc.Text(), "paused at "+c.phase) {
					paused <- true
					return
				}
			}
			paused <- false
		}()
		select {
		case ok := <-paused:
			if !ok {
				t.Fatalf("phase %s: partnet ended without reaching it", c.phase)
			}
		case <-time.After(time.Minute):
			kill(cmd)
			t.Fatalf("phase %s never reached", c.phase)
		}
		kill(cmd)
		if got := check("killed at " + c.phase); got != c.want {
			t.Errorf("killed at %s: the folder is the %s dataset, want the %s", c.phase, got, c.want)
		}
	}

	// At 20 random moments over the length of a whole run.
	rng := rand.New(rand.NewPCG(15, 20))
	seen := map[string]int{}
	for i := range 20 {
		copyFolder(t, oldDir, out)
		delay := time.Duration(rng.Int64N(int64(full + full/5)))
		cmd := exec.Command(bin, "convert", src, out, "-q")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		kill(cmd)
		seen[check("kill "+string(rune('A'+i))+" after "+delay.String())]++
	}
	t.Logf("20 kills over a %v run: the folder was old %d times, new %d times", full, seen["old"], seen["new"])

	// The next run cleans what the killed ones left beside the folder.
	if out, err := exec.Command(bin, "convert", src, out, "-q").CombinedOutput(); err != nil {
		t.Fatalf("convert after the kills: %v\n%s", err, out)
	}
	if check("after a full run") != "new" {
		t.Error("a full run did not give the new dataset")
	}
	left, _ := filepath.Glob(filepath.Join(root, atomicfile.TempPrefix+"*"))
	if len(left) > 0 {
		t.Errorf("leftovers of killed runs not removed: %v", left)
	}
}

// Folder outputs (convert into a folder, generate -o, datasets export)
// written over a folder holding an older dataset leave exactly what the
// same command writes into an empty folder: no arrangements.csv,
// members.csv or dataset.yaml of the older dataset beside the new files
// (summary then reported the old title). A folder holding other files is
// refused with exit 2 and left as it was.
func TestFolderOutputsReplaceWhole(t *testing.T) {
	root := t.TempDir()
	edges := filepath.Join(root, "edges.csv")
	os.WriteFile(edges, []byte("source,target\na,b\nb,c\n"), 0o644)
	older := map[string]string{
		"dataset.yaml":      "title: An older dataset\n",
		"organisations.csv": "id\nx\ny\n",
		"partnerships.csv":  "source,target\nx,y\n",
		"arrangements.csv":  "id,kind\nA1,joint_plan\n",
		"members.csv":       "arrangement_id,organisation_id\nA1,x\nA1,y\n",
		"adjacency.csv":     "a,b\nx,y\n",
	}
	cases := []struct {
		name string
		args func(out string) []string
	}{
		{"convert", func(out string) []string { return []string{"convert", edges, out} }},
		{"generate", func(out string) []string {
			return []string{"generate", "--organisations", "50", "--ties", "100", "-o", out}
		}},
		{"datasets export", func(out string) []string { return []string{"datasets", "export", "england", out} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			fresh := filepath.Join(dir, "fresh")
			if code, _, stderr := runCLI(t, c.args(fresh)...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			out := filepath.Join(dir, "out")
			os.MkdirAll(out, 0o755)
			for n, s := range older {
				os.WriteFile(filepath.Join(out, n), []byte(s), 0o644)
			}
			if code, _, stderr := runCLI(t, c.args(out)...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if got, want := folderFiles(t, out), folderFiles(t, fresh); !sameFiles(got, want) {
				t.Errorf("folder holds %v, want exactly %v", names(got), names(want))
			}
			if _, stdout, _ := runCLI(t, "summary", out); strings.Contains(stdout, "An older dataset") {
				t.Errorf("summary still reports the older dataset:\n%s", stdout)
			}

			other := filepath.Join(dir, "other")
			os.MkdirAll(other, 0o755)
			os.WriteFile(filepath.Join(other, "organisations.csv"), []byte("id\nx\n"), 0o644)
			os.WriteFile(filepath.Join(other, "notes.txt"), []byte("my notes"), 0o644)
			code, _, stderr := runCLI(t, c.args(other)...)
			if code != exitUsage || !strings.Contains(stderr, "notes.txt") {
				t.Errorf("folder with other files: exit %d, stderr %q; want 2 naming notes.txt", code, stderr)
			}
			if got := folderFiles(t, other); len(got) != 2 || got["notes.txt"] != "my notes" || got["organisations.csv"] != "id\nx\n" {
				t.Errorf("refused folder changed: %v", got)
			}
		})
	}
}
