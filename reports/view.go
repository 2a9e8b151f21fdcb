package reports

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/graph"
)

// DefaultNodeBudget is the most organisations drawn one by one on the
// network map; above it the map shows a summary.
const DefaultNodeBudget = 2000

// Source is what Build turns into a Report: the network, its snapshot and
// whatever analysis results the caller has. Every result field is
// optional; where one is missing Build fills what it can from the
// snapshot (degree counts, tie counts by group) and leaves the rest out.
type Source struct {
	Network  *graph.Network
	Snapshot *graph.Snapshot
	// Dataset is the dataset as the user named it; Inputs its files.
	Dataset string
	Inputs  []Input
	// By is the grouping attribute for the heatmap and E-I (default
	// "sector").
	By          string
	Version     string
	GeneratedAt string
	Seed        uint64
	Parameters  []Figure
	// NodeBudget is the most nodes drawn individually (default
	// DefaultNodeBudget).
	NodeBudget int

	// Centrality is one value per organisation used to size nodes and rank
	// the most central; nil means degree. CentralityName names it.
	Centrality     []float64
	CentralityName string
	Brokers        []BrokerRow
	BrokerMeasure  string
	Articulation   []bool
	Blocks         *BlockView
	EI             []EIRow
	EIOverall      *EIRow
	// Membership gives each organisation's cluster (-1 for none); nil when
	// clusters were not computed.
	Membership     []int32
	ClusterRows    []ClusterRow
	ClusterQuality []Figure
	Groups         []GroupRow
	Periods        []PeriodRow
}

// Build computes the report's view model from src. It lays out the network
// (seeded by src.Seed) and stops with ctx.Err() when ctx is done. On an
// empty network every section is empty and the findings say so.
func Build(ctx context.Context, src Source) (*Report, error) {
	net, s := src.Network, src.Snapshot
	if net == nil || s == nil {
		return nil, fmt.Errorf("build report: no network")
	}
	if s.N() != net.NumOrganisations() {
		return nil, fmt.Errorf("build report: snapshot has %d nodes for %d organisations", s.N(), net.NumOrganisations())
	}
	if src.By == "" {
		src.By = "sector"
	}
	if src.NodeBudget <= 0 {
		src.NodeBudget = DefaultNodeBudget
	}
	sum := analysis.Summarize(net, s)
	r := &Report{
		Title: net.Meta.Title, Description: net.Meta.Description, Source: net.Meta.Source,
		Licence: net.Meta.Licence, Dataset: src.Dataset, GeneratedAt: src.GeneratedAt, By: src.By,
		Footer: Footer{Version: src.Version, Inputs: src.Inputs, Parameters: src.Parameters, Seed: src.Seed},
	}
	if r.Title == "" {
		r.Title = "Partnership network report"
	}
	r.Coverage = coverage(net, sum)
	groups := net.AttrColumn(src.By)
	for i, g := range groups {
		if g == "" {
			groups[i] = "(none)"
		}
	}
	centrality, cname := src.Centrality, src.CentralityName
	if centrality == nil {
		centrality, cname = make([]float64, s.N()), "degree"
		for i := range centrality {
			centrality[i] = float64(s.Degree(i))
		}
	}
	r.CentralMeasure = cname
	r.Central = topCentral(net, s, groups, centrality, 20)
	r.Degrees = degreeRows(s)
	r.Blocks, r.EI, r.EIOverall = src.Blocks, src.EI, src.EIOverall
	if r.Blocks == nil {
		r.Blocks = blockCounts(s, groups)
	}
	if r.EI == nil {
		r.EI, r.EIOverall = eiFromBlocks(r.Blocks)
	}
	r.Brokers, r.BrokerMeasure = src.Brokers, src.BrokerMeasure
	if r.Brokers == nil {
		r.Brokers, r.BrokerMeasure = crossGroupBrokers(net, s, groups, 20), "ties to other "+src.By+" groups"
	}
	if src.Articulation != nil {
		for i, a := range src.Articulation {
			if a {
				o := net.Organisation(i)
				r.Cutpoints = append(r.Cutpoints, CentralRow{ID: o.ID, Name: o.Label(), Group: groups[i], Degree: s.Degree(i), Value: centrality[i]})
			}
		}
		sortCentral(r.Cutpoints)
	}
	clusterNames := []string(nil)
	if src.Membership != nil {
		clusterNames = clusterLabels(src.Membership)
		r.Clusters, r.ClusterQuality = src.ClusterRows, src.ClusterQuality
		if r.Clusters == nil {
			r.Clusters = clusterRows(net, src.Membership, clusterNames)
		}
	}
	r.Groups, r.Periods = src.Groups, src.Periods
	var err error
	r.Network, err = networkView(ctx, net, s, groups, src, centrality, cname, clusterNames)
	if err != nil {
		return nil, err
	}
	if src.Membership != nil {
		cm, err := summaryView(ctx, net, s, src.Membership, clusterNames, "cluster", nil, src.Seed)
		if err != nil {
			return nil, err
		}
		r.ClusterMap = cm
	}
	r.Geo = geoView(net, groups, src, clusterNames)
	r.Figures = keyFigures(sum, r)
	r.Findings = findings(r, sum)
	return r, nil
}

func coverage(net *graph.Network, sum *analysis.Summary) string {
	var parts []string
	for _, c := range sum.BySector {
		parts = append(parts, fmt.Sprintf("%d %s", c.Count, strings.ReplaceAll(c.Label, "_", " ")))
	}
	s := fmt.Sprintf("%d organisations (%s) joined by %d partnerships and %d multi-member arrangements with %d memberships, giving %d ties.",
		sum.Organisations, strings.Join(parts, ", "), sum.Partnerships, sum.Arrangements, sum.Memberships, sum.Ties)
	if first, last, ok := dateRange(net); ok {
		s += fmt.Sprintf(" Dated partnerships run from %s to %s.", first, last)
	}
	return s
}

// dateRange returns the earliest and latest start year of the partnerships
// and arrangements that have one.
func dateRange(net *graph.Network) (string, string, bool) {
	lo, hi := math.MaxInt, math.MinInt
	note := func(y int) { lo, hi = min(lo, y), max(hi, y) }
	for i := 0; i < net.NumPartnerships(); i++ {
		if p := net.Partnership(i); !p.Start.IsZero() {
			note(p.Start.Year())
		}
	}
	for i := 0; i < net.NumArrangements(); i++ {
		if a := net.Arrangement(i); !a.Start.IsZero() {
			note(a.Start.Year())
		}
	}
	if lo > hi {
		return "", "", false
	}
	return fmt.Sprint(lo), fmt.Sprint(hi), true
}

func keyFigures(sum *analysis.Summary, r *Report) []Figure {
	f := []Figure{
		{"Organisations", fmt.Sprint(sum.Organisations)},
		{"Ties", fmt.Sprint(sum.Ties)},
		{"Density", fmt.Sprintf("%.4f", sum.Density)},
		{"Components", fmt.Sprint(sum.Components)},
		{"Largest component", fmt.Sprint(sum.Largest)},
		{"Isolated organisations", fmt.Sprint(sum.Isolated)},
	}
	if r.Clusters != nil {
		f = append(f, Figure{"Clusters", fmt.Sprint(len(r.Clusters))})
	}
	f = append(f, r.ClusterQuality...)
	return f
}

func sortCentral(rows []CentralRow) {
	slices.SortFunc(rows, func(a, b CentralRow) int {
		return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(b.Degree, a.Degree), cmp.Compare(a.ID, b.ID))
	})
}

func topCentral(net *graph.Network, s *graph.Snapshot, groups []string, c []float64, k int) []CentralRow {
	rows := make([]CentralRow, 0, s.N())
	for i := 0; i < s.N(); i++ {
		if s.Degree(i) == 0 {
			continue
		}
		o := net.Organisation(i)
		rows = append(rows, CentralRow{ID: o.ID, Name: o.Label(), Group: groups[i], Degree: s.Degree(i), Value: c[i]})
	}
	sortCentral(rows)
	return rows[:min(k, len(rows))]
}

// degreeRows is the degree distribution: one row per degree up to 20,
// then bins doubling in width.
func degreeRows(s *graph.Snapshot) []DegreeRow {
	counts := map[int]int{}
	maxD := 0
	for i := 0; i < s.N(); i++ {
		counts[s.Degree(i)]++
		maxD = max(maxD, s.Degree(i))
	}
	var rows []DegreeRow
	for lo := 0; lo <= maxD; {
		hi := lo
		if lo > 20 {
			hi = 2*lo - 1
		}
		n := 0
		for d := lo; d <= hi; d++ {
			n += counts[d]
		}
		label := fmt.Sprint(lo)
		if hi > lo {
			label = fmt.Sprintf("%d-%d", lo, hi)
		}
		rows = append(rows, DegreeRow{Degree: label, Organisations: n})
		lo = hi + 1
	}
	return rows
}

// crossGroupBrokers ranks organisations by their ties to organisations of
// another group: a simple measure of who links groups, used until a
// brokerage measure is supplied.
func crossGroupBrokers(net *graph.Network, s *graph.Snapshot, groups []string, k int) []BrokerRow {
	var rows []BrokerRow
	for i := 0; i < s.N(); i++ {
		cross, reached := 0, map[string]bool{}
		for _, j := range s.Neighbours(i) {
			if groups[j] != groups[i] {
				cross++
				reached[groups[j]] = true
			}
		}
		if cross == 0 {
			continue
		}
		o := net.Organisation(i)
		rows = append(rows, BrokerRow{ID: o.ID, Name: o.Label(), Group: groups[i], Value: float64(cross),
			Detail: fmt.Sprintf("%d of %d ties reach %d other groups", cross, s.Degree(i), len(reached))})
	}
	slices.SortFunc(rows, func(a, b BrokerRow) int { return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(a.ID, b.ID)) })
	return rows[:min(k, len(rows))]
}

// clusterLabels names clusters "C1", "C2", ... in membership order.
func clusterLabels(m []int32) []string {
	maxC := int32(-1)
	for _, c := range m {
		maxC = max(maxC, c)
	}
	out := make([]string, maxC+1)
	for c := range out {
		out[c] = fmt.Sprintf("C%d", c+1)
	}
	return out
}

// clusterRows sums up clusters when the caller gave only a membership.
func clusterRows(net *graph.Network, m []int32, names []string) []ClusterRow {
	rows := make([]ClusterRow, len(names))
	regions := make([]map[string]int, len(names))
	for c := range rows {
		rows[c] = ClusterRow{Cluster: names[c], Conductance: math.NaN(), Stability: math.NaN()}
		regions[c] = map[string]int{}
	}
	for i, c := range m {
		if c < 0 {
			continue
		}
		rows[c].Size++
		o := net.Organisation(i)
		regions[c][o.Region]++
		if rows[c].Size <= 3 {
			rows[c].Examples = strings.TrimPrefix(rows[c].Examples+"; "+o.Label(), "; ")
		}
	}
	for c := range rows {
		best := ""
		for reg, k := range regions[c] {
			if k > regions[c][best] || (k == regions[c][best] && reg < best) {
				best = reg
			}
		}
		rows[c].TopRegion = best
		if rows[c].Size > 0 {
			rows[c].TopRegionShare = float64(regions[c][best]) / float64(rows[c].Size)
		}
	}
	slices.SortStableFunc(rows, func(a, b ClusterRow) int { return cmp.Compare(b.Size, a.Size) })
	return rows
}
