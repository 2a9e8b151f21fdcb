package page

import (
	"fmt"
	"testing"

	"github.com/partnet/partnet/analysis/timeline"
	"github.com/partnet/partnet/graph"
)

// TestFlowView builds the change view of 15 clusters on two dates: the 12
// largest of each date are drawn, the other 3 summed into one node, links
// into or out of small clusters summed onto it; clusters are named by
// their two most populous members; a name is written on the first and
// last date only when it does not change.
func TestFlowView(t *testing.T) {
	net := graph.NewNetwork()
	// Cluster c (0..14) has members c*10 .. c*10+9; member k of a cluster
	// has population 1000-k, so members 0 and 1 are the largest.
	var members [][]int
	for c := 0; c < 15; c++ {
		var m []int
		for k := 0; k < 10; k++ {
			i := c*10 + k
			if err := net.AddOrganisation(graph.Organisation{ID: fmt.Sprintf("o%03d", i), Name: fmt.Sprintf("Org %d", i), Population: int64(1000 - k)}); err != nil {
				t.Fatal(err)
			}
			m = append(m, i)
		}
		members = append(members, m)
	}
	var day [2][]timeline.TrackedCluster
	for d := range day {
		for c := 0; c < 15; c++ {
			// Sizes 25 down to 11 (ids are the cluster numbers).
			day[d] = append(day[d], timeline.TrackedCluster{ID: c, Size: 25 - c, Members: members[c]})
		}
	}
	var links []timeline.ClusterLink
	for c := 0; c < 15; c++ {
		links = append(links, timeline.ClusterLink{From: c, To: c, Shared: 5})
	}
	ct := &timeline.ClusterTracking{Threshold: 0.3, MinSize: 3, Clusters: [][]timeline.TrackedCluster{day[0], day[1]},
		Transitions: []timeline.Transition{{Period: 1, Date: "2021-01-01", Kind: timeline.Continues, Links: links}}}
	tl := &timeline.Result{Dates: []string{"2020-01-01", "2021-01-01"}}
	v := flowView(net, tl, ct)
	if len(v.Nodes) != 26 {
		t.Fatalf("%d nodes, want 12 + 1 summed per date", len(v.Nodes))
	}
	other := v.Nodes[12]
	// The 3 smallest clusters (12, 13 and 14) have 13, 12 and 11
	// organisations: 36.
	if !other.Other || other.Size != 36 || other.Label != "3 smaller clusters" || other.Name != "2020 other" {
		t.Errorf("summed node %+v", other)
	}
	if n := v.Nodes[0]; n.Name != "2020 #0" || n.Label != "Org 0, Org 1 +8" || !n.ShowLabel {
		t.Errorf("first node %+v", n)
	}
	// Links: 12 kept-to-kept of 5 each, and the three small clusters'
	// 5 + 5 + 5 summed into other -> other.
	var summed int
	for _, l := range v.Links {
		if l.Source == "2020 other" {
			summed = l.Shared
			if l.Target != "2021 other" {
				t.Errorf("summed link to %s", l.Target)
			}
		}
	}
	if len(v.Links) != 13 || summed != 15 {
		t.Errorf("%d links, summed %d; want 13 and 15", len(v.Links), summed)
	}
}

func TestFlowLabel(t *testing.T) {
	net := graph.NewNetwork()
	for _, o := range []graph.Organisation{{ID: "a", Name: "Babergh", Population: 92000}, {ID: "b", Name: "Mid Suffolk", Population: 103000},
		{ID: "c", Name: "Ipswich", Population: 0}, {ID: "d", Name: "Zed", Population: 5}} {
		if err := net.AddOrganisation(o); err != nil {
			t.Fatal(err)
		}
	}
	if got := flowLabel(net, []int{0, 1, 2, 3}); got != "Mid Suffolk, Babergh +2" {
		t.Errorf("got %q", got)
	}
	if got := flowLabel(net, []int{2}); got != "Ipswich" {
		t.Errorf("got %q", got)
	}
}
