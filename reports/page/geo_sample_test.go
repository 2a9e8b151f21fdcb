package page

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/partnet/partnet/graph"
)

// TestGeoSample: beyond GeoPointBudget located organisations the map keeps
// every candidate-group member and about budget/located of the rest (a
// binomial count, checked within five standard deviations), the same ids
// whatever the row order, and the page states it shows a sample.
func TestGeoSample(t *testing.T) {
	const n = 3 * GeoPointBudget
	build := func(order []int) *graph.Network {
		net := graph.NewNetwork()
		for _, i := range order {
			o := graph.Organisation{ID: fmt.Sprintf("org-%06d", i), Sector: "council", HasLocation: i%10 != 0,
				Lat: 50 + float64(i%1000)/100, Lon: -3 + float64(i/1000)/100}
			if err := net.AddOrganisation(o); err != nil {
				t.Fatal(err)
			}
		}
		return net
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	groups := make([]string, n)
	cands := []GroupRow{{GroupID: "large-1", MemberIDs: []string{"org-000001", "org-000002", "org-000003"}}}
	g := geoView(geoInput(build(order), groups, 7), cands)
	located := n - n/10
	if g.Located != located || g.Missing != n/10 {
		t.Fatalf("located %d, missing %d; want %d, %d", g.Located, g.Missing, located, n/10)
	}
	p := float64(GeoPointBudget) / float64(located)
	mean, sd := float64(located)*p, math.Sqrt(float64(located)*p*(1-p))
	if got := float64(len(g.Points)); math.Abs(got-mean) > 5*sd+3 {
		t.Errorf("%v points drawn, want about %.0f (sd %.0f)", got, mean, sd)
	}
	kept := map[string]bool{}
	for _, pt := range g.Points {
		kept[pt.ID] = true
	}
	for _, id := range cands[0].MemberIDs {
		if !kept[id] {
			t.Errorf("candidate-group member %s left off the map", id)
		}
	}
	rand.New(rand.NewPCG(1, 1)).Shuffle(n, func(a, b int) { order[a], order[b] = order[b], order[a] })
	h := geoView(geoInput(build(order), groups, 7), cands)
	if len(h.Points) != len(g.Points) {
		t.Fatalf("shuffled rows: %d points, want %d", len(h.Points), len(g.Points))
	}
	for _, pt := range h.Points {
		if !kept[pt.ID] {
			t.Fatalf("shuffled rows kept %s, which the first order did not", pt.ID)
		}
	}
	// Another seed draws another sample.
	other := geoView(geoInput(build(order), groups, 8), cands)
	same := 0
	for _, pt := range other.Points {
		if kept[pt.ID] {
			same++
		}
	}
	if same > len(g.Points)/2 {
		t.Errorf("seeds 7 and 8 share %d of %d points: the seed is not used", same, len(g.Points))
	}
	// The page says it shows a sample, and only when it does.
	page := hostileReport(t)
	for _, c := range []struct {
		geo  GeoView
		want bool
	}{{g, true}, {page.Geo, false}} {
		page.Geo = c.geo
		var buf bytes.Buffer
		if err := WriteHTML(&buf, page, HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		said := strings.Contains(buf.String(), fmt.Sprintf("The map shows %d of the %d located organisations", len(c.geo.Points), c.geo.Located))
		if said != c.want {
			t.Errorf("page states a sample: %v, want %v", said, c.want)
		}
	}
	// Under the budget nothing is sampled.
	small := geoView(geoInput(build(order[:1000]), groups[:1000], 7), nil)
	if len(small.Points) != small.Located {
		t.Errorf("under the budget: %d of %d located drawn", len(small.Points), small.Located)
	}
}

// geoInput is what Build hands the geography section for net, with no
// clusters and no area outlines.
func geoInput(net *graph.Network, groups []string, seed uint64) *sectionInput {
	return &sectionInput{Net: net, Snapshot: net.Snapshot(graph.Weighting{}), Src: &Source{By: "sector", Seed: seed}, Groups: groups}
}
