package geo

import (
	"errors"
	"strings"
	"testing"

	"github.com/partnet/partnet/datasets"
)

func TestEnglandAreas(t *testing.T) {
	areas, err := EnglandAreas()
	if err != nil {
		t.Fatal(err)
	}
	// SOURCES.md: "the 296 English local authority districts ... as at May 2024".
	if len(areas) != 296 {
		t.Fatalf("EnglandAreas: %d areas, want 296", len(areas))
	}
	byCode := map[string]string{}
	for _, a := range areas {
		byCode[a.Code] = a.Name
		minLon, minLat, maxLon, maxLat := a.Bounds()
		// England lies within about 6.5W-1.8E, 49.8N-55.9N.
		if minLon < -6.5 || maxLon > 1.8 || minLat < 49.8 || maxLat > 55.9 {
			t.Errorf("%s %s: bounds %v %v %v %v outside England", a.Code, a.Name, minLon, minLat, maxLon, maxLat)
		}
	}
	for code, name := range map[string]string{"E07000200": "Babergh", "E08000009": "Trafford", "E06000053": "Isles of Scilly"} {
		if byCode[code] != name {
			t.Errorf("area %s is named %q, want %q", code, byCode[code], name)
		}
	}
}

func TestSharedBordersEngland(t *testing.T) {
	areas, err := EnglandAreas()
	if err != nil {
		t.Fatal(err)
	}
	got := map[[2]string]bool{}
	for _, p := range SharedBorders(areas) {
		if p[0] >= p[1] {
			t.Fatalf("pair %v not in code order", p)
		}
		got[p] = true
	}
	// Facts of geography, checked on a map; not the function's own output.
	tests := []struct {
		name   string
		a, b   string
		border bool
	}{
		{"Babergh and Mid Suffolk", "E07000200", "E07000203", true},
		{"Manchester and Trafford", "E08000003", "E08000009", true},
		{"Camden and Westminster", "E09000007", "E09000033", true},
		{"Cornwall and Isles of Scilly (sea)", "E06000052", "E06000053", false},
		{"Hartlepool and Redcar and Cleveland (Tees estuary)", "E06000001", "E06000003", false},
		{"Babergh and Manchester", "E07000200", "E08000003", false},
	}
	for _, tc := range tests {
		if got[[2]string{tc.a, tc.b}] != tc.border {
			t.Errorf("%s: border %v, want %v", tc.name, !tc.border, tc.border)
		}
	}
}

func TestReadAreas(t *testing.T) {
	// Two unit squares sharing the edge x=1, and a third square apart:
	// exactly one bordering pair.
	const squares = `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"B","name":"Bee"},"geometry":{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]}},
{"type":"Feature","properties":{"CODE":"A"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]]]]}},
{"type":"Feature","properties":{"code":"C"},"geometry":{"type":"Polygon","coordinates":[[[5,5],[6,5],[6,6],[5,6],[5,5]]]}}]}`
	areas, err := ReadAreas(strings.NewReader(squares), "sq.geojson")
	if err != nil {
		t.Fatal(err)
	}
	if len(areas) != 3 || areas[0].Code != "A" || areas[1].Name != "Bee" {
		t.Fatalf("ReadAreas = %+v", areas)
	}
	if b := SharedBorders(areas); len(b) != 1 || b[0] != [2]string{"A", "B"} {
		t.Errorf("SharedBorders = %v, want [[A B]]", b)
	}

	bad := []struct{ name, doc, want string }{
		{"not json", `{`, "not GeoJSON"},
		{"not a collection", `{"type":"Feature"}`, "FeatureCollection"},
		{"no code", `{"type":"FeatureCollection","features":[{"properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`, `no "code"`},
		{"duplicate", `{"type":"FeatureCollection","features":[{"properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},{"properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`, "already given"},
		{"short ring", `{"type":"FeatureCollection","features":[{"properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}}]}`, "ring of 3 points"},
		{"point", `{"type":"FeatureCollection","features":[{"properties":{"code":"A"},"geometry":{"type":"Point","coordinates":[0,0]}}]}`, "Polygon or MultiPolygon"},
		{"latitude", `{"type":"FeatureCollection","features":[{"properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,91],[0,0]]]}}]}`, "not a longitude and latitude"},
	}
	for _, tc := range bad {
		_, err := ReadAreas(strings.NewReader(tc.doc), "x.geojson")
		var pe *datasets.ParseError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "x.geojson") {
			t.Errorf("%s: ReadAreas error %v, want a datasets.ParseError in x.geojson containing %q", tc.name, err, tc.want)
		}
	}
}
