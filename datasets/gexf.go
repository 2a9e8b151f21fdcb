package datasets

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/partnet/partnet/graph"
)

// gexfNS is the namespace of the metadata GEXF's meta element has no
// place for (title, source, licence).
const gexfNS = "https://github.com/partnet/partnet/gexf"

// ReadGEXF reads a GEXF file (1.1, 1.2 or 1.3, as Gephi and networkx write
// them, and as WriteGEXF does). Node ids are organisation ids, labels their
// names; edges are partnerships with their weight and label (the name);
// start and end (on a graph with timeformat date) are the dates; declared
// attributes fill the column whose name or alias their title matches, the
// others become attributes. Nodes whose partnet_element is "arrangement"
// are arrangements and edges to them memberships (see WriteGEXF).
// Hierarchical graphs (nodes inside nodes) are refused; so are DOCTYPE
// declarations and files over MaxXMLBytes. Spells, dynamic attribute
// values and viz elements are ignored.
func ReadGEXF(r io.Reader, file string) (*graph.Network, *Problems, error) {
	probs := &Problems{}
	x := newXMLDecoder(r, file)
	g := &xmlGraph{file: file, fixedNode: []string{"id", "name", "start", "end"},
		fixedEdge: []string{"source", "target", "weight", "name", "start", "end"}}
	graphs := 0
	class := ""
	for {
		tok, err := x.token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, probs, err
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch t.Name.Local {
		case "gexf", "nodes", "edges", "meta":
		case "graph":
			if graphs++; graphs > 1 {
				return nil, probs, x.errorf("a second graph: partnet reads one graph a file")
			}
			if d, _ := attr(t, "defaultedgetype"); d == "directed" {
				probs.warnf(file, x.line(), "defaultedgetype", errDirected)
			}
		case "attributes":
			class, _ = attr(t, "class")
		case "attribute":
			k := &xmlKey{domain: class}
			k.id, _ = attr(t, "id")
			k.name, _ = attr(t, "title")
			if k.name == "" {
				k.name = k.id
			}
			if err := readKeyDefault(x, k); err != nil {
				return nil, probs, err
			}
			if err := g.addKey(x, k); err != nil {
				return nil, probs, err
			}
		case "title", "description", "source", "licence":
			v, err := x.text()
			if err != nil {
				return nil, probs, err
			}
			switch t.Name.Local {
			case "title":
				g.meta.Title = v
			case "description":
				g.meta.Description = v
			case "source":
				g.meta.Source = v
			case "licence":
				g.meta.Licence = v
			}
		case "node", "edge":
			e, err := readGEXFElem(x, t)
			if err != nil {
				return nil, probs, err
			}
			if t.Name.Local == "node" {
				g.nodes = append(g.nodes, e)
			} else {
				g.edges = append(g.edges, e)
			}
		default:
			if err := x.skip(); err != nil {
				return nil, probs, err
			}
		}
	}
	if graphs == 0 {
		return nil, probs, &ParseError{File: file, Err: fmt.Errorf("%w: no <graph> element: not a GEXF file", ErrMalformed)}
	}
	net, err := g.recordSet(probs).build(probs)
	return net, probs, err
}

func readGEXFElem(x *xmlDecoder, se xml.StartElement) (xmlElem, error) {
	e := xmlElem{line: x.line(), vals: map[string]string{}, fixed: map[string]string{}}
	get := func(name, col string) {
		if v, ok := attr(se, name); ok {
			e.fixed[col] = v
		}
	}
	get("label", "name")
	get("start", "start")
	get("end", "end")
	if se.Name.Local == "edge" {
		e.source, _ = attr(se, "source")
		e.target, _ = attr(se, "target")
		get("weight", "weight")
	} else {
		e.id, _ = attr(se, "id")
	}
	for {
		tok, err := x.inner()
		if err != nil {
			return e, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "attvalues":
			case "attvalue":
				key, ok := attr(t, "for")
				if !ok {
					key, _ = attr(t, "id") // GEXF 1.1
				}
				e.vals[key], _ = attr(t, "value")
				if len(e.vals) > MaxColumns {
					return e, tooManyValues(x, se.Name.Local)
				}
				if err := x.skip(); err != nil {
					return e, err
				}
			case "nodes", "node":
				return e, x.errorf("nodes inside a node (a hierarchical graph): partnet reads one flat graph")
			default:
				if err := x.skip(); err != nil {
					return e, err
				}
			}
		case xml.EndElement:
			if t.Name.Local == se.Name.Local {
				return e, nil
			}
		}
	}
}

// The attributes GEXF declares; name, dates and weight are XML attributes
// of node and edge.
var (
	gexfNodeKeys = []xmlKeyDef{{"n_sector", "sector", "string"}, {"n_type", "type", "string"},
		{"n_region", "region", "string"}, {"n_parent", "parent", "string"}, {"n_population", "population", "long"},
		{"n_lat", "lat", "double"}, {"n_lon", "lon", "double"}, {"n_successor", "successor", "string"},
		{"n_kind", "kind", "string"}, {"n_service_area", "service_area", "string"},
		{"n_programme", "programme", "string"}, {"n_value_gbp", "value_gbp", "double"}}
	gexfEdgeKeys = []xmlKeyDef{{"e_kind", "kind", "string"}, {"e_service_area", "service_area", "string"},
		{"e_programme", "programme", "string"}, {"e_value_gbp", "value_gbp", "double"},
		{"e_id", "partnership_id", "string"}, {"e_role", "role", "string"}}
)

// WriteGEXF writes net as GEXF 1.2 for Gephi (and networkx): nodes with id
// and label (the name), edges with weight and label, typed attributes for
// everything else, undirected. When any organisation, partnership or
// arrangement has a date the graph is dynamic with timeformat "date" and
// start/end on the elements (both ends inclusive), so Gephi's timeline
// works. Arrangements are hub nodes and memberships edges to them, marked
// by partnet_element, as in WriteGraphML. The title, source and licence go
// in meta under partnet's own namespace (GEXF 1.2's meta has only creator,
// keywords and description). It fails on text XML cannot hold.
func WriteGEXF(w io.Writer, net *graph.Network) error {
	arrIDs, err := arrangementNodeIDs(net)
	if err != nil {
		return err
	}
	x := &xmlWriter{w: bufio.NewWriter(w)}
	nodeExtra, nodeExtraID := extraKeys(nodeAttrNames(net), "nx")
	edgeExtra, edgeExtraID := extraKeys(attrKeys(net.NumPartnerships(), func(i int) map[string]string { return net.Partnership(i).Attrs }), "ex")
	hasArr := net.NumArrangements() > 0
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:partnet="` + gexfNS + `" version="1.2">` + "\n")
	x.raw("  <meta>\n    <creator>partnet</creator>\n")
	for _, f := range []struct{ tag, v string }{{"partnet:title", net.Meta.Title}, {"description", net.Meta.Description},
		{"partnet:source", net.Meta.Source}, {"partnet:licence", net.Meta.Licence}} {
		if f.v != "" {
			x.raw("    <" + f.tag + ">")
			x.esc(f.v)
			x.raw("</" + f.tag + ">\n")
		}
	}
	x.raw("  </meta>\n")
	x.raw(`  <graph defaultedgetype="undirected"`)
	if gexfDated(net) {
		x.raw(` mode="dynamic" timeformat="date"`)
	} else {
		x.raw(` mode="static"`)
	}
	x.raw(">\n")
	decl := func(class string, lists ...[]xmlKeyDef) {
		x.raw(`    <attributes class="` + class + `">` + "\n")
		for _, list := range lists {
			for _, d := range list {
				x.raw("      <attribute")
				x.attrKV("id", d.id)
				x.attrKV("title", d.name)
				x.attrKV("type", d.typ)
				x.raw("/>\n")
			}
		}
		x.raw("    </attributes>\n")
	}
	var elemKeys []xmlKeyDef
	if hasArr {
		elemKeys = []xmlKeyDef{{"element", elementKey, "string"}}
	}
	decl("node", gexfNodeKeys, nodeExtra, elemKeys)
	decl("edge", gexfEdgeKeys, edgeExtra, elemKeys)
	values := func(vals map[string]string, defs []xmlKeyDef, attrs map[string]string, extraID map[string]string, elem string) {
		x.raw(">\n        <attvalues>\n")
		put := func(id, v string) {
			if v == "" {
				return
			}
			x.raw("          <attvalue")
			x.attrKV("for", id)
			x.attrKV("value", v)
			x.raw("/>\n")
		}
		for _, d := range defs {
			put(d.id, vals[d.id])
		}
		for _, k := range graph.SortedKeys(attrs) {
			put(extraID[k], attrs[k])
		}
		if hasArr {
			put("element", elem)
		}
		x.raw("        </attvalues>\n")
	}
	opt := func(name, v string) {
		if v != "" {
			x.attrKV(name, v)
		}
	}
	x.raw("    <nodes>\n")
	node := func(id string, vals map[string]string, attrs map[string]string, elem string) {
		x.raw("      <node")
		x.attrKV("id", id)
		opt("label", vals["n_name"])
		opt("start", vals["n_start"])
		opt("end", vals["n_end"])
		values(vals, gexfNodeKeys, attrs, nodeExtraID, elem)
		x.raw("      </node>\n")
	}
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		node(o.ID, orgValues(o), o.Attrs, "organisation")
	}
	for i := 0; i < net.NumArrangements(); i++ {
		a := net.Arrangement(i)
		node(arrIDs[i], arrValues(a), a.Attrs, "arrangement")
	}
	x.raw("    </nodes>\n    <edges>\n")
	for i := 0; i < net.NumPartnerships(); i++ {
		p := net.Partnership(i)
		vals := partValues(&p)
		x.raw("      <edge")
		x.attrKV("id", strconv.Itoa(i))
		x.attrKV("source", p.Source)
		x.attrKV("target", p.Target)
		x.attrKV("weight", vals["e_weight"])
		opt("label", vals["e_name"])
		opt("start", vals["e_start"])
		opt("end", vals["e_end"])
		values(vals, gexfEdgeKeys, p.Attrs, edgeExtraID, "partnership")
		x.raw("      </edge>\n")
	}
	for i, m := range net.Memberships() {
		x.raw("      <edge")
		x.attrKV("id", "m"+strconv.Itoa(i))
		x.attrKV("source", m.OrganisationID)
		x.attrKV("target", arrangementPrefix+m.ArrangementID)
		values(map[string]string{"e_role": m.Role}, gexfEdgeKeys, nil, nil, "membership")
		x.raw("      </edge>\n")
	}
	x.raw("    </edges>\n  </graph>\n</gexf>\n")
	if x.err != nil {
		return fmt.Errorf("gexf: %w", x.err)
	}
	return x.w.Flush()
}

// gexfDated reports whether anything in net has a start or end date.
func gexfDated(net *graph.Network) bool {
	for i := 0; i < net.NumOrganisations(); i++ {
		if o := net.Organisation(i); !o.Start.IsZero() || !o.End.IsZero() {
			return true
		}
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		if p := net.Partnership(i); !p.Start.IsZero() || !p.End.IsZero() {
			return true
		}
	}
	for i := 0; i < net.NumArrangements(); i++ {
		if a := net.Arrangement(i); !a.Start.IsZero() || !a.End.IsZero() {
			return true
		}
	}
	return false
}
