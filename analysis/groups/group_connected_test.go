package groups

import (
	"context"
	"testing"

	"github.com/partnet/partnet/graph"
)

// A member with no tie to the rest is never used to pad a group up to the
// minimum size, by the exact search or the heuristic; a must-link block
// counts as joined.
func TestGroupsMembersJoinedByTies(t *testing.T) {
	// A-B shared service, C and D with no ties; C-D must-link in one case.
	cases := []struct {
		name     string
		must     [][2]string
		exact    int
		wantSize int // 0: no group
	}{
		{"exact, padding refused", nil, 0, 0},
		{"heuristic, padding refused", nil, -1, 0},
		{"must-link block joined to a tie", [][2]string{{"B", "C"}}, 0, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			net := councilNet(t, []string{"A", "B", "C", "D"}, []tie{{"A", "B", 1}}, nil)
			s := net.Snapshot(graph.Weighting{})
			res, err := Search(context.Background(), net, s, Options{MinSize: 3, MaxSize: 3, MustLink: c.must, ExactLimit: c.exact})
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case c.wantSize == 0 && len(res.Groups) != 0:
				t.Errorf("got %v, want no group", memberIDs(net, res.Groups[0]))
			case c.wantSize > 0 && (len(res.Groups) != 1 || len(res.Groups[0].Members) != c.wantSize):
				t.Errorf("got %d groups, want one of %d", len(res.Groups), c.wantSize)
			}
		})
	}
}
