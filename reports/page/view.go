package page

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/topk"
	"github.com/partnet/partnet/reports"
)

// DefaultNodeBudget is the most organisations drawn one by one on the
// network map; above it the map shows a summary.
const DefaultNodeBudget = 2000

// Source is what Build turns into a Report: the network, its snapshot,
// the analysis results (see Analyse) and what is needed to reproduce the
// report.
type Source struct {
	Network  *graph.Network
	Snapshot *graph.Snapshot
	// Dataset is the dataset as the user named it; Inputs its files.
	Dataset string
	Inputs  []Input
	// By is the grouping attribute for the heatmap, E-I and brokerage
	// (default "sector").
	By          string
	Version     string
	GeneratedAt string
	Seed        uint64
	Parameters  []Figure
	// NodeBudget is the most nodes drawn individually (default
	// DefaultNodeBudget).
	NodeBudget int
	// SizeBy names the centrality that sizes the map's nodes and ranks
	// the most central organisations: degree, betweenness, pagerank or
	// eigenvector (default pagerank; degree when Results lacks it).
	SizeBy string
	// Areas are outlines of the land organisations cover, matched to
	// organisations by id (geo.EnglandAreas gives England's
	// districts); the map draws each matched organisation as its area.
	// AreasAttribution is shown under the map when any is drawn.
	Areas            []graph.Area
	AreasAttribution string
	// Results are the analyses from engine.Report; nil gives a report of
	// what Build computes itself: block densities, E-I, brokerage roles,
	// cut points and degrees.
	Results *engine.ReportResult
}

// pageGroups is each organisation's value of the attribute by, "(none)"
// for an empty one: the groups of the page's block, E-I and brokerage
// sections.
func pageGroups(net *graph.Network, by string) []string {
	return engine.GroupColumn(net, by)
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
	if res := src.Results; res != nil && res.Snapshot != nil && res.Snapshot.N() != s.N() {
		return nil, fmt.Errorf("build report: the results are for %d organisations, the snapshot has %d (pass the result's Network and Snapshot: the layer rule may have analysed a layer)", res.Snapshot.N(), s.N())
	}
	if src.By == "" {
		src.By = "sector"
	}
	if src.NodeBudget <= 0 {
		src.NodeBudget = DefaultNodeBudget
	}
	res := src.Results
	if res == nil {
		res = &engine.ReportResult{}
	}
	settings := make([]Figure, len(res.Settings))
	for i, f := range res.Settings {
		settings[i] = Figure{Label: f.Label, Value: f.Value}
	}
	r := &Report{
		Title: net.Meta.Title, Description: net.Meta.Description, Source: net.Meta.Source,
		Licence: net.Meta.Licence, Dataset: src.Dataset, GeneratedAt: src.GeneratedAt, By: src.By,
		Footer:   Footer{Version: src.Version, Inputs: src.Inputs, Parameters: src.Parameters, Seed: src.Seed},
		Settings: settings,
	}
	if r.Title == "" {
		r.Title = "Partnership network report"
	}
	groups := pageGroups(net, src.By)
	cent, err := centralities(s, res, src.SizeBy)
	if err != nil {
		return nil, err
	}
	var membership []int32
	var clusterNames []string
	if c := res.Clustering; c != nil {
		membership = make([]int32, len(c.Membership))
		for i, k := range c.Membership {
			membership[i] = int32(k)
		}
		clusterNames = clusterLabels(membership)
	}
	// The summary, the cut points and the network maps depend only on
	// the inputs, so they are worked out on their own goroutines while
	// the tables below are built: on a million organisations each takes
	// a second or two of one core.
	var (
		wg              sync.WaitGroup
		sum             *analysis.Summary
		cuts            []CutRow
		bridges         int
		netView         NetworkView
		sumView         *NetworkView
		viewErr, sumErr error
	)
	wg.Add(3)
	go func() { defer wg.Done(); sum = analysis.Summarize(net, s) }()
	go func() { defer wg.Done(); cuts, bridges = cutRows(net, s, groups) }()
	go func() {
		defer wg.Done()
		netView, viewErr = networkView(ctx, net, s, groups, src, cent, membership, clusterNames)
		// Above the node budget the network map is already the cluster
		// summary; it is not drawn twice.
		if viewErr == nil && membership != nil && !netView.Summary {
			sumView, sumErr = summaryView(ctx, net, s, membership, clusterNames, "cluster", nil, src.Seed)
		}
	}()
	r.CentralMeasure = cent.name
	r.BetweennessNote = cent.betweennessNote
	r.Central = topCentral(net, s, groups, cent, 20)
	r.Degrees = degreeRows(s)
	err = r.addBlocks(s, groups)
	if err == nil {
		roles := res.Brokerage
		if pageBy(res.By) != src.By || len(roles) != s.N() {
			roles = nil
		}
		r.Brokers, err = brokers(net, s, groups, roles, cent, 20)
	}
	if err == nil && membership != nil {
		err = r.addClusters(net, s, res, clusterNames)
	}
	wg.Wait()
	for _, e := range []error{err, viewErr, sumErr} {
		if e != nil {
			return nil, e
		}
	}
	r.Coverage = coverage(net, sum)
	r.BrokerMeasure = "brokered paths between different " + src.By + " groups (Gould-Fernandez liaison, gatekeeper, representative and itinerant roles)"
	r.Cutpoints, r.Bridges = cuts, bridges
	r.addGroups(net, res.Groups)
	r.GroupsWhy, r.TimelineWhy = res.GroupsWhy, res.TimelineWhy
	if res.Groups == nil && r.GroupsWhy == "" {
		r.GroupsWhy = "Candidate groups were not computed for this report."
	} else if len(r.Groups) == 0 && r.GroupsWhy == "" {
		r.GroupsWhy = "No candidate group."
	}
	r.Network, r.ClusterMap = netView, sumView
	in := &sectionInput{Net: net, Snapshot: s, Src: &src, Results: res, Groups: groups, Membership: membership, ClusterNames: clusterNames}
	if err := buildSections(in, r); err != nil {
		return nil, err
	}
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
	if first, last, ok := engine.StartYears(net); ok {
		s += fmt.Sprintf(" Dated partnerships start between %d and %d.", first, last)
	}
	return s
}

func keyFigures(sum *analysis.Summary, r *Report) []Figure {
	f := []Figure{
		{"Organisations", fmt.Sprint(sum.Organisations)},
		{"Ties", fmt.Sprint(sum.Ties)},
		{"Density", fmt.Sprintf("%.4f", sum.Density)},
		{"Mean partners per organisation", fmt.Sprintf("%.1f", meanPartners(sum))},
		{"Components", fmt.Sprint(sum.Components)},
		{"Largest component", fmt.Sprint(sum.Largest)},
		{"Isolated organisations", fmt.Sprint(sum.Isolated)},
	}
	if r.Cutpoints != nil {
		f = append(f, Figure{"Single points of failure", fmt.Sprint(len(r.Cutpoints))}, Figure{"Bridges", fmt.Sprint(r.Bridges)})
	}
	if r.Clusters != nil {
		f = append(f, Figure{"Clusters", fmt.Sprint(len(r.Clusters))})
	}
	f = append(f, r.ClusterQuality...)
	if fv := r.Funding; fv != nil {
		f = append(f, Figure{"Grants (funding layer)", fmt.Sprint(fv.Grants)}, Figure{"Funders (funding layer)", fmt.Sprint(fv.Funders)},
			Figure{"Grant recipients (funding layer)", fmt.Sprint(fv.Recipients)})
	}
	return f
}

// centrality holds the measures for ranking and sizing.
type centrality struct {
	name            string
	value           []float64 // the chosen measure
	degree          []float64
	betweenness     []float64 // normalised; nil when not computed
	pagerank        []float64
	eigenvector     []float64
	betweennessNote string
}

// centralities picks the measure named by sizeBy (default pagerank when
// computed, else degree).
func centralities(s *graph.Snapshot, res *engine.ReportResult, sizeBy string) (*centrality, error) {
	c := &centrality{degree: make([]float64, s.N()), pagerank: res.PageRank, eigenvector: res.Eigenvector}
	for i := range c.degree {
		c.degree[i] = float64(s.Degree(i))
	}
	if b := res.Betweenness; b != nil {
		c.betweenness = b.Normalised
		c.betweennessNote = "exact"
		if b.Sources < s.N() {
			c.betweennessNote = fmt.Sprintf("estimated from %d sampled sources", b.Sources)
		}
	}
	if sizeBy == "" {
		sizeBy = "pagerank"
		if c.pagerank == nil {
			sizeBy = "degree"
		}
	}
	switch sizeBy {
	case "degree":
		c.value = c.degree
	case "betweenness":
		c.value = c.betweenness
	case "pagerank":
		c.value = c.pagerank
	case "eigenvector":
		c.value = c.eigenvector
	default:
		return nil, fmt.Errorf("build report: size by %q: want one of %s", sizeBy, strings.Join(reports.SizeMeasures, ", "))
	}
	if c.value == nil {
		return nil, fmt.Errorf("build report: size by %s: it was not computed", sizeBy)
	}
	c.name = sizeBy
	if sizeBy == "betweenness" && c.betweennessNote != "exact" {
		c.name = "betweenness (sampled)"
	}
	return c, nil
}

func at(x []float64, i int) float64 {
	if x == nil {
		return math.NaN()
	}
	return x[i]
}

func topCentral(net *graph.Network, s *graph.Snapshot, groups []string, c *centrality, k int) []CentralRow {
	// Rank indices, then build rows for the k shown only.
	var idx []int
	for i := 0; i < s.N(); i++ {
		if s.Degree(i) > 0 {
			idx = append(idx, i)
		}
	}
	idx = topk.Select(idx, k, func(a, b int) int {
		return cmp.Or(cmp.Compare(tieKey(c.value[b]), tieKey(c.value[a])), cmp.Compare(s.Degree(b), s.Degree(a)),
			cmp.Compare(net.Organisation(a).Label(), net.Organisation(b).Label()), cmp.Compare(net.Organisation(a).ID, net.Organisation(b).ID))
	})
	rows := make([]CentralRow, len(idx))
	for r, i := range idx {
		o := net.Organisation(i)
		rows[r] = CentralRow{ID: o.ID, Name: o.Label(), Group: groups[i], Degree: s.Degree(i), Value: c.value[i],
			Betweenness: at(c.betweenness, i), PageRank: at(c.pagerank, i), Eigenvector: at(c.eigenvector, i)}
	}
	return rows
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

// pageBy is the page's grouping attribute for the engine's: everyone in
// one group ("") reads as the default attribute, which no organisation has.
func pageBy(by string) string {
	if by == "" {
		return engine.DefaultBy
	}
	return by
}
