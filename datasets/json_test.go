package datasets

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/partnet/partnet/graph"
)

func TestReadJSON(t *testing.T) {
	ds, err := Load("testdata/json/small.json")
	if err != nil {
		t.Fatal(err)
	}
	n := ds.Network
	if n.NumOrganisations() != 3 || n.NumPartnerships() != 2 || n.NumArrangements() != 1 || len(n.Memberships()) != 2 {
		t.Fatalf("counts %d %d %d %d, want 3 2 1 2", n.NumOrganisations(), n.NumPartnerships(), n.NumArrangements(), len(n.Memberships()))
	}
	e1 := n.OrganisationByID("E1")
	if e1.Population != 1200 || !e1.HasLocation || e1.Lat != 52.5 || e1.Lon != -1.25 || e1.Successors[0] != "E2" ||
		e1.Attrs["web_address"] != "http://a.example" {
		t.Errorf("E1 = %+v", e1)
	}
	p := n.Partnership(0)
	if p.Weight != 2 || !p.HasValue || p.ValueGBP != 1500.5 || p.Kind != "shared_service" {
		t.Errorf("partnership 0 = %+v", p)
	}
	if got := n.Partnership(1).Start; !got.Equal(time.Date(2020, 1, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("start = %v", got)
	}
	if n.Meta.Title != "Small" || n.Memberships()[1].Role != "lead" {
		t.Errorf("meta %+v, memberships %+v", n.Meta, n.Memberships())
	}
}

func TestReadJSONErrors(t *testing.T) {
	org := `{"id":"a"},{"id":"b"}`
	cases := []struct {
		name, in string
		want     error
		text     string
	}{
		{"syntax", "{\n\"organisations\": [\n{\"id\": }\n]}", ErrMalformed, "x.json:3: organisations: malformed file: invalid character"},
		{"deep", "{\"organisations\":" + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "}", ErrTooLarge, "x.json:1: over a size limit: JSON nested more than 32 levels deep"},
		{"unknown key", `{"organizations": []}`, ErrMalformed, `unknown key "organizations"`},
		{"unknown field", "{\"organisations\": [\n{\"id\": \"a\", \"nmae\": \"A\"}]}", ErrMalformed, `x.json:2: organisations: malformed file: unknown field "nmae"`},
		{"wrong type", "{\"organisations\": [\n\n{\"id\": 7}]}", ErrMalformed, `x.json:3: column "id": organisations: malformed file: a JSON number where a string was expected`},
		{"duplicate id", "{\"organisations\": [\n{\"id\": \"a\"},\n{\"id\": \"a\"}]}", graph.ErrDuplicateID, `x.json:3: column "id": "a" is listed twice`},
		{"unknown organisation", "{\"organisations\": [" + org + "],\n\"partnerships\": [\n{\"source\": \"a\", \"target\": \"zz\"}]}", graph.ErrUnknownOrganisation, `x.json:3: column "target": target "zz"`},
		{"bad date", "{\"organisations\": [" + org + "],\"partnerships\": [{\"source\": \"a\", \"target\": \"b\", \"start\": \"1/2/14\"}]}", ErrBadDate, `column "start": "1/2/14" is not a date`},
		{"not an object", `[1,2]`, ErrMalformed, "expected a JSON object"},
		{"trailing data", `{"organisations": [{"id":"a"}]} {}`, ErrMalformed, "data after the top-level object"},
		{"truncated", `{"organisations": [{"id":"a"}`, ErrMalformed, "unexpected end of file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ReadJSON(strings.NewReader(c.in), "x.json")
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.text) {
				t.Errorf("err = %q, want it to contain %q", err, c.text)
			}
		})
	}
}
