package timeline

import (
	"context"
	"math"
	"reflect"
	"testing"

	"github.com/partnet/partnet/graph"
)

// componentClusters is a stand-in clustering for tests: each connected
// component is a cluster. It also checks the seed Measure passes.
func componentClusters(t *testing.T) ClusterFunc {
	calls := 0
	return func(_ context.Context, s *graph.Snapshot, initial []int) ([]int, error) {
		if (calls == 0) != (initial == nil) || (initial != nil && len(initial) != s.N()) {
			t.Errorf("call %d: initial partition %v for %d nodes", calls, initial, s.N())
		}
		calls++
		label := make([]int, s.N())
		for i := range label {
			label[i] = -1
		}
		next := 0
		for i := range label {
			if label[i] >= 0 {
				continue
			}
			stack := []int{i}
			label[i] = next
			for len(stack) > 0 {
				v := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for _, w := range s.Neighbours(v) {
					if label[w] < 0 {
						label[w] = next
						stack = append(stack, int(w))
					}
				}
			}
			next++
		}
		return label, nil
	}
}

func TestTimelinePeriods(t *testing.T) {
	res, err := Measure(context.Background(), datedNetwork(t), Options{Dates: datedSeries(), CentralTop: 2, Cluster: componentClusters(t)})
	if err != nil {
		t.Fatal(err)
	}
	// Worked from the fixture (datedNetwork):
	// 2010: A,B,C,F exist; ties A-B (mgmt), A-C (shared service), B-C, B-F,
	//       C-F (fire) = 5 of 6 pairs.
	// 2014: D exists; C-D (grant) and B-D (undated joint plan) form: 7 of 10.
	// 2018: A-C ended 2015-12-31; C-F now also a pooled budget: 6 of 10.
	// 2020: A and B abolished, E exists with no ties; left C-F and C-D: 2 of
	//       6; A-B, B-C, B-F, B-D ended.
	type row struct{ orgs, joined, left, ties, formed, ended, comps, largest, isolated, clusters int }
	want := []row{
		{4, 0, 0, 5, 0, 0, 1, 4, 0, 1},
		{5, 1, 0, 7, 2, 0, 1, 5, 0, 1},
		{5, 0, 0, 6, 0, 1, 1, 5, 0, 1},
		{4, 1, 2, 2, 0, 4, 2, 3, 1, 1},
	}
	density := []float64{5.0 / 6, 7.0 / 10, 6.0 / 10, 2.0 / 6}
	for k, p := range res.Periods {
		got := row{p.Organisations, p.OrganisationsJoined, p.OrganisationsLeft, p.Ties, p.TiesFormed, p.TiesEnded, p.Components, p.LargestComponent, p.Isolated, p.Clusters}
		if got != want[k] {
			t.Errorf("%s: got %+v, want %+v", p.Date, got, want[k])
		}
		if math.Abs(p.Density-density[k]) > 1e-12 {
			t.Errorf("%s: density %v, want %v", p.Date, p.Density, density[k])
		}
	}
	// 2010 clustering: A (neighbours B,C tied) 1; B (A,C,F: A-C and C-F
	// tied) 2/3; C (A,B,F: A-B, B-F) 2/3; F (B,C tied) 1; mean 5/6.
	if got := res.Periods[0].AverageClustering; math.Abs(got-5.0/6) > 1e-12 {
		t.Errorf("2010 average clustering %v, want 5/6", got)
	}
	// 2010 weighted density: mgmt A-B 1/(2-1) x 3 = 3, shared service A-C
	// 3, fire pairs 1/(3-1) x 0.5 = 0.25 each (3 pairs): 6.75 / 6 pairs.
	if got := res.Periods[0].WeightedDensity; math.Abs(got-6.75/6) > 1e-12 {
		t.Errorf("2010 weighted density %v, want 1.125", got)
	}
	// 2010 blocks: agency-council 2 ties (B-F, C-F) of 1x3 pairs; council
	// 3 of 3; agency-agency has no pair and is left out.
	wantBlocks := []BlockDensity{
		{SectorA: "agency", SectorB: "council", Ties: 2, Pairs: 3, Density: 2.0 / 3, WeightedDensity: 0.5 / 3},
		{SectorA: "council", SectorB: "council", Ties: 3, Pairs: 3, Density: 1, WeightedDensity: 6.25 / 3},
	}
	if !reflect.DeepEqual(res.Periods[0].SectorDensity, wantBlocks) {
		t.Errorf("2010 blocks %+v, want %+v", res.Periods[0].SectorDensity, wantBlocks)
	}
	// 2014: B and C each gain D (3 -> 4); D is new so not a change.
	wantChanges := []DegreeChange{{ID: "B", Name: "Beta", Before: 3, After: 4, Change: 1}, {ID: "C", Name: "Gamma", Before: 3, After: 4, Change: 1}}
	if !reflect.DeepEqual(res.Periods[1].DegreeChanges, wantChanges) {
		t.Errorf("2014 degree changes %+v, want %+v", res.Periods[1].DegreeChanges, wantChanges)
	}
	// Top two by strength: 2010 A 6, B 3.5 (C also 3.5, same degree, id
	// later); 2014 A 6, B 5; 2018 B 5, C 4 (A lost the shared service):
	// C is new; 2020 C 3.75, F 2.75: F is new.
	var newly [][]string
	for _, p := range res.Periods {
		var ids []string
		for _, c := range p.NewlyCentral {
			ids = append(ids, c.ID)
		}
		newly = append(newly, ids)
	}
	if want := [][]string{nil, nil, {"C"}, {"F"}}; !reflect.DeepEqual(newly, want) {
		t.Errorf("newly central %v, want %v", newly, want)
	}
	// One component throughout (E alone in 2020 is too small to track):
	// grows 4 -> 5, continues, shrinks 5 -> 3 (Jaccard 3/5).
	var kinds []TransitionKind
	for _, tr := range res.Clusters.Transitions {
		kinds = append(kinds, tr.Kind)
	}
	if want := []TransitionKind{Grows, Continues, Shrinks}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("transitions %v, want %v", kinds, want)
	}
	if c := res.Clusters.Clusters[0][0]; c.Label != "Alpha" || !reflect.DeepEqual(c.MemberIDs, []string{"A", "B", "C", "F"}) {
		t.Errorf("2010 cluster %+v, want label Alpha and members A B C F", c)
	}
	if got := res.Undated; got != (Undated{Partnerships: 1, Arrangements: 1, DatedPartnerships: 3, DatedArrangements: 1}) {
		t.Errorf("undated %+v", got)
	}
}

func TestTimelineOptions(t *testing.T) {
	net := datedNetwork(t)
	ctx := context.Background()
	at2020 := Options{Dates: datedSeries()[3:]}
	cases := []struct {
		name string
		mod  func(*Options)
		ties int
	}{
		{"as recorded", func(*Options) {}, 2},
		// Carried: fire gains E (E-C, E-F), B-D becomes E-D from 2019-04-01;
		// the shared management team has only E left; A-C ended in 2015.
		{"carry successors", func(o *Options) { o.CarrySuccessors = true }, 5},
		// Dropping the undated fire area leaves C-D and the pooled C-F.
		{"drop undated", func(o *Options) { o.DropUndated = true }, 2},
		{"drop undated and carry", func(o *Options) { o.DropUndated, o.CarrySuccessors = true, true }, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := at2020
			c.mod(&o)
			res, err := Measure(ctx, net, o)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Periods[0].Ties; got != c.ties {
				t.Errorf("ties on 2020-01-01 = %d, want %d", got, c.ties)
			}
		})
	}
	if _, err := Measure(ctx, net, Options{}); err == nil {
		t.Error("no dates: no error")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Measure(cancelled, net, Options{Dates: datedSeries()}); err == nil {
		t.Error("cancelled: no error")
	}
}

func TestTimelineEmptyNetwork(t *testing.T) {
	res, err := Measure(context.Background(), graph.NewNetwork(), Options{Dates: datedSeries()})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Periods {
		if p.Organisations != 0 || p.Ties != 0 || p.Density != 0 || p.AverageClustering != 0 || p.Components != 0 {
			t.Errorf("%s: %+v, want zeros", p.Date, p)
		}
	}
	if len(res.Successions) != 0 || res.Survival.Subjects != 0 {
		t.Errorf("empty network: successions %v, survival %+v", res.Successions, res.Survival)
	}
}

func TestSeedPartition(t *testing.T) {
	// Organisations 0..4; on the previous date 0,1 were in cluster 3 and 2
	// in cluster 0; now 1, 2, 4 exist (4 is new and gets a fresh label).
	got := seedPartition([]int{3, 3, 0, -1, -1}, []int{1, 2, 4})
	if want := []int{3, 0, 4}; !reflect.DeepEqual(got, want) {
		t.Errorf("seedPartition = %v, want %v", got, want)
	}
	if seedPartition(nil, []int{0}) != nil {
		t.Error("first date: want nil seed")
	}
}
