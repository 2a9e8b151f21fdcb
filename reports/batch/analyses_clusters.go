package batch

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/reports"
)

func init() {
	analyses["clusters"] = runClustersAnalysis
	analyses["groups"] = runGroupsAnalysis
}

// runClustersAnalysis clusters the run's network with Leiden (modularity
// at run.Resolution, seed run.Seed, to convergence), compares the clusters
// with regions when organisations have one, and writes clusters.json and
// clusters.csv (the per-organisation membership).
//
// Metrics: clusters, singletons, largest_cluster, modularity (at
// resolution 1), quality (the objective at run.Resolution), coverage,
// iterations, and nmi_region and ari_region when some organisation has a
// region.
func runClustersAnalysis(ctx context.Context, rc *runContext) error {
	c, err := community.Leiden(ctx, rc.snap, community.LeidenOptions{Resolution: rc.run.Resolution, Seed: rc.run.Seed})
	if err != nil {
		return err
	}
	in := reports.ClustersInput{Dataset: rc.run.Dataset.Label, Algorithm: "leiden", Network: rc.net, Snapshot: rc.snap, Clustering: c}
	regions := rc.net.AttrColumn("region")
	if slices.ContainsFunc(regions, func(v string) bool { return v != "" }) {
		agr, err := community.Compare(c.Membership, community.LabelsFromColumn(regions))
		if err != nil {
			return err
		}
		in.CompareAttr, in.Agreement = "region", &agr
	}
	v := reports.NewClustersView(in)
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
	tier := groups.Tier(rc.run.Tier)
	r := rc.run.Resolution
	if r <= 0 {
		r = 1
	}
	opts := groups.Options{Tier: tier, Seed: rc.run.Seed, Weighting: rc.weighting, At: rc.at,
		Resolutions: []float64{0.5 * r, r, 2 * r, 4 * r, 8 * r}}
	adjFrom := ""
	if src := rc.run.Dataset.Source; src != "" {
		if info, err := os.Stat(src); strings.HasPrefix(src, "embedded:") || (err == nil && info.IsDir()) {
			adj, _, err := datasets.LoadAdjacencyFor(src, rc.net)
			if err != nil {
				return fmt.Errorf("adjacency: %w", err)
			}
			if adj != nil {
				opts.Adjacency, adjFrom = adj, datasets.AdjacencyFile+" in "+src
			}
		}
	}
	res, err := groups.SearchTiers(ctx, rc.net, rc.snap, []groups.Options{opts})
	if err != nil {
		return err
	}
	v := reports.NewGroupsView(rc.run.Dataset.Label, rc.net, rc.weighting, adjFrom, res)
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
