package batch

import (
	"context"
	"fmt"
	"io"
	"math"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/reports"
)

func init() {
	analyses["clusters"] = runClustersAnalysis
	analyses["groups"] = runGroupsAnalysis
}

// runClustersAnalysis clusters the run's network with the engine's
// Clusters (Leiden, modularity at run.Resolution, seed run.Seed, one run
// with the engine's iteration rule: partnet clusters --runs 1), compares
// the clusters with regions when organisations have one, and writes clusters.json and
// clusters.csv (the per-organisation membership).
//
// Metrics: clusters, singletons, largest_cluster, modularity (at
// resolution 1), quality (the objective at run.Resolution), coverage,
// iterations, and nmi_region and ari_region when some organisation has a
// region.
func runClustersAnalysis(ctx context.Context, rc *runContext) error {
	res, err := engine.Clusters(ctx, rc.net, engine.ClustersOptions{Data: rc.data, Seed: rc.run.Seed,
		Resolution: rc.run.Resolution, Runs: 1})
	if err != nil {
		return err
	}
	rc.record("clusters", res.Run)
	c := res.Clustering
	v := reports.NewClustersView(reports.ClustersInput{Dataset: rc.run.Dataset.Label, Algorithm: res.Algorithm,
		Network: res.Network, Snapshot: res.Snapshot, Clustering: c, CompareAttr: res.CompareAttr, Agreement: res.Agreement})
	largest := 0
	for _, cl := range v.Clusters {
		largest = max(largest, cl.Size)
	}
	for _, m := range []struct {
		name string
		v    float64
	}{
		{"clusters", float64(v.Quality.Clusters)}, {"singletons", float64(v.Quality.Singletons)},
		{"largest_cluster", float64(largest)}, {"modularity", v.Quality.Modularity}, {"quality", v.Quality.Objective},
		{"coverage", v.Quality.Coverage}, {"iterations", float64(c.Iterations)},
	} {
		rc.metric("clusters", m.name, m.v)
	}
	if v.Compare != nil {
		rc.metric("clusters", "nmi_region", v.Compare.NMI)
		rc.metric("clusters", "ari_region", v.Compare.ARI)
	}
	if err := rc.file("clusters.json", func(w io.Writer) error { return reports.WriteJSON(w, v) }); err != nil {
		return err
	}
	return rc.file("clusters.csv", func(w io.Writer) error { return reports.WriteClustersCSV(w, v, "membership") })
}

// runGroupsAnalysis ranks candidate council groups for run.Tier (seed
// run.Seed; Leiden candidates at resolutions run.Resolution x 0.5, 1, 2,
// 4 and 8, so the run's resolution scales the search) with shared borders
// from the dataset's adjacency.csv when it has one, and writes groups.json
// and groups.csv.
//
// Metrics: groups, eligible, members_grouped, top_score, mean_score and
// mean_sensitivity (the last three missing, not 0, when there is no group).
func runGroupsAnalysis(ctx context.Context, rc *runContext) error {
	adj, adjFrom, _, err := datasets.DatasetAdjacency(rc.run.Dataset.Source, rc.net)
	if err != nil {
		return fmt.Errorf("adjacency: %w", err)
	}
	res, err := engine.Groups(ctx, rc.net, engine.GroupsOptions{Data: rc.data, Seed: rc.run.Seed,
		Tiers: []groups.Tier{groups.Tier(rc.run.Tier)}, Resolution: rc.run.Resolution,
		Adjacency: adj, AdjacencySource: adjFrom})
	if err != nil {
		return err
	}
	rc.record("groups", res.Run)
	v := reports.NewGroupsView(rc.run.Dataset.Label, res.Network, adjFrom, res.Tiers)
	top, sum, sens := math.NaN(), 0.0, 0.0
	members := 0
	groups := v.Tiers[0].Groups
	for i, g := range groups {
		if i == 0 {
			top = g.Score
		}
		sum += g.Score
		sens += g.Sensitivity
		members += len(g.Members)
	}
	mean, meanSens := math.NaN(), math.NaN()
	if len(groups) > 0 {
		mean, meanSens = sum/float64(len(groups)), sens/float64(len(groups))
	}
	for _, m := range []struct {
		name string
		v    float64
	}{
		{"groups", float64(len(groups))}, {"eligible", float64(v.Tiers[0].Eligible)}, {"members_grouped", float64(members)},
		{"top_score", top}, {"mean_score", mean}, {"mean_sensitivity", meanSens},
	} {
		rc.metric("groups", m.name, m.v)
	}
	if err := rc.file("groups.json", func(w io.Writer) error { return reports.WriteJSON(w, v) }); err != nil {
		return err
	}
	return rc.file("groups.csv", func(w io.Writer) error { return reports.WriteGroupsCSV(w, v) })
}
