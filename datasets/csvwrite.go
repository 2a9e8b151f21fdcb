package datasets

import (
	"context"
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"time"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/atomicfile"
	"gopkg.in/yaml.v3"
)

// WriteDir writes net as a dataset folder (created if needed): organisations
// .csv, partnerships.csv when there are partnerships, arrangements.csv and
// members.csv when there are arrangements, and dataset.yaml when the
// metadata is not empty. Attribute columns follow the known ones in name
// order. Each file is written atomically.
func WriteDir(net *graph.Network, dir string) error {
	return WriteDirContext(context.Background(), net, dir)
}

// WriteDirContext is WriteDir that stops, leaving the folder as it was,
// when ctx is done. The folder is written whole into a temporary sibling
// and swapped in (see atomicfile.ReplaceDir): afterwards it holds exactly
// the new dataset's files (no arrangements.csv of an older dataset left
// beside them), and after a failure, an interrupt or a kill it is exactly
// the old folder. An existing folder holding anything but dataset files
// is refused (ErrNotDatasetFolder), so nothing else in it is lost.
func WriteDirContext(ctx context.Context, net *graph.Network, dir string) error {
	files := []struct {
		name  string
		write func(io.Writer) error
		skip  bool
	}{
		{MetadataFile, func(w io.Writer) error { return yaml.NewEncoder(w).Encode(net.Meta) }, net.Meta == (graph.Metadata{})},
		{OrganisationsFile, func(w io.Writer) error { return WriteOrganisationsCSV(w, net) }, false},
		// A dataset with no ties at all still gets a (header-only)
		// partnerships.csv, so that it reads back.
		{PartnershipsFile, func(w io.Writer) error { return WritePartnershipsCSV(w, net) }, net.NumPartnerships() == 0 && net.NumArrangements() > 0},
		{ArrangementsFile, func(w io.Writer) error { return writeArrangementsCSV(w, net) }, net.NumArrangements() == 0},
		{MembersFile, func(w io.Writer) error { return writeMembersCSV(w, net) }, net.NumArrangements() == 0},
	}
	var set []atomicfile.File
	for _, f := range files {
		if !f.skip {
			set = append(set, atomicfile.File{Path: f.name, Write: f.write})
		}
	}
	return ReplaceDir(ctx, dir, set)
}

// ErrNotDatasetFolder is returned (wrapped) when a dataset would be
// written over a folder that holds other files, or over a file.
var ErrNotDatasetFolder = atomicfile.ErrNotReplaceable

// ReplaceDir writes files (paths relative to dir, each one of a dataset
// folder's file names) as the dataset folder dir in one step, as
// WriteDirContext does: written whole into a temporary sibling and swapped
// in, leaving dir as it was when ctx is done or a write fails, and refusing
// (ErrNotDatasetFolder) a folder that holds anything but dataset files.
// Writers that stream a dataset without building a Network (the synthetic
// generator) use it. With no files, dir becomes an empty folder.
func ReplaceDir(ctx context.Context, dir string, files []atomicfile.File) error {
	return atomicfile.ReplaceDir(ctx, dir, files, func(name string) bool {
		// Files the desktop leaves in any folder it shows go with it.
		return IsDatasetFile(name) || name == ".DS_Store" || name == "Thumbs.db" || name == "desktop.ini"
	})
}

// IsDatasetFile reports whether name is one of the files partnet reads in
// a dataset folder (dataset.yaml, organisations.csv, partnerships.csv,
// arrangements.csv, members.csv, adjacency.csv).
func IsDatasetFile(name string) bool {
	for _, f := range datasetFiles {
		if name == f {
			return true
		}
	}
	return false
}

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// FormatFloat writes a number the shortest way that reads back exactly.
func FormatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func attrKeys(n int, get func(i int) map[string]string) []string {
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		for k := range get(i) {
			seen[k] = true
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// WriteOrganisationsCSV writes the organisations table in partnet's schema.
func WriteOrganisationsCSV(w io.Writer, net *graph.Network) error {
	extra := attrKeys(net.NumOrganisations(), func(i int) map[string]string { return net.Organisation(i).Attrs })
	cw := csv.NewWriter(w)
	header := append([]string{"id", "name", "sector", "type", "region", "parent", "population", "lat", "lon", "start", "end", "successor"}, extra...)
	cw.Write(header)
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		pop, lat, lon := "", "", ""
		if o.Population != 0 {
			pop = strconv.FormatInt(o.Population, 10)
		}
		if o.HasLocation {
			lat, lon = FormatFloat(o.Lat), FormatFloat(o.Lon)
		}
		succ := ""
		for k, s := range o.Successors {
			if k > 0 {
				succ += ";"
			}
			succ += s
		}
		row := []string{o.ID, o.Name, o.Sector, o.Type, o.Region, o.Parent, pop, lat, lon, fmtDate(o.Start), fmtDate(o.End), succ}
		for _, k := range extra {
			row = append(row, o.Attrs[k])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WritePartnershipsCSV writes the recorded partnerships in partnet's schema.
func WritePartnershipsCSV(w io.Writer, net *graph.Network) error {
	parts := make([]graph.Partnership, net.NumPartnerships())
	for i := range parts {
		parts[i] = net.Partnership(i)
	}
	extra := attrKeys(len(parts), func(i int) map[string]string { return parts[i].Attrs })
	cw := csv.NewWriter(w)
	cw.Write(append([]string{"source", "target", "kind", "weight", "service_area", "programme", "start", "end", "value_gbp", "id", "name"}, extra...))
	for _, p := range parts {
		val := ""
		if p.HasValue {
			val = FormatFloat(p.ValueGBP)
		}
		row := []string{p.Source, p.Target, p.Kind, FormatFloat(p.Weight), p.ServiceArea, p.Programme, fmtDate(p.Start), fmtDate(p.End), val, p.ID, p.Name}
		for _, k := range extra {
			row = append(row, p.Attrs[k])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeArrangementsCSV(w io.Writer, net *graph.Network) error {
	extra := attrKeys(net.NumArrangements(), func(i int) map[string]string { return net.Arrangement(i).Attrs })
	cw := csv.NewWriter(w)
	cw.Write(append([]string{"id", "name", "kind", "service_area", "programme", "start", "end", "value_gbp"}, extra...))
	for i := 0; i < net.NumArrangements(); i++ {
		a := net.Arrangement(i)
		val := ""
		if a.HasValue {
			val = FormatFloat(a.ValueGBP)
		}
		row := []string{a.ID, a.Name, a.Kind, a.ServiceArea, a.Programme, fmtDate(a.Start), fmtDate(a.End), val}
		for _, k := range extra {
			row = append(row, a.Attrs[k])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeMembersCSV(w io.Writer, net *graph.Network) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"arrangement_id", "organisation_id", "role"})
	for _, m := range net.Memberships() {
		if err := cw.Write([]string{m.ArrangementID, m.OrganisationID, m.Role}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
