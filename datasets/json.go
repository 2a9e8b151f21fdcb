package datasets

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/partnet/partnet/graph"
)

// Limits on a partnet JSON file.
var (
	// MaxJSONBytes is the largest JSON file read.
	MaxJSONBytes int64 = 1 << 30
	// MaxJSONDepth is the deepest nesting of arrays and objects accepted;
	// partnet's own files nest 4 deep.
	MaxJSONDepth = 32
)

// The JSON schema (see the README's formats section). Keys are snake_case
// and only ever added to.
type (
	jsonOrganisation struct {
		ID         string            `json:"id"`
		Name       string            `json:"name,omitempty"`
		Sector     string            `json:"sector,omitempty"`
		Type       string            `json:"type,omitempty"`
		Region     string            `json:"region,omitempty"`
		Parent     string            `json:"parent,omitempty"`
		Population json.Number       `json:"population,omitempty"`
		Lat        json.Number       `json:"lat,omitempty"`
		Lon        json.Number       `json:"lon,omitempty"`
		Start      string            `json:"start,omitempty"`
		End        string            `json:"end,omitempty"`
		Successors []string          `json:"successors,omitempty"`
		Attributes map[string]string `json:"attributes,omitempty"`
	}
	jsonPartnership struct {
		ID          string            `json:"id,omitempty"`
		Name        string            `json:"name,omitempty"`
		Source      string            `json:"source"`
		Target      string            `json:"target"`
		Kind        string            `json:"kind,omitempty"`
		ServiceArea string            `json:"service_area,omitempty"`
		Programme   string            `json:"programme,omitempty"`
		Weight      json.Number       `json:"weight,omitempty"`
		Start       string            `json:"start,omitempty"`
		End         string            `json:"end,omitempty"`
		ValueGBP    json.Number       `json:"value_gbp,omitempty"`
		Attributes  map[string]string `json:"attributes,omitempty"`
	}
	jsonArrangement struct {
		ID          string            `json:"id"`
		Name        string            `json:"name,omitempty"`
		Kind        string            `json:"kind,omitempty"`
		ServiceArea string            `json:"service_area,omitempty"`
		Programme   string            `json:"programme,omitempty"`
		Start       string            `json:"start,omitempty"`
		End         string            `json:"end,omitempty"`
		ValueGBP    json.Number       `json:"value_gbp,omitempty"`
		Attributes  map[string]string `json:"attributes,omitempty"`
	}
	jsonMembership struct {
		ArrangementID  string `json:"arrangement_id"`
		OrganisationID string `json:"organisation_id"`
		Role           string `json:"role,omitempty"`
	}
)

// ReadJSON reads partnet's JSON: an object with "metadata",
// "organisations", "partnerships", "arrangements" and "memberships" (any
// may be absent except organisations). Values go through the same checks
// as a dataset folder's CSV; problems are reported at the line where the
// offending element starts, with the key as the column. Files over
// MaxJSONBytes or nested deeper than MaxJSONDepth are refused before
// decoding; unknown keys are errors (a misspelt key would otherwise be
// silently lost). Attribute names are normalised like CSV headers
// (lower case, spaces to underscores).
func ReadJSON(r io.Reader, file string) (*graph.Network, *Problems, error) {
	probs := &Problems{}
	data, err := readAllLimit(r, MaxJSONBytes, file)
	if err != nil {
		return nil, probs, err
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	lines := newLineIndex(data)
	if off, ok := jsonTooDeep(data, MaxJSONDepth); !ok {
		return nil, probs, &ParseError{File: file, Line: lines.line(off),
			Err: fmt.Errorf("%w: JSON nested more than %d levels deep", ErrTooLarge, MaxJSONDepth)}
	}
	set, err := decodeJSON(data, file, lines, probs)
	if err != nil {
		return nil, probs, err
	}
	net, err := set.build(probs)
	return net, probs, err
}

// jsonTooDeep scans data for nesting deeper than limit outside strings and
// returns the offset where it happened.
func jsonTooDeep(data []byte, limit int) (int64, bool) {
	depth, inStr, esc := 0, false, false
	for i, c := range data {
		switch {
		case inStr:
			if esc {
				esc = false
			} else if c == '\\' {
				esc = true
			} else if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			depth++
			if depth > limit {
				return int64(i), false
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return 0, true
}

// decodeJSON streams the top-level object, decoding each array element on
// its own to know its line.
func decodeJSON(data []byte, file string, lines lineIndex, probs *Problems) (recordSet, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	syntax := func(err error) error {
		line := lines.line(dec.InputOffset())
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = lines.line(se.Offset)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = errors.New("unexpected end of file")
		}
		return &ParseError{File: file, Line: line, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	}
	var set recordSet
	if tok, err := dec.Token(); err != nil {
		return set, syntax(err)
	} else if d, ok := tok.(json.Delim); !ok || d != '{' {
		return set, &ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: expected a JSON object with organisations and partnerships", ErrMalformed)}
	}
	orgs := newRecords("id", "name", "sector", "type", "region", "parent", "population", "lat", "lon", "start", "end", "successor")
	parts := newRecords("source", "target", "kind", "weight", "service_area", "programme", "start", "end", "value_gbp", "id", "name")
	arrs := newRecords("id", "name", "kind", "service_area", "programme", "start", "end", "value_gbp")
	mems := newRecords("arrangement_id", "organisation_id", "role")
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return set, syntax(err)
		}
		key, _ := tok.(string)
		keyLine := lines.line(dec.InputOffset())
		if seen[key] {
			return set, &ParseError{File: file, Line: keyLine, Err: fmt.Errorf("%w: key %q appears twice", ErrMalformed, key)}
		}
		seen[key] = true
		var each func(line int) error
		switch key {
		case "metadata":
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return set, syntax(err)
			}
			md := json.NewDecoder(bytes.NewReader(raw))
			md.DisallowUnknownFields()
			if err := md.Decode(&set.meta); err != nil {
				return set, &ParseError{File: file, Line: keyLine, Field: "metadata", Err: fmt.Errorf("%w: %v (expected title, description, source, licence)", ErrMalformed, jsonReason(err))}
			}
			continue
		case "organisations":
			each = func(line int) error {
				var o jsonOrganisation
				if err := decodeStrict(dec, &o); err != nil {
					return err
				}
				orgs.add(line)
				orgs.set("id", o.ID)
				orgs.set("name", o.Name)
				orgs.set("sector", o.Sector)
				orgs.set("type", o.Type)
				orgs.set("region", o.Region)
				orgs.set("parent", o.Parent)
				orgs.set("population", o.Population.String())
				orgs.set("lat", o.Lat.String())
				orgs.set("lon", o.Lon.String())
				orgs.set("start", o.Start)
				orgs.set("end", o.End)
				orgs.set("successor", strings.Join(o.Successors, ";"))
				setAttrs(orgs, o.Attributes)
				return nil
			}
		case "partnerships":
			each = func(line int) error {
				var p jsonPartnership
				if err := decodeStrict(dec, &p); err != nil {
					return err
				}
				parts.add(line)
				for k, v := range map[string]string{"source": p.Source, "target": p.Target, "kind": p.Kind,
					"weight": p.Weight.String(), "service_area": p.ServiceArea, "programme": p.Programme, "start": p.Start,
					"end": p.End, "value_gbp": p.ValueGBP.String(), "id": p.ID, "name": p.Name} {
					parts.set(k, v)
				}
				setAttrs(parts, p.Attributes)
				return nil
			}
		case "arrangements":
			each = func(line int) error {
				var a jsonArrangement
				if err := decodeStrict(dec, &a); err != nil {
					return err
				}
				arrs.add(line)
				for k, v := range map[string]string{"id": a.ID, "name": a.Name, "kind": a.Kind, "service_area": a.ServiceArea,
					"programme": a.Programme, "start": a.Start, "end": a.End, "value_gbp": a.ValueGBP.String()} {
					arrs.set(k, v)
				}
				setAttrs(arrs, a.Attributes)
				return nil
			}
		case "memberships":
			each = func(line int) error {
				var m jsonMembership
				if err := decodeStrict(dec, &m); err != nil {
					return err
				}
				mems.add(line)
				mems.set("arrangement_id", m.ArrangementID)
				mems.set("organisation_id", m.OrganisationID)
				mems.set("role", m.Role)
				return nil
			}
		default:
			return set, &ParseError{File: file, Line: keyLine, Err: fmt.Errorf("%w: unknown key %q (expected metadata, organisations, partnerships, arrangements, memberships)", ErrMalformed, key)}
		}
		if err := decodeArray(dec, data, lines, each, syntax); err != nil {
			if pe, ok := err.(*ParseError); ok {
				pe.File = file
				pe.Err = fmt.Errorf("%s: %w", key, pe.Err)
			}
			return set, err
		}
	}
	if _, err := dec.Token(); err != nil {
		return set, syntax(err)
	}
	if dec.More() {
		return set, syntax(errors.New("data after the top-level object"))
	}
	if seen["organisations"] {
		set.orgs = orgs.table(file, probs)
	}
	if seen["partnerships"] {
		set.parts = parts.table(file, probs)
	}
	if seen["arrangements"] || seen["memberships"] {
		set.arrs = arrs.table(file, probs)
		set.mems = mems.table(file, probs)
	}
	return set, nil
}

// decodeArray decodes an array value element by element, calling each with
// the line where the element starts.
func decodeArray(dec *json.Decoder, data []byte, lines lineIndex, each func(int) error, syntax func(error) error) error {
	tok, err := dec.Token()
	if err != nil {
		return syntax(err)
	}
	if tok == nil {
		return nil // null: an empty list
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return &ParseError{Line: lines.line(dec.InputOffset()), Err: fmt.Errorf("%w: expected a list", ErrMalformed)}
	}
	for dec.More() {
		off := dec.InputOffset()
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		line := lines.line(off)
		if err := each(line); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
				return syntax(err)
			}
			return &ParseError{Line: line, Field: jsonField(err), Err: fmt.Errorf("%w: %v", ErrMalformed, jsonReason(err))}
		}
	}
	_, err = dec.Token()
	if err != nil {
		return syntax(err)
	}
	return nil
}

func decodeStrict(dec *json.Decoder, v any) error {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	d.UseNumber()
	return d.Decode(v)
}

func jsonField(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return te.Field
	}
	return ""
}

// jsonReason rewords encoding/json's messages without the "json: " prefix
// and Go type names.
func jsonReason(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		want := "a string"
		switch te.Type.String() {
		case "json.Number":
			want = "a number"
		case "[]string":
			want = "a list of strings"
		case "map[string]string":
			want = "an object of strings"
		}
		return fmt.Sprintf("a JSON %s where %s was expected", te.Value, want)
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	// A quoted number ("1,200" or "12") in a number field: say what is
	// wrong with it as the CSV readers do.
	if lit, ok := strings.CutPrefix(msg, "invalid number literal, trying to unmarshal "); ok {
		if q, err := strconv.Unquote(strings.TrimSuffix(lit, " into Number")); err == nil {
			if inner, err := strconv.Unquote(q); err == nil {
				if _, _, perr := ParseNumber(inner); perr != nil {
					return "a JSON string where a number was expected: " + perr.Error()
				}
				return fmt.Sprintf("a JSON string where a number was expected: write %s without quotes", inner)
			}
		}
	}
	return msg
}

func setAttrs(r *records, attrs map[string]string) {
	for _, k := range graph.SortedKeys(attrs) {
		r.attr(k, attrs[k])
	}
}

// WriteJSON writes net as partnet JSON, one element a line, keys in the
// schema's order and attributes sorted. An empty network writes empty
// lists.
func WriteJSON(w io.Writer, net *graph.Network) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	num := func(v float64) json.Number { return json.Number(FormatFloat(v)) }
	io.WriteString(w, "{\n\"metadata\": ")
	if err := enc.Encode(net.Meta); err != nil {
		return err
	}
	io.WriteString(w, ",\"organisations\": [\n")
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		jo := jsonOrganisation{ID: o.ID, Name: o.Name, Sector: o.Sector, Type: o.Type, Region: o.Region, Parent: o.Parent,
			Start: fmtDate(o.Start), End: fmtDate(o.End), Successors: o.Successors, Attributes: o.Attrs}
		if o.Population != 0 {
			jo.Population = json.Number(strconv.FormatInt(o.Population, 10))
		}
		if o.HasLocation {
			jo.Lat, jo.Lon = num(o.Lat), num(o.Lon)
		}
		if err := encodeElem(w, enc, i, jo); err != nil {
			return err
		}
	}
	io.WriteString(w, "],\n\"partnerships\": [\n")
	for i := 0; i < net.NumPartnerships(); i++ {
		p := net.Partnership(i)
		jp := jsonPartnership{ID: p.ID, Name: p.Name, Source: p.Source, Target: p.Target, Kind: p.Kind, ServiceArea: p.ServiceArea,
			Programme: p.Programme, Weight: num(p.Weight), Start: fmtDate(p.Start), End: fmtDate(p.End), Attributes: p.Attrs}
		if p.HasValue {
			jp.ValueGBP = num(p.ValueGBP)
		}
		if err := encodeElem(w, enc, i, jp); err != nil {
			return err
		}
	}
	io.WriteString(w, "],\n\"arrangements\": [\n")
	for i := 0; i < net.NumArrangements(); i++ {
		a := net.Arrangement(i)
		ja := jsonArrangement{ID: a.ID, Name: a.Name, Kind: a.Kind, ServiceArea: a.ServiceArea, Programme: a.Programme,
			Start: fmtDate(a.Start), End: fmtDate(a.End), Attributes: a.Attrs}
		if a.HasValue {
			ja.ValueGBP = num(a.ValueGBP)
		}
		if err := encodeElem(w, enc, i, ja); err != nil {
			return err
		}
	}
	io.WriteString(w, "],\n\"memberships\": [\n")
	for i, m := range net.Memberships() {
		if err := encodeElem(w, enc, i, jsonMembership{ArrangementID: m.ArrangementID, OrganisationID: m.OrganisationID, Role: m.Role}); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "]\n}\n")
	return err
}

func encodeElem(w io.Writer, enc *json.Encoder, i int, v any) error {
	if i > 0 {
		if _, err := io.WriteString(w, ","); err != nil {
			return err
		}
	}
	return enc.Encode(v)
}
