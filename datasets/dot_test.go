package datasets

import (
	"strings"
	"testing"

	"github.com/partnet/partnet/graph"
)

func TestWriteDOT(t *testing.T) {
	net := graph.NewNetwork()
	net.Meta.Title = `Two "councils"`
	for _, o := range []graph.Organisation{{ID: "b", Name: "B \\ \"quoted\"\nline", Sector: "council"}, {ID: "a", Name: "A"}, {ID: "c"}} {
		net.AddOrganisation(o)
	}
	// Two partnerships between a and b combine: 2 x shared_service (kind
	// weight 3) + 1 x joint_plan (1.5) = 7.5 under the default weighting.
	net.AddPartnership(graph.Partnership{Source: "b", Target: "a", Kind: "shared_service", Weight: 2})
	net.AddPartnership(graph.Partnership{Source: "a", Target: "b", Kind: "joint_plan"})
	var b strings.Builder
	if err := WriteDOT(&b, net); err != nil {
		t.Fatal(err)
	}
	want := `graph partnet {
  label="Two \"councils\"";
  node [shape=ellipse];
  "a" [label="A"];
  "b" [label="B \\ \"quoted\"\nline", sector="council"];
  "c" [label="c"];
  "a" -- "b" [weight=7.5, penwidth=7.5];
}
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
