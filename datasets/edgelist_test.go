package datasets

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnet/partnet/graph"
)

func TestReadEdgeList(t *testing.T) {
	type tie struct {
		a, b string
		w    float64
	}
	abc := []tie{{"A", "B", 2}, {"B", "C", 1}, {"C", "A", 0.5}, {"D", "A", 1}}
	cases := []struct {
		file string
		ids  []string
		ties []tie
		kind string // kind of the first partnership
	}{
		{"header.csv", []string{"A", "B", "C", "D"}, abc, ""},
		{"noheader.tsv", []string{"A", "B", "C", "D"}, abc, ""},
		{"spaces.txt", []string{"A", "B", "C", "D"}, abc, ""},
		{"extra.csv", []string{`Council "One"`, "B", "C"}, []tie{{`Council "One"`, "B", 2}, {"B", "C", 1}}, "grant"},
		{"quoted.csv", []string{"A", "B", "quoted, id"}, []tie{{"A", "B", 1}, {"quoted, id", "B", 3}}, ""},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			ds, err := Load(filepath.Join("testdata", "edgelist", c.file))
			if err != nil {
				t.Fatal(err)
			}
			n := ds.Network
			if got := strings.Join(n.IDs(), "|"); got != strings.Join(c.ids, "|") {
				t.Errorf("ids = %s, want %s", got, strings.Join(c.ids, "|"))
			}
			if n.NumPartnerships() != len(c.ties) {
				t.Fatalf("%d partnerships, want %d", n.NumPartnerships(), len(c.ties))
			}
			for i, want := range c.ties {
				p := n.Partnership(i)
				if p.Source != want.a || p.Target != want.b || p.Weight != want.w {
					t.Errorf("tie %d = %s-%s %v, want %s-%s %v", i, p.Source, p.Target, p.Weight, want.a, want.b, want.w)
				}
			}
			if k := n.Partnership(0).Kind; k != c.kind {
				t.Errorf("kind = %q, want %q", k, c.kind)
			}
		})
	}
	ds, _ := Load("testdata/edgelist/extra.csv")
	if note := ds.Network.Partnership(0).Attrs["note"]; note != "x" {
		t.Errorf("extra column note = %q, want x", note)
	}
}

func TestReadEdgeListErrors(t *testing.T) {
	cases := []struct {
		name, in string
		want     error
		text     string
	}{
		{"self tie", "a,b\nb,b\n", graph.ErrSelfTie, `x.csv:2: column "source": "b": organisation tied to itself`},
		{"bad weight", "a,b,1\nb,c,abc\n", ErrBadNumber, `x.csv:2: column "weight": "abc" is not a number`},
		{"zero weight", "source,target,weight\na,b,1\nb,c,0\n", ErrBadValue, `x.csv:3: column "weight": 0: a weight must be greater than 0`},
		{"too many fields", "a,b,1,2\n", ErrBadValue, `x.csv:1: 4 fields: expected source,target[,weight]`},
		{"empty id", "a,b\n,c\n", ErrBadValue, `x.csv:2: column "source": empty organisation id`},
		{"empty file", "\n\n", ErrEmptyFile, "x.csv: empty file: no ties"},
		{"header only", "source,target\n", ErrEmptyFile, "x.csv:2: empty file: header only"},
		{"quoted self tie", "\"a\",\"a\"\n", graph.ErrSelfTie, `x.csv:1: column "source"`},
		{"quoted bad weight", "a,\"b\",x\n", ErrBadNumber, `x.csv:1: column "weight": "x" is not a number`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ReadEdgeList(strings.NewReader(c.in), "x.csv")
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.text) {
				t.Errorf("err = %q, want it to contain %q", err, c.text)
			}
		})
	}
}

// TestEdgeListChunks checks that the parallel scanner gives the same
// network, line numbers included, as one chunk would: a file over 2 MiB is
// split.
func TestEdgeListChunks(t *testing.T) {
	var b bytes.Buffer
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&b, "n%d,n%d,%d\n", i%997, (i*7+1)%1009+1000, i%3+1)
	}
	net, _, err := ReadEdgeList(bytes.NewReader(b.Bytes()), "big.csv")
	if err != nil {
		t.Fatal(err)
	}
	if net.NumPartnerships() != 200000 {
		t.Fatalf("%d partnerships", net.NumPartnerships())
	}
	// First appearance order: n0, n1001, n1, n1008, ...
	if ids := net.IDs(); ids[0] != "n0" || ids[1] != "n1001" || ids[2] != "n1" || ids[3] != "n1008" || len(ids) != 997+1009 {
		t.Errorf("ids start %v, %d in all", ids[:4], len(ids))
	}
	for _, i := range []int{0, 123456, 199999} {
		p := net.Partnership(i)
		want := fmt.Sprintf("n%d-n%d-%d", i%997, (i*7+1)%1009+1000, i%3+1)
		if got := fmt.Sprintf("%s-%s-%v", p.Source, p.Target, p.Weight); got != want {
			t.Errorf("partnership %d = %s, want %s", i, got, want)
		}
	}
	// A bad line far into the second chunk keeps its true line number.
	data := append(bytes.Clone(b.Bytes()), "x,x\n"...)
	_, _, err = ReadEdgeList(bytes.NewReader(data), "big.csv")
	if err == nil || !strings.Contains(err.Error(), "big.csv:200001:") {
		t.Errorf("err = %v, want big.csv:200001", err)
	}
}

func TestEdgeListRoundTrip(t *testing.T) {
	for _, f := range []string{"header.csv", "extra.csv", "quoted.csv"} {
		ds, err := Load(filepath.Join("testdata", "edgelist", f))
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "out.csv")
		if err := Write(ds.Network, out, FormatEdgeList); err != nil {
			t.Fatal(err)
		}
		back, err := Load(out)
		if err != nil {
			t.Fatal(err)
		}
		if d := Diff(ds.Network, back.Network); d != "" {
			t.Errorf("%s: %s", f, d)
		}
	}
}
