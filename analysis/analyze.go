package analysis

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/partnet/partnet/graph"
)

// ErrUnknownMetric is returned for a metric name Analyze does not know.
var ErrUnknownMetric = errors.New("unknown metric")

// Metric names accepted by AnalyzeOptions.Metrics, in output order. Degree,
// strength and degree centrality are always computed.
var Metrics = []string{
	"betweenness", // betweenness, betweenness_raw, weighted_betweenness
	"closeness",   // closeness, harmonic, weighted_closeness, weighted_harmonic
	"eigenvector", // eigenvector, weighted_eigenvector
	"pagerank",    // pagerank, weighted_pagerank
	"clustering",  // clustering, weighted_clustering, ego_density
	"core",        // core
	"constraint",  // constraint, effective_size
	"articulation_point",
	"brokerage", // coordinator, itinerant, representative, gatekeeper, liaison
}

// AnalyzeOptions configures Analyze. The zero value computes every metric
// exactly, on up to 2 cores.
type AnalyzeOptions struct {
	// Metrics lists the per-organisation metric groups to compute (see
	// Metrics); empty means all.
	Metrics []string
	// BetweennessSamples, when positive and below the number of
	// organisations, estimates betweenness, closeness and the distance
	// figures from that many seeded random sources.
	BetweennessSamples int
	Seed               uint64
	Workers            int
	// Progress, when set, is told each metric group as it starts (done 0
	// of total -1: not counted).
	Progress func(phase string, done, total int)
}

// Attributes describe organisations beyond the snapshot: Names (by node
// index; may be nil) and the grouping column By (by node index; nil means
// everyone in one group) called GroupBy.
type Attributes struct {
	Names   []string
	GroupBy string
	By      []string
}

// NetworkFigures are the network-level results.
type NetworkFigures struct {
	Organisations, Ties           int
	Density, WeightedDensity      float64
	Components, LargestComponent  int
	Transitivity                  float64
	AverageClustering             float64 // networkx convention: degree < 2 counts 0
	AverageClusteringExcluding    float64 // igraph mode="nan": degree < 2 left out
	DegreeAssortativity           float64
	AttributeAssortativity        float64 // by the GroupBy attribute
	DegreeCentralisation          float64
	BetweennessCentralisation     float64 // NaN unless betweenness was computed
	Diameter, AverageShortestPath float64 // largest component; NaN unless closeness was computed
	ArticulationPoints, Bridges   int
	BetweennessSources            int // sources used; < Organisations when sampled
}

// OrganisationFigures are one organisation's results. Measures that were
// not requested are NaN (Core -1).
type OrganisationFigures struct {
	Index                               int
	ID, Name, Group                     string
	Degree                              int
	Strength, DegreeCentrality          float64
	Betweenness, BetweennessRaw         float64
	BetweennessStdErr                   float64 // 0 when exact
	WeightedBetweenness                 float64
	Closeness, Harmonic                 float64
	WeightedCloseness, WeightedHarmonic float64
	Eigenvector, WeightedEigenvector    float64
	PageRank, WeightedPageRank          float64
	Clustering, WeightedClustering      float64
	EgoDensity                          float64
	Core                                int
	Constraint, EffectiveSize           float64
	ArticulationPoint                   bool
	Brokerage                           BrokerageRoles
}

// Analysis is everything Analyze computes.
type Analysis struct {
	Network NetworkFigures
	GroupBy string
	Blocks  *BlockMatrix
	EI      *EIResult
	// Organisations are ranked by normalised betweenness (to 1e-12), then
	// degree, highest first, then by id.
	Organisations []OrganisationFigures
	// Computed lists the metric groups computed, in Metrics order.
	Computed []string
	// Warnings name the metric groups that could not be computed and why
	// (an iterative measure that did not converge); their values are
	// left undefined (NaN) and the others stand.
	Warnings []string
}

// Has reports whether metric group m was computed.
func (a *Analysis) Has(m string) bool { return slices.Contains(a.Computed, m) }

// Analyze computes the density, position and structure measures of s for
// the command line and reports: network figures, the block density matrix
// and E-I index by attrs.By, and one row per organisation. Unweighted
// measures ignore weights; the weighted ones use them (distance 1/weight
// for paths). On the empty graph it returns zero counts, NaN figures and no
// rows. It stops with ctx.Err() when cancelled. A metric group that
// cannot be computed (an iterative measure that fails to converge) is left
// undefined (NaN) with a warning in Analysis.Warnings: no single measure
// takes the others down.
func Analyze(ctx context.Context, s *graph.Snapshot, attrs Attributes, opts AnalyzeOptions) (*Analysis, error) {
	want, err := selectMetrics(opts.Metrics)
	if err != nil {
		return nil, err
	}
	n := s.N()
	groups := attrs.By
	if groups == nil {
		groups = make([]string, n)
	}
	if attrs.Names != nil && len(attrs.Names) != n {
		return nil, fmt.Errorf("analyze: names: %d values for %d organisations: %w", len(attrs.Names), n, ErrAttributeLength)
	}
	a := &Analysis{GroupBy: attrs.GroupBy, Computed: want}
	if a.Blocks, err = Blocks(s, groups); err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	if a.EI, err = EIIndex(s, groups); err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	rows := newRows(s, attrs, groups)
	nf := &a.Network
	// One triangle pass gives clustering, transitivity, ego density,
	// effective size and (with the weights) Onnela's weighted clustering.
	tri, wsum := triangleCount(s, slices.Contains(want, "clustering"))
	cut := CutPoints(s)
	if err := networkFigures(s, groups, tri, cut, nf); err != nil {
		return nil, err
	}
	var paths *pathFigures
	if slices.Contains(want, "betweenness") && slices.Contains(want, "closeness") {
		if opts.Progress != nil {
			opts.Progress("betweenness", 0, -1)
		}
		if paths, err = fusedPaths(ctx, s, opts.BetweennessSamples, opts.Seed, opts.Workers, nil); err != nil {
			return nil, fmt.Errorf("analyze: %w", err)
		}
	}
	for _, m := range want {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("analyze: %w", err)
		}
		if opts.Progress != nil {
			opts.Progress(m, 0, -1)
		}
		if err := computeMetric(ctx, m, s, groups, tri, wsum, cut, paths, opts, rows, nf); err != nil {
			if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return nil, fmt.Errorf("analyze: %s: %w", m, err)
			}
			a.Warnings = append(a.Warnings, fmt.Sprintf("%s could not be computed and is left empty: %v", m, err))
		}
	}
	byBetweenness := slices.Contains(want, "betweenness")
	slices.SortStableFunc(rows, func(x, y OrganisationFigures) int {
		// Betweenness is compared to 1e-12 so that equal values computed
		// along different paths (or with fused multiply-add on another
		// platform) rank by the next key, not by their last bits.
		if bx, by := math.Round(x.Betweenness*1e12), math.Round(y.Betweenness*1e12); byBetweenness && bx != by {
			return cmp.Compare(by, bx)
		}
		if x.Degree != y.Degree {
			return cmp.Compare(y.Degree, x.Degree)
		}
		return strings.Compare(x.ID, y.ID)
	})
	a.Organisations = rows
	return a, nil
}

func selectMetrics(list []string) ([]string, error) {
	if len(list) == 0 {
		return slices.Clone(Metrics), nil
	}
	for _, m := range list {
		if !slices.Contains(Metrics, m) {
			return nil, fmt.Errorf("%q (known: %s): %w", m, strings.Join(Metrics, ", "), ErrUnknownMetric)
		}
	}
	var out []string
	for _, m := range Metrics {
		if slices.Contains(list, m) {
			out = append(out, m)
		}
	}
	return out, nil
}

func newRows(s *graph.Snapshot, attrs Attributes, groups []string) []OrganisationFigures {
	nan := math.NaN()
	dc := DegreeCentrality(s)
	rows := make([]OrganisationFigures, s.N())
	for i := range rows {
		r := OrganisationFigures{
			Index: i, ID: s.ID(i), Group: groups[i],
			Degree: s.Degree(i), Strength: s.Strength(i), DegreeCentrality: dc[i],
			Betweenness: nan, BetweennessRaw: nan, BetweennessStdErr: nan, WeightedBetweenness: nan,
			Closeness: nan, Harmonic: nan, WeightedCloseness: nan, WeightedHarmonic: nan,
			Eigenvector: nan, WeightedEigenvector: nan, PageRank: nan, WeightedPageRank: nan,
			Clustering: nan, WeightedClustering: nan, EgoDensity: nan,
			Core: -1, Constraint: nan, EffectiveSize: nan,
		}
		if attrs.Names != nil {
			r.Name = attrs.Names[i]
		}
		rows[i] = r
	}
	return rows
}

func networkFigures(s *graph.Snapshot, groups []string, tri []int, cut *CutResult, nf *NetworkFigures) error {
	nf.Organisations, nf.Ties = s.N(), s.Ties()
	nf.Density, nf.WeightedDensity = Density(s), WeightedDensity(s)
	comp := Components(s)
	nf.Components = comp.Count
	if l := comp.Largest(); l >= 0 {
		nf.LargestComponent = comp.Sizes[l]
	}
	c := clusteringFrom(s, tri)
	nf.Transitivity = transitivityFrom(s, tri)
	nf.AverageClustering = averageClustering(s, c, false)
	nf.AverageClusteringExcluding = averageClustering(s, c, true)
	nf.DegreeAssortativity = DegreeAssortativity(s)
	r, err := AttributeAssortativity(s, groups)
	if err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	nf.AttributeAssortativity = r
	nf.DegreeCentralisation = DegreeCentralisation(s)
	nf.BetweennessCentralisation = math.NaN()
	nf.Diameter, nf.AverageShortestPath = math.NaN(), math.NaN()
	nf.Bridges = len(cut.Bridges)
	for _, ap := range cut.Articulation {
		if ap {
			nf.ArticulationPoints++
		}
	}
	return nil
}
