package datasets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/partnet/partnet/graph"
)

// Dataset is a loaded network with what is needed to reproduce it.
type Dataset struct {
	// Name is the dataset as the user named it ("embedded:england", a
	// folder, a file).
	Name    string
	Network *graph.Network
	// Inputs are the files read, in name order, with their SHA-256.
	Inputs []Input
	// Warnings found while reading (errors make Load fail instead).
	Warnings []*ParseError
}

// Input is one file read, for a report's reproducibility footer.
type Input struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// Load reads a dataset named by spec: "" or "embedded:NAME" for an embedded
// dataset, a folder, or a file whose format its extension names (see
// FormatOf). On bad input the error joins every problem found (each a
// *ParseError).
func Load(spec string) (*Dataset, error) {
	if spec == "" {
		spec = "embedded:" + DefaultDataset
	}
	if name, ok := strings.CutPrefix(spec, "embedded:"); ok {
		fsys, found := Embedded(name)
		if !found {
			return nil, fmt.Errorf("no embedded dataset %q (have %s)", name, strings.Join(EmbeddedNames(), ", "))
		}
		return loadFS(spec, fsys, spec)
	}
	info, err := os.Stat(spec)
	if err != nil {
		return nil, fmt.Errorf("dataset %s: %w", spec, err)
	}
	if err := checkInputSize(spec); err != nil {
		return nil, err
	}
	if info.IsDir() {
		fsys, release, err := dirFS(spec)
		if err != nil {
			return nil, err
		}
		defer release()
		return loadFS(spec, fsys, spec)
	}
	format, err := FormatOf(spec)
	if err != nil {
		return nil, err
	}
	if err := checkFileContent(spec, format); err != nil {
		return nil, err
	}
	return loadFile(spec, format)
}

func loadFS(spec string, fsys fs.FS, label string) (*Dataset, error) {
	hfs := newHashingFS(fsys, label)
	defer hfs.release()
	net, probs, err := ReadFS(hfs, ".", label)
	if err != nil {
		return nil, err
	}
	inputs, err := hfs.inputs()
	if err != nil {
		return nil, err
	}
	return &Dataset{Name: spec, Network: net, Inputs: inputs, Warnings: probs.Warnings}, nil
}

func checksum(r io.Reader, name string) (Input, error) {
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		return Input{}, fmt.Errorf("checksum %s: %w", name, err)
	}
	return Input{Name: name, SHA256: hex.EncodeToString(h.Sum(nil)), Bytes: n}, nil
}

func checksumFile(path string) (Input, error) {
	f, err := os.Open(path)
	if err != nil {
		return Input{}, err
	}
	defer f.Close()
	return checksum(f, path)
}

// Check reads a dataset like Load but returns every problem, errors and
// warnings, sorted by file and line, instead of failing on the first
// error. The error is for a dataset that cannot be read at all (a missing
// path, an unknown format).
func Check(spec string) (*Problems, error) {
	if spec == "" {
		spec = "embedded:" + DefaultDataset
	}
	var probs *Problems
	if name, ok := strings.CutPrefix(spec, "embedded:"); ok {
		fsys, found := Embedded(name)
		if !found {
			return nil, fmt.Errorf("no embedded dataset %q (have %s)", name, strings.Join(EmbeddedNames(), ", "))
		}
		_, probs, _ = ReadFS(fsys, ".", spec)
	} else {
		info, err := os.Stat(spec)
		if err != nil {
			return nil, fmt.Errorf("dataset %s: %w", spec, err)
		}
		if err := checkInputSize(spec); err != nil {
			probs = &Problems{}
			probs.add(&probs.Errors, asParseError(err, spec))
		} else if info.IsDir() {
			fsys, release, err := dirFS(spec)
			if err != nil {
				return nil, err
			}
			_, probs, _ = ReadFS(fsys, ".", spec)
			release()
		} else {
			format, err := FormatOf(spec)
			if err != nil {
				return nil, err
			}
			if err := checkFileContent(spec, format); err != nil {
				probs = &Problems{}
				probs.add(&probs.Errors, asParseError(err, spec))
			} else if probs, err = checkFile(spec, format); err != nil {
				return nil, err
			}
		}
	}
	probs.Sort()
	return probs, nil
}

// checkFile validates a single-file dataset, turning a load failure into
// problems.
func checkFile(path string, format Format) (*Problems, error) {
	ds, err := loadFile(path, format)
	probs := &Problems{}
	if err != nil {
		var list []*ParseError
		collectParseErrors(err, &list)
		if len(list) == 0 {
			return nil, err
		}
		probs.Errors = list
		return probs, nil
	}
	probs.Warnings = ds.Warnings
	return probs, nil
}

// collectParseErrors flattens errors.Join trees into their ParseErrors.
func collectParseErrors(err error, out *[]*ParseError) {
	if pe, ok := err.(*ParseError); ok {
		*out = append(*out, pe)
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			collectParseErrors(e, out)
		}
	}
}
