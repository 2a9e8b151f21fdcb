package datasets

import (
	"strings"
	"testing"

	"github.com/partnet/partnet/graph"
)

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
