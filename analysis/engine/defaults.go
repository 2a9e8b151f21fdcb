package engine

import (
	"fmt"
	"time"

	"github.com/partnet/partnet/analysis/groups"
)

// The defaults of every verb, and the rules by which they adapt to a
// network's size. Each is defined here and nowhere else.
const (
	// DefaultSeed seeds every random choice when no seed is given.
	DefaultSeed = 1
	// DefaultResolution is Leiden's modularity resolution.
	DefaultResolution = 1.0
	// DefaultBy is the attribute organisations are grouped by for E-I,
	// block density and brokerage. When no organisation has a value and
	// it was not asked for, everyone is one group (and a note says so).
	DefaultBy = "sector"
	// DefaultCompare is the attribute clusters are compared with. When no
	// organisation has a value and it was not asked for, there is no
	// comparison (and a note says so).
	DefaultCompare = "region"

	// The layer rule (SplitLayers): when funding (graph.FundingKinds,
	// grants) dominates the ties, the report analyses joint working and
	// funding separately. LayerShare: funding ties above this share of
	// all ties split the layers. LayerOrgShare and LayerOrgMin: so does
	// one organisation with at least LayerOrgMin funding ties making up
	// more than LayerOrgShare of its ties (one council's hundreds of
	// grants).
	LayerShare    = 0.5
	LayerOrgShare = 0.5
	LayerOrgMin   = 20

	// ExactBetweennessLimit is the most organisations for which
	// betweenness, closeness and the distance figures are exact; above
	// it they are estimated from BetweennessSamples sources. Analyze,
	// the report and batch share it.
	ExactBetweennessLimit = 5000
	// DefaultBetweennessSamples is the number of sampled sources above
	// ExactBetweennessLimit on networks of up to BetweennessTieBudget/100
	// ties; larger networks get fewer (see BetweennessSamples).
	DefaultBetweennessSamples = 100
	// BetweennessTieBudget bounds sources x ties for sampled betweenness
	// (each source is one search over every tie): 100 sources at 1M ties,
	// 10 at 10M, never fewer than MinBetweennessSamples. The estimate's
	// standard error grows as sources fall; every door states the number.
	BetweennessTieBudget = 100_000_000
	// MinBetweennessSamples is the fewest sources sampled by default.
	MinBetweennessSamples = 10

	// LargeNetwork is the number of organisations above which lighter
	// settings apply: Leiden stops after LargeLeidenIterations, the
	// report measures no stability and clusters LargeClusterRuns seeds,
	// eigenvector centrality in the report stops after
	// LargeEigenvectorIterations, the candidate-group search uses one
	// Leiden resolution and seed and improves only its best
	// LargeImproveLimit candidates, and the report runs clustering and
	// the group search side by side with the centralities.
	LargeNetwork = 20000
	// LargeLeidenIterations bounds Leiden above LargeNetwork.
	LargeLeidenIterations = 2
	// LargeImproveLimit is how many candidate groups per Leiden run the
	// group search improves by local moves above LargeNetwork (several
	// times the 30 groups of the small tier).
	LargeImproveLimit = 250

	// DefaultClusterRuns is the number of Leiden seeds partnet clusters
	// uses to measure stability; LargeClusterRuns above LargeNetwork.
	DefaultClusterRuns = 10
	LargeClusterRuns   = 3
	// DefaultRestarts is the number of independent Leiden runs per seed.
	DefaultRestarts = 1
	// DefaultGroupSeeds is the Leiden seeds per resolution behind the
	// candidate groups (one above LargeNetwork).
	DefaultGroupSeeds = 4
	// GroupFrontierLimit is the most organisations outside a candidate
	// group each local move of the group search tries (the most tied):
	// around a funder with thousands of grants, trying every partner made
	// partnet groups take minutes on a star of 3,000.
	GroupFrontierLimit = 100
	// DefaultEvery is the step between timeline dates.
	DefaultEvery = "1y"
	// DefaultStabilityRuns is the number of Leiden seeds the report uses
	// to judge which clusters are robust (none above LargeNetwork).
	DefaultStabilityRuns = 5

	// Centralities: PageRank and eigenvector run with the analysis
	// package's own defaults (tolerance 1e-15, at most 10000 iterations)
	// in every door, so the report's values are analyze's; above
	// LargeNetwork the report's eigenvector stops at LargeEigenvectorTol
	// or LargeEigenvectorIterations products (ranking and node sizes only).
	LargeEigenvectorTol        = 1e-8
	LargeEigenvectorIterations = 100
)

// Large reports whether a network of n organisations gets the lighter
// settings of LargeNetwork.
func Large(n int) bool { return n > LargeNetwork }

// SideBySide reports whether the report runs clustering and the group
// search on their own goroutines while the centralities run (large
// networks: Leiden's local moving is sequential, so alone it leaves a
// core idle for most of its run). The results are the same either way.
func SideBySide(n int) bool { return Large(n) }

// BetweennessSamples is the default number of sampled sources for a
// network of n organisations and the given number of ties: 0 (exact) up
// to ExactBetweennessLimit organisations, else DefaultBetweennessSamples
// scaled down so that sources x ties stays within BetweennessTieBudget,
// and at least MinBetweennessSamples.
func BetweennessSamples(n, ties int) int {
	if n <= ExactBetweennessLimit {
		return 0
	}
	k := DefaultBetweennessSamples
	if ties > 0 && k*ties > BetweennessTieBudget {
		k = BetweennessTieBudget / ties
	}
	return max(k, MinBetweennessSamples)
}

// GroupResolutions are the Leiden resolutions the candidate-group search
// draws candidates from, scaled by the resolution r (0 means
// DefaultResolution): r x 0.5, 1, 2, 4 and 8.
func GroupResolutions(r float64) []float64 {
	if r <= 0 {
		r = DefaultResolution
	}
	return []float64{0.5 * r, r, 2 * r, 4 * r, 8 * r}
}

// largeGroupSearch returns the lighter group search above LargeNetwork:
// candidates from one Leiden run (resolution r, one seed,
// LargeLeidenIterations), only the best LargeImproveLimit candidates
// improved by local moves, no exact search; and its description.
func largeGroupSearch(r float64) (resolutions []float64, seeds, iterations, improve, exact int, how string) {
	if r <= 0 {
		r = DefaultResolution
	}
	return []float64{r}, 1, LargeLeidenIterations, LargeImproveLimit, -1,
		fmt.Sprintf("Leiden candidates at resolution %g, one seed, %d iterations; the best %d candidates improved by local moves; no exact search over every possible group (the selection from the candidates still states its bound)", r, LargeLeidenIterations, LargeImproveLimit)
}

// The candidate-group search's bounds (groups.Options), given explicitly
// to every search the engine runs (Groups, Report, Backtest). The values
// are the groups package's own fallbacks for a zero option (so a Go user
// calling groups directly gets the same bounds); the engine takes them
// from here and nowhere else.
const (
	// GroupPoolLimit bounds the candidates drawn from arrangements,
	// shared ties and their unions.
	GroupPoolLimit = groups.DefaultPoolLimit
	// GroupSelectionWork bounds the branch-and-bound search that picks
	// the shortlist from the pool, in candidates examined; when it is
	// spent the selection states its gap to the upper bound.
	GroupSelectionWork = groups.DefaultSelectionWork

	// DefaultPotentialPairs and DefaultPotentialGroups are how many pairs
	// and groups of three groups --mode potential lists (30 and 10, the
	// groups package's fallbacks for a zero option).
	DefaultPotentialPairs  = groups.DefaultPotentialPairs
	DefaultPotentialGroups = groups.DefaultPotentialGroups
)

// groupDefaults are the search settings every engine group search starts
// from: the Leiden resolutions (GroupResolutions(r)) and seeds behind the
// candidates, and the search's bounds.
func groupDefaults(seed uint64, r float64) groups.Options {
	return groups.Options{Seed: seed, Resolutions: GroupResolutions(r), Seeds: DefaultGroupSeeds,
		FrontierLimit: GroupFrontierLimit, PoolLimit: GroupPoolLimit, SelectionWork: GroupSelectionWork}
}

// DefaultBacktestDates are the days backtest proposes on: the starts of
// the 2012/13, 2014/15 and 2016/17 financial years (a fresh slice), chosen
// on the England data so that enough shared arrangements start after each
// (docs/methods.md). Backtest moves them into the data's own years when
// they fall outside (BacktestDates).
func DefaultBacktestDates() []time.Time {
	return []time.Time{
		time.Date(2012, 4, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2014, 4, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2016, 4, 1, 0, 0, 0, 0, time.UTC),
	}
}

// DefaultBacktestKs are backtest's cut-offs for precision at K.
func DefaultBacktestKs() []int { return []int{10, 30, 100} }
