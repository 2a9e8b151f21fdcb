package geo

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
)

// EnglandAreasFile is the embedded boundary file EnglandAreas reads.
const EnglandAreasFile = "england_lad_2024_buc.geojson"

// AreasAttribution must be shown wherever the embedded boundaries are drawn
// (their licence, the Open Government Licence v3.0, asks for it).
const AreasAttribution = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. " +
	"Contains OS data © Crown copyright and database right 2024."

// MaxAreasBytes bounds a boundary file, which is read whole: England's 296
// districts, ultra generalised, take about 300 KiB.
const MaxAreasBytes = 64 << 20

//go:embed areas/england_lad_2024_buc.geojson
var areasFS embed.FS

var englandAreas = sync.OnceValues(func() ([]graph.Area, error) {
	data, err := areasFS.ReadFile("areas/" + EnglandAreasFile)
	if err != nil {
		return nil, err
	}
	return ReadAreas(bytes.NewReader(data), EnglandAreasFile)
})

// EnglandAreas returns the embedded outlines of England's 296 local
// authority districts (lower-tier and unitary councils) as at May 2024,
// ultra generalised (ONS BUC, about 500 m), sorted by GSS code. A county
// council is the union of its districts and has no outline of its own;
// districts abolished before May 2024 are absent. Show AreasAttribution
// wherever they are drawn. The slice is shared: do not modify it.
func EnglandAreas() ([]graph.Area, error) { return englandAreas() }

// ReadAreas reads a GeoJSON FeatureCollection of Polygon or MultiPolygon
// features, each with a string property "code" (the organisation id; "id",
// "gss_code", "LAD24CD" and similar are accepted too) and optionally
// "name". Areas come back sorted by code; a code given twice is an error,
// as is a ring with fewer than four points or a coordinate that is not a
// finite longitude and latitude.
func ReadAreas(r io.Reader, name string) ([]graph.Area, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxAreasBytes+1))
	if err != nil {
		return nil, &datasets.ParseError{File: name, Err: err}
	}
	if len(data) > MaxAreasBytes {
		return nil, &datasets.ParseError{File: name, Err: fmt.Errorf("%w: more than %s of boundaries", datasets.ErrTooLarge, datasets.ByteSize(MaxAreasBytes))}
	}
	var doc struct {
		Type     string `json:"type"`
		Features []struct {
			Properties map[string]any `json:"properties"`
			Geometry   *struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, &datasets.ParseError{File: name, Err: fmt.Errorf("%w: not GeoJSON: %v", datasets.ErrMalformed, err)}
	}
	if doc.Type != "FeatureCollection" {
		return nil, &datasets.ParseError{File: name, Err: fmt.Errorf("%w: want a GeoJSON FeatureCollection, found type %q", datasets.ErrMalformed, doc.Type)}
	}
	areas := make([]graph.Area, 0, len(doc.Features))
	seen := make(map[string]int, len(doc.Features))
	for i, f := range doc.Features {
		where := fmt.Sprintf("feature %d", i+1)
		code, aname := areaProperty(f.Properties, "code", "id", "gss_code", "lad24cd", "lad23cd", "lad22cd", "lad21cd", "ctyua24cd"), areaProperty(f.Properties, "name", "lad24nm", "lad23nm", "lad22nm", "lad21nm", "ctyua24nm")
		if code == "" {
			return nil, &datasets.ParseError{File: name, Field: where, Err: fmt.Errorf("%w: no \"code\" property naming the organisation", datasets.ErrMissingColumn)}
		}
		if j, dup := seen[code]; dup {
			return nil, &datasets.ParseError{File: name, Field: where, Err: fmt.Errorf("code %q already given by feature %d", code, j)}
		}
		seen[code] = i + 1
		if f.Geometry == nil {
			return nil, &datasets.ParseError{File: name, Field: where, Err: fmt.Errorf("%w: %s has no geometry", datasets.ErrBadValue, code)}
		}
		var polys [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			err = json.Unmarshal(f.Geometry.Coordinates, &p)
			polys = [][][][2]float64{p}
		case "MultiPolygon":
			err = json.Unmarshal(f.Geometry.Coordinates, &polys)
		default:
			err = fmt.Errorf("geometry type %q, want Polygon or MultiPolygon", f.Geometry.Type)
		}
		if err == nil {
			err = checkRings(polys)
		}
		if err != nil {
			return nil, &datasets.ParseError{File: name, Field: where, Err: fmt.Errorf("%w: %s: %v", datasets.ErrBadValue, code, err)}
		}
		areas = append(areas, graph.Area{Code: code, Name: aname, Polygons: polys})
	}
	slices.SortFunc(areas, func(a, b graph.Area) int { return strings.Compare(a.Code, b.Code) })
	return areas, nil
}

// areaProperty returns the first of keys present (matched without regard
// to case) as a trimmed string.
func areaProperty(props map[string]any, keys ...string) string {
	for _, k := range keys {
		for pk, v := range props {
			if strings.EqualFold(pk, k) {
				if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
					return strings.TrimSpace(s)
				}
			}
		}
	}
	return ""
}

func checkRings(polys [][][][2]float64) error {
	if len(polys) == 0 {
		return errors.New("no polygons")
	}
	for _, poly := range polys {
		if len(poly) == 0 {
			return errors.New("a polygon with no rings")
		}
		for _, ring := range poly {
			if len(ring) < 4 {
				return fmt.Errorf("a ring of %d points, want at least 4", len(ring))
			}
			for _, p := range ring {
				if math.IsNaN(p[0]) || math.IsNaN(p[1]) || p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90 {
					return fmt.Errorf("point (%g, %g) is not a longitude and latitude", p[0], p[1])
				}
			}
		}
	}
	return nil
}

// SharedBorders returns the pairs of areas that share a border: two areas
// border each other when their outlines have a vertex in common, which is
// how a topologically clean boundary set (such as ONS's generalised
// boundaries) records a shared edge. Each pair is given once, codes in
// order, pairs sorted. Areas that touch only across water (an estuary) do
// not share a vertex and are not paired.
//
// On the embedded England districts this finds 771 pairs, and differs from
// ONS's 2021 neighbour table only where that table pairs districts across an
// estuary (16 pairs, e.g. Thurrock and Medway across the Thames) or names
// districts since merged.
func SharedBorders(areas []graph.Area) [][2]string {
	owners := make(map[[2]float64][]int)
	for i, a := range areas {
		for _, poly := range a.Polygons {
			for _, ring := range poly {
				for _, p := range ring {
					o := owners[p]
					if len(o) == 0 || o[len(o)-1] != i {
						owners[p] = append(o, i)
					}
				}
			}
		}
	}
	pairs := make(map[[2]int]bool)
	for _, o := range owners {
		for x := 0; x < len(o); x++ {
			for y := x + 1; y < len(o); y++ {
				a, b := o[x], o[y]
				if a > b {
					a, b = b, a
				}
				pairs[[2]int{a, b}] = true
			}
		}
	}
	out := make([][2]string, 0, len(pairs))
	for p := range pairs {
		a, b := areas[p[0]].Code, areas[p[1]].Code
		if a > b {
			a, b = b, a
		}
		out = append(out, [2]string{a, b})
	}
	slices.SortFunc(out, func(x, y [2]string) int {
		if c := strings.Compare(x[0], y[0]); c != 0 {
			return c
		}
		return strings.Compare(x[1], y[1])
	})
	return out
}
