package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/partnet/partnet/datasets"
)

// A command never writes over what it reads: an output path that is one of
// its input files, or a file or folder whose writing would change what the
// input folder gives on the next read, is a usage error (exit 2), checked
// before anything is read or written.

// inputs are the files and folders a command reads.
type inputs struct {
	files []string
	dirs  []string
}

// addDataset adds what a dataset argument reads: nothing for an embedded
// dataset, a folder and the dataset files in it, or a file.
func (in *inputs) addDataset(spec string) {
	if spec == "" || strings.HasPrefix(spec, "embedded:") {
		return
	}
	fi, err := os.Stat(spec)
	if err != nil {
		return // the load reports it
	}
	if !fi.IsDir() {
		in.files = append(in.files, spec)
		return
	}
	in.dirs = append(in.dirs, spec)
	entries, _ := os.ReadDir(spec)
	for _, e := range entries {
		if datasets.IsDatasetFile(e.Name()) {
			in.files = append(in.files, filepath.Join(spec, e.Name()))
		}
	}
}

// output is one path a command writes.
type output struct {
	// flag names the output in messages ("-o", "--tables", "OUT").
	flag string
	path string
	// dir marks a folder partnet writes into.
	dir bool
	// writes, for a folder, says which names partnet writes in it; nil
	// means the folder is replaced whole (convert, generate, export).
	writes func(name string) bool
}

// checkOutputs refuses any output that would overwrite an input or change
// what an input folder gives.
func checkOutputs(in inputs, outs ...output) error {
	for _, o := range outs {
		if o.path == "" {
			continue
		}
		if !o.dir {
			// A file's folder is not created (a folder output's is): say
			// so before the work, not after it with the temporary
			// file's name.
			parent := filepath.Dir(o.path)
			if st, err := os.Stat(parent); err != nil || !st.IsDir() {
				return usagef(fmt.Errorf("%s %s: the folder %s does not exist; create it or choose another output", o.flag, o.path, parent))
			}
		}
		out := resolvePath(o.path)
		for _, f := range in.files {
			file := resolvePath(f)
			switch {
			case !o.dir && (out == file || sameFile(o.path, f)):
				return usagef(fmt.Errorf("%s %s is an input file: partnet does not write over what it reads; choose another output", o.flag, o.path))
			case o.dir && o.writes == nil && (out == file || within(file, out)):
				return usagef(fmt.Errorf("%s %s holds the input %s, and partnet replaces the whole folder; choose another output folder", o.flag, o.path, f))
			case o.dir && o.writes != nil && filepath.Dir(file) == out && o.writes(filepath.Base(file)):
				return usagef(fmt.Errorf("%s %s: partnet would write over the input %s; choose another output folder", o.flag, o.path, f))
			}
		}
		for _, d := range in.dirs {
			dir := resolvePath(d)
			switch {
			case !o.dir && out == dir:
				return usagef(fmt.Errorf("%s %s is the input folder; choose another output", o.flag, o.path))
			case !o.dir && filepath.Dir(out) == dir && datasets.IsDatasetFile(filepath.Base(out)):
				return usagef(fmt.Errorf("%s %s is a dataset file of the input folder %s: writing it would change what is read; choose another output", o.flag, o.path, d))
			case o.dir && o.writes == nil && (out == dir || within(dir, out)):
				return usagef(fmt.Errorf("%s %s holds the input folder %s, and partnet replaces the whole folder; choose another output folder", o.flag, o.path, d))
			}
		}
	}
	return nil
}

// resolvePath is p made absolute with the links of its longest existing
// part resolved, so two names of one file compare equal.
func resolvePath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for cur := abs; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// sameFile reports whether a and b exist and are one file (hard links
// included).
func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// within reports whether path lies inside dir (not equal to it).
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
