package datasets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// The checksums a report prints must be of the bytes partnet analysed, not
// of the file as it is a moment later: a file rewritten while partnet reads
// it would otherwise be credited with a version no one analysed. So inputs
// are hashed while they are read: each file handle tees what the readers
// take from it into a SHA-256, and whatever a reader leaves unread (a
// trailing newline after the last record) is drained into the hash from
// the same handle once the dataset has been read successfully (a failed
// read drains nothing). One handle is one version of the file (an atomic
// replacement gives a new file; the open handle keeps the old).

// hashingFS opens files of fsys through hashingFile. A file the reader
// closes stays open underneath until inputs drains and hashes it, or
// release closes it; a file read twice (the fast reader falling back to
// the general one) keeps the last reading.
type hashingFS struct {
	fsys  fs.FS
	label string
	mu    sync.Mutex
	read  map[string]*hashingFile
}

func newHashingFS(fsys fs.FS, label string) *hashingFS {
	return &hashingFS{fsys: fsys, label: label, read: map[string]*hashingFile{}}
}

// release closes every file still held.
func (h *hashingFS) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for name, f := range h.read {
		f.File.Close()
		delete(h.read, name)
	}
}

func (h *hashingFS) Open(name string) (fs.File, error) {
	f, err := h.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	return &hashingFile{File: f, hr: hashingReader{r: f, h: sha256.New()}, name: name, owner: h}, nil
}

// inputs returns the checksums of the dataset files read, plus those of
// dataset files present but read by other calls (adjacency.csv), in name
// order, and releases the files.
func (h *hashingFS) inputs() ([]Input, error) {
	defer h.release()
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []Input
	for _, f := range datasetFiles {
		if hf, ok := h.read[f]; ok {
			in, err := hf.hr.finish(filepath.Join(h.label, f))
			if err != nil {
				return nil, err
			}
			out = append(out, in)
			continue
		}
		fh, err := h.fsys.Open(f)
		if err != nil {
			continue
		}
		in, err := checksum(fh, filepath.Join(h.label, f))
		fh.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// datasetFiles are the files of a dataset folder, in the order checksums
// are looked for.
var datasetFiles = []string{MetadataFile, OrganisationsFile, PartnershipsFile, ArrangementsFile, MembersFile, AdjacencyFile}

type hashingFile struct {
	fs.File
	hr     hashingReader
	name   string
	owner  *hashingFS
	closed bool
}

func (f *hashingFile) Read(p []byte) (int, error) { return f.hr.Read(p) }

// Close hands the file to its hashingFS, which drains and closes it.
func (f *hashingFile) Close() error {
	if f.closed {
		return nil
	}
	f.closed = true
	f.owner.mu.Lock()
	defer f.owner.mu.Unlock()
	name := path.Clean(f.name)
	if prev, ok := f.owner.read[name]; ok {
		prev.File.Close()
	}
	f.owner.read[name] = f
	return nil
}

// hashingReader hashes what is read through it.
type hashingReader struct {
	r io.Reader
	h hash.Hash
	n int64
}

func (r *hashingReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.h.Write(p[:n])
	r.n += int64(n)
	return n, err
}

// finish drains what the reader left unread into the hash and returns the
// file's checksum.
func (r *hashingReader) finish(name string) (Input, error) {
	if _, err := io.Copy(io.Discard, r); err != nil {
		return Input{}, fmt.Errorf("checksum %s: %w", name, err)
	}
	return Input{Name: name, SHA256: hex.EncodeToString(r.h.Sum(nil)), Bytes: r.n}, nil
}

// statReader is a hashingReader over an open file that still answers
// Stat, so readers that size their buffers from the file keep doing so.
type statReader struct {
	*hashingReader
	f *os.File
}

func (s statReader) Stat() (fs.FileInfo, error) { return s.f.Stat() }

// Checksums returns the SHA-256 of every file Load(spec) would read, without
// parsing them: for a folder its dataset files, for an embedded dataset its
// files, for a single file the file. Names are as Load gives them. A
// generated dataset has none. Batch uses it to tell whether a finished run
// is still up to date.
func Checksums(spec string) ([]Input, error) {
	if spec == "" {
		spec = "embedded:" + DefaultDataset
	}
	if name, ok := strings.CutPrefix(spec, "embedded:"); ok {
		fsys, found := Embedded(name)
		if !found {
			return nil, fmt.Errorf("no embedded dataset %q (have %s)", name, strings.Join(EmbeddedNames(), ", "))
		}
		return newHashingFS(fsys, spec).inputs()
	}
	info, err := os.Stat(spec)
	if err != nil {
		return nil, fmt.Errorf("dataset %s: %w", spec, err)
	}
	if info.IsDir() {
		fsys, release, err := dirFS(spec)
		if err != nil {
			return nil, err
		}
		defer release()
		return newHashingFS(fsys, spec).inputs()
	}
	in, err := checksumFile(spec)
	if err != nil {
		return nil, fmt.Errorf("dataset %s: %w", spec, err)
	}
	return []Input{in}, nil
}
