package analysis

import (
	"context"
	"testing"

	"github.com/partnet/partnet/graph"
)

func TestStructureReference(t *testing.T) {
	ctx := context.Background()
	forEachReference(t, func(t *testing.T, g *golden, s *graph.Snapshot) {
		compareGraph(t, g, "N", "organisations", float64(s.N()), 0)
		compareGraph(t, g, "Ties", "ties", float64(s.Ties()), 0)
		compareGraph(t, g, "Density", "density", Density(s), refTol)
		compareGraph(t, g, "WeightedDensity", "weighted_density", WeightedDensity(s), refTol)
		comp := Components(s)
		compareGraph(t, g, "Components", "components", float64(comp.Count), 0)
		compareGraph(t, g, "Transitivity", "transitivity", Transitivity(s), refTol)
		compareGraph(t, g, "AverageClustering", "average_clustering", AverageClustering(s, ClusteringOptions{}), refTol)
		compareGraph(t, g, "AverageClustering(exclude)", "average_clustering_nan", AverageClustering(s, ClusteringOptions{ExcludeLowDegree: true}), refTol)
		if g.Weighted {
			compareGraph(t, g, "AverageClustering(weighted)", "weighted_average_clustering", AverageClustering(s, ClusteringOptions{Weighted: true}), refTol)
		}
		compareGraph(t, g, "DegreeAssortativity", "degree_assortativity", DegreeAssortativity(s), refTol)
		if g.Attr != nil {
			r, err := AttributeAssortativity(s, g.Attr)
			if err != nil {
				t.Fatal(err)
			}
			compareGraph(t, g, "AttributeAssortativity", "attribute_assortativity", r, refTol)
		}
		compareGraph(t, g, "DegreeCentralisation", "degree_centralization_freeman", DegreeCentralisation(s), refTol)
		b, err := Betweenness(ctx, s, BetweennessOptions{})
		if err != nil {
			t.Fatal(err)
		}
		compareGraph(t, g, "BetweennessCentralisation", "betweenness_centralization", BetweennessCentralisation(b.Raw), refTol)
		d, err := Distances(ctx, s, PathOptions{})
		if err != nil {
			t.Fatal(err)
		}
		compareGraph(t, g, "Distances.LargestComponent", "largest_component", float64(d.LargestComponent), 0)
		compareGraph(t, g, "Distances.Diameter", "diameter", d.Diameter, 0)
		compareGraph(t, g, "Distances.AverageShortestPath", "average_shortest_path", d.AverageShortestPath, refTol)
		if g.Weighted {
			d, err := Distances(ctx, s, PathOptions{Weighted: true})
			if err != nil {
				t.Fatal(err)
			}
			compareGraph(t, g, "Distances(weighted).Diameter", "weighted_diameter", d.Diameter, refTol)
			compareGraph(t, g, "Distances(weighted).AverageShortestPath", "weighted_average_shortest_path", d.AverageShortestPath, refTol)
		}
	})
}
