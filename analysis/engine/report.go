package engine

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/analysis/timeline"
	"github.com/partnet/partnet/graph"
)

// ReportOptions set the analyses behind an HTML report. The zero value
// gives the defaults of defaults.go.
type ReportOptions struct {
	Data
	Seed uint64
	// Resolution is Leiden's modularity resolution (0: DefaultResolution),
	// for the clusters, the group search and the timeline's clusters.
	Resolution float64
	// StabilityRuns is how many seeds judge the clusters' robustness: 0
	// means DefaultStabilityRuns (none above LargeNetwork), negative skips
	// it.
	StabilityRuns int
	// BetweennessSamples: 0 means the rule of BetweennessSamples; a
	// positive value samples that many sources (exact when >= n).
	BetweennessSamples int
	// By is the attribute the page groups organisations by (brokerage
	// roles are counted across it): "" means DefaultBy, or everyone one
	// group when no organisation has it; an attribute given that no
	// organisation has is an OptionError, as in Analyze.
	By string
	// Adjacency and AdjacencySource are the dataset's border table, for
	// the candidate groups (as in Groups).
	Adjacency       [][2]string
	AdjacencySource string
	// NoGroups and NoTimeline leave those sections out.
	NoGroups, NoTimeline bool
	// Progress, when set, is told each step as it starts (done 0, total
	// -1 when the step is not counted) and, for counted steps
	// (betweenness sources, stability runs), as it advances.
	Progress func(phase string, done, total int)
}

// ReportResult holds the analyses a report shows beyond what its page
// builder computes itself. Any of them may be nil; then GroupsWhy,
// TimelineWhy (and Warnings) say why.
type ReportResult struct {
	Run
	// By is the grouping attribute used ("" when everyone is one group).
	By          string
	Betweenness *analysis.BetweennessResult
	PageRank    []float64
	Eigenvector []float64
	Clustering  *community.Clustering
	Stability   *community.StabilityResult
	Groups      []*groups.Result
	Timeline    *timeline.Result
	// Brokerage holds the Gould-Fernandez roles across the groups of
	// GroupColumn(By).
	Brokerage []analysis.BrokerageRoles
	// Layers is the layer rule's decision on the filtered network: when
	// it split, Network and Snapshot are the collaboration layer and
	// every analysis above ran on it.
	Layers *LayerSplit
	// GroupsWhy says why there are no candidate groups when there are
	// none (not asked for, or no organisation eligible and why);
	// TimelineWhy why there is no timeline.
	GroupsWhy, TimelineWhy string
}

// GroupColumn is each organisation's value of the attribute by, "(none)"
// for an empty one (everyone "(none)" when by is ""): the groups of the
// report's block, E-I and brokerage sections.
func GroupColumn(net *graph.Network, by string) []string {
	var groups []string
	if by == "" {
		groups = make([]string, net.NumOrganisations())
	} else {
		groups = net.AttrColumn(by)
	}
	for i, g := range groups {
		if g == "" {
			groups[i] = "(none)"
		}
	}
	return groups
}

// Report runs every analysis the HTML report needs on net (filtered and
// weighted as opts.Data says): betweenness, PageRank and eigenvector,
// brokerage roles, Leiden clusters with their stability, candidate groups
// for the large and small tiers, and the yearly timeline. Large networks
// get sampled betweenness and lighter clustering, eigenvector and
// group-search settings, with clustering and the group search side by side
// with the centralities (SideBySide); Settings records what was used. An
// empty network gives empty results. It stops with ctx's error.
func Report(ctx context.Context, net *graph.Network, opts ReportOptions) (*ReportResult, error) {
	if opts.BetweennessSamples < 0 {
		return nil, optionErr("betweenness-samples", fmt.Sprint(opts.BetweennessSamples), "want 0 (the default rule) or a positive number")
	}
	r, err := opts.Data.prepare(net)
	if err != nil {
		return nil, err
	}
	res := &ReportResult{Layers: SplitLayers(r.Network)}
	if ls := res.Layers; ls.Split {
		// The layer rule: joint working is analysed on its own and
		// funding gets its own section of the report.
		r.Network = ls.Collaboration
		r.Snapshot = r.Network.Snapshot(r.Snapshot.Weighting())
		r.note("%s: the report analyses joint working (every other kind of tie) and funding separately", ls.Reason)
	}
	by, err := resolveBy(&r, "by", opts.By, DefaultBy, "the page treats all as one group (choose another with --by)")
	if err != nil {
		return nil, err
	}
	res.By = by
	var tiers []groups.Options
	if !opts.NoGroups {
		g := GroupsOptions{Data: opts.Data, Seed: opts.Seed, Tiers: []groups.Tier{groups.TierLarge, groups.TierSmall},
			Adjacency: opts.Adjacency, AdjacencySource: opts.AdjacencySource, Resolution: opts.Resolution}
		if tiers, err = groupTiers(&r, g); err != nil {
			return nil, err
		}
	} else {
		res.GroupsWhy = "Candidate groups were not computed for this report (left out with --no-groups)."
	}
	s := r.Snapshot
	n := s.N()
	large := Large(n)
	background := SideBySide(n)
	phase := func(name string) func(done, total int) {
		if opts.Progress == nil {
			return nil
		}
		opts.Progress(name, 0, -1)
		return func(done, total int) { opts.Progress(name, done, total) }
	}
	quiet := func(string) func(done, total int) { return nil }
	var btFig, prFig, clFig, grFig Setting
	figure := func(label, format string, args ...any) Setting {
		return Setting{Label: label, Value: fmt.Sprintf(format, args...)}
	}
	gamma := opts.Resolution
	if gamma == 0 {
		gamma = DefaultResolution
	}
	var noteMu sync.Mutex
	clusters := func(ctx context.Context, phase func(string) func(int, int)) error {
		lo := community.LeidenOptions{Resolution: gamma, Seed: opts.Seed}
		iters := "to convergence"
		if large {
			lo.Iterations, iters = LargeLeidenIterations, fmt.Sprintf("%d iterations (large network)", LargeLeidenIterations)
		}
		runs := opts.StabilityRuns
		if runs == 0 {
			runs = DefaultStabilityRuns
			if large {
				runs = -1
			}
		}
		var err error
		if runs > 0 {
			// The clusters shown are the stability consensus: the seed whose
			// partition agrees best with the others, so that robustness is
			// measured on the clusters the page shows.
			if res.Stability, err = community.Stability(ctx, s, community.StabilityOptions{Leiden: lo, Runs: runs, Progress: phase("cluster stability")}); err != nil {
				return fmt.Errorf("report: cluster stability: %w", err)
			}
			res.Clustering = res.Stability.Consensus
			clFig = figure("clusters", "Leiden, modularity at resolution %g, %s; %d seeds (%d to %d), showing the consensus run (seed %d); robust = mean best Jaccard match >= 0.8",
				gamma, iters, runs, opts.Seed, opts.Seed+uint64(runs)-1, res.Clustering.Seed)
			return nil
		}
		phase("clusters (Leiden)")
		if res.Clustering, err = community.Leiden(ctx, s, lo); err != nil {
			return fmt.Errorf("report: clusters: %w", err)
		}
		clFig = figure("clusters", "Leiden, modularity at resolution %g, seed %d, %s (ran %d); stability across seeds not measured", gamma, opts.Seed, iters, res.Clustering.Iterations)
		return nil
	}
	groupSearch := func(ctx context.Context, phase func(string) func(int, int)) error {
		if opts.NoGroups {
			return nil
		}
		how := fmt.Sprintf("the engine's defaults: Leiden candidates at resolutions %s x %d seeds", fmtFloats(GroupResolutions(opts.Resolution)), DefaultGroupSeeds)
		if large {
			rs, seeds, iters, improve, exact, h := largeGroupSearch(opts.Resolution)
			for i := range tiers {
				tiers[i].Resolutions, tiers[i].Seeds, tiers[i].LeidenIterations = rs, seeds, iters
				tiers[i].ImproveLimit, tiers[i].ExactLimit = improve, exact
			}
			how = "large network: " + h
		}
		phase("candidate groups")
		var err error
		if res.Groups, err = groups.SearchTiers(ctx, r.Network, s, tiers); err != nil {
			return fmt.Errorf("report: candidate groups: %w", err)
		}
		grFig = figure("candidate groups", "large and small tiers together (no council in two groups); %s, seed %d", how, opts.Seed)
		if why := whyNoGroups(r.Network, tiers, res.Groups); why != "" {
			noteMu.Lock()
			r.note("%s", why)
			noteMu.Unlock()
			res.GroupsWhy = "No candidate group: " + why + "."
		}
		return nil
	}
	centrality := func(ctx context.Context) error {
		samples := opts.BetweennessSamples
		if samples == 0 {
			samples = BetweennessSamples(n, s.Ties())
		}
		name := "betweenness"
		if background {
			name = "betweenness (clusters and groups alongside)"
		}
		bt, err := analysis.Betweenness(ctx, s, analysis.BetweennessOptions{Samples: samples, Seed: opts.Seed, Progress: phase(name)})
		if err != nil {
			return fmt.Errorf("report: betweenness: %w", err)
		}
		res.Betweenness = bt
		if bt.Sources < n {
			btFig = figure("betweenness", "sampled: %d of %d organisations as sources (seed %d), scaled by n/k", bt.Sources, n, opts.Seed)
		} else {
			btFig = figure("betweenness", "exact (Brandes), unweighted")
		}
		// A run that does not converge keeps its last iterate and says so.
		conv := "converged"
		// The same settings as analyze (the analysis defaults), so the two
		// doors agree; lighter above LargeNetwork.
		eo := analysis.EigenvectorOptions{}
		if large {
			eo = analysis.EigenvectorOptions{Tol: LargeEigenvectorTol, MaxIter: LargeEigenvectorIterations}
		}
		name = "pagerank and eigenvector"
		if background {
			name += " (clusters and groups alongside)"
		}
		phase(name)
		pr, err := analysis.PageRank(ctx, s, analysis.PageRankOptions{})
		if err != nil && !errors.Is(err, analysis.ErrNotConverged) {
			return fmt.Errorf("report: pagerank: %w", err)
		} else if err != nil {
			conv = "pagerank stopped at its iteration limit (approximate)"
		}
		res.PageRank = pr
		ev, err := analysis.Eigenvector(ctx, s, eo)
		if err != nil && !errors.Is(err, analysis.ErrNotConverged) {
			return fmt.Errorf("report: eigenvector: %w", err)
		} else if err != nil {
			conv = "eigenvector stopped at its iteration limit (approximate)"
		}
		if ev != nil {
			res.Eigenvector = ev.Unit
		}
		if name = "brokerage roles"; background {
			name += " (clusters and groups alongside)"
		}
		phase(name)
		if res.Brokerage, err = analysis.Brokerage(s, GroupColumn(r.Network, by)); err != nil {
			return fmt.Errorf("report: brokerage: %w", err)
		}
		eigTol := "1e-15"
		if large {
			eigTol = fmt.Sprint(LargeEigenvectorTol)
		}
		prFig = figure("pagerank and eigenvector", "unweighted; pagerank damping 0.85 to 1e-15 per node; eigenvector unit norm, residual within %s of the eigenvalue; %s", eigTol, conv)
		return nil
	}

	if background {
		if err := together(ctx, opts.Progress, centrality,
			func(ctx context.Context) error { return clusters(ctx, quiet) },
			func(ctx context.Context) error { return groupSearch(ctx, quiet) }); err != nil {
			return nil, err
		}
	} else {
		for _, step := range []func(context.Context) error{centrality,
			func(ctx context.Context) error { return clusters(ctx, phase) },
			func(ctx context.Context) error { return groupSearch(ctx, phase) }} {
			if err := step(ctx); err != nil {
				return nil, err
			}
		}
	}
	for _, f := range []Setting{btFig, prFig, clFig, grFig} {
		if f.Label != "" {
			r.Settings = append(r.Settings, f)
		}
	}
	if opts.NoTimeline {
		res.TimelineWhy = "The timeline was not computed for this report."
	} else if dates := YearlyDates(r.Network); len(dates) > 1 {
		phase("timeline")
		tl, err := timeline.Measure(ctx, r.Network, timeline.Options{Dates: dates, Weighting: s.Weighting(),
			Cluster: TimelineClusters(opts.Seed, gamma)})
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		res.Timeline = tl
		r.set("timeline", "yearly snapshots on 1 January, %s to %s; clusters by Leiden (seed %d) started from the previous year's, matched at Jaccard > %g",
			tl.Dates[0], tl.Dates[len(tl.Dates)-1], opts.Seed, tl.Clusters.Threshold)
	} else {
		res.TimelineWhy = "No timeline: partnerships and arrangements need start dates in at least two different years."
	}
	res.Run = r
	return res, nil
}

func empty(results []*groups.Result) bool {
	for _, g := range results {
		if g != nil && len(g.Groups) > 0 {
			return false
		}
	}
	return true
}

// together runs the first step here and the others on their own
// goroutines, and waits for all of them. When one fails the others are
// cancelled, and the error returned is the first failing step's in the
// order given, preferring a real failure to the cancellations it caused.
// While the first step is done and others still run, progress shows one
// spinner for them.
func together(ctx context.Context, progress func(string, int, int), first func(context.Context) error, rest ...func(context.Context) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, 1+len(rest))
	var wg sync.WaitGroup
	for i, step := range rest {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if errs[i+1] = step(ctx); errs[i+1] != nil {
				cancel()
			}
		}()
	}
	if errs[0] = first(ctx); errs[0] != nil {
		cancel()
	} else if progress != nil {
		progress("clusters and candidate groups", 0, -1)
	}
	wg.Wait()
	var firstErr error
	for _, err := range errs {
		if err == nil {
			continue
		}
		if !errors.Is(err, context.Canceled) || ctx.Err() == nil {
			return err
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return firstErr
}

// YearlyDates are 1 January of each year from the first to the last year
// in which a partnership or arrangement starts: the report's timeline
// dates. None when nothing is dated or everything starts in one year.
func YearlyDates(net *graph.Network) []time.Time {
	lo, hi, ok := StartYears(net)
	if !ok || lo == hi {
		return nil
	}
	var out []time.Time
	for y := lo; y <= hi; y++ {
		out = append(out, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	return out
}

// StartYears returns the earliest and latest start year of the
// partnerships and arrangements that have one.
func StartYears(net *graph.Network) (int, int, bool) {
	lo, hi, ok := 0, 0, false
	note := func(t time.Time) {
		if t.IsZero() {
			return
		}
		if !ok || t.Year() < lo {
			lo = t.Year()
		}
		if !ok || t.Year() > hi {
			hi = t.Year()
		}
		ok = true
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		note(net.PartnershipStart(i))
	}
	for i := 0; i < net.NumArrangements(); i++ {
		note(net.Arrangement(i).Start)
	}
	return lo, hi, ok
}
