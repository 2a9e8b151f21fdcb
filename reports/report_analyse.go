package reports

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/analysis/timeline"
	"github.com/partnet/partnet/graph"
)

// Sizes at which the report switches to cheaper settings.
const (
	// ExactBetweennessLimit is the most organisations for which betweenness
	// is exact; above it, BetweennessSamples sources are sampled.
	ExactBetweennessLimit = 5000
	// DefaultBetweennessSamples is the number of sampled sources above the
	// limit, on networks of up to BetweennessTieBudget/100 ties; larger
	// networks get fewer (see BetweennessSamples).
	DefaultBetweennessSamples = 100
	// BetweennessTieBudget bounds sources x ties for the report's sampled
	// betweenness (each source is one search over every tie): 100 sources
	// at 1M ties, 10 at 10M, never fewer than MinBetweennessSamples. The
	// estimate's standard error grows as sources fall; the page states the
	// number used.
	BetweennessTieBudget = 100_000_000
	// MinBetweennessSamples is the fewest sources the report samples.
	MinBetweennessSamples = 10
	// LargeNetwork is the number of organisations above which the report
	// uses lighter settings: Leiden stops after two iterations, stability
	// across seeds is not measured unless asked for, eigenvector
	// centrality stops after 100 iterations, and the candidate-group
	// search uses one Leiden resolution and seed (two iterations), improves
	// only its best LargeImproveLimit candidates and runs no exact search.
	LargeNetwork = 20000
	// LargeImproveLimit is how many candidate groups per Leiden run the
	// group search improves by local moves above LargeNetwork (the best by
	// score before improvement; see groups.Options.ImproveLimit):
	// several times the 30 groups of the small tier.
	LargeImproveLimit = 250
	// DefaultStabilityRuns is the number of Leiden seeds used to judge
	// which clusters are robust (none above LargeNetwork).
	DefaultStabilityRuns = 5
)

// Centralities the map can size nodes by.
var SizeMeasures = []string{"degree", "betweenness", "pagerank", "eigenvector"}

// AnalyseOptions set how Analyse runs the analyses behind a report. The
// zero value gives the defaults documented per field.
type AnalyseOptions struct {
	// Seed seeds Leiden, sampled betweenness and the group search.
	Seed uint64
	// Resolution is Leiden's modularity resolution; 0 means 1.
	Resolution float64
	// StabilityRuns is how many seeds judge the clusters' robustness; 0
	// means DefaultStabilityRuns (none above LargeNetwork), negative skips
	// it.
	StabilityRuns int
	// BetweennessSamples: 0 means exact up to ExactBetweennessLimit
	// organisations and DefaultBetweennessSamples sources above it; a
	// positive value samples that many sources (exact when >= n).
	BetweennessSamples int
	// Weighting is the one the snapshot was built with (for group evidence
	// and the timeline).
	Weighting graph.Weighting
	// By is the attribute the page groups organisations by (Source.By;
	// "" means sector). Analyse counts the brokerage roles across its
	// groups (Results.Brokerage) so that on large networks the count runs
	// while clustering does, instead of after it in Build.
	By string
	// NoGroups and NoTimeline leave those sections out.
	NoGroups, NoTimeline bool
	// At is the day the network was filtered to (--at), if any: the
	// candidate groups are formed among organisations active that day.
	// Zero means the data's latest date (groups.Options.At).
	At time.Time
	// Progress, when set, is told each step as it starts (done 0, total
	// -1 when the step is not counted) and, for counted steps
	// (betweenness sources, stability runs), as it advances.
	Progress func(phase string, done, total int)
}

// Results are the analyses shown in a report beyond what Build computes
// itself (blocks, E-I, brokerage roles, cut points, degrees). Any field
// may be nil; its section then says it was not computed.
type Results struct {
	Betweenness *analysis.BetweennessResult
	PageRank    []float64
	Eigenvector []float64
	Clustering  *community.Clustering
	Stability   *community.StabilityResult
	Groups      []*groups.Result
	Timeline    *timeline.Result
	// Brokerage holds the Gould-Fernandez roles across the groups of the
	// attribute BrokerageBy; Build counts them itself when they are nil or
	// were counted over another attribute.
	Brokerage   []analysis.BrokerageRoles
	BrokerageBy string
	// Settings say how each analysis was run, for the page and footer.
	Settings []Figure
}

// Analyse runs the report's analyses on net and its snapshot s (built with
// opts.Weighting). Large networks get sampled betweenness and lighter
// clustering, eigenvector and group-search settings (see LargeNetwork);
// Settings records what was used. An
// empty network gives empty results. It stops with ctx's error.
func Analyse(ctx context.Context, net *graph.Network, s *graph.Snapshot, opts AnalyseOptions) (*Results, error) {
	n := s.N()
	res := &Results{}
	large := n > LargeNetwork
	// On large networks clustering and the group search run on their own
	// goroutines while betweenness, PageRank and eigenvector run here:
	// Leiden's local moving is sequential, so alone it leaves a core idle
	// for most of its run. Background steps report no progress (one bar
	// at a time); each result is the same as when run in turn.
	background := large
	phase := func(name string) func(done, total int) {
		if opts.Progress == nil {
			return nil
		}
		opts.Progress(name, 0, -1)
		return func(done, total int) { opts.Progress(name, done, total) }
	}
	quiet := func(string) func(done, total int) { return nil }
	figure := func(label, format string, args ...any) Figure {
		return Figure{Label: label, Value: fmt.Sprintf(format, args...)}
	}
	var btFig, prFig, clFig, grFig Figure

	gamma := opts.Resolution
	if gamma == 0 {
		gamma = 1
	}
	clusters := func(ctx context.Context, phase func(string) func(int, int)) error {
		lo := community.LeidenOptions{Resolution: gamma, Seed: opts.Seed}
		iters := "to convergence"
		if large {
			lo.Iterations, iters = 2, "2 iterations (large network)"
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
	groups := func(ctx context.Context, phase func(string) func(int, int)) error {
		if opts.NoGroups {
			return nil
		}
		g := groups.Options{Seed: opts.Seed, Weighting: opts.Weighting, At: opts.At}
		how := "the engine's defaults: Leiden candidates at resolutions 0.5, 1, 2, 4, 8 x 4 seeds"
		if large {
			how = "large network: " + LargeGroupSearch(&g)
		}
		tiers := []groups.Options{g, g}
		tiers[0].Tier, tiers[1].Tier = groups.TierLarge, groups.TierSmall
		phase("candidate groups")
		var err error
		if res.Groups, err = groups.SearchTiers(ctx, net, s, tiers); err != nil {
			return fmt.Errorf("report: candidate groups: %w", err)
		}
		grFig = figure("candidate groups", "large and small tiers together (no council in two groups); %s, seed %d", how, opts.Seed)
		return nil
	}
	centrality := func(ctx context.Context) error {
		samples := opts.BetweennessSamples
		if samples == 0 && n > ExactBetweennessLimit {
			samples = BetweennessSamples(s.Ties())
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
		// Tolerances looser than the analysis defaults (enough for ranking
		// and node sizes); a run that does not converge keeps its last
		// iterate and says so.
		conv := "converged"
		eo := analysis.EigenvectorOptions{Tol: 1e-10, MaxIter: 1000}
		if large {
			eo = analysis.EigenvectorOptions{Tol: 1e-8, MaxIter: 100}
		}
		name = "pagerank and eigenvector"
		if background {
			name += " (clusters and groups alongside)"
		}
		phase(name)
		pr, err := analysis.PageRank(ctx, s, analysis.PageRankOptions{Tol: 1e-12, MaxIter: 1000})
		if err != nil && !errors.Is(err, analysis.ErrNotConverged) {
			return fmt.Errorf("report: pagerank: %w", err)
		} else if err != nil {
			conv = "pagerank stopped after 1000 iterations"
		}
		res.PageRank = pr
		ev, err := analysis.Eigenvector(ctx, s, eo)
		if err != nil && !errors.Is(err, analysis.ErrNotConverged) {
			return fmt.Errorf("report: eigenvector: %w", err)
		} else if err != nil {
			conv = fmt.Sprintf("eigenvector stopped after %d iterations (approximate)", eo.MaxIter)
		}
		res.Eigenvector = ev.Unit
		by := opts.By
		if by == "" {
			by = "sector"
		}
		if name = "brokerage roles"; background {
			name += " (clusters and groups alongside)"
		}
		phase(name)
		if res.Brokerage, err = analysis.Brokerage(s, pageGroups(net, by)); err != nil {
			return fmt.Errorf("report: brokerage: %w", err)
		}
		res.BrokerageBy = by
		prFig = figure("pagerank and eigenvector", "unweighted; pagerank damping 0.85 to 1e-12 per node; eigenvector unit norm to %g per node; %s", eo.Tol, conv)
		return nil
	}

	if background {
		if err := together(ctx, opts.Progress, centrality,
			func(ctx context.Context) error { return clusters(ctx, quiet) },
			func(ctx context.Context) error { return groups(ctx, quiet) }); err != nil {
			return nil, err
		}
	} else {
		for _, step := range []func(context.Context) error{centrality,
			func(ctx context.Context) error { return clusters(ctx, phase) },
			func(ctx context.Context) error { return groups(ctx, phase) }} {
			if err := step(ctx); err != nil {
				return nil, err
			}
		}
	}
	for _, f := range []Figure{btFig, prFig, clFig, grFig} {
		if f.Label != "" {
			res.Settings = append(res.Settings, f)
		}
	}
	set := func(label, format string, args ...any) {
		res.Settings = append(res.Settings, figure(label, format, args...))
	}

	if !opts.NoTimeline {
		dates := timelineDates(net)
		if len(dates) > 1 {
			phase("timeline")
			tl, err := timeline.Measure(ctx, net, timeline.Options{Dates: dates, Weighting: opts.Weighting,
				Cluster: TimelineClusters(opts.Seed, gamma)})
			if err != nil {
				return nil, fmt.Errorf("report: %w", err)
			}
			res.Timeline = tl
			set("timeline", "yearly snapshots on 1 January, %s to %s; clusters by Leiden (seed %d) started from the previous year's, matched at Jaccard > %g",
				tl.Dates[0], tl.Dates[len(tl.Dates)-1], opts.Seed, tl.Clusters.Threshold)
		}
	}
	return res, nil
}

// LargeGroupSearch sets o to the lighter group search used above
// LargeNetwork organisations (by the report and by partnet groups) and
// returns a description for the page or the terminal: candidates from one
// Leiden run (resolution 1, one seed, two iterations), only the best
// LargeImproveLimit candidates improved by local moves, no exact search.
func LargeGroupSearch(o *groups.Options) string {
	o.Seeds, o.Resolutions, o.ExactLimit = 1, []float64{1}, -1
	o.LeidenIterations, o.ImproveLimit = 2, LargeImproveLimit
	return fmt.Sprintf("Leiden candidates at resolution 1, one seed, 2 iterations; the best %d candidates improved by local moves; no exact search over every possible group (the selection from the candidates still states its bound)", LargeImproveLimit)
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

// TimelineClusters is the clustering run on each timeline snapshot: seeded
// Leiden (modularity at resolution gamma) started from the previous
// date's partition, so that clusters keep their identity.
func TimelineClusters(seed uint64, gamma float64) timeline.ClusterFunc {
	return func(ctx context.Context, s *graph.Snapshot, initial []int) ([]int, error) {
		c, err := community.Leiden(ctx, s, community.LeidenOptions{Seed: seed, Resolution: gamma, Initial: initial})
		if err != nil {
			return nil, err
		}
		return c.Membership, nil
	}
}

// timelineDates are 1 January of each year from the first to the last
// year in which a partnership or arrangement starts; none when nothing is
// dated or everything starts in one year.
func timelineDates(net *graph.Network) []time.Time {
	lo, hi, ok := startYears(net)
	if !ok || lo == hi {
		return nil
	}
	var out []time.Time
	for y := lo; y <= hi; y++ {
		out = append(out, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	return out
}

// startYears returns the earliest and latest start year of the
// partnerships and arrangements that have one.
func startYears(net *graph.Network) (int, int, bool) {
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

// ParseSizeBy checks a --size-by value.
func ParseSizeBy(s string) (string, error) {
	for _, m := range SizeMeasures {
		if s == m {
			return s, nil
		}
	}
	return "", fmt.Errorf("size by %q: want one of %s", s, strings.Join(SizeMeasures, ", "))
}

// BetweennessSamples is the default number of sampled sources, for the
// report and for partnet analyze, on a network of the given number of
// ties: DefaultBetweennessSamples, scaled
// down so that sources x ties stays within BetweennessTieBudget, and at
// least MinBetweennessSamples.
func BetweennessSamples(ties int) int {
	k := DefaultBetweennessSamples
	if ties > 0 && k*ties > BetweennessTieBudget {
		k = BetweennessTieBudget / ties
	}
	return max(k, MinBetweennessSamples)
}
