package analysis

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/partnet/partnet/graph"
)

func TestAnalyzeReference(t *testing.T) {
	ctx := context.Background()
	g, s := loadReference(t, "karate_weighted")
	a, err := Analyze(ctx, s, Attributes{GroupBy: "club", By: g.Attr}, AnalyzeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Organisations) != 34 || len(a.Computed) != len(Metrics) {
		t.Fatalf("Analyze: %d rows, computed %v", len(a.Organisations), a.Computed)
	}
	// Rows come ranked; put them back in node order to compare with the golden.
	byIndex := make([]OrganisationFigures, s.N())
	for k, r := range a.Organisations {
		byIndex[r.Index] = r
		if k > 0 && r.Betweenness > a.Organisations[k-1].Betweenness {
			t.Errorf("row %d (%s) ranks above a lower betweenness", k, r.ID)
		}
	}
	col := func(f func(OrganisationFigures) float64) []float64 {
		out := make([]float64, len(byIndex))
		for i, r := range byIndex {
			out[i] = f(r)
		}
		return out
	}
	compareNodes(t, g, "betweenness", "betweenness", col(func(r OrganisationFigures) float64 { return r.Betweenness }), refTol)
	compareNodes(t, g, "weighted_betweenness", "weighted_betweenness", col(func(r OrganisationFigures) float64 { return r.WeightedBetweenness }), refTol)
	compareNodes(t, g, "closeness", "closeness", col(func(r OrganisationFigures) float64 { return r.Closeness }), refTol)
	compareNodes(t, g, "weighted_closeness", "weighted_closeness", col(func(r OrganisationFigures) float64 { return r.WeightedCloseness }), refTol)
	compareNodes(t, g, "eigenvector", "eigenvector", col(func(r OrganisationFigures) float64 { return r.Eigenvector }), refTol)
	compareNodes(t, g, "weighted_pagerank", "weighted_pagerank", col(func(r OrganisationFigures) float64 { return r.WeightedPageRank }), refTol)
	compareNodes(t, g, "weighted_clustering", "weighted_clustering", col(func(r OrganisationFigures) float64 { return r.WeightedClustering }), refTol)
	compareNodes(t, g, "core", "core", col(func(r OrganisationFigures) float64 { return float64(r.Core) }), 0)
	compareNodes(t, g, "constraint", "constraint", col(func(r OrganisationFigures) float64 { return r.Constraint }), refTol)
	compareNodes(t, g, "articulation_point", "articulation_point", col(func(r OrganisationFigures) float64 {
		if r.ArticulationPoint {
			return 1
		}
		return 0
	}), 0)
	nf := a.Network
	compareGraph(t, g, "density", "density", nf.Density, refTol)
	compareGraph(t, g, "weighted_density", "weighted_density", nf.WeightedDensity, refTol)
	compareGraph(t, g, "transitivity", "transitivity", nf.Transitivity, refTol)
	compareGraph(t, g, "average_clustering", "average_clustering", nf.AverageClustering, refTol)
	compareGraph(t, g, "average_clustering_nan", "average_clustering_nan", nf.AverageClusteringExcluding, refTol)
	compareGraph(t, g, "degree_assortativity", "degree_assortativity", nf.DegreeAssortativity, refTol)
	compareGraph(t, g, "attribute_assortativity", "attribute_assortativity", nf.AttributeAssortativity, refTol)
	compareGraph(t, g, "betweenness_centralization", "betweenness_centralization", nf.BetweennessCentralisation, refTol)
	compareGraph(t, g, "diameter", "diameter", nf.Diameter, 0)
	compareGraph(t, g, "average_shortest_path", "average_shortest_path", nf.AverageShortestPath, refTol)
	if nf.ArticulationPoints != 1 || nf.Bridges != 1 || nf.Components != 1 {
		// networkx: karate has one articulation point (node 0) and one bridge (0-11)
		t.Errorf("articulation points %d bridges %d components %d, want 1 1 1", nf.ArticulationPoints, nf.Bridges, nf.Components)
	}
}

func TestAnalyzeSubsetAndErrors(t *testing.T) {
	ctx := context.Background()
	s, groups := fiveNode()
	a, err := Analyze(ctx, s, Attributes{By: groups}, AnalyzeOptions{Metrics: []string{"core", "pagerank"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Computed) != 2 || a.Computed[0] != "pagerank" || !a.Has("core") || a.Has("betweenness") {
		t.Errorf("Computed = %v, want [pagerank core]", a.Computed)
	}
	// Without betweenness rows rank by degree (all 2 here), then id.
	for k, r := range a.Organisations {
		if r.ID != string(rune('0'+k)) || !math.IsNaN(r.Betweenness) || r.Core != 2 {
			t.Errorf("row %d = %s betweenness %v core %d, want id %d, NaN, 2", k, r.ID, r.Betweenness, r.Core, k)
		}
	}
	if _, err := Analyze(ctx, s, Attributes{}, AnalyzeOptions{Metrics: []string{"nope"}}); !errors.Is(err, ErrUnknownMetric) {
		t.Errorf("unknown metric error = %v", err)
	}
	if _, err := Analyze(ctx, s, Attributes{By: []string{"x"}}, AnalyzeOptions{}); !errors.Is(err, ErrAttributeLength) {
		t.Errorf("short attribute error = %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Analyze(cctx, s, Attributes{}, AnalyzeOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled error = %v", err)
	}
}

func TestAnalyzeEmpty(t *testing.T) {
	s := graph.BuildSnapshot(0, nil, nil, nil, nil)
	a, err := Analyze(context.Background(), s, Attributes{}, AnalyzeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Network.Organisations != 0 || len(a.Organisations) != 0 || !math.IsNaN(a.EI.Index) || !math.IsNaN(a.Network.AverageClustering) {
		t.Errorf("Analyze(empty) = %+v", a.Network)
	}
}
