package page

import (
	"math"
	"strings"
	"testing"

	"github.com/partnet/partnet/datasets/geo"
	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/palette"
)

func TestOutlineDropsSharedEdges(t *testing.T) {
	// Two unit squares side by side share the edge x=1 (walked once by
	// each): the outline is the other 6 unit edges.
	a := [][][2]float64{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}}
	b := [][][2]float64{{{1, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 0}}}
	segs := outline([][][][2]float64{a, b})
	if len(segs) != 6 {
		t.Fatalf("%d outline edges, want 6: %v", len(segs), segs)
	}
	for _, s := range segs {
		if s[0][0] == 1 && s[1][0] == 1 {
			t.Errorf("shared edge %v kept", s)
		}
	}
}

func TestInsidePoint(t *testing.T) {
	// A 2x2 square at the equator (cos 0 = 1): the farthest grid point
	// from the edges is near the centre, about 1 from every side.
	sq := [][][][2]float64{{{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}}}
	p, r := insidePoint(sq)
	if math.Abs(p[0]-1) > 0.1 || math.Abs(p[1]-1) > 0.1 || r < 0.9 || r > 1 {
		t.Errorf("inside point %v radius %g, want about (1,1) and 1", p, r)
	}
	// An L shape: the point must be inside it, not in the notch.
	l := [][][][2]float64{{{{0, 0}, {3, 0}, {3, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}}}}
	p, _ = insidePoint(l)
	if !inPolygon(l[0], p) {
		t.Errorf("inside point %v of the L is outside it", p)
	}
}

func TestNaturalCompare(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"small-2", "small-10", -1}, {"C10", "C9", 1}, {"a", "a", 0}, {"large-1", "small-1", -1}, {"x2", "x2a", -1}} {
		if got := naturalCompare(c.a, c.b); got != c.want {
			t.Errorf("naturalCompare(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestGeoViewEngland checks the map's view on the England data: every
// district with an organisation is an area, Cambridgeshire County Council
// is drawn as the outline of its five districts, group members get their
// group's legend colour and the rest grey.
func TestGeoViewEngland(t *testing.T) {
	r := englandReport(t)
	g := r.Geo
	if g.Fallback != "" || len(g.Areas) != 296 {
		t.Fatalf("%d areas, fallback %q; want all 296 districts", len(g.Areas), g.Fallback)
	}
	if g.Attribution != geo.AreasAttribution {
		t.Errorf("attribution %q", g.Attribution)
	}
	// England spans about 50° to 55.8° N: the middle is near 52.9°, whose
	// cosine is about 0.60.
	if g.Aspect < 0.58 || g.Aspect > 0.62 {
		t.Errorf("aspect %g, want about cos(52.9°) = 0.60", g.Aspect)
	}
	var cambs *MapCounty
	for k := range g.Counties {
		if g.Counties[k].ID == "E10000003" {
			cambs = &g.Counties[k]
		}
	}
	// Cambridge, East Cambridgeshire, Fenland, Huntingdonshire and South
	// Cambridgeshire (organisations.csv: parent E10000003).
	if cambs == nil || cambs.Districts != 5 || len(cambs.Segments) == 0 {
		t.Fatalf("Cambridgeshire county outline: %+v", cambs)
	}
	total := 0
	for _, a := range g.Areas {
		if strings.HasPrefix(a.Code, "E070000") && (a.Code >= "E07000008" && a.Code <= "E07000012") {
			for _, poly := range a.Polygons {
				for _, ring := range poly {
					total += len(ring) - 1
				}
			}
		}
	}
	if len(cambs.Segments) >= total {
		t.Errorf("the county outline has %d edges, no fewer than its districts' %d: shared borders were not removed", len(cambs.Segments), total)
	}
	c := g.Colourings[0]
	legend := map[string]string{}
	for _, e := range c.Legend {
		legend[e.Label] = e.Colour
	}
	members := 0
	for k, a := range g.Areas {
		want := legend[a.Group]
		if palette.IsNone(a.Group) {
			want = palette.NoCategory
		} else {
			members++
		}
		if c.Area[k] != want || want == "" {
			t.Errorf("%s (%s): colour %s, want %s", a.Name, a.Group, c.Area[k], want)
		}
	}
	if members == 0 {
		t.Error("no district is in a candidate group")
	}
	// Colourings: candidate group, cluster, then measures.
	var names []string
	for _, c := range g.Colourings {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, "|"); got != "candidate group|cluster|partners|density of partners' ties|population" {
		t.Errorf("colourings %s", got)
	}
}

// TestGeoFallback: with no outline matching, the map is dots on an
// equal-scale projection and says why.
func TestGeoFallback(t *testing.T) {
	net := graph.NewNetwork()
	for k, o := range []graph.Organisation{
		{ID: "a", Lat: 60, Lon: 10, HasLocation: true}, {ID: "b", Lat: 62, Lon: 11, HasLocation: true}, {ID: "c"},
	} {
		_ = k
		if err := net.AddOrganisation(o); err != nil {
			t.Fatal(err)
		}
	}
	areas, err := geo.EnglandAreas()
	if err != nil {
		t.Fatal(err)
	}
	in := geoInput(net, []string{"x", "x", "x"}, 1)
	in.Src.Areas = areas
	g := geoView(in, nil)
	if len(g.Areas) != 0 || len(g.Points) != 2 || g.Missing != 1 || !strings.Contains(g.Fallback, "No organisation's id is the code of one of the 296 area outlines") {
		t.Fatalf("fallback view: %d areas, %d points, %d missing, %q", len(g.Areas), len(g.Points), g.Missing, g.Fallback)
	}
	if want := math.Cos(61 * math.Pi / 180); math.Abs(g.Aspect-want) > 1e-4 {
		t.Errorf("aspect %g, want cos(61°) = %g", g.Aspect, want)
	}
	if g.Attribution != "" {
		t.Errorf("attribution %q shown with no outline drawn", g.Attribution)
	}
	in.Src.Areas = nil
	if g := geoView(in, nil); !strings.Contains(g.Fallback, "No area outlines were given") {
		t.Errorf("fallback without outlines: %q", g.Fallback)
	}
}

// TestGeoUserColumns: a numeric column of the user's data becomes a
// colouring (a text column does not), areas given by the caller are
// matched by id, and the ramp runs from the least to the greatest value.
func TestGeoUserColumns(t *testing.T) {
	net := graph.NewNetwork()
	orgs := []graph.Organisation{
		{ID: "A1", Name: "Area one", Attrs: map[string]string{"budget": "10", "notes": "x"}},
		{ID: "A2", Name: "Area two", Attrs: map[string]string{"budget": "30", "notes": "7"}},
		{ID: "charity", Name: "A charity", Lat: 0.5, Lon: 3, HasLocation: true, Attrs: map[string]string{"budget": "", "notes": "y"}},
	}
	for _, o := range orgs {
		if err := net.AddOrganisation(o); err != nil {
			t.Fatal(err)
		}
	}
	if err := net.AddPartnership(graph.Partnership{Source: "A1", Target: "A2", Kind: "shared_service"}); err != nil {
		t.Fatal(err)
	}
	sq := func(x float64) graph.Area {
		return graph.Area{Code: "A" + string(rune('1'+int(x))), Polygons: [][][][2]float64{{{{x, 0}, {x + 1, 0}, {x + 1, 1}, {x, 1}, {x, 0}}}}}
	}
	in := geoInput(net, []string{"x", "x", "y"}, 1)
	in.Src.Areas, in.Src.AreasAttribution = []graph.Area{sq(0), sq(1)}, "test outlines"
	g := geoView(in, nil)
	if len(g.Areas) != 2 || len(g.Points) != 1 || g.Points[0].ID != "charity" || g.Attribution != "test outlines" {
		t.Fatalf("areas %d, points %v, attribution %q", len(g.Areas), g.Points, g.Attribution)
	}
	var budget *MapColouring
	var names []string
	for k := range g.Colourings {
		names = append(names, g.Colourings[k].Name)
		if g.Colourings[k].Name == "budget" {
			budget = &g.Colourings[k]
		}
	}
	if got := strings.Join(names, "|"); got != "sector|partners|density of partners' ties|budget" {
		t.Fatalf("colourings %s", got)
	}
	if budget.MinText != "10" || budget.MaxText != "30" || budget.Area[0] != rampColour(0) || budget.Area[1] != rampColour(1) || budget.Point[0] != noValueColour {
		t.Errorf("budget colouring %+v", budget)
	}
}
