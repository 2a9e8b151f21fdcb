package datasets

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/partnet/partnet/graph"
)

func TestReadExcelStyleFolder(t *testing.T) {
	// BOM, semicolons, CRLF, aliased headers (Org ID, From/To, Latitude,
	// Value), a quoted newline, doubled quotes and an extra column.
	ds, err := Load("testdata/good/excel")
	if err != nil {
		t.Fatal(err)
	}
	n := ds.Network
	if n.NumOrganisations() != 3 || n.NumPartnerships() != 3 {
		t.Fatalf("got %d organisations, %d partnerships; want 3, 3", n.NumOrganisations(), n.NumPartnerships())
	}
	c1 := n.OrganisationByID("C1")
	if c1.Name != `Council "One"` || c1.Attrs["notes"] != "first line\r\nsecond line" && c1.Attrs["notes"] != "first line\nsecond line" {
		t.Errorf("C1 = %+v", c1)
	}
	if !c1.HasLocation || c1.Lat != 52.1 || c1.Lon != -1.5 || c1.Population != 1000 {
		t.Errorf("C1 location/population = %v %v %v %v", c1.HasLocation, c1.Lat, c1.Lon, c1.Population)
	}
	p := n.Partnership(1)
	if p.Source != "C1" || p.Target != "V1" || p.Weight != 1 || p.ValueGBP != 300 || !p.HasValue ||
		!p.Start.Equal(time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("partnership 1 = %+v", p)
	}
	if n.Meta.Title != "Excel-style fixture" || n.Meta.Licence != "CC0" {
		t.Errorf("meta = %+v", n.Meta)
	}
	s := n.Snapshot(graph.Weighting{})
	// C1-C2: shared_service 2*3 + joint_plan 1*1.5 = 7.5 in one tie.
	if s.Ties() != 2 || s.Weight(0, 1) != 7.5 {
		t.Errorf("ties = %d, C1-C2 = %v; want 2, 7.5", s.Ties(), s.Weight(0, 1))
	}
	if len(ds.Inputs) != 3 || len(ds.Inputs[0].SHA256) != 64 {
		t.Errorf("inputs = %+v", ds.Inputs)
	}
}

func TestEmbeddedEngland(t *testing.T) {
	ds, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	n := ds.Network
	on := time.Date(2014, 4, 1, 0, 0, 0, 0, time.UTC)
	councils := 0
	for i := 0; i < n.NumOrganisations(); i++ {
		o := n.Organisation(i)
		if o.Sector == graph.SectorCouncil && o.Type != "combined_authority" && o.ActiveOn(on) {
			councils++
		}
	}
	england := 0
	for i := 0; i < n.NumArrangements(); i++ {
		if _, shared := n.Arrangement(i).Attrs["source"]; !shared {
			england++
		}
	}
	grants := n.Filter(graph.Filter{Kinds: []string{"grant"}}).NumPartnerships()
	// Counts from the checks run when the embedded data were built (see
	// embedded/england/SOURCES-*.md): 353 councils on 2014-04-01,
	// 186 arrangements in england plus 62 shared services, 555 grants.
	cases := []struct {
		name      string
		got, want int
	}{
		{"councils active on 2014-04-01", councils, 353},
		{"england arrangements", england, 186},
		{"all arrangements", n.NumArrangements(), 186 + 62},
		{"memberships", len(n.Memberships()), 1325 + 171},
		{"grants", grants, 555},
		{"organisations", n.NumOrganisations(), 500 + 323},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if !strings.Contains(n.Meta.Source, "Open Government Licence") {
		t.Errorf("metadata lacks the attribution: %q", n.Meta.Source)
	}
}

func TestParseErrors(t *testing.T) {
	orgs := "id,name\na,A\nb,B\n"
	cases := []struct {
		name  string
		files map[string]string
		want  error
		text  string
	}{
		{"missing column", map[string]string{"organisations.csv": "name\nA\n", "partnerships.csv": "source,target\n"},
			ErrMissingColumn, `organisations.csv:1: column "id": missing column "id": the header has "name"`},
		{"misspelt column", map[string]string{"organisations.csv": orgs, "partnerships.csv": "sourse,target\na,b\n"},
			ErrMissingColumn, `(did you mean "sourse" for "source"?)`},
		{"duplicate id", map[string]string{"organisations.csv": orgs + "a,Again\n", "partnerships.csv": "source,target\na,b\n"},
			graph.ErrDuplicateID, `organisations.csv:4: column "id": "a" is listed twice: duplicate id`},
		{"unknown organisation", map[string]string{"organisations.csv": orgs, "partnerships.csv": "source,target\na,zz\n"},
			graph.ErrUnknownOrganisation, `partnerships.csv:2: column "target": target "zz" (add it to organisations.csv): unknown organisation`},
		{"self tie", map[string]string{"organisations.csv": orgs, "partnerships.csv": "source,target\na,a\n"},
			graph.ErrSelfTie, `partnerships.csv:2: column "source": "a": organisation tied to itself`},
		{"bad number", map[string]string{"organisations.csv": orgs, "partnerships.csv": "source,target,weight\na,b,abc\n"},
			ErrBadNumber, `partnerships.csv:2: column "weight": "abc" is not a number`},
		{"currency", map[string]string{"organisations.csv": orgs, "partnerships.csv": "source,target,value_gbp\na,b,\"$1,200\"\n"},
			ErrBadNumber, `"$1,200" has a currency sign`},
		{"bad date", map[string]string{"organisations.csv": orgs, "partnerships.csv": "source,target,start\na,b,04/13/2014\n"},
			ErrBadDate, `partnerships.csv:2: column "start": "04/13/2014" is not a date: there is no month 13`},
		{"end before start", map[string]string{"organisations.csv": orgs, "partnerships.csv": "source,target,start,end\na,b,2015-01-01,2014-01-01\n"},
			ErrEndBeforeStart, `partnerships.csv:2: column "end": end 2014-01-01 is before start 2015-01-01`},
		{"empty file", map[string]string{"organisations.csv": "", "partnerships.csv": "source,target\n"},
			ErrEmptyFile, `organisations.csv: empty file: no header line`},
		{"no ties file", map[string]string{"organisations.csv": orgs},
			ErrMissingFile, `partnerships.csv: missing file`},
		{"unterminated quote", map[string]string{"organisations.csv": "id,name\na,\"A\nb,B\n", "partnerships.csv": "source,target\n"},
			ErrMalformed, `organisations.csv:`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, body := range c.files {
				fsys[name] = &fstest.MapFile{Data: []byte(body)}
			}
			_, _, err := ReadFS(fsys, ".", "")
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.text) {
				t.Errorf("err = %q, want it to contain %q", err, c.text)
			}
		})
	}
}

func TestEveryProblemInOnePass(t *testing.T) {
	fsys := fstest.MapFS{
		"organisations.csv": {Data: []byte("id,lat,lon\na,95,0\nb,1,2\na,1,1\n")},
		"partnerships.csv":  {Data: []byte("source,target,weight\na,b,-1\na,c,1\nb,b,1\n")},
	}
	_, probs, err := ReadFS(fsys, ".", "data")
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`data/organisations.csv:2: column "lat"`,
		`data/organisations.csv:4: column "id"`,
		`data/partnerships.csv:2: column "weight"`,
		`data/partnerships.csv:3: column "target"`,
		`data/partnerships.csv:4: column "source"`,
	}
	if len(probs.Errors) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(probs.Errors), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(probs.Errors[i].Error(), w) {
			t.Errorf("problem %d = %q, want prefix %q", i, probs.Errors[i], w)
		}
	}
}

func TestWriteDirRoundTrip(t *testing.T) {
	ds, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	if err := WriteDir(ds.Network, dir); err != nil {
		t.Fatal(err)
	}
	back, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if d := Diff(ds.Network, back.Network); d != "" {
		t.Errorf("round trip changed the network: %s", d)
	}
	if _, err := os.Stat(filepath.Join(dir, MetadataFile)); err != nil {
		t.Error(err)
	}
}
