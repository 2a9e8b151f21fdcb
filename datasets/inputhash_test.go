package datasets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// rewriteOnEOF is an fs.FS over a folder that replaces a file on disk
// with other content (a new file renamed over it, as editors and scripts
// save) the moment partnet's reader reaches its end: between reading the
// file and hashing it.
type rewriteOnEOF struct {
	dir, file string
	content   []byte
}

func (r rewriteOnEOF) Open(name string) (fs.File, error) {
	f, err := os.DirFS(r.dir).Open(name)
	if err != nil || name != r.file {
		return f, err
	}
	return &eofHook{File: f, hook: func() {
		tmp := filepath.Join(r.dir, ".new")
		os.WriteFile(tmp, r.content, 0o644)
		os.Rename(tmp, filepath.Join(r.dir, r.file))
	}}, nil
}

type eofHook struct {
	fs.File
	hook  func()
	fired bool
}

func (e *eofHook) Read(p []byte) (int, error) {
	n, err := e.File.Read(p)
	if err == io.EOF && !e.fired {
		e.fired = true
		e.hook()
	}
	return n, err
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// A file rewritten between being read and being hashed: the checksum in
// the dataset's inputs is the one of the bytes analysed (issue 15), not of
// the new version. Before inputs were hashed while read, the folder was
// read again afterwards and the footer showed the new version's SHA-256.
func TestChecksumIsOfBytesAnalysed(t *testing.T) {
	dir := t.TempDir()
	orgs := []byte("id,name\na,Analysed A\nb,Analysed B\n")
	os.WriteFile(filepath.Join(dir, OrganisationsFile), orgs, 0o644)
	os.WriteFile(filepath.Join(dir, PartnershipsFile), []byte("source,target\na,b\n"), 0o644)
	newer := []byte("id,name\na,Newer A\nb,Newer B\nc,Newer C\n")
	ds, err := loadFS(dir, rewriteOnEOF{dir: dir, file: OrganisationsFile, content: newer}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := ds.Network.Organisation(0).Name; got != "Analysed A" {
		t.Fatalf("analysed %q, want the first version", got)
	}
	for _, in := range ds.Inputs {
		if filepath.Base(in.Name) == OrganisationsFile {
			if in.SHA256 != sha(orgs) || in.Bytes != int64(len(orgs)) {
				t.Errorf("checksum %s (%d bytes), want %s (%d bytes): the bytes analysed", in.SHA256, in.Bytes, sha(orgs), len(orgs))
			}
			return
		}
	}
	t.Errorf("no checksum of %s in %v", OrganisationsFile, ds.Inputs)
}

// Files replaced again and again (atomically, as editors and scripts save)
// while partnet loads them: every load's checksum is of the version whose
// content it analysed, for a folder and for a single edge list.
func TestChecksumUnderConcurrentRewrite(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a dataset a few hundred times")
	}
	version := func(tag string, pad int) []byte {
		var b strings.Builder
		b.WriteString("source,target\n")
		fmt.Fprintf(&b, "%s-x,%s-y\n", tag, tag)
		for i := range pad {
			fmt.Fprintf(&b, "%s-%d,%s-%d\n", tag, i, tag, i+1)
		}
		return []byte(b.String())
	}
	cases := []struct {
		name, dir, file string
		load            func(root string) (*Dataset, error)
	}{
		{"folder", "data", PartnershipsFile, func(root string) (*Dataset, error) { return Load(filepath.Join(root, "data")) }},
		{"edge list", "", "edges.csv", func(root string) (*Dataset, error) { return Load(filepath.Join(root, "edges.csv")) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, c.dir)
			os.MkdirAll(dir, 0o755)
			versions := map[string][]byte{"A": version("A", 3000), "B": version("B", 2000)}
			if c.dir != "" {
				// organisations listing both versions' ids.
				var b strings.Builder
				b.WriteString("id\n")
				for _, tag := range []string{"A", "B"} {
					fmt.Fprintf(&b, "%s-x\n%s-y\n", tag, tag)
					for i := range 3001 {
						fmt.Fprintf(&b, "%s-%d\n", tag, i)
					}
				}
				os.WriteFile(filepath.Join(dir, OrganisationsFile), []byte(b.String()), 0o644)
			}
			target := filepath.Join(dir, c.file)
			os.WriteFile(target, versions["A"], 0o644)
			var stop atomic.Bool
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; !stop.Load(); i++ {
					tag := []string{"A", "B"}[i%2]
					tmp := filepath.Join(dir, ".swap-"+tag)
					os.WriteFile(tmp, versions[tag], 0o644)
					os.Rename(tmp, target)
				}
			}()
			wrong := 0
			const tries = 150
			for range tries {
				ds, err := c.load(root)
				if err != nil {
					stop.Store(true)
					wg.Wait()
					t.Fatal(err)
				}
				tag := "B"
				if _, ok := ds.Network.Index("A-x"); ok && ds.Network.NumPartnerships() == 3001 {
					tag = "A"
				}
				for _, in := range ds.Inputs {
					if filepath.Base(in.Name) == c.file && in.SHA256 != sha(versions[tag]) {
						wrong++
					}
				}
			}
			stop.Store(true)
			wg.Wait()
			if wrong > 0 {
				t.Errorf("%d of %d loads credited the analysed version with another version's checksum", wrong, tries)
			}
		})
	}
}
