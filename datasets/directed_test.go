package datasets

import (
	"strings"
	"testing"
)

// TestDirectedGraphWarns: a networkx DiGraph (or a directed Gephi graph)
// was read as undirected without a word, its edges a->b (2) and b->a (3)
// silently summed into one tie of 5. Still read (partnet's ties are
// undirected), now with a warning at the <graph> line. Files as
// networkx 2.8 write_graphml / write_gexf write them for that DiGraph.
func TestDirectedGraphWarns(t *testing.T) {
	graphml := `<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="d0" for="edge" attr.name="weight" attr.type="long"/>
<graph edgedefault="directed"><node id="a"/>
<node id="b"/>
<node id="c"/>
<edge source="a" target="b"><data key="d0">2</data></edge>
<edge source="b" target="a"><data key="d0">3</data></edge>
<edge source="b" target="c"/>
</graph></graphml>`
	gexf := `<?xml version='1.0' encoding='utf-8'?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <meta><creator>NetworkX 2.8</creator></meta>
  <graph defaultedgetype="directed" mode="static" name="">
    <nodes><node id="a" label="a"/><node id="b" label="b"/><node id="c" label="c"/></nodes>
    <edges><edge source="a" target="b" id="0" weight="2"/><edge source="b" target="a" id="1" weight="3"/><edge source="b" target="c" id="2"/></edges>
  </graph>
</gexf>`
	for _, c := range []struct {
		name, text string
		read       func(string) (int, []*ParseError, error)
	}{
		{"d.graphml", graphml, func(s string) (int, []*ParseError, error) {
			net, p, err := ReadGraphML(strings.NewReader(s), "d.graphml")
			if err != nil {
				return 0, nil, err
			}
			return net.NumPartnerships(), p.Warnings, nil
		}},
		{"d.gexf", gexf, func(s string) (int, []*ParseError, error) {
			net, p, err := ReadGEXF(strings.NewReader(s), "d.gexf")
			if err != nil {
				return 0, nil, err
			}
			return net.NumPartnerships(), p.Warnings, nil
		}},
	} {
		n, warns, err := c.read(c.text)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if n != 3 {
			t.Errorf("%s: %d partnerships, want 3 (each edge read)", c.name, n)
		}
		found := false
		for _, w := range warns {
			if strings.Contains(w.Error(), "declared directed") && w.Line > 0 {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no warning that the graph is directed: %v", c.name, warns)
		}
	}
	// An undirected graph gets no such warning.
	_, p, err := ReadGraphML(strings.NewReader(strings.Replace(graphml, `"directed"`, `"undirected"`, 1)), "u.graphml")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range p.Warnings {
		if strings.Contains(w.Error(), "directed") {
			t.Errorf("undirected graph warned: %v", w)
		}
	}
}
