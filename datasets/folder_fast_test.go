package datasets

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnet/partnet/graph"
)

// readSlow reads a folder with the general partnerships reader only.
func readSlow(t *testing.T, dir string) *graph.Network {
	t.Helper()
	probs := &Problems{}
	net := graph.NewNetwork()
	fh, err := os.Open(filepath.Join(dir, OrganisationsFile))
	if err != nil {
		t.Fatal(err)
	}
	readOrganisations(openRows(fh, OrganisationsFile, organisationColumns, probs), OrganisationsFile, net, probs)
	fh.Close()
	fh, err = os.Open(filepath.Join(dir, PartnershipsFile))
	if err != nil {
		t.Fatal(err)
	}
	readPartnerships(openRows(fh, PartnershipsFile, partnershipColumns, probs), PartnershipsFile, net, probs)
	fh.Close()
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	return net
}

// TestFastPartnershipsSameNetwork checks the fast partnerships.csv path
// against the general reader on a generated folder large enough to span
// several blocks and workers.
func TestFastPartnershipsSameNetwork(t *testing.T) {
	dir := t.TempDir()
	if err := GenerateDir(context.Background(), GenerateOptions{Organisations: 30000, Ties: 300000, Seed: 3}, dir); err != nil {
		t.Fatal(err)
	}
	fh, err := os.Open(filepath.Join(dir, PartnershipsFile))
	if err != nil {
		t.Fatal(err)
	}
	net := graph.NewNetwork()
	slow := readSlow(t, dir)
	for i := 0; i < slow.NumOrganisations(); i++ {
		net.AddOrganisation(*slow.Organisation(i))
	}
	var last int64
	ok := readPartnershipsFast(fh, net, func(n int64) { last = n })
	fh.Close()
	if !ok {
		t.Fatal("the fast path refused a generated partnerships.csv")
	}
	if st, _ := os.Stat(filepath.Join(dir, PartnershipsFile)); last != st.Size() {
		t.Errorf("progress ended at %d bytes, file has %d", last, st.Size())
	}
	net.Meta = slow.Meta
	if d := Diff(slow, net); d != "" {
		t.Fatalf("fast and general readers differ: %s", d)
	}
	if net.NumPartnerships() != 300000 || net.PartnershipKind(0) == "" {
		t.Errorf("%d partnerships, first kind %q", net.NumPartnerships(), net.PartnershipKind(0))
	}
}

// TestFastPartnershipsRefuses lists files the fast path must hand to the
// general reader.
func TestFastPartnershipsRefuses(t *testing.T) {
	cases := map[string]string{
		"alias header":    "from,to\na,b\n",
		"extra column":    "source,target,start\na,b,2020-01-01\n",
		"quote":           "source,target\n\"a\",b\n",
		"unknown org":     "source,target\na,zz\n",
		"self tie":        "source,target\na,a\n",
		"bad weight":      "source,target,weight\na,b,0\n",
		"spaces":          "source,target\na , b\n",
		"too many fields": "source,target\na,b,c\n",
		"too few fields":  "source,target,kind\na,b\n",
		"not ascii":       "source,target,kind\na,b,sérvice\n",
		"header only":     "source,target\n",
		"repeated column": "source,target,source\na,b,a\n",
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			net := graph.NewNetwork()
			for _, id := range []string{"a", "b", "c"} {
				net.AddOrganisation(graph.Organisation{ID: id})
			}
			if readPartnershipsFast(strings.NewReader(text), net, nil) {
				t.Errorf("fast path accepted %q", text)
			}
		})
	}
	net := graph.NewNetwork()
	for _, id := range []string{"a", "b", "c"} {
		net.AddOrganisation(graph.Organisation{ID: id})
	}
	if !readPartnershipsFast(strings.NewReader("source,target,kind,weight\r\na,b,grant,2\r\n\r\nb,c,,\r\n"), net, nil) {
		t.Fatal("fast path refused a plain file with CRLF and a blank line")
	}
	if p := net.Partnership(0); p.Kind != "grant" || p.Weight != 2 || net.Partnership(1).Weight != 1 || net.NumPartnerships() != 2 {
		t.Errorf("read %+v, %+v", p, net.Partnership(1))
	}
}
