package datasets

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ReadAdjacency reads a table of organisation pairs that share a border:
// a header naming two columns (a,b; or lad21cd_a,lad21cd_b as the ONS
// neighbours file has; the first two columns are used), then one pair per
// row. Extra columns are ignored; blank rows and rows pairing an id with
// itself are skipped. A byte order mark and semicolon separators are
// accepted. Errors are ParseErrors that say the line.
func ReadAdjacency(r io.Reader, name string) ([][2]string, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxAdjacencyBytes+1))
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	if len(data) > MaxAdjacencyBytes {
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: more than %s of neighbour pairs", ErrTooLarge, humanBytes(MaxAdjacencyBytes))}
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	cr := csv.NewReader(strings.NewReader(text))
	if first, _, _ := strings.Cut(text, "\n"); strings.Count(first, ";") > strings.Count(first, ",") {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, &ParseError{File: name, Line: 1, Err: fmt.Errorf("no header: %w", err)}
	}
	if len(header) < 2 {
		return nil, &ParseError{File: name, Line: 1, Err: fmt.Errorf("want two columns (a,b), found %d: %w", len(header), ErrMissingColumn)}
	}
	var out [][2]string
	for line := 2; ; line++ {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, &ParseError{File: name, Line: line, Err: err}
		}
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue
		}
		if len(row) < 2 || strings.TrimSpace(row[0]) == "" || strings.TrimSpace(row[1]) == "" {
			return nil, &ParseError{File: name, Line: line, Err: errors.New("want two organisation ids")}
		}
		a, b := strings.TrimSpace(row[0]), strings.TrimSpace(row[1])
		if a != b {
			out = append(out, [2]string{a, b})
		}
	}
}

// LoadAdjacency reads path, which is an adjacency CSV file or a dataset
// folder holding adjacency.csv. A folder without one gives nil and no
// error; so does an embedded dataset spec ("embedded:NAME") without one.
func LoadAdjacency(path string) ([][2]string, error) {
	if name, ok := strings.CutPrefix(path, "embedded:"); ok {
		fsys, found := Embedded(name)
		if !found {
			return nil, nil
		}
		f, err := fsys.Open(AdjacencyFile)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return ReadAdjacency(f, AdjacencyFile)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("adjacency %s: %w", path, err)
	}
	if info.IsDir() {
		path = filepath.Join(path, AdjacencyFile)
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("adjacency: %w", err)
	}
	defer f.Close()
	return ReadAdjacency(f, filepath.Base(path))
}

// DatasetAdjacency finds the border table that comes with a dataset: the
// adjacency.csv of an embedded dataset ("embedded:NAME") or of a dataset
// folder. It returns the pairs and where they came from ("adjacency.csv
// in NAME"); nil and "" when the dataset is a single file or has no such
// table. Every command and batch find a dataset's borders here.
func DatasetAdjacency(spec string) ([][2]string, string, error) {
	if !strings.HasPrefix(spec, "embedded:") {
		if info, err := os.Stat(spec); err != nil || !info.IsDir() {
			return nil, "", nil
		}
	}
	adj, err := LoadAdjacency(spec)
	if err != nil || adj == nil {
		return nil, "", err
	}
	return adj, AdjacencyFile + " in " + spec, nil
}
