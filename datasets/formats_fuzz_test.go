package datasets

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/partnet/partnet/graph"
)

// fuzzRoundTrip is the property every reader's fuzz target checks: read
// never panics, and what it reads survives write-then-read unchanged. A
// write may refuse text its format cannot carry (ErrBadValue: control
// characters in XML; Excel's cell length); that input is skipped.
func fuzzRoundTrip(t *testing.T, data []byte, read func(io.Reader) (*graph.Network, error), write func(io.Writer, *graph.Network) error) {
	net, err := read(bytes.NewReader(data))
	if err != nil {
		return
	}
	var b bytes.Buffer
	if err := write(&b, net); err != nil {
		if errors.Is(err, ErrBadValue) || strings.Contains(err.Error(), "cell value must be") {
			return
		}
		t.Fatalf("write: %v", err)
	}
	back, err := read(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("reading back what was written: %v\n%s", err, b.String())
	}
	if d := Diff(net, back); d != "" {
		t.Fatalf("round trip: %s\nwritten:\n%s", d, b.String())
	}
}

func addFiles(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b)
			}
		}
	}
}

func readWith(fn func(io.Reader, string) (*graph.Network, *Problems, error)) func(io.Reader) (*graph.Network, error) {
	return func(r io.Reader) (*graph.Network, error) {
		net, _, err := fn(r, "fuzz")
		return net, err
	}
}

func FuzzReadEdgeList(f *testing.F) {
	addFiles(f, "testdata/edgelist/*", "testdata/bad/edgelist-*/input.*")
	// Strict UTF-16, Excel's sep= line, repeated headers, NFC ids.
	f.Add([]byte("\xff\xfea\x00,\x00b\x00\n\x00"))
	f.Add([]byte("\xfe\xff\x00a\x00,\x00b\x00\n\xd8"))
	f.Add([]byte("sep=;\r\nsource;target;weight\r\na;b;2\r\n"))
	f.Add([]byte("source,target\na,b\nsource,target\nCafe\u0301,Caf\u00e9\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip(t, data, readWith(ReadEdgeList), WriteEdgeList)
	})
}

func FuzzReadJSON(f *testing.F) {
	addFiles(f, "testdata/json/*.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip(t, data, readWith(ReadJSON), WriteJSON)
	})
}

func FuzzReadGraphML(f *testing.F) {
	addFiles(f, "testdata/graphml/*.graphml")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip(t, data, readWith(ReadGraphML), WriteGraphML)
	})
}

func FuzzReadGEXF(f *testing.F) {
	addFiles(f, "testdata/gexf/*.gexf")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip(t, data, readWith(ReadGEXF), WriteGEXF)
	})
}

func FuzzReadXLSX(f *testing.F) {
	addFiles(f, "testdata/xlsx/*.xlsx", "testdata/bad/xlsx-*/input.xlsx")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip(t, data, readWith(ReadXLSX), WriteXLSX)
	})
}

// FuzzRead360Giving writes what it reads as partnet JSON (360Giving is
// read only) and checks that survives.
func FuzzRead360Giving(f *testing.F) {
	f.Add([]byte("Identifier,Title,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name,Grant Programme:Title\n" +
		"g1,Grant,100.5,2020-01-01,GB-CHC-1,\"A, \"\"B\"\"\",GB-LAE-X,Council,Small Grants\n"))
	f.Add([]byte(`{"grants":[{"id":"g","amountAwarded":5,"awardDate":"2020-01-01","recipientOrganization":[{"id":"r"}],"fundingOrganization":[{"id":"f"}]}]}`))
	// Money, day-first dates and planned durations.
	f.Add([]byte("Identifier,Amount Awarded,Award Date,Planned Dates:Start Date,Planned Dates:Duration (months),Recipient Org:Identifier,Funding Org:Identifier\n" +
		"g1,\"£1,200.50\",15/06/2019,,12,r,f\ng2,5,2019-01-31,31/01/2019,1,r,f\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		net, _, err := Read360Giving(bytes.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		fuzzRoundTrip(t, mustJSON(t, net), readWith(ReadJSON), WriteJSON)
	})
}

func mustJSON(t *testing.T, net *graph.Network) []byte {
	var b bytes.Buffer
	if err := WriteJSON(&b, net); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// FuzzReadFolder fuzzes organisations.csv and partnerships.csv of a
// dataset folder; what reads is written with WriteDir's CSV writers and
// read again.
func FuzzReadFolder(f *testing.F) {
	orgs, _ := os.ReadFile("testdata/hostile/organisations.csv")
	parts, _ := os.ReadFile("testdata/hostile/partnerships.csv")
	f.Add(orgs, parts)
	f.Add([]byte("id;name\r\na;A\r\nb;B\r\n"), []byte("from;to;weight\r\na;b;2\r\n"))
	read := func(o, p []byte) (*graph.Network, error) {
		net, _, err := ReadFS(fstest.MapFS{OrganisationsFile: {Data: o}, PartnershipsFile: {Data: p}}, ".", "")
		return net, err
	}
	f.Fuzz(func(t *testing.T, o, p []byte) {
		net, err := read(o, p)
		if err != nil {
			return
		}
		var ob, pb bytes.Buffer
		if err := WriteOrganisationsCSV(&ob, net); err != nil {
			t.Fatal(err)
		}
		if err := WritePartnershipsCSV(&pb, net); err != nil {
			t.Fatal(err)
		}
		back, err := read(ob.Bytes(), pb.Bytes())
		if err != nil {
			t.Fatalf("reading back: %v\n%s\n%s", err, ob.String(), pb.String())
		}
		if d := Diff(net, back); d != "" {
			t.Fatalf("round trip: %s", d)
		}
	})
}
