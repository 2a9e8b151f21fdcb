package datasets

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/partnet/partnet/graph"
)

// MaxXMLBytes is the largest GraphML or GEXF file read.
var MaxXMLBytes int64 = 2 << 30

// Names shared by the GraphML and GEXF encodings. Arrangements are written
// as nodes whose partnet_element is "arrangement", with ids prefixed
// arrangementPrefix, and memberships as edges from the organisation to the
// arrangement whose partnet_element is "membership".
const (
	elementKey        = "partnet_element"
	arrangementPrefix = "arrangement:"
)

// xmlSafeReader counts bytes and fails past the limit, and fails as soon
// as MaxRecordBytes pass without a '<' or '>': the XML decoder holds a
// whole tag or text in memory, so one tag with millions of XML attributes,
// or one text of gigabytes, is refused after reading MaxRecordBytes.
type xmlSafeReader struct {
	r    io.Reader
	left int64
	run  int // bytes since the last '<' or '>'
}

func (l *xmlSafeReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, MaxXMLBytes)
	}
	if l.run > MaxRecordBytes {
		return 0, fmt.Errorf("%w: a tag or text longer than %s", ErrTooLarge, ByteSize(MaxRecordBytes))
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if last := max(bytes.LastIndexByte(p[:n], '<'), bytes.LastIndexByte(p[:n], '>')); last >= 0 {
		l.run = n - last - 1
	} else {
		l.run += n
	}
	return n, err
}

// xmlDecoder wraps encoding/xml: strict, no custom entities, DOCTYPE
// refused (no DTD, so no external entities and no entity expansion), a
// size limit, and errors as ParseErrors with the XML line.
type xmlDecoder struct {
	d    *xml.Decoder
	file string
}

func newXMLDecoder(r io.Reader, file string) *xmlDecoder {
	d := xml.NewDecoder(&xmlSafeReader{r: bufio.NewReaderSize(r, 64<<10), left: MaxXMLBytes})
	d.Strict = true
	d.Entity = nil
	return &xmlDecoder{d: d, file: file}
}

func (x *xmlDecoder) line() int {
	l, _ := x.d.InputPos()
	return l
}

func (x *xmlDecoder) errorf(format string, args ...any) error {
	return &ParseError{File: x.file, Line: x.line(), Err: fmt.Errorf("%w: "+format, append([]any{ErrMalformed}, args...)...)}
}

// inner returns the next token inside an element that must still be
// closed: the end of the file there is an error naming its line.
func (x *xmlDecoder) inner() (xml.Token, error) {
	tok, err := x.token()
	if errors.Is(err, io.EOF) {
		return nil, x.errorf("unexpected end of file")
	}
	return tok, err
}

// token returns the next token, refusing DOCTYPE declarations.
func (x *xmlDecoder) token() (xml.Token, error) {
	tok, err := x.d.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, err
		}
		if errors.Is(err, ErrTooLarge) {
			return nil, &ParseError{File: x.file, Line: x.line(), Err: err}
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, &ParseError{File: x.file, Line: se.Line, Err: fmt.Errorf("%w: %s", ErrMalformed, se.Msg)}
		}
		return nil, x.errorf("%v", err)
	}
	if dir, ok := tok.(xml.Directive); ok {
		if bytes.HasPrefix(bytes.TrimSpace(dir), []byte("DOCTYPE")) {
			return nil, x.errorf("a DOCTYPE declaration: DTDs and entities are refused")
		}
	}
	return tok, nil
}

// text reads an element's character data up to its end, skipping nested
// elements (graphics that other tools store inside data).
func (x *xmlDecoder) text() (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := x.inner()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if depth == 0 {
				b.Write(t)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}

// skip skips the rest of the current element.
func (x *xmlDecoder) skip() error {
	depth := 0
	for {
		tok, err := x.inner()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// xmlKey is a declared attribute (a GraphML key, a GEXF attribute).
type xmlKey struct {
	id, name, domain string // domain: "node", "edge", "graph", "all"
	def              string
	hasDef           bool
}

// xmlElem is a node or an edge as read.
type xmlElem struct {
	line           int
	id             string
	source, target string
	vals           map[string]string // by key id
	fixed          map[string]string // canonical column -> value, from XML attributes (label, weight, start, end)
}

// xmlGraph gathers what a GraphML or GEXF reader found and turns it into
// a record set for the folder reader's checks.
type xmlGraph struct {
	file      string
	meta      graph.Metadata
	keys      []*xmlKey
	nodes     []xmlElem
	edges     []xmlElem
	fixedNode []string // canonical columns the format's XML attributes fill
	fixedEdge []string
	keyCount  map[string]int // declared keys by domain
}

// addKey records a declared attribute, refusing more than MaxColumns for
// one domain (node, edge, graph or all) as soon as the next is declared, so
// that a file declaring millions is refused before it fills memory.
func (g *xmlGraph) addKey(x *xmlDecoder, k *xmlKey) error {
	if g.keyCount == nil {
		g.keyCount = map[string]int{}
	}
	if g.keyCount[k.domain]++; g.keyCount[k.domain] > MaxColumns {
		return &ParseError{File: x.file, Line: x.line(), Err: fmt.Errorf("%w: more than %d attributes declared for %s elements, at most %d allowed",
			ErrTooLarge, MaxColumns, k.domain, MaxColumns)}
	}
	g.keys = append(g.keys, k)
	return nil
}

// tooManyValues is the error for an element with more than MaxColumns
// attribute values.
func tooManyValues(x *xmlDecoder, elem string) error {
	return &ParseError{File: x.file, Line: x.line(), Err: fmt.Errorf("%w: a %s with more than %d attribute values, at most %d allowed", ErrTooLarge, elem, MaxColumns, MaxColumns)}
}

func (g *xmlGraph) keyByID(domain string) map[string]*xmlKey {
	m := map[string]*xmlKey{}
	for _, k := range g.keys {
		if k.domain == domain || k.domain == "all" {
			m[k.id] = k
		}
	}
	return m
}

// targets maps each key of a domain to the schema column it fills, or ""
// for an attribute named by the key: a key whose id is a column's name
// (partnet's own keys) takes it, otherwise its name is matched against the
// columns and their aliases; the first key to claim a column keeps it.
func (g *xmlGraph) targets(domain string, schema []column, fixed []string) map[string]string {
	claimed := map[string]bool{}
	for _, f := range fixed {
		claimed[f] = true
	}
	out := map[string]string{}
	canon := func(s string) string {
		for _, c := range schema {
			if s == c.name {
				return c.name
			}
			for _, a := range c.aliases {
				if s == a && len(a) > 1 {
					return c.name
				}
			}
		}
		return ""
	}
	for pass := 0; pass < 2; pass++ {
		for _, k := range g.keys {
			if k.domain != domain && k.domain != "all" || k.name == elementKey {
				continue
			}
			if _, done := out[k.id]; done {
				continue
			}
			var c string
			if pass == 0 {
				own := strings.TrimPrefix(strings.TrimPrefix(k.id, "n_"), "e_")
				for _, col := range schema {
					if own == col.name {
						c = col.name
					}
				}
			} else {
				c = canon(normHeader(k.name))
			}
			if c != "" && !claimed[c] {
				claimed[c] = true
				out[k.id] = c
			} else if pass == 1 {
				out[k.id] = ""
			}
		}
	}
	return out
}

func (g *xmlGraph) fill(r *records, e *xmlElem, keys []*xmlKey, target map[string]string) {
	for col, v := range e.fixed {
		r.set(col, v)
	}
	for _, k := range keys {
		v, ok := e.vals[k.id]
		if !ok {
			if !k.hasDef {
				continue
			}
			v = k.def
		}
		if t := target[k.id]; t != "" {
			r.set(t, v)
		} else {
			r.attr(k.name, v)
		}
	}
}

func (g *xmlGraph) recordSet(probs *Problems) recordSet {
	var nodeElem, edgeElem string
	var nodeKeys, edgeKeys []*xmlKey
	for _, k := range g.keys {
		if k.name == elementKey {
			if k.domain != "edge" {
				nodeElem = k.id
			}
			if k.domain != "node" {
				edgeElem = k.id
			}
			continue
		}
		if k.domain == "node" || k.domain == "all" {
			nodeKeys = append(nodeKeys, k)
		}
		if k.domain == "edge" || k.domain == "all" {
			edgeKeys = append(edgeKeys, k)
		}
	}
	orgT := g.targets("node", organisationColumns, g.fixedNode)
	arrT := g.targets("node", arrangementColumns, g.fixedNode)
	partT := g.targets("edge", partnershipColumns, g.fixedEdge)
	memT := g.targets("edge", memberColumns, []string{"arrangement_id", "organisation_id"})
	orgs := newRecords("id", "name", "sector", "type", "region", "parent", "population", "lat", "lon", "start", "end", "successor")
	arrs := newRecords("id", "name", "kind", "service_area", "programme", "start", "end", "value_gbp")
	parts := newRecords("source", "target", "kind", "weight", "service_area", "programme", "start", "end", "value_gbp", "id", "name")
	mems := newRecords("arrangement_id", "organisation_id", "role")
	arrNodes := map[string]string{}
	for i := range g.nodes {
		e := &g.nodes[i]
		if nodeElem != "" && e.vals[nodeElem] == "arrangement" {
			id := strings.TrimPrefix(e.id, arrangementPrefix)
			arrNodes[e.id] = id
			arrs.add(e.line)
			arrs.set("id", id)
			g.fill(arrs, e, nodeKeys, arrT)
			continue
		}
		orgs.add(e.line)
		orgs.set("id", e.id)
		g.fill(orgs, e, nodeKeys, orgT)
	}
	for i := range g.edges {
		e := &g.edges[i]
		as, srcArr := arrNodes[e.source]
		at, dstArr := arrNodes[e.target]
		if srcArr || dstArr || edgeElem != "" && e.vals[edgeElem] == "membership" {
			mems.add(e.line)
			switch {
			case srcArr:
				mems.set("arrangement_id", as)
				mems.set("organisation_id", e.target)
			case dstArr:
				mems.set("arrangement_id", at)
				mems.set("organisation_id", e.source)
			default:
				mems.set("arrangement_id", strings.TrimPrefix(e.target, arrangementPrefix))
				mems.set("organisation_id", e.source)
			}
			for _, k := range edgeKeys {
				if v, ok := e.vals[k.id]; ok && memT[k.id] == "role" {
					mems.set("role", v)
				}
			}
			continue
		}
		parts.add(e.line)
		parts.set("source", e.source)
		parts.set("target", e.target)
		g.fill(parts, e, edgeKeys, partT)
	}
	set := recordSet{meta: g.meta, orgs: orgs.table(g.file, probs), parts: parts.table(g.file, probs)}
	if len(arrs.rows) > 0 || len(mems.rows) > 0 {
		set.arrs, set.mems = arrs.table(g.file, probs), mems.table(g.file, probs)
	}
	return set
}

// xmlWriter writes escaped XML and remembers the first string XML cannot
// hold (control characters other than tab, newline and carriage return;
// text that is not UTF-8).
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func (x *xmlWriter) raw(s string) { x.w.WriteString(s) }

// esc writes s escaped for an attribute value or text.
func (x *xmlWriter) esc(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				x.w.WriteString("&amp;")
			case c == '<':
				x.w.WriteString("&lt;")
			case c == '>':
				x.w.WriteString("&gt;")
			case c == '"':
				x.w.WriteString("&quot;")
			case c == '\n':
				x.w.WriteString("&#xA;")
			case c == '\r':
				x.w.WriteString("&#xD;")
			case c == '\t':
				x.w.WriteString("&#x9;")
			case c < 0x20:
				x.fail(s)
			default:
				x.w.WriteByte(c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r <= 0xDFFF {
			x.fail(s)
		}
		x.w.WriteString(s[i : i+n])
		i += n
	}
}

func (x *xmlWriter) fail(s string) {
	if x.err == nil {
		x.err = wrapMsg(ErrBadValue, fmt.Sprintf("%q holds a character XML cannot carry (a control character or text that is not UTF-8)", s))
	}
}

// attrKV writes ` name="value"`.
func (x *xmlWriter) attrKV(name, value string) {
	x.w.WriteByte(' ')
	x.w.WriteString(name)
	x.w.WriteString(`="`)
	x.esc(value)
	x.w.WriteByte('"')
}

// nodeID returns the XML node id of arrangement i, checking it does not
// clash with an organisation's id.
func arrangementNodeIDs(net *graph.Network) ([]string, error) {
	ids := make([]string, net.NumArrangements())
	for i := range ids {
		ids[i] = arrangementPrefix + net.Arrangement(i).ID
		if _, clash := net.Index(ids[i]); clash {
			return nil, fmt.Errorf("organisation id %q clashes with arrangement %q's node id", ids[i], net.Arrangement(i).ID)
		}
	}
	for i := 0; i < net.NumOrganisations(); i++ {
		if _, ok := net.Organisation(i).Attrs[elementKey]; ok {
			return nil, fmt.Errorf("organisation %q: attribute name %q is reserved", net.Organisation(i).ID, elementKey)
		}
	}
	for i := 0; i < net.NumArrangements(); i++ {
		if _, ok := net.Arrangement(i).Attrs[elementKey]; ok {
			return nil, fmt.Errorf("arrangement %q: attribute name %q is reserved", net.Arrangement(i).ID, elementKey)
		}
	}
	return ids, nil
}
