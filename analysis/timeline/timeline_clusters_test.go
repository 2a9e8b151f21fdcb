package timeline

import (
	"context"
	"reflect"
	"testing"
)

// fill returns a partition of n organisations, all absent (-1) except the
// given clusters, labelled with arbitrary numbers so that tracking cannot
// rely on labels agreeing between dates.
func fill(n int, clusters map[int][]int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = -1
	}
	for label, members := range clusters {
		for _, g := range members {
			p[g] = label
		}
	}
	return p
}

func TestTrackClustersEveryTransition(t *testing.T) {
	const n = 14
	parts := [][]int{
		// date 0: X {0,1,2,3}, Y {4,5,6}, Z {7,8}, W {9,10}; 11 is a singleton (ignored).
		fill(n, map[int][]int{50: {0, 1, 2, 3}, 70: {4, 5, 6}, 10: {7, 8}, 20: {9, 10}, 99: {11}}),
		// date 1: X unchanged (J=1, continues); Y gains 11 (J=3/4, grows);
		// Z and W become one cluster (J=2/4 each, merges).
		fill(n, map[int][]int{3: {0, 1, 2, 3}, 1: {4, 5, 6, 11}, 2: {7, 8, 9, 10}}),
		// date 2: X splits into {0,1} and {2,3} (J=2/4 each); Y loses 11
		// (J=3/4, shrinks); {7..10} are singletons, so that cluster
		// dissolves; {12,13} appears.
		fill(n, map[int][]int{8: {0, 1}, 9: {2, 3}, 4: {4, 5, 6}, 5: {7}, 6: {8}, 7: {9}, 11: {10}, 0: {12, 13}}),
	}
	res, err := TrackClusters(context.Background(), parts, TrackOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// IDs: date 0 in size order then smallest member: X=1, Y=2, Z=3, W=4.
	// Date 1: X'=1, Y'=2, and the merge keeps Z's ID 3 (Z and W tie on
	// Jaccard, Z comes first). Date 2: {4,5,6} keeps 2, {0,1} keeps 1 (the
	// first of X's equal-overlap parts), {2,3} is new (5), {12,13} new (6).
	wantIDs := [][]int{{1, 2, 3, 4}, {1, 2, 3}, {2, 1, 5, 6}}
	for d, cs := range res.Clusters {
		var got []int
		for _, c := range cs {
			got = append(got, c.ID)
		}
		if !reflect.DeepEqual(got, wantIDs[d]) {
			t.Errorf("date %d cluster IDs = %v, want %v", d, got, wantIDs[d])
		}
	}
	type ev struct {
		period   int
		kind     TransitionKind
		from, to []int
	}
	want := []ev{
		{1, Continues, []int{1}, []int{1}},
		{1, Grows, []int{2}, []int{2}},
		{1, Merges, []int{3, 4}, []int{3}},
		{2, Splits, []int{1}, []int{1, 5}},
		{2, Shrinks, []int{2}, []int{2}},
		{2, Dissolves, []int{3}, []int{}},
		{2, Appears, []int{}, []int{6}},
	}
	var got []ev
	for _, tr := range res.Transitions {
		got = append(got, ev{tr.Period, tr.Kind, tr.From, tr.To})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("transitions =\n%v\nwant\n%v", got, want)
	}
	// The merge's links carry the overlaps: 2 shared of a union of 4.
	m := res.Transitions[2]
	wantLinks := []ClusterLink{{From: 3, To: 3, Shared: 2, Jaccard: 0.5}, {From: 4, To: 3, Shared: 2, Jaccard: 0.5}}
	if !reflect.DeepEqual(m.Links, wantLinks) {
		t.Errorf("merge links = %+v, want %+v", m.Links, wantLinks)
	}
}

func TestTrackClustersThreshold(t *testing.T) {
	// A = {0..5} and B = {3..9} share 3 of 10: Jaccard exactly 0.3.
	parts := [][]int{
		fill(10, map[int][]int{1: {0, 1, 2, 3, 4, 5}}),
		fill(10, map[int][]int{1: {3, 4, 5, 6, 7, 8, 9}}),
	}
	cases := []struct {
		name      string
		threshold float64
		kinds     []TransitionKind
	}{
		{"default 0.3 needs more than 0.3", 0, []TransitionKind{Dissolves, Appears}},
		{"0.29 matches, and B is larger", 0.29, []TransitionKind{Grows}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := TrackClusters(context.Background(), parts, TrackOptions{Threshold: c.threshold})
			if err != nil {
				t.Fatal(err)
			}
			var kinds []TransitionKind
			for _, tr := range res.Transitions {
				kinds = append(kinds, tr.Kind)
			}
			if !reflect.DeepEqual(kinds, c.kinds) {
				t.Errorf("kinds = %v, want %v", kinds, c.kinds)
			}
		})
	}
}

func TestTrackClustersEdgeCases(t *testing.T) {
	ctx := context.Background()
	if res, err := TrackClusters(ctx, nil, TrackOptions{}); err != nil || len(res.Transitions) != 0 || len(res.Clusters) != 0 {
		t.Errorf("no partitions: %+v, %v", res, err)
	}
	if _, err := TrackClusters(ctx, [][]int{{0}}, TrackOptions{Threshold: 1}); err == nil {
		t.Error("threshold 1 accepted")
	}
	// MinSize 3 ignores the pair {0,1}: nothing to track on either date.
	parts := [][]int{{0, 0, -1}, {4, 4, 4}}
	res, err := TrackClusters(ctx, parts, TrackOptions{MinSize: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Clusters[0]) != 0 || len(res.Transitions) != 1 || res.Transitions[0].Kind != Appears {
		t.Errorf("MinSize 3: clusters %+v transitions %+v, want one appearance", res.Clusters, res.Transitions)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := TrackClusters(cancelled, parts, TrackOptions{}); err == nil {
		t.Error("cancelled context: no error")
	}
}
