package batch

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/datasets/geo"
	"github.com/partnet/partnet/reports/page"
)

// batchReportTime is what a batch report shows as its generation time: a
// fixed text, so that the same spec and seeds give byte-identical run
// folders (real timestamps are kept in manifest.json only).
const batchReportTime = "not recorded (partnet batch keeps timestamps in manifest.json only)"

func init() {
	analyses["report"] = runReportAnalysis
}

// runReportAnalysis writes report.html for one run: the full HTML report
// with the run's seed and resolution, on the network filtered to the
// run's kinds and date. Both candidate-group tiers are shown whatever the
// run's tier. The page loads ECharts from go-echarts' host. Metrics:
// clusters (of two or more organisations), modularity, nmi_region and
// ari_region (when the data has regions), single_points_of_failure and
// candidate_groups.
func runReportAnalysis(ctx context.Context, rc *runContext) error {
	run := rc.run
	adj, adjFrom, _, err := datasets.DatasetAdjacency(run.Dataset.Source, rc.net)
	if err != nil {
		return fmt.Errorf("adjacency: %w", err)
	}
	res, err := engine.Report(ctx, rc.net, engine.ReportOptions{Data: rc.data, Seed: run.Seed, Resolution: run.Resolution,
		Adjacency: adj, AdjacencySource: adjFrom})
	if err != nil {
		return err
	}
	rc.record("report", res.Run)
	inputs := make([]page.Input, len(rc.inputs))
	for k, in := range rc.inputs {
		inputs[k] = page.Input{Name: in.Name, SHA256: in.SHA256}
	}
	var kw []string
	for k, v := range run.KindWeights {
		kw = append(kw, fmt.Sprintf("%s=%g", k, v))
	}
	sort.Strings(kw)
	params := []page.Figure{
		{Label: "run", Value: run.ID},
		{Label: "dataset", Value: run.Dataset.Label},
		{Label: "date", Value: run.Date},
		{Label: "weighting", Value: run.Weighting},
		{Label: "kind weights", Value: strings.Join(kw, ",")},
		{Label: "resolution", Value: fmt.Sprint(run.Resolution)},
		{Label: "seed", Value: fmt.Sprint(run.Seed)},
	}
	// The map draws organisations whose id is an English district's GSS
	// code as that district, as partnet report does.
	areas, err := geo.EnglandAreas()
	if err != nil {
		return err
	}
	rep, err := page.Build(ctx, page.Source{Network: res.Network, Snapshot: res.Snapshot, Dataset: run.Dataset.Label,
		Inputs: inputs, Version: rc.version, GeneratedAt: batchReportTime, Seed: run.Seed, Parameters: params, Results: res,
		Areas: areas, AreasAttribution: geo.AreasAttribution})
	if err != nil {
		return err
	}
	multi := 0
	for _, c := range rep.Clusters {
		if c.Size > 1 {
			multi++
		}
	}
	rc.metric("report", "clusters", float64(multi))
	if c := res.Clustering; c != nil {
		rc.metric("report", "modularity", c.Quality)
	}
	if m := rep.RegionMatch; m != nil {
		rc.metric("report", "nmi_region", m.NMI)
		rc.metric("report", "ari_region", m.ARI)
	}
	rc.metric("report", "single_points_of_failure", float64(len(rep.Cutpoints)))
	rc.metric("report", "candidate_groups", float64(len(rep.Groups)))
	return rc.file("report.html", func(w io.Writer) error { return page.WriteHTML(w, rep, page.HTMLOptions{}) })
}
