package groups

import (
	"testing"

	"github.com/partnet/partnet/graph"
)

func TestBackbone(t *testing.T) {
	// Triangle 0-1 (5), 1-2 (1), 0-2 (3): the maximum spanning tree keeps 5
	// and 3; node 3 is isolated and forms its own tree.
	s := graph.BuildSnapshot(4, nil, []int32{0, 1, 0}, []int32{1, 2, 2}, []float64{5, 1, 3})
	bb, err := Backbone(s, []int{0, 1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(bb) != 2 || bb[0].Weight != 5 || bb[1].Weight != 3 {
		t.Fatalf("Backbone = %+v, want weights 5 and 3", bb)
	}
}
