package reports

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/graph"
)

// Sizes at which the report switches to cheaper settings.
const (
	// ExactBetweennessLimit is the most organisations for which betweenness
	// is exact; above it, BetweennessSamples sources are sampled.
	ExactBetweennessLimit = 5000
	// DefaultBetweennessSamples is the number of sampled sources above the
	// limit, on networks of up to BetweennessTieBudget/100 ties; larger
	// networks get fewer (see betweennessSamples).
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
	// score before improvement; see analysis.GroupOptions.ImproveLimit):
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
	// NoGroups and NoTimeline leave those sections out.
	NoGroups, NoTimeline bool
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
	Clustering  *analysis.Clustering
	Stability   *analysis.StabilityResult
	Groups      []*analysis.GroupResult
	Timeline    *analysis.TimelineResult
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
	phase := func(name string) func(done, total int) {
		if opts.Progress == nil {
			return nil
		}
		opts.Progress(name, 0, -1)
		return func(done, total int) { opts.Progress(name, done, total) }
	}
	set := func(label, format string, args ...any) {
		res.Settings = append(res.Settings, Figure{Label: label, Value: fmt.Sprintf(format, args...)})
	}
	samples := opts.BetweennessSamples
	if samples == 0 && n > ExactBetweennessLimit {
		samples = betweennessSamples(s.Ties())
	}
	bt, err := analysis.Betweenness(ctx, s, analysis.BetweennessOptions{Samples: samples, Seed: opts.Seed, Progress: phase("betweenness")})
	if err != nil {
		return nil, fmt.Errorf("report: betweenness: %w", err)
	}
	res.Betweenness = bt
	if bt.Sources < n {
		set("betweenness", "sampled: %d of %d organisations as sources (seed %d), scaled by n/k", bt.Sources, n, opts.Seed)
	} else {
		set("betweenness", "exact (Brandes), unweighted")
	}
	// Tolerances looser than the analysis defaults (enough for ranking and
	// node sizes); a run that does not converge keeps its last iterate and
	// says so.
	large := n > LargeNetwork
	conv := "converged"
	eo := analysis.EigenvectorOptions{Tol: 1e-10, MaxIter: 1000}
	if large {
		eo = analysis.EigenvectorOptions{Tol: 1e-8, MaxIter: 100}
	}
	phase("pagerank and eigenvector")
	pr, err := analysis.PageRank(ctx, s, analysis.PageRankOptions{Tol: 1e-12, MaxIter: 1000})
	if err != nil && !errors.Is(err, analysis.ErrNotConverged) {
		return nil, fmt.Errorf("report: pagerank: %w", err)
	} else if err != nil {
		conv = "pagerank stopped after 1000 iterations"
	}
	res.PageRank = pr
	ev, err := analysis.Eigenvector(ctx, s, eo)
	if err != nil && !errors.Is(err, analysis.ErrNotConverged) {
		return nil, fmt.Errorf("report: eigenvector: %w", err)
	} else if err != nil {
		conv = fmt.Sprintf("eigenvector stopped after %d iterations (approximate)", eo.MaxIter)
	}
	res.Eigenvector = ev.Unit
	set("pagerank and eigenvector", "unweighted; pagerank damping 0.85 to 1e-12 per node; eigenvector unit norm to %g per node; %s", eo.Tol, conv)

	gamma := opts.Resolution
	if gamma == 0 {
		gamma = 1
	}
	lo := analysis.LeidenOptions{Resolution: gamma, Seed: opts.Seed}
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
	if runs > 0 {
		// The clusters shown are the stability consensus: the seed whose
		// partition agrees best with the others, so that robustness is
		// measured on the clusters the page shows.
		if res.Stability, err = analysis.Stability(ctx, s, analysis.StabilityOptions{Leiden: lo, Runs: runs, Progress: phase("cluster stability")}); err != nil {
			return nil, fmt.Errorf("report: cluster stability: %w", err)
		}
		res.Clustering = res.Stability.Consensus
		set("clusters", "Leiden, modularity at resolution %g, %s; %d seeds (%d to %d), showing the consensus run (seed %d); robust = mean best Jaccard match >= 0.8",
			gamma, iters, runs, opts.Seed, opts.Seed+uint64(runs)-1, res.Clustering.Seed)
	} else {
		phase("clusters (Leiden)")
		if res.Clustering, err = analysis.Leiden(ctx, s, lo); err != nil {
			return nil, fmt.Errorf("report: clusters: %w", err)
		}
		set("clusters", "Leiden, modularity at resolution %g, seed %d, %s (ran %d); stability across seeds not measured", gamma, opts.Seed, iters, res.Clustering.Iterations)
	}

	if !opts.NoGroups {
		g := analysis.GroupOptions{Seed: opts.Seed, Weighting: opts.Weighting}
		how := "the engine's defaults: Leiden candidates at resolutions 0.5, 1, 2, 4, 8 x 4 seeds"
		if large {
			how = "large network: " + LargeGroupSearch(&g)
		}
		tiers := []analysis.GroupOptions{g, g}
		tiers[0].Tier, tiers[1].Tier = analysis.TierLarge, analysis.TierSmall
		phase("candidate groups")
		if res.Groups, err = analysis.GroupTiers(ctx, net, s, tiers); err != nil {
			return nil, fmt.Errorf("report: candidate groups: %w", err)
		}
		set("candidate groups", "large and small tiers together (no council in two groups); %s, seed %d", how, opts.Seed)
	}

	if !opts.NoTimeline {
		dates := timelineDates(net)
		if len(dates) > 1 {
			phase("timeline")
			tl, err := analysis.Timeline(ctx, net, analysis.TimelineOptions{Dates: dates, Weighting: opts.Weighting,
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
func LargeGroupSearch(o *analysis.GroupOptions) string {
	o.Seeds, o.Resolutions, o.ExactLimit = 1, []float64{1}, -1
	o.LeidenIterations, o.ImproveLimit = 2, LargeImproveLimit
	return fmt.Sprintf("Leiden candidates at resolution 1, one seed, 2 iterations; the best %d candidates improved by local moves; no exact search", LargeImproveLimit)
}

// TimelineClusters is the clustering run on each timeline snapshot: seeded
// Leiden (modularity at resolution gamma) started from the previous
// date's partition, so that clusters keep their identity.
func TimelineClusters(seed uint64, gamma float64) analysis.ClusterFunc {
	return func(ctx context.Context, s *graph.Snapshot, initial []int) ([]int, error) {
		c, err := analysis.Leiden(ctx, s, analysis.LeidenOptions{Seed: seed, Resolution: gamma, Initial: initial})
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

// betweennessSamples is the report's default number of sampled sources for
// a network of the given number of ties: DefaultBetweennessSamples, scaled
// down so that sources x ties stays within BetweennessTieBudget, and at
// least MinBetweennessSamples.
func betweennessSamples(ties int) int {
	k := DefaultBetweennessSamples
	if ties > 0 && k*ties > BetweennessTieBudget {
		k = BetweennessTieBudget / ties
	}
	return max(k, MinBetweennessSamples)
}
