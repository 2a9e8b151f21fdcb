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

	"github.com/partnet/partnet/graph"
)

// ReadAdjacency reads a table of organisation pairs that share a border:
// a header naming two columns (a,b; or lad21cd_a,lad21cd_b as the ONS
// neighbours file has; the first two columns are used), then one pair per
// row. Extra columns are ignored; blank rows and rows pairing an id with
// itself are skipped. A byte order mark and semicolon separators are
// accepted. Errors are ParseErrors that say the line.
func ReadAdjacency(r io.Reader, name string) ([][2]string, error) {
	adj, err := readAdjacency(r, name)
	if err != nil {
		return nil, err
	}
	return adj.Pairs, nil
}

// Adjacency is a border table as read: its pairs and the line of each.
type Adjacency struct {
	File  string
	Pairs [][2]string
	Lines []int
}

func readAdjacency(r io.Reader, name string) (*Adjacency, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxAdjacencyBytes+1))
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	if len(data) > MaxAdjacencyBytes {
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: more than %s of neighbour pairs", ErrTooLarge, ByteSize(MaxAdjacencyBytes))}
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
	adj := &Adjacency{File: name}
	for line := 2; ; line++ {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return adj, nil
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
		a, b := nfc(strings.TrimSpace(row[0])), nfc(strings.TrimSpace(row[1]))
		if a != b {
			adj.Pairs = append(adj.Pairs, [2]string{a, b})
			adj.Lines = append(adj.Lines, line)
		}
	}
}

// gssCode reports whether id has the form of an ONS GSS code (a letter and
// eight digits, E07000200).
func gssCode(id string) bool {
	if len(id) != 9 || id[0] < 'A' || id[0] > 'Z' {
		return false
	}
	for i := 1; i < 9; i++ {
		if id[i] < '0' || id[i] > '9' {
			return false
		}
	}
	return true
}

// CheckAdjacency checks a border table against the network it is used
// with. An id that is not an organisation's is an error at its line, with
// a suggestion when an organisation has it as its name (Babergh ->
// E07000200), unless it has the form of a GSS code: a national table
// names areas outside the dataset (Wales, Scotland), and those pairs are
// skipped with one warning. Councils (sector council) named in no pair are
// a warning with their count and the first few: under --require-adjacent
// they can never be grouped. It returns the pairs between organisations of
// the network.
func CheckAdjacency(adj *Adjacency, net *graph.Network) ([][2]string, []*ParseError, error) {
	probs := &Problems{}
	byName := map[string][]string{}
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		if o.Name != "" {
			k := strings.ToLower(o.Name)
			byName[k] = append(byName[k], o.ID)
		}
	}
	out := [][2]string{} // not nil: the table exists
	outside, firstOutside := 0, ""
	named := make([]bool, net.NumOrganisations())
	for k, p := range adj.Pairs {
		ok := true
		for col, id := range p {
			i, found := net.Index(id)
			if found {
				named[i] = true
				continue
			}
			ok = false
			if gssCode(id) {
				if outside++; firstOutside == "" {
					firstOutside = id
				}
				continue
			}
			msg := fmt.Sprintf("%s is not an organisation of the dataset", quoteID(id))
			if ids := byName[strings.ToLower(id)]; len(ids) > 0 {
				msg += fmt.Sprintf(": did you mean %s (%s)? A border table names organisations by id", ids[0], id)
			} else if near := nearestID(net, id); near != "" {
				msg += fmt.Sprintf(": did you mean %s?", near)
			}
			probs.add(&probs.Errors, &ParseError{File: adj.File, Line: adj.Lines[k], Column: col + 1, Err: wrapMsg(graph.ErrUnknownOrganisation, msg)})
		}
		if ok {
			out = append(out, p)
		}
	}
	if err := probs.Err(); err != nil {
		return nil, nil, err
	}
	if outside > 0 {
		probs.warnf(adj.File, 0, "", fmt.Errorf("%d GSS code(s) are not organisations of the dataset (areas outside it, e.g. %s): their pairs are skipped", outside, firstOutside))
	}
	var missing []string
	count := 0
	for i, n := range named {
		if o := net.Organisation(i); !n && o.Sector == graph.SectorCouncil {
			if count++; len(missing) < 5 {
				missing = append(missing, o.ID)
			}
		}
	}
	if count > 0 {
		more := ""
		if count > len(missing) {
			more = ", ..."
		}
		probs.warnf(adj.File, 0, "", fmt.Errorf("%d council(s) have no border row, so no neighbours (they can never be grouped under --require-adjacent): %s%s", count, strings.Join(missing, ", "), more))
	}
	return out, probs.Warnings, nil
}

// nearestID returns an organisation id within edit distance 1 of id (a
// typo), or "".
func nearestID(net *graph.Network, id string) string {
	if len(id) < 4 {
		return ""
	}
	for i := 0; i < net.NumOrganisations(); i++ {
		if o := net.Organisation(i).ID; len(o) >= len(id)-1 && len(o) <= len(id)+1 && editDistance(strings.ToLower(o), strings.ToLower(id)) <= 1 {
			return o
		}
	}
	return ""
}

// LoadAdjacencyFor is LoadAdjacency followed by CheckAdjacency against
// net: the pairs between its organisations, warnings, and an error joining
// every unknown id.
func LoadAdjacencyFor(path string, net *graph.Network) ([][2]string, []*ParseError, error) {
	adj, err := loadAdjacency(path)
	if err != nil || adj == nil {
		return nil, nil, err
	}
	return CheckAdjacency(adj, net)
}

// LoadAdjacency reads path, which is an adjacency CSV file or a dataset
// folder holding adjacency.csv. A folder without one gives nil and no
// error; so does an embedded dataset spec ("embedded:NAME") without one.
func LoadAdjacency(path string) ([][2]string, error) {
	adj, err := loadAdjacency(path)
	if err != nil || adj == nil {
		return nil, err
	}
	return adj.Pairs, nil
}

func loadAdjacency(path string) (*Adjacency, error) {
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
		return readAdjacency(f, AdjacencyFile)
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
	return readAdjacency(f, filepath.Base(path))
}

// DatasetAdjacency finds the border table that comes with a dataset: the
// adjacency.csv of an embedded dataset ("embedded:NAME") or of a dataset
// folder, checked against net (LoadAdjacencyFor). It returns the pairs,
// where they came from ("adjacency.csv in NAME") and the check's
// warnings; nil and "" when the dataset is a single file or has no such
// table. Every command and batch find a dataset's borders here.
func DatasetAdjacency(spec string, net *graph.Network) ([][2]string, string, []*ParseError, error) {
	if !strings.HasPrefix(spec, "embedded:") {
		if info, err := os.Stat(spec); err != nil || !info.IsDir() {
			return nil, "", nil, nil
		}
	}
	adj, warnings, err := LoadAdjacencyFor(spec, net)
	if err != nil || adj == nil {
		return nil, "", warnings, err
	}
	return adj, AdjacencyFile + " in " + spec, warnings, nil
}
