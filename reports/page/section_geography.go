package page

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/render"
	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/palette"
)

// The geography section: a map of council areas. Organisations whose id is
// an area's code (an English district's GSS code, with the embedded
// outlines) are drawn as that area, coloured by candidate group, cluster
// or a measure, switchable on the page; an organisation that is the parent
// of drawn districts (a county council) is drawn as their outline; every
// other located organisation is a dot on top. ECharts draws it on a geo
// component from outlines registered in the page itself (echarts.registerMap),
// so it opens offline. Without matching outlines the map falls back to the
// dots alone, on the same equal-scale projection, and says why.

func init() {
	register(&section{
		ID: "geography", Nav: "Geography", Order: 40,
		Build: func(in *sectionInput, r *Report) error {
			r.Geo = geoView(in, r.Groups)
			return nil
		},
		Charts: func(r *Report) []sectionChart {
			if len(r.Geo.Points) == 0 && len(r.Geo.Areas) == 0 {
				return nil
			}
			return []sectionChart{{ID: ChartGeo, Build: func() (render.Renderer, error) { return geoChart(ChartGeo) }}}
		},
		Template: geographyTemplate,
		Tables: func(r *Report) []Table {
			return []Table{{"geography", r.Geo.Points}, {"map_areas", r.Geo.Areas}, {"map_counties", r.Geo.Counties}}
		},
	})
}

const geographyTemplate = `<section id="geography">
<h2>Geography</h2>
{{- if or .Geo.Areas .Geo.Points}}
{{- if .Geo.Areas}}
<p>Council areas coloured by {{(index .Geo.Colourings 0).Name}}: {{len .Geo.Areas}} organisations drawn as their district{{if .Geo.Counties}}, {{len .Geo.Counties}} county councils as the outline of their districts{{end}}{{if .Geo.Points}}, and {{len .Geo.Points}} other located organisations (agencies, charities and others) as dots on top{{end}}. Hover over an area for its figures; scroll to zoom, drag to pan.{{if lt (len .Geo.Points) .Geo.Located}} The dots show {{len .Geo.Points}} of the {{.Geo.Located}} located organisations: every candidate-group member and a seeded sample of the rest.{{end}}{{if .Geo.Missing}} {{.Geo.Missing}} organisations have neither an area nor a location and are not shown.{{end}}</p>
{{- else}}
<p class="note" id="geo-fallback">{{.Geo.Fallback}}</p>
<p>Organisations with a known location, on an equal-scale map projection, coloured by {{.Geo.ColourBy}}.{{if lt (len .Geo.Points) .Geo.Located}} The map shows {{len .Geo.Points}} of the {{.Geo.Located}} located organisations: every candidate-group member and a seeded sample of the rest.{{end}}{{if .Geo.Missing}} {{.Geo.Missing}} organisations have no location and are not shown.{{end}}</p>
{{- end}}
{{- if gt (len .Geo.Colourings) 1}}
<p class="switch">Colour by:
{{- range $k, $c := .Geo.Colourings}} <button type="button" data-geo-colouring="{{$k}}">{{$c.Name}}</button>{{end}}
</p>
{{- end}}
<script>
var partnetGeo = {{geoPage .Geo}};
echarts.registerMap(partnetGeo.map, partnetGeo.geojson);
{{template "geo.js"}}
</script>
<div class="legend" id="geo-legend"></div>
{{index .Charts "chartGeo"}}
{{- if .Geo.Attribution}}<p class="attribution" id="geo-attribution">{{.Geo.Attribution}}</p>{{end}}
{{- if .Geo.Areas}}
<details><summary>Data table ({{len .Geo.Areas}} areas)</summary>
<table class="sortable"><thead><tr><th>code</th><th>name</th><th>{{(index .Geo.Colourings 0).Name}}</th><th>partners</th><th>density of partners' ties</th></tr></thead><tbody>
{{- range .Geo.Areas}}
<tr><td>{{.Code}}</td><td>{{.Name}}</td><td>{{.Group}}</td><td>{{.Partners}}</td><td>{{num .Density}}</td></tr>
{{- end}}
</tbody></table>
</details>
{{- end}}
{{- if .Geo.Points}}
<details><summary>Data table ({{len .Geo.Points}} located organisations{{if .Geo.Areas}} not drawn as areas{{end}})</summary>
<table class="sortable"><thead><tr><th>id</th><th>name</th><th>longitude</th><th>latitude</th><th>{{.Geo.ColourBy}}</th></tr></thead><tbody>
{{- range $k, $p := .Geo.Points}}{{if lt $k 500}}
<tr><td>{{$p.ID}}</td><td>{{$p.Name}}</td><td>{{num $p.Lon}}</td><td>{{num $p.Lat}}</td><td>{{$p.Group}}</td></tr>{{end}}
{{- end}}
</tbody></table>{{if gt (len .Geo.Points) 500}}<p class="note">First 500 rows; all are in the tables written with --tables.</p>{{end}}
</details>
{{- end}}
{{- else}}
<p class="note">No organisation has an area outline or a location (lat and lon), so there is no map.</p>
{{- end}}
</section>`

// geoChart is the map's container and ECharts instance; the page script
// (templates/parts.html, "geo.js") gives it the registered outlines, the
// colouring, the county outlines and the dots.
func geoChart(id string) (*charts.Geo, error) {
	g := charts.NewGeo()
	g.SetGlobalOptions(initOpts(id, "760px"),
		charts.WithGeoComponentOpts(opts.GeoComponent{Map: geoMapName}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithAnimation(false))
	g.AddJSFuncs("partnetGeoDraw(%MY_ECHARTS%, 0);")
	return g, nil
}

const geoMapName = "partnet-areas"

// geoPageData is what the page script needs, as one JSON value that
// html/template escapes into the <script>.
type geoPageData struct {
	Map        string          `json:"map"`
	GeoJSON    geoFeatures     `json:"geojson"`
	Aspect     float64         `json:"aspect"`
	Areas      []geoPageItem   `json:"areas"`
	Counties   []geoPageCounty `json:"counties"`
	Points     []geoPageItem   `json:"points"`
	Large      bool            `json:"large"`
	Colourings []MapColouring  `json:"colourings"`
}

type geoPageItem struct {
	Name string     `json:"name,omitempty"`
	Tip  string     `json:"t,omitempty"`
	At   [2]float64 `json:"at,omitempty"`
}

// geoLargeDots is the most dots drawn one by one with their names; above
// it the dots are plain [lon, lat] pairs drawn in ECharts' large mode, one
// series per colour, which keeps a 50,000-dot page short and quick.
const geoLargeDots = 2000

type geoPageCounty struct {
	Name     string          `json:"name"`
	Tip      string          `json:"t"`
	Segments [][2][2]float64 `json:"segments"`
}

type geoFeatures struct {
	Type     string       `json:"type"`
	Features []geoFeature `json:"features"`
}

type geoFeature struct {
	Type       string            `json:"type"`
	Properties map[string]string `json:"properties"`
	Geometry   geoGeometry       `json:"geometry"`
}

type geoGeometry struct {
	Type        string           `json:"type"`
	Coordinates [][][][2]float64 `json:"coordinates"`
}

// geoPage turns the view into the page's data. Areas are registered under
// their code (names may repeat); with no areas one invisible rectangle
// around the dots gives the projection its extent.
func geoPage(g GeoView) (template.JS, error) {
	d := geoPageData{Map: geoMapName, GeoJSON: geoFeatures{Type: "FeatureCollection", Features: []geoFeature{}}, Aspect: g.Aspect,
		Colourings: g.Colourings, Areas: []geoPageItem{}, Counties: []geoPageCounty{}, Points: []geoPageItem{}}
	for _, a := range g.Areas {
		d.GeoJSON.Features = append(d.GeoJSON.Features, geoFeature{Type: "Feature", Properties: map[string]string{"name": a.Code},
			Geometry: geoGeometry{Type: "MultiPolygon", Coordinates: a.Polygons}})
		d.Areas = append(d.Areas, geoPageItem{Name: a.Code, Tip: a.Tooltip, At: a.Inside})
	}
	for _, c := range g.Counties {
		d.Counties = append(d.Counties, geoPageCounty{Name: c.Name, Tip: c.Tooltip, Segments: c.Segments})
	}
	for _, p := range g.Points {
		item := geoPageItem{At: [2]float64{round5(p.Lon), round5(p.Lat)}}
		if len(g.Points) <= geoLargeDots {
			item.Name, item.Tip = p.Name, p.Name+"\n"+g.ColourBy+": "+p.Group
		}
		d.Points = append(d.Points, item)
	}
	d.Large = len(g.Points) > geoLargeDots
	if len(g.Areas) == 0 && len(g.Points) > 0 {
		minLon, minLat, maxLon, maxLat := g.Points[0].Lon, g.Points[0].Lat, g.Points[0].Lon, g.Points[0].Lat
		for _, p := range g.Points {
			minLon, maxLon, minLat, maxLat = min(minLon, p.Lon), max(maxLon, p.Lon), min(minLat, p.Lat), max(maxLat, p.Lat)
		}
		pad := max(0.02, 0.05*max(maxLon-minLon, maxLat-minLat))
		minLon, maxLon, minLat, maxLat = minLon-pad, maxLon+pad, minLat-pad, maxLat+pad
		ring := [][2]float64{{minLon, minLat}, {maxLon, minLat}, {maxLon, maxLat}, {minLon, maxLat}, {minLon, minLat}}
		d.GeoJSON.Features = append(d.GeoJSON.Features, geoFeature{Type: "Feature", Properties: map[string]string{"name": ""},
			Geometry: geoGeometry{Type: "MultiPolygon", Coordinates: [][][][2]float64{{ring}}}})
	}
	// encoding/json escapes '<', '>', '&' and the JavaScript line
	// separators; '_' becomes \u005f too (it occurs only inside JSON
	// strings), so no name can make "__f__" in a script, the rule every
	// script of the page keeps (see charts_safe.go).
	b, err := json.Marshal(d)
	if err != nil {
		return "", fmt.Errorf("report: map data: %w", err)
	}
	return template.JS(strings.ReplaceAll(string(b), "_", `\u005f`)), nil
}

func round5(x float64) float64 { return math.Round(x*1e5) / 1e5 }

// GeoPointBudget is the most organisations the map's dot layer draws.
// Above it the map shows every candidate-group member and a seeded sample
// of the others, each kept with probability budget/located: a uniform
// sample keeps the picture of where organisations are, and a million
// points would make a 17 MB page that browsers draw slowly.
const GeoPointBudget = 50000

// geoView builds the map: areas for organisations whose id is an area's
// code, county outlines for the parents of drawn areas, dots for the other
// located organisations; colourings by candidate group, cluster and the
// grouping attribute (categories) and by partners, density of partners'
// ties and each numeric column (measures). Whether a dot is kept above
// GeoPointBudget depends only on its id and the seed, not on row order.
func geoView(in *sectionInput, cands []GroupRow) GeoView {
	net, s := in.Net, in.Snapshot
	n := net.NumOrganisations()
	// The categorical colourings, first the one shown first.
	type cat struct {
		name   string
		labels []string
	}
	var cats []cat
	if len(cands) > 0 {
		inGroup := map[string]string{}
		for _, g := range cands {
			for _, id := range g.MemberIDs {
				inGroup[id] = g.GroupID
			}
		}
		labels := make([]string, n)
		for i := range labels {
			labels[i] = "(not in a group)"
			if g, ok := inGroup[net.Organisation(i).ID]; ok {
				labels[i] = g
			}
		}
		cats = append(cats, cat{"candidate group", labels})
	}
	if in.Membership != nil {
		labels := make([]string, n)
		for i, c := range in.Membership {
			labels[i] = "(none)"
			if c >= 0 {
				labels[i] = in.ClusterNames[c]
			}
		}
		cats = append(cats, cat{"cluster", labels})
	}
	if len(cats) == 0 {
		cats = append(cats, cat{in.Src.By, in.Groups})
	}
	g := GeoView{ColourBy: cats[0].name}

	// Areas: organisations whose id is an area code.
	byID := make(map[string]int, n)
	for i := 0; i < n; i++ {
		byID[net.Organisation(i).ID] = i
	}
	drawn := make([]bool, n)
	for _, a := range in.Src.Areas {
		i, ok := byID[a.Code]
		if !ok || len(a.Polygons) == 0 {
			continue
		}
		drawn[i] = true
		o := net.Organisation(i)
		inside, radius := insidePoint(a.Polygons)
		g.Areas = append(g.Areas, MapArea{Code: a.Code, Name: o.Label(), Group: cats[0].labels[i], Partners: s.Degree(i),
			Inside: inside, Radius: radius, Polygons: roundPolygons(a.Polygons), org: i})
	}
	// The density of partners' ties needs every triangle: counted only
	// when some area is drawn.
	var density []float64
	if len(g.Areas) > 0 {
		density = analysis.LocalClustering(s)
		for k := range g.Areas {
			g.Areas[k].Density = density[g.Areas[k].org]
		}
	}
	// Counties: parents of drawn areas that are not areas themselves.
	children := map[int][]int{} // county org -> indices into g.Areas
	for k, a := range g.Areas {
		if p, ok := byID[net.Organisation(a.org).Parent]; ok && !drawn[p] && net.Organisation(a.org).Parent != "" {
			children[p] = append(children[p], k)
		}
	}
	var countyOrgs []int
	for p := range children {
		countyOrgs = append(countyOrgs, p)
	}
	slices.SortFunc(countyOrgs, func(a, b int) int { return cmp.Compare(net.Organisation(a).ID, net.Organisation(b).ID) })
	for _, p := range countyOrgs {
		var polys [][][][2]float64
		for _, k := range children[p] {
			polys = append(polys, g.Areas[k].Polygons...)
		}
		o := net.Organisation(p)
		g.Counties = append(g.Counties, MapCounty{ID: o.ID, Name: o.Label(), Group: cats[0].labels[p], Districts: len(children[p]),
			Segments: outline(polys), org: p})
		drawn[p] = true
	}

	// Dots: every other located organisation.
	for i := 0; i < n; i++ {
		o := net.Organisation(i)
		switch {
		case drawn[i]:
		case o.HasLocation:
			g.Located++
		default:
			g.Missing++
		}
	}
	keep := func(int) bool { return true }
	if g.Located > GeoPointBudget {
		inGroup := map[string]bool{}
		for _, c := range cands {
			for _, id := range c.MemberIDs {
				inGroup[id] = true
			}
		}
		limit := uint64(float64(GeoPointBudget) / float64(g.Located) * (1 << 63))
		keep = func(i int) bool {
			id := net.Organisation(i).ID
			return inGroup[id] || sampleHash(in.Src.Seed, id)>>1 < limit
		}
	}
	var pointOrg []int
	for i := 0; i < n; i++ {
		o := net.Organisation(i)
		if !drawn[i] && o.HasLocation && keep(i) {
			g.Points = append(g.Points, GeoPoint{ID: o.ID, Name: o.Label(), Lon: o.Lon, Lat: o.Lat, Group: cats[0].labels[i]})
			pointOrg = append(pointOrg, i)
		}
	}

	// The projection: equal scale at the middle latitude.
	minLat, maxLat := math.Inf(1), math.Inf(-1)
	for _, a := range in.Src.Areas {
		if _, ok := byID[a.Code]; ok {
			_, lo, _, hi := a.Bounds()
			minLat, maxLat = min(minLat, lo), max(maxLat, hi)
		}
	}
	for _, p := range g.Points {
		minLat, maxLat = min(minLat, p.Lat), max(maxLat, p.Lat)
	}
	g.Aspect = 1
	if !math.IsInf(minLat, 0) {
		g.Aspect = round5(math.Cos((minLat + maxLat) / 2 * math.Pi / 180))
	}

	if len(g.Areas) > 0 {
		g.Attribution = in.Src.AreasAttribution
	}
	switch {
	case len(in.Src.Areas) == 0:
		g.Fallback = "No area outlines were given to the report, so the map shows organisations as dots at their locations."
	case len(g.Areas) == 0:
		g.Fallback = fmt.Sprintf("No organisation's id is the code of one of the %d area outlines (for England, a district's GSS code such as E07000200), so the map shows organisations as dots at their locations.", len(in.Src.Areas))
	}

	// Colourings: categories, then measures.
	for _, c := range cats {
		g.Colourings = append(g.Colourings, categoryMapColouring(c.name, c.labels, g, pointOrg))
	}
	if len(g.Areas) > 0 {
		partners := make([]float64, n)
		for i := range partners {
			partners[i] = float64(s.Degree(i))
		}
		g.Colourings = append(g.Colourings, measureMapColouring("partners", partners, g, pointOrg),
			measureMapColouring("density of partners' ties", density, g, pointOrg))
		for _, col := range numericColumns(net, g.Areas) {
			g.Colourings = append(g.Colourings, measureMapColouring(col.name, col.values, g, pointOrg))
		}
	}
	for k := range g.Areas {
		a := &g.Areas[k]
		a.Tooltip = mapTooltip(net.Organisation(a.org), a.Code, g.Colourings, "Area", k)
	}
	for k := range g.Counties {
		c := &g.Counties[k]
		c.Tooltip = mapTooltip(net.Organisation(c.org), "", g.Colourings, "County", k) + fmt.Sprintf("\noutline of %d districts", c.Districts)
	}
	return g
}

// mapTooltip is an area's or county's hover text: its name and id, then its
// value in every colouring.
func mapTooltip(o *graph.Organisation, code string, cs []MapColouring, kind string, k int) string {
	lines := []string{o.Label(), "id: " + o.ID}
	for _, c := range cs {
		label := c.Label
		if kind == "County" {
			label = c.countyLabel
		}
		if k < len(label) {
			lines = append(lines, c.Name+": "+label[k])
		}
	}
	return strings.Join(lines, "\n")
}

// categoryMapColouring colours each area, county and dot by its category,
// the categories in use listed in the legend, "no category" last.
func categoryMapColouring(name string, labels []string, g GeoView, pointOrg []int) MapColouring {
	used := map[string]bool{}
	for _, a := range g.Areas {
		used[labels[a.org]] = true
	}
	for _, c := range g.Counties {
		used[labels[c.org]] = true
	}
	for _, i := range pointOrg {
		used[labels[i]] = true
	}
	var names []string
	for l := range used {
		names = append(names, l)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(b2i(palette.IsNone(a)), b2i(palette.IsNone(b))), naturalCompare(a, b))
	})
	colours := palette.Categories(names)
	colourOf := map[string]string{}
	m := MapColouring{Name: name}
	for k, l := range names {
		colourOf[l] = colours[k]
		m.Legend = append(m.Legend, LegendEntry{l, colours[k]})
	}
	for _, a := range g.Areas {
		m.Area, m.Label = append(m.Area, colourOf[labels[a.org]]), append(m.Label, labels[a.org])
	}
	for _, c := range g.Counties {
		m.County, m.countyLabel = append(m.County, colourOf[labels[c.org]]), append(m.countyLabel, labels[c.org])
	}
	for _, i := range pointOrg {
		m.Point = append(m.Point, colourOf[labels[i]])
	}
	return m
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// naturalCompare orders "small-2" before "small-10": runs of digits
// compare by value.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			x, _ := strconv.ParseUint(a[:da], 10, 64)
			y, _ := strconv.ParseUint(b[:db], 10, 64)
			if c := cmp.Compare(x, y); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digitRun(s string) int {
	k := 0
	for k < len(s) && k < 18 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	return k
}

// rampColours are the anchors of the measure colour ramp, low to high: a
// sequential ramp from pale yellow through green to dark blue whose
// lightness falls steadily, so order reads without a legend.
var rampColours = [][3]int{{255, 247, 188}, {161, 218, 180}, {65, 182, 196}, {34, 94, 168}, {12, 44, 132}}

// noValueColour marks an area with no value of the measure.
const noValueColour = "#e6e6e6"

func rampColour(t float64) string {
	t = math.Min(1, math.Max(0, t))
	x := t * float64(len(rampColours)-1)
	k := min(int(x), len(rampColours)-2)
	f := x - float64(k)
	var c [3]int
	for j := range c {
		c[j] = int(math.Round(float64(rampColours[k][j])*(1-f) + float64(rampColours[k+1][j])*f))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

// measureMapColouring colours areas by value on the ramp between the
// areas' least and greatest value; counties and dots get their own value
// on the same scale. NaN is "no value".
func measureMapColouring(name string, values []float64, g GeoView, pointOrg []int) MapColouring {
	m := MapColouring{Name: name, Measure: true, Min: math.Inf(1), Max: math.Inf(-1)}
	for _, a := range g.Areas {
		if v := values[a.org]; !math.IsNaN(v) {
			m.Min, m.Max = min(m.Min, v), max(m.Max, v)
		}
	}
	colour := func(v float64) string {
		if math.IsNaN(v) || math.IsInf(m.Min, 0) {
			return noValueColour
		}
		if m.Max == m.Min {
			return rampColour(0.5)
		}
		return rampColour((v - m.Min) / (m.Max - m.Min))
	}
	text := func(v float64) string {
		if math.IsNaN(v) {
			return "no value"
		}
		return formatNum(round4(v))
	}
	for _, a := range g.Areas {
		m.Area, m.Label = append(m.Area, colour(values[a.org])), append(m.Label, text(values[a.org]))
	}
	for _, c := range g.Counties {
		m.County, m.countyLabel = append(m.County, colour(values[c.org])), append(m.countyLabel, text(values[c.org]))
	}
	for _, i := range pointOrg {
		m.Point = append(m.Point, colour(values[i]))
	}
	if !math.IsInf(m.Min, 0) {
		m.MinText, m.MaxText = text(m.Min), text(m.Max)
	}
	return m
}

type numericColumn struct {
	name   string
	values []float64
}

// numericColumns are the organisation columns with a number for at least
// half the drawn areas and nothing else: population and any extra column
// of the user's data, by name.
func numericColumns(net *graph.Network, areas []MapArea) []numericColumn {
	n := net.NumOrganisations()
	var out []numericColumn
	pop := make([]float64, n)
	has := 0
	for i := range pop {
		pop[i] = math.NaN()
		if p := net.Organisation(i).Population; p > 0 {
			pop[i] = float64(p)
		}
	}
	for _, a := range areas {
		if !math.IsNaN(pop[a.org]) {
			has++
		}
	}
	if 2*has >= len(areas) {
		out = append(out, numericColumn{"population", pop})
	}
	names := map[string]bool{}
	for _, a := range areas {
		for k := range net.Organisation(a.org).Attrs {
			names[k] = true
		}
	}
	var cols []string
	for k := range names {
		cols = append(cols, k)
	}
	slices.Sort(cols)
	for _, col := range cols {
		vals := make([]float64, n)
		ok, count := true, 0
		for i := range vals {
			vals[i] = math.NaN()
			text := strings.TrimSpace(net.Organisation(i).Attrs[col])
			if text == "" {
				continue
			}
			v, err := strconv.ParseFloat(text, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				ok = false
				break
			}
			vals[i] = v
		}
		if !ok {
			continue
		}
		for _, a := range areas {
			if !math.IsNaN(vals[a.org]) {
				count++
			}
		}
		if 2*count >= len(areas) && count > 0 {
			out = append(out, numericColumn{col, vals})
		}
	}
	return out
}

// roundPolygons keeps five decimals (about a metre), enough for outlines
// generalised to 500 m, and much shorter in the page.
func roundPolygons(polys [][][][2]float64) [][][][2]float64 {
	out := make([][][][2]float64, len(polys))
	for p, poly := range polys {
		out[p] = make([][][2]float64, len(poly))
		for r, ring := range poly {
			out[p][r] = make([][2]float64, len(ring))
			for k, pt := range ring {
				out[p][r][k] = [2]float64{round5(pt[0]), round5(pt[1])}
			}
		}
	}
	return out
}

// outline returns the edges of the rings of polys that appear in one ring
// only: where districts meet they share vertices, so an edge inside a
// county is walked twice (once by each district) and drops out. Edges
// come out in ring order; coordinates are compared after rounding to five
// decimals.
func outline(polys [][][][2]float64) [][2][2]float64 {
	type key [4]int64
	q := func(x float64) int64 { return int64(math.Round(x * 1e5)) }
	norm := func(a, b [2]float64) key {
		ka, kb := [2]int64{q(a[0]), q(a[1])}, [2]int64{q(b[0]), q(b[1])}
		if ka[0] > kb[0] || (ka[0] == kb[0] && ka[1] > kb[1]) {
			ka, kb = kb, ka
		}
		return key{ka[0], ka[1], kb[0], kb[1]}
	}
	count := map[key]int{}
	for _, poly := range polys {
		for _, ring := range poly {
			for k := 0; k+1 < len(ring); k++ {
				count[norm(ring[k], ring[k+1])]++
			}
		}
	}
	var out [][2][2]float64
	for _, poly := range polys {
		for _, ring := range poly {
			for k := 0; k+1 < len(ring); k++ {
				if count[norm(ring[k], ring[k+1])] == 1 {
					out = append(out, [2][2]float64{{round5(ring[k][0]), round5(ring[k][1])}, {round5(ring[k+1][0]), round5(ring[k+1][1])}})
				}
			}
		}
	}
	return out
}

// insidePoint finds a point well inside the polygons: over a 32 by 32 grid
// on each polygon's box, the grid point inside it farthest from every
// edge (distances with longitude scaled by the cosine of latitude), and
// that distance in degrees of latitude.
func insidePoint(polys [][][][2]float64) ([2]float64, float64) {
	best, bestD := [2]float64{}, -1.0
	for _, poly := range polys {
		if len(poly) == 0 || len(poly[0]) == 0 {
			continue
		}
		a := graph.Area{Polygons: [][][][2]float64{poly}}
		minLon, minLat, maxLon, maxLat := a.Bounds()
		c := math.Cos((minLat + maxLat) / 2 * math.Pi / 180)
		const steps = 32
		for i := 0; i <= steps; i++ {
			for j := 0; j <= steps; j++ {
				p := [2]float64{minLon + (maxLon-minLon)*(float64(i)+0.5)/(steps+1), minLat + (maxLat-minLat)*(float64(j)+0.5)/(steps+1)}
				if !inPolygon(poly, p) {
					continue
				}
				d := math.Inf(1)
				for _, ring := range poly {
					for k := 0; k+1 < len(ring); k++ {
						d = math.Min(d, segDist(p, ring[k], ring[k+1], c))
					}
				}
				if d > bestD {
					best, bestD = p, d
				}
			}
		}
	}
	return best, max(bestD, 0)
}

// inPolygon is the even-odd rule over every ring (holes excluded).
func inPolygon(poly [][][2]float64, p [2]float64) bool {
	in := false
	for _, ring := range poly {
		for k := 0; k+1 < len(ring); k++ {
			a, b := ring[k], ring[k+1]
			if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < a[0]+(p[1]-a[1])/(b[1]-a[1])*(b[0]-a[0]) {
				in = !in
			}
		}
	}
	return in
}

// segDist is the distance from p to segment ab with longitudes scaled by c.
func segDist(p, a, b [2]float64, c float64) float64 {
	px, py, ax, ay, bx, by := p[0]*c, p[1], a[0]*c, a[1], b[0]*c, b[1]
	dx, dy := bx-ax, by-ay
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, ((px-ax)*dx+(py-ay)*dy)/l))
	}
	return math.Hypot(px-ax-t*dx, py-ay-t*dy)
}

// sampleHash is 64-bit FNV-1a of the seed's eight bytes then id, finished
// with the splitmix64 mixer so that ids differing only in their last
// characters spread over the whole range: a fixed function, so a sample is
// the same on every machine and run.
func sampleHash(seed uint64, id string) uint64 {
	h := uint64(14695981039346656037)
	for k := 0; k < 8; k++ {
		h ^= (seed >> (8 * k)) & 0xff
		h *= 1099511628211
	}
	for k := 0; k < len(id); k++ {
		h ^= uint64(id[k])
		h *= 1099511628211
	}
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}
