package reports

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/render"
	"github.com/go-echarts/go-echarts/v2/types"
	"github.com/partnet/partnet/graph"
)

// The geography section: organisations placed by longitude and latitude.

func init() {
	register(&section{
		ID: "geography", Nav: "Geography", Order: 40,
		Build: func(in *sectionInput, r *Report) error {
			r.Geo = geoView(in.Net, in.Groups, in.Src.By, in.Membership, in.ClusterNames, r.Groups, in.Src.Seed)
			return nil
		},
		Charts: func(r *Report) []sectionChart {
			if len(r.Geo.Points) == 0 {
				return nil
			}
			return []sectionChart{{ID: ChartGeo, Build: func() (render.Renderer, error) { return geoChart(ChartGeo, &r.Geo) }}}
		},
		Template: geographyTemplate,
		Tables:   func(r *Report) []Table { return []Table{{"geography", r.Geo.Points}} },
	})
}

const geographyTemplate = `<section id="geography">
<h2>Geography</h2>
{{- if .Geo.Points}}
<p>Organisations with a known location, by longitude and latitude, coloured by {{.Geo.ColourBy}}.{{if lt (len .Geo.Points) .Geo.Located}} The map shows {{len .Geo.Points}} of the {{.Geo.Located}} located organisations: every candidate-group member and a seeded sample of the rest.{{end}}{{if .Geo.Missing}} {{.Geo.Missing}} organisations have no location and are not shown.{{end}}</p>
{{index .Charts "chartGeo"}}
<details><summary>Data table ({{len .Geo.Points}} organisations)</summary>
<table class="sortable"><thead><tr><th>id</th><th>name</th><th>longitude</th><th>latitude</th><th>{{.Geo.ColourBy}}</th></tr></thead><tbody>
{{- range $k, $p := .Geo.Points}}{{if lt $k 500}}
<tr><td>{{$p.ID}}</td><td>{{$p.Name}}</td><td>{{num $p.Lon}}</td><td>{{num $p.Lat}}</td><td>{{$p.Group}}</td></tr>{{end}}
{{- end}}
</tbody></table>{{if gt (len .Geo.Points) 500}}<p class="note">First 500 rows; all are in the tables written with --tables.</p>{{end}}
</details>
{{- else}}
<p class="note">No organisation has a location (lat and lon), so there is no geographic view.</p>
{{- end}}
</section>`

type scatterItem struct {
	Name  string     `json:"name"`
	Value [2]float64 `json:"value"`
}

// geoChart plots located organisations by longitude and latitude, one
// series per group so the legend filters them.
func geoChart(id string, v *GeoView) (*charts.Scatter, error) {
	sc := charts.NewScatter()
	var order []string
	byGroup := map[string][]scatterItem{}
	for _, p := range v.Points {
		if err := finite(id, p.Lon, p.Lat); err != nil {
			return nil, fmt.Errorf("organisation %s: %w", p.ID, err)
		}
		if _, ok := byGroup[p.Group]; !ok {
			order = append(order, p.Group)
		}
		byGroup[p.Group] = append(byGroup[p.Group], scatterItem{Name: chartText(p.Name), Value: [2]float64{p.Lon, p.Lat}})
	}
	sortStrings(order)
	sc.SetGlobalOptions(initOpts(id, "640px"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts(tooltipJS)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Data: chartTexts(order)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "longitude", Scale: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "latitude", Scale: opts.Bool(true)}),
		charts.WithAnimation(false))
	large := len(v.Points) > 2000
	for _, grp := range order {
		var data any = byGroup[grp]
		if large {
			// ECharts' large mode draws plain [lon, lat] pairs fast; named
			// items make it fall back to one element per point.
			pairs := make([][2]float64, len(byGroup[grp]))
			for k, it := range byGroup[grp] {
				// Five significant digits (about 1 m at these longitudes
				// and latitudes) keep the page short.
				pairs[k] = [2]float64{round4(it.Value[0]), round4(it.Value[1])}
			}
			data = pairs
		}
		sc.MultiSeries = append(sc.MultiSeries, charts.SingleSeries{Name: chartText(grp), Type: types.ChartScatter,
			Data: data, SymbolSize: 4, Large: opts.Bool(large), LargeThreshold: 2000})
	}
	return sc, nil
}

// GeoPointBudget is the most organisations the map of locations draws.
// Above it the map shows every candidate-group member and a seeded sample
// of the others, each kept with probability budget/located: a uniform
// sample keeps the picture of where organisations are, and a million
// points would make a 17 MB page that browsers draw slowly.
const GeoPointBudget = 50000

// geoView places located organisations, coloured by candidate group when
// there are groups, else by cluster, else by the grouping attribute.
// Beyond GeoPointBudget located organisations it samples (see
// GeoPointBudget); whether an organisation is kept depends only on its id
// and the seed, not on row order.
func geoView(net *graph.Network, groups []string, by string, membership []int32, clusterNames []string, cands []GroupRow, seed uint64) GeoView {
	label := groups
	if membership != nil {
		label, by = make([]string, len(groups)), "cluster"
		for i, c := range membership {
			label[i] = "(none)"
			if c >= 0 {
				label[i] = clusterNames[c]
			}
		}
	}
	if len(cands) > 0 {
		inGroup := map[string]string{}
		for _, g := range cands {
			for _, id := range g.MemberIDs {
				inGroup[id] = g.GroupID
			}
		}
		label, by = make([]string, len(groups)), "candidate group"
		for i := range label {
			label[i] = "(not in a group)"
			if g, ok := inGroup[net.Organisation(i).ID]; ok {
				label[i] = g
			}
		}
	}
	g := GeoView{ColourBy: by}
	for i := 0; i < net.NumOrganisations(); i++ {
		if net.Organisation(i).HasLocation {
			g.Located++
		}
	}
	g.Missing = net.NumOrganisations() - g.Located
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
			return inGroup[id] || sampleHash(seed, id)>>1 < limit
		}
	}
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		if o.HasLocation && keep(i) {
			g.Points = append(g.Points, GeoPoint{ID: o.ID, Name: o.Label(), Lon: o.Lon, Lat: o.Lat, Group: label[i]})
		}
	}
	return g
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
