package datasets

import (
	"errors"
	"slices"
	"testing"

	"github.com/partnet/partnet/graph"
)

func TestCheckKinds(t *testing.T) {
	net := graph.NewNetwork()
	for _, id := range []string{"a", "b", "c"} {
		if err := net.AddOrganisation(graph.Organisation{ID: id}); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []graph.Partnership{{Source: "a", Target: "b", Kind: "shared_service"}, {Source: "b", Target: "c", Kind: "grant"}} {
		if err := net.AddPartnership(p); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		in   []string
		want []string
		err  bool
	}{
		{nil, nil, false},
		{[]string{"Shared Service", "GRANT"}, []string{"shared_service", "grant"}, false},
		{[]string{"shared-service"}, []string{"shared_service"}, false},
		{[]string{"shared_servic"}, nil, true},
		{[]string{"grant", "joint_plan"}, nil, true},
	}
	for _, c := range cases {
		got, err := CheckKinds(net, c.in)
		if (err != nil) != c.err || (err != nil && !errors.Is(err, ErrUnknownKind)) {
			t.Errorf("%v: err %v, want error %v", c.in, err, c.err)
			continue
		}
		if !c.err && !slices.Equal(got, c.want) {
			t.Errorf("%v: %v, want %v", c.in, got, c.want)
		}
	}
}
