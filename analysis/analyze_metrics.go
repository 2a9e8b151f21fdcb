package analysis

import (
	"context"

	"github.com/partnet/partnet/graph"
)

// computeMetric fills one metric group into rows (indexed by node, not yet
// ranked) and the network figures that depend on it.
func computeMetric(ctx context.Context, m string, s *graph.Snapshot, groups []string, tri []int, wsum []float64, cut *CutResult, fused *pathFigures, opts AnalyzeOptions, rows []OrganisationFigures, nf *NetworkFigures) error {
	if failMetric != nil {
		if err := failMetric(m); err != nil {
			return err
		}
	}
	paths := PathOptions{Samples: opts.BetweennessSamples, Seed: opts.Seed, Workers: opts.Workers}
	switch m {
	case "betweenness":
		b, wb, err := betweennessPair(ctx, s, opts, fused)
		if err != nil {
			return err
		}
		for i := range rows {
			rows[i].Betweenness, rows[i].BetweennessRaw, rows[i].WeightedBetweenness = b.Normalised[i], b.Raw[i], wb.Normalised[i]
			rows[i].BetweennessStdErr = 0
			if b.StdErr != nil {
				rows[i].BetweennessStdErr = b.StdErr[i]
			}
		}
		nf.BetweennessCentralisation = BetweennessCentralisation(b.Raw)
		nf.BetweennessSources = b.Sources
	case "closeness":
		c, wc, err := closenessPair(ctx, s, paths, fused)
		if err != nil {
			return err
		}
		for i := range rows {
			rows[i].Closeness, rows[i].Harmonic = c.Closeness[i], c.Harmonic[i]
			rows[i].WeightedCloseness, rows[i].WeightedHarmonic = wc.Closeness[i], wc.Harmonic[i]
		}
		d := fused.distancesOrNil()
		if d == nil {
			if d, err = Distances(ctx, s, paths); err != nil {
				return err
			}
		}
		nf.Diameter, nf.AverageShortestPath = d.Diameter, d.AverageShortestPath
	case "eigenvector":
		e, err := Eigenvector(ctx, s, EigenvectorOptions{})
		if err != nil {
			return err
		}
		we, err := Eigenvector(ctx, s, EigenvectorOptions{Weighted: true})
		if err != nil {
			return err
		}
		for i := range rows {
			rows[i].Eigenvector, rows[i].WeightedEigenvector = e.Unit[i], we.Unit[i]
		}
	case "pagerank":
		p, err := PageRank(ctx, s, PageRankOptions{})
		if err != nil {
			return err
		}
		wp, err := PageRank(ctx, s, PageRankOptions{Weighted: true})
		if err != nil {
			return err
		}
		for i := range rows {
			rows[i].PageRank, rows[i].WeightedPageRank = p[i], wp[i]
		}
	case "clustering":
		c, wc, ego := clusteringFrom(s, tri), weightedClusteringFrom(s, wsum), egoDensityFrom(s, tri)
		for i := range rows {
			rows[i].Clustering, rows[i].WeightedClustering, rows[i].EgoDensity = c[i], wc[i], ego[i]
		}
	case "core":
		for i, k := range CoreNumber(s) {
			rows[i].Core = k
		}
	case "constraint":
		c, e := Constraint(s, false), effectiveSizeFrom(s, tri)
		for i := range rows {
			rows[i].Constraint, rows[i].EffectiveSize = c[i], e[i]
		}
	case "articulation_point":
		for i, ap := range cut.Articulation {
			rows[i].ArticulationPoint = ap
		}
	case "brokerage":
		b, err := Brokerage(s, groups)
		if err != nil {
			return err
		}
		for i := range rows {
			rows[i].Brokerage = b[i]
		}
	}
	return nil
}

// betweennessPair is unweighted and weighted betweenness, from the fused
// searches when Analyze ran them.
func betweennessPair(ctx context.Context, s *graph.Snapshot, opts AnalyzeOptions, fused *pathFigures) (*BetweennessResult, *BetweennessResult, error) {
	if fused != nil {
		return fused.betweenness, fused.weightedBetweenness, nil
	}
	bo := BetweennessOptions{Samples: opts.BetweennessSamples, Seed: opts.Seed, Workers: opts.Workers}
	b, err := Betweenness(ctx, s, bo)
	if err != nil {
		return nil, nil, err
	}
	bo.Weighted = true
	wb, err := Betweenness(ctx, s, bo)
	return b, wb, err
}

// closenessPair is unweighted and weighted closeness, from the fused
// searches when Analyze ran them.
func closenessPair(ctx context.Context, s *graph.Snapshot, paths PathOptions, fused *pathFigures) (*ClosenessResult, *ClosenessResult, error) {
	if fused != nil {
		return fused.closeness, fused.weightedCloseness, nil
	}
	c, err := Closeness(ctx, s, paths)
	if err != nil {
		return nil, nil, err
	}
	paths.Weighted = true
	wc, err := Closeness(ctx, s, paths)
	return c, wc, err
}

func (p *pathFigures) distancesOrNil() *DistanceStats {
	if p == nil {
		return nil
	}
	return p.distances
}

// failMetric, when set (by tests only), makes a metric group fail before it
// is computed, to show that one failing measure leaves the others.
var failMetric func(metric string) error
