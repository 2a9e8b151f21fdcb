package datasets

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnet/partnet/graph"
)

// repeatReader yields head, then body n times, then tail, without holding
// them all in memory, and counts what it yielded.
type repeatReader struct {
	parts []string
	body  string
	n     int
	cur   io.Reader
	read  int64
}

func newRepeatReader(head, body, tail string, n int) *repeatReader {
	r := &repeatReader{body: body, n: n, parts: []string{tail}}
	r.cur = strings.NewReader(head)
	return r
}

func (r *repeatReader) Read(p []byte) (int, error) {
	for {
		k, err := r.cur.Read(p)
		r.read += int64(k)
		if k > 0 || err != io.EOF {
			return k, nil
		}
		switch {
		case r.n > 0:
			r.n--
			r.cur = strings.NewReader(fmt.Sprintf(r.body, r.n))
		case len(r.parts) > 0:
			r.cur = strings.NewReader(r.parts[0])
			r.parts = r.parts[1:]
		default:
			return 0, io.EOF
		}
	}
}

// TestXMLAttributeFloodRefusedEarly: a GEXF or GraphML declaring 10^7
// attributes, or one node with 10^7 values, is refused after about
// MaxColumns of them, and one element's XML attributes or one text is
// refused after MaxRecordBytes (it took 8.8 GB before).
func TestXMLAttributeFloodRefusedEarly(t *testing.T) {
	const n = 10_000_000
	cases := []struct {
		name string
		r    *repeatReader
		read func(io.Reader, string) (*graph.Network, *Problems, error)
	}{
		{"gexf declarations", newRepeatReader(`<gexf><graph><attributes class="node">`, `<attribute id="a%d" title="t" type="string"/>`, `</attributes></graph></gexf>`, n), ReadGEXF},
		{"gexf values", newRepeatReader(`<gexf><graph><nodes><node id="x"><attvalues>`, `<attvalue for="a%d" value="v"/>`, `</attvalues></node></nodes></graph></gexf>`, n), ReadGEXF},
		{"graphml declarations", newRepeatReader(`<graphml>`, `<key id="k%d" for="node" attr.name="k" attr.type="string"/>`, `<graph></graph></graphml>`, n), ReadGraphML},
		{"graphml values", newRepeatReader(`<graphml><graph><node id="x">`, `<data key="k%d">v</data>`, `</node></graph></graphml>`, n), ReadGraphML},
		// XML attributes of one element, and one text of 70 MB: the
		// decoder would hold the whole tag or text.
		{"gexf XML attributes", newRepeatReader(`<gexf><graph><nodes><node id="x"`, ` a%d="v"`, `/></nodes></graph></gexf>`, n), ReadGEXF},
		{"graphml long text", newRepeatReader(`<graphml><key id="d" for="node"/><graph><node id="x"><data key="d">`, `%07d`, `</data></node></graph></graphml>`, n), ReadGraphML},
	}
	for _, c := range cases {
		_, _, err := c.read(c.r, "flood")
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrTooLarge", c.name, err)
		}
		if c.r.read > 2*MaxRecordBytes {
			t.Errorf("%s: read %d bytes before refusing, want under %d", c.name, c.r.read, 2*MaxRecordBytes)
		}
	}
}

func attrNetwork(names int) *graph.Network {
	net := graph.NewNetwork()
	for _, id := range []string{"a", "b"} {
		attrs := map[string]string{}
		for k := 0; k < names; k++ {
			attrs[fmt.Sprintf("attr%04d", k)] = id
		}
		net.AddOrganisation(graph.Organisation{ID: id, Attrs: attrs})
	}
	net.AddPartnership(graph.Partnership{Source: "a", Target: "b", Weight: 1})
	return net
}

// TestWriteNeverWritesUnreadable: a network with more attribute names than
// partnet reads is refused by every writer with a clear message (convert
// wrote a GEXF of 1,500 attributes that partnet then refused); at the limit
// every format writes and reads back.
func TestWriteNeverWritesUnreadable(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []Format{FormatGEXF, FormatGraphML, FormatJSON, FormatXLSX, FormatDir} {
		path := filepath.Join(dir, "over."+string(f))
		err := Write(attrNetwork(1500), path, f)
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "at most 950") {
			t.Errorf("%s with 1,500 attributes: err = %v, want ErrTooLarge naming the limit", f, err)
		}
		path = filepath.Join(dir, "at."+string(f))
		if f == FormatDir {
			path = filepath.Join(dir, "at-dir")
		}
		if err := Write(attrNetwork(MaxAttributes), path, f); err != nil {
			t.Fatalf("%s at the limit: %v", f, err)
		}
		ds, err := Load(path)
		if err != nil {
			t.Fatalf("%s at the limit does not read back: %v", f, err)
		}
		if got := len(ds.Network.Organisation(0).Attrs); got != MaxAttributes {
			t.Errorf("%s: %d attributes read back, want %d", f, got, MaxAttributes)
		}
	}
}

// TestWriteRefusesLongText: a text longer than MaxFieldBytes (a JSON name
// of 2 MB) is refused by the writers, as every reader refuses it; the
// readers of records (JSON) refuse it too, as the CSV reader does.
func TestWriteRefusesLongText(t *testing.T) {
	long := strings.Repeat("x", MaxFieldBytes+1)
	net := graph.NewNetwork()
	net.AddOrganisation(graph.Organisation{ID: "a", Name: long})
	net.AddOrganisation(graph.Organisation{ID: "b"})
	net.AddPartnership(graph.Partnership{Source: "a", Target: "b", Weight: 1})
	err := Write(net, filepath.Join(t.TempDir(), "out.graphml"), FormatGraphML)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), `organisation "a" has a text of`) {
		t.Errorf("write: %v, want ErrTooLarge naming organisation a", err)
	}
	js := `{"organisations": [{"id": "a", "name": "` + long + `"}, {"id": "b"}], "partnerships": [{"source": "a", "target": "b"}]}`
	if _, _, err := ReadJSON(strings.NewReader(js), "big.json"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("JSON read: %v, want ErrTooLarge", err)
	}
	if _, _, err := ReadEdgeList(strings.NewReader(long+",b\n"), "e.csv"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("edge list read: %v, want ErrTooLarge", err)
	}
}
