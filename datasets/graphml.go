package datasets

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/partnet/partnet/graph"
)

// ReadGraphML reads a GraphML file, as Gephi, yEd, networkx and igraph
// write them and as WriteGraphML does. Nodes are organisations (their id
// the organisation id) and edges partnerships; each key (declared
// attribute) fills the column whose name or alias its attr.name matches
// (label is the name, weight the weight, ...) and any other becomes an
// attribute. A node whose partnet_element is "arrangement" is an
// arrangement and an edge to it a membership (see WriteGraphML). Edge
// direction is ignored (a graph declared directed gets a warning). Hyperedges and nested graphs are refused; so are
// DOCTYPE declarations (no DTDs, no entity expansion) and files over
// MaxXMLBytes. Problems are ParseErrors at the XML line of the element.
func ReadGraphML(r io.Reader, file string) (*graph.Network, *Problems, error) {
	probs := &Problems{}
	x := newXMLDecoder(r, file)
	g := &xmlGraph{file: file}
	graphs, inGraph := 0, false
	var metaKeys map[string]*xmlKey
	for {
		tok, err := x.token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, probs, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "graphml":
			case "key":
				k := &xmlKey{}
				k.id, _ = attr(t, "id")
				k.domain, _ = attr(t, "for")
				if k.domain == "" {
					k.domain = "all"
				}
				name, ok := attr(t, "attr.name")
				if !ok {
					name = k.id
				}
				k.name = name
				if err := readKeyDefault(x, k); err != nil {
					return nil, probs, err
				}
				if err := g.addKey(x, k); err != nil {
					return nil, probs, err
				}
			case "graph":
				if inGraph {
					return nil, probs, x.errorf("a nested graph: partnet reads one flat graph")
				}
				if graphs++; graphs > 1 {
					return nil, probs, x.errorf("a second graph: partnet reads one graph a file")
				}
				inGraph = true
				metaKeys = g.keyByID("graph")
				if d, _ := attr(t, "edgedefault"); d == "directed" {
					probs.warnf(file, x.line(), "edgedefault", errDirected)
				}
			case "node", "edge":
				e, err := readGraphMLElem(x, t)
				if err != nil {
					return nil, probs, err
				}
				if t.Name.Local == "node" {
					g.nodes = append(g.nodes, e)
				} else {
					g.edges = append(g.edges, e)
				}
			case "data":
				key, _ := attr(t, "key")
				v, err := x.text()
				if err != nil {
					return nil, probs, err
				}
				if k := metaKeys[key]; k != nil {
					switch k.name {
					case "title":
						g.meta.Title = v
					case "description":
						g.meta.Description = v
					case "source":
						g.meta.Source = v
					case "licence", "license":
						g.meta.Licence = v
					}
				}
			case "hyperedge":
				return nil, probs, x.errorf("a hyperedge: write each member's tie as an edge, or use arrangements")
			default:
				if err := x.skip(); err != nil {
					return nil, probs, err
				}
			}
		case xml.EndElement:
			if t.Name.Local == "graph" {
				inGraph = false
			}
		}
	}
	if graphs == 0 {
		return nil, probs, &ParseError{File: file, Err: fmt.Errorf("%w: no <graph> element: not a GraphML file", ErrMalformed)}
	}
	net, err := g.recordSet(probs).build(probs)
	return net, probs, err
}

// errDirected is the warning for a graph declared directed: partnet's ties
// are undirected, so a networkx DiGraph or a directed Gephi graph is read
// with each edge as a tie, and edges both ways between two organisations
// add up; said rather than done silently.
var errDirected = errors.New(`the graph is declared directed: partnet reads each edge as an undirected tie, and edges both ways between two organisations add up to one tie`)

func readKeyDefault(x *xmlDecoder, k *xmlKey) error {
	for {
		tok, err := x.inner()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "default" {
				v, err := x.text()
				if err != nil {
					return err
				}
				k.def, k.hasDef = v, true
			} else if err := x.skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

func readGraphMLElem(x *xmlDecoder, se xml.StartElement) (xmlElem, error) {
	e := xmlElem{line: x.line(), vals: map[string]string{}}
	e.id, _ = attr(se, "id")
	if se.Name.Local == "edge" {
		e.source, _ = attr(se, "source")
		e.target, _ = attr(se, "target")
		e.id = ""
	}
	for {
		tok, err := x.inner()
		if err != nil {
			return e, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "data":
				key, _ := attr(t, "key")
				v, err := x.text()
				if err != nil {
					return e, err
				}
				e.vals[key] = v
				if len(e.vals) > MaxColumns {
					return e, tooManyValues(x, se.Name.Local)
				}
			case "graph":
				return e, x.errorf("a nested graph inside a %s: partnet reads one flat graph", se.Name.Local)
			default:
				if err := x.skip(); err != nil {
					return e, err
				}
			}
		case xml.EndElement:
			return e, nil
		}
	}
}

// xmlKeyDef is one attribute partnet declares: its id, the name tools show,
// its type, and how to get its value.
type xmlKeyDef struct {
	id, name, typ string
}

var (
	graphmlNodeKeys = []xmlKeyDef{{"n_name", "label", "string"}, {"n_sector", "sector", "string"}, {"n_type", "type", "string"},
		{"n_region", "region", "string"}, {"n_parent", "parent", "string"}, {"n_population", "population", "long"},
		{"n_lat", "lat", "double"}, {"n_lon", "lon", "double"}, {"n_start", "start", "string"}, {"n_end", "end", "string"},
		{"n_successor", "successor", "string"}, {"n_kind", "kind", "string"}, {"n_service_area", "service_area", "string"},
		{"n_programme", "programme", "string"}, {"n_value_gbp", "value_gbp", "double"}}
	graphmlEdgeKeys = []xmlKeyDef{{"e_name", "label", "string"}, {"e_kind", "kind", "string"}, {"e_weight", "weight", "double"},
		{"e_service_area", "service_area", "string"}, {"e_programme", "programme", "string"}, {"e_start", "start", "string"},
		{"e_end", "end", "string"}, {"e_value_gbp", "value_gbp", "double"}, {"e_id", "partnership_id", "string"},
		{"e_role", "role", "string"}}
)

// nodeValues returns an organisation's built-in values by key id (empty
// values are left out).
func orgValues(o *graph.Organisation) map[string]string {
	m := map[string]string{"n_name": o.Name, "n_sector": o.Sector, "n_type": o.Type, "n_region": o.Region,
		"n_parent": o.Parent, "n_start": fmtDate(o.Start), "n_end": fmtDate(o.End), "n_successor": strings.Join(o.Successors, ";")}
	if o.Population != 0 {
		m["n_population"] = strconv.FormatInt(o.Population, 10)
	}
	if o.HasLocation {
		m["n_lat"], m["n_lon"] = FormatFloat(o.Lat), FormatFloat(o.Lon)
	}
	return m
}

func arrValues(a *graph.Arrangement) map[string]string {
	m := map[string]string{"n_name": a.Name, "n_kind": a.Kind, "n_service_area": a.ServiceArea, "n_programme": a.Programme,
		"n_start": fmtDate(a.Start), "n_end": fmtDate(a.End)}
	if a.HasValue {
		m["n_value_gbp"] = FormatFloat(a.ValueGBP)
	}
	return m
}

func partValues(p *graph.Partnership) map[string]string {
	m := map[string]string{"e_name": p.Name, "e_kind": p.Kind, "e_weight": FormatFloat(p.Weight), "e_service_area": p.ServiceArea,
		"e_programme": p.Programme, "e_start": fmtDate(p.Start), "e_end": fmtDate(p.End), "e_id": p.ID}
	if p.HasValue {
		m["e_value_gbp"] = FormatFloat(p.ValueGBP)
	}
	return m
}

// extraKeys lists the attribute names of organisations and arrangements
// (nodes) or partnerships (edges), sorted, with their key ids.
func extraKeys(names []string, prefix string) ([]xmlKeyDef, map[string]string) {
	defs := make([]xmlKeyDef, len(names))
	ids := map[string]string{}
	for i, n := range names {
		defs[i] = xmlKeyDef{prefix + strconv.Itoa(i), n, "string"}
		ids[n] = defs[i].id
	}
	return defs, ids
}

// WriteGraphML writes net as GraphML that Gephi, yEd, networkx and igraph
// read: organisations are nodes with label (the name), sector, type,
// region, population, lat, lon, ... declared as typed keys; partnerships
// are undirected edges with label, kind, weight, dates and value; extra
// attributes are string keys; dates are YYYY-MM-DD strings. Arrangements
// become nodes (id "arrangement:" + their id, partnet_element
// "arrangement") joined to each member by an edge (partnet_element
// "membership", with its role): Gephi shows them as hub nodes, so filter
// on partnet_element to see organisations alone. Every value survives
// ReadGraphML. It fails, writing nothing useful, on text XML cannot hold
// (control characters).
func WriteGraphML(w io.Writer, net *graph.Network) error {
	arrIDs, err := arrangementNodeIDs(net)
	if err != nil {
		return err
	}
	x := &xmlWriter{w: bufio.NewWriter(w)}
	nodeExtra, nodeExtraID := extraKeys(nodeAttrNames(net), "nx")
	edgeExtra, edgeExtraID := extraKeys(attrKeys(net.NumPartnerships(), func(i int) map[string]string { return net.Partnership(i).Attrs }), "ex")
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	key := func(d xmlKeyDef, domain string) {
		x.raw("  <key")
		x.attrKV("id", d.id)
		x.attrKV("for", domain)
		x.attrKV("attr.name", d.name)
		x.attrKV("attr.type", d.typ)
		x.raw("/>\n")
	}
	for _, f := range []string{"title", "description", "source", "licence"} {
		key(xmlKeyDef{"g_" + f, f, "string"}, "graph")
	}
	hasArr := net.NumArrangements() > 0
	for _, list := range [][]xmlKeyDef{graphmlNodeKeys, nodeExtra} {
		for _, d := range list {
			key(d, "node")
		}
	}
	for _, list := range [][]xmlKeyDef{graphmlEdgeKeys, edgeExtra} {
		for _, d := range list {
			key(d, "edge")
		}
	}
	if hasArr {
		key(xmlKeyDef{"n_" + elementKey, elementKey, "string"}, "node")
		key(xmlKeyDef{"e_" + elementKey, elementKey, "string"}, "edge")
	}
	x.raw(`  <graph id="G" edgedefault="undirected">` + "\n")
	data := func(indent, id, v string) {
		if v == "" {
			return
		}
		x.raw(indent + `<data key="`)
		x.esc(id)
		x.raw(`">`)
		x.esc(v)
		x.raw("</data>\n")
	}
	for _, f := range []struct{ id, v string }{{"g_title", net.Meta.Title}, {"g_description", net.Meta.Description},
		{"g_source", net.Meta.Source}, {"g_licence", net.Meta.Licence}} {
		data("    ", f.id, f.v)
	}
	element := func(open string, vals map[string]string, defs []xmlKeyDef, attrs map[string]string, extraID map[string]string, elem, elemKey string) {
		x.raw(open)
		for _, d := range defs {
			data("      ", d.id, vals[d.id])
		}
		for _, k := range graph.SortedKeys(attrs) {
			data("      ", extraID[k], attrs[k])
		}
		if hasArr {
			data("      ", elemKey, elem)
		}
	}
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		x.raw("    <node")
		x.attrKV("id", o.ID)
		element(">\n", orgValues(o), graphmlNodeKeys, o.Attrs, nodeExtraID, "organisation", "n_"+elementKey)
		x.raw("    </node>\n")
	}
	for i := 0; i < net.NumArrangements(); i++ {
		a := net.Arrangement(i)
		x.raw("    <node")
		x.attrKV("id", arrIDs[i])
		element(">\n", arrValues(a), graphmlNodeKeys, a.Attrs, nodeExtraID, "arrangement", "n_"+elementKey)
		x.raw("    </node>\n")
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		p := net.Partnership(i)
		x.raw("    <edge")
		x.attrKV("source", p.Source)
		x.attrKV("target", p.Target)
		element(">\n", partValues(&p), graphmlEdgeKeys, p.Attrs, edgeExtraID, "partnership", "e_"+elementKey)
		x.raw("    </edge>\n")
	}
	for _, m := range net.Memberships() {
		x.raw("    <edge")
		x.attrKV("source", m.OrganisationID)
		x.attrKV("target", arrangementPrefix+m.ArrangementID)
		element(">\n", map[string]string{"e_role": m.Role}, graphmlEdgeKeys, nil, nil, "membership", "e_"+elementKey)
		x.raw("    </edge>\n")
	}
	x.raw("  </graph>\n</graphml>\n")
	if x.err != nil {
		return fmt.Errorf("graphml: %w", x.err)
	}
	return x.w.Flush()
}

// nodeAttrNames lists the attribute names of organisations and
// arrangements, sorted.
func nodeAttrNames(net *graph.Network) []string {
	a := attrKeys(net.NumOrganisations(), func(i int) map[string]string { return net.Organisation(i).Attrs })
	b := attrKeys(net.NumArrangements(), func(i int) map[string]string { return net.Arrangement(i).Attrs })
	seen := map[string]bool{}
	var out []string
	for _, n := range append(a, b...) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
