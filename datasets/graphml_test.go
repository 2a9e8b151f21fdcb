package datasets

import (
	"errors"
	"strings"
	"testing"

	"github.com/partnet/partnet/graph"
)

func TestReadGraphMLFromGephi(t *testing.T) {
	ds, err := Load("testdata/graphml/gephi.graphml")
	if err != nil {
		t.Fatal(err)
	}
	n := ds.Network
	if n.NumOrganisations() != 3 || n.NumPartnerships() != 2 {
		t.Fatalf("%d organisations, %d partnerships; want 3, 2", n.NumOrganisations(), n.NumPartnerships())
	}
	h := n.OrganisationByID("E06000001")
	if h.Name != "Hartlepool" || h.Sector != "council" || h.Population != 92000 || h.Attrs["modularity_class"] != "0" || h.Attrs["r"] != "153" {
		t.Errorf("E06000001 = %+v", h)
	}
	if m := n.OrganisationByID("E06000002"); m.Name != "Middlesbrough & Co" {
		t.Errorf("name = %q", m.Name)
	}
	p0, p1 := n.Partnership(0), n.Partnership(1)
	if p0.Weight != 2.5 || p0.Kind != "shared_service" || p0.Attrs["edge_label"] != "Shared IT" {
		t.Errorf("edge 0 = %+v", p0)
	}
	// The second edge takes the key's default kind.
	if p1.Kind != "joint_plan" || p1.Weight != 1 || p1.Source != "GB-CHC-1" {
		t.Errorf("edge 1 = %+v", p1)
	}
}

func TestReadGraphMLErrors(t *testing.T) {
	head := `<?xml version="1.0"?>` + "\n<graphml>\n<graph>\n"
	cases := []struct {
		name, in string
		want     error
		text     string
	}{
		{"doctype", `<?xml version="1.0"?><!DOCTYPE graphml SYSTEM "file:///etc/passwd"><graphml/>`, ErrMalformed, "DTDs and entities are refused"},
		{"billion laughs", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><graphml><graph><node id="&lol2;"/></graph></graphml>`, ErrMalformed, "DTDs and entities are refused"},
		{"custom entity", head + `<node id="&lol;"/></graph></graphml>`, ErrMalformed, "x.graphml:4: malformed file: invalid character entity &lol;"},
		{"syntax", head + "<node id=\"a\">\n</edge>", ErrMalformed, "x.graphml:5: malformed file: element <node> closed by </edge>"},
		{"hyperedge", head + "<hyperedge/>", ErrMalformed, "x.graphml:4: malformed file: a hyperedge"},
		{"nested", head + "<node id=\"a\"><graph/></node>", ErrMalformed, "a nested graph inside a node"},
		{"no graph", `<graphml/>`, ErrMalformed, "no <graph> element"},
		{"self tie", head + "<node id=\"a\"/>\n<edge source=\"a\" target=\"a\"/></graph></graphml>", graph.ErrSelfTie, `x.graphml:5: column "source": "a": organisation tied to itself`},
		{"unknown node", head + "<node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/></graph></graphml>", graph.ErrUnknownOrganisation, `x.graphml:5: column "target": target "b"`},
		{"bad weight", head + "<key id=\"w\" for=\"edge\" attr.name=\"weight\"/><node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge></graph></graphml>", ErrBadNumber, `x.graphml:5: column "weight": "heavy" is not a number`},
		{"truncated", head + "<node id=\"a\">", ErrMalformed, "unexpected"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ReadGraphML(strings.NewReader(c.in), "x.graphml")
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.text) {
				t.Errorf("err = %q, want it to contain %q", err, c.text)
			}
		})
	}
}

func TestReadGraphMLSizeLimit(t *testing.T) {
	old := MaxXMLBytes
	MaxXMLBytes = 100
	defer func() { MaxXMLBytes = old }()
	in := `<graphml><graph>` + strings.Repeat(`<node id="a"/>`, 20) + `</graph></graphml>`
	_, _, err := ReadGraphML(strings.NewReader(in), "x.graphml")
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func TestWriteGraphMLRefusesControlCharacters(t *testing.T) {
	net := graph.NewNetwork()
	net.AddOrganisation(graph.Organisation{ID: "a", Name: "bell\a"})
	var b strings.Builder
	if err := WriteGraphML(&b, net); !errors.Is(err, ErrBadValue) {
		t.Errorf("err = %v, want ErrBadValue", err)
	}
}
