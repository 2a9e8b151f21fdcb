package datasets

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadGEXFFromGephi(t *testing.T) {
	ds, err := Load("testdata/gexf/gephi.gexf")
	if err != nil {
		t.Fatal(err)
	}
	n := ds.Network
	if n.NumOrganisations() != 2 || n.NumPartnerships() != 2 {
		t.Fatalf("%d organisations, %d partnerships; want 2, 2", n.NumOrganisations(), n.NumPartnerships())
	}
	b := n.OrganisationByID("E07000200")
	if b.Name != "Babergh" || b.Sector != "council" || b.Attrs["degree"] != "1" {
		t.Errorf("E07000200 = %+v", b)
	}
	if m := n.OrganisationByID("E07000203"); m.Name != "Mid Suffolk & more" {
		t.Errorf("name = %q", m.Name)
	}
	p0, p1 := n.Partnership(0), n.Partnership(1)
	if p0.Weight != 3 || p0.Kind != "shared_management" || p0.Name != "Shared management" {
		t.Errorf("edge 0 = %+v", p0)
	}
	if p1.Kind != "joint_plan" || p1.Weight != 1 {
		t.Errorf("edge 1 = %+v (want the default kind and weight 1)", p1)
	}
	if n.Meta.Title != "Shared services" || n.Meta.Description != "A Gephi export" {
		t.Errorf("meta = %+v", n.Meta)
	}
}

func TestReadGEXFErrors(t *testing.T) {
	head := "<gexf>\n<graph>\n<nodes>\n"
	cases := []struct {
		name, in string
		want     error
		text     string
	}{
		{"doctype", `<!DOCTYPE gexf [<!ENTITY x SYSTEM "file:///etc/passwd">]><gexf>&x;</gexf>`, ErrMalformed, "DTDs and entities are refused"},
		{"hierarchy", head + "<node id=\"a\"><nodes><node id=\"b\"/></nodes></node>", ErrMalformed, "x.gexf:4: malformed file: nodes inside a node"},
		{"bad date", head + "<node id=\"a\" start=\"2014/01/01\"/>\n</nodes></graph></gexf>", ErrBadDate, `x.gexf:4: column "start": "2014/01/01" is not a date`},
		{"bad weight", head + "<node id=\"a\"/><node id=\"b\"/></nodes><edges>\n<edge source=\"a\" target=\"b\" weight=\"-2\"/></edges></graph></gexf>", ErrBadValue, `x.gexf:5: column "weight": -2: a weight must be greater than 0`},
		{"not gexf", `<gexf/>`, ErrMalformed, "no <graph> element"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ReadGEXF(strings.NewReader(c.in), "x.gexf")
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.text) {
				t.Errorf("err = %q, want it to contain %q", err, c.text)
			}
		})
	}
}

// TestNetworkxReadsGraphMLAndGEXF checks with an independent reader
// (networkx, /usr/bin/python3) that the files partnet writes are valid
// GraphML and GEXF holding every node, edge and escaped label. Skipped when
// networkx is not installed.
func TestNetworkxReadsGraphMLAndGEXF(t *testing.T) {
	if err := exec.Command("/usr/bin/python3", "-c", "import networkx").Run(); err != nil {
		t.Skip("networkx not installed (apt-get install python3-networkx)")
	}
	ds, err := Load("testdata/hostile")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range []Format{FormatGraphML, FormatGEXF} {
		path := filepath.Join(dir, "h."+string(f))
		if err := Write(ds.Network, path, f); err != nil {
			t.Fatal(err)
		}
		script := `import sys, networkx as nx
g = (nx.read_graphml if sys.argv[1].endswith("graphml") else nx.read_gexf)(sys.argv[1])
print(g.number_of_nodes(), g.number_of_edges(), repr(g.nodes["C1"]["label"]), repr(g.nodes["C1"]["notes"]), g.nodes["C3"]["population"])`
		out, err := exec.Command("/usr/bin/python3", "-c", script, path).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: networkx: %v\n%s", f, err, out)
		}
		// 5 organisations + 2 arrangements; 5 partnerships + 5 memberships.
		want := `7 10 'Council "One" <script>alert(1)</script>' 'line one\nline two' 250000`
		if got := strings.TrimSpace(string(out)); got != want {
			t.Errorf("%s: networkx read %s, want %s", f, got, want)
		}
	}
}
