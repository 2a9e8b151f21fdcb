package community

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/graph"
)

// StabilityOptions configures Stability. The zero value runs Leiden's
// defaults with seeds 0..9 and calls a cluster robust at 0.8.
type StabilityOptions struct {
	// Leiden is the configuration of every run; run r uses seed
	// Leiden.Seed + r. Leiden.Initial is ignored: each run starts from
	// singletons, so that the runs sample the algorithm's randomness.
	Leiden LeidenOptions
	// Runs is the number of seeds; zero means 10. One run gives every
	// measure 1.
	Runs int
	// RobustAt is the robustness from which a cluster counts as robust;
	// zero means 0.8.
	RobustAt float64
	// Progress, when set, is called with the runs done and the total
	// after each run (for a progress bar).
	Progress func(done, total int)
}

// ClusterStability says how reliably one consensus cluster reappears.
type ClusterStability struct {
	Cluster, Size int
	// Robustness is the mean, over runs, of the best Jaccard similarity
	// between this cluster and any cluster of the run (1: every run found
	// exactly this cluster).
	Robustness float64
	// Robust is Robustness >= RobustAt.
	Robust bool
}

// StabilityResult is the outcome of repeated Leiden runs.
type StabilityResult struct {
	Runs int
	// Consensus is the run whose partition agrees best with all the others
	// (highest mean NMI to them; ties: the lower seed). Being a real Leiden
	// partition, its communities are connected and its quality is one
	// Leiden actually reached.
	Consensus *Clustering
	// MeanNMI is the mean NMI over all pairs of runs (1: every run gave the
	// same partition).
	MeanNMI float64
	// Confidence[i] is the co-assignment confidence of organisation i: the
	// mean, over runs, of the Jaccard similarity between i's consensus
	// cluster and i's cluster in that run. 1 means i was always grouped
	// with exactly the same organisations.
	Confidence []float64
	// Clusters describes each consensus cluster, in label order.
	Clusters []ClusterStability
	// QualityMin, QualityMean and QualityMax summarise the runs' quality.
	QualityMin, QualityMean, QualityMax float64
}

// Stability runs Leiden with Runs seeds and measures how much the result
// depends on the seed: per-organisation confidence, a consensus partition
// and which of its clusters are robust. It costs Runs Leiden runs plus
// Runs^2/2 partition comparisons.
//
// With r runs, a consensus cluster C has robustness
// R(C) = (1/r) sum_runs max_{D in run} |C n D| / |C u D| (Jaccard
// similarity; the cluster-wise stability of Hennig 2007, "Cluster-wise
// assessment of cluster stability", Computational Statistics & Data
// Analysis 52(1), with seeds in place of bootstrap samples), and an
// organisation v has confidence (1/r) sum_runs J(C(v), D_run(v)), its two
// clusters' Jaccard similarity. The consensus is the run with the highest
// mean NMI (Danon et al. 2005) to the others. An empty snapshot gives empty results;
// isolated organisations are always alone and have confidence 1. It stops
// with ctx's error when ctx is cancelled.
func Stability(ctx context.Context, s *graph.Snapshot, opts StabilityOptions) (*StabilityResult, error) {
	runs := opts.Runs
	if runs <= 0 {
		runs = 10
	}
	robustAt := opts.RobustAt
	if robustAt == 0 {
		robustAt = 0.8
	}
	lo := opts.Leiden
	lo.Initial = nil
	parts := make([]*Clustering, runs)
	out := &StabilityResult{Runs: runs}
	for r := range parts {
		lo.Seed = opts.Leiden.Seed + uint64(r)
		c, err := Leiden(ctx, s, lo)
		if err != nil {
			return nil, fmt.Errorf("stability run %d: %w", r, err)
		}
		parts[r] = c
		if opts.Progress != nil {
			opts.Progress(r+1, runs)
		}
		if r == 0 || c.Quality < out.QualityMin {
			out.QualityMin = c.Quality
		}
		if r == 0 || c.Quality > out.QualityMax {
			out.QualityMax = c.Quality
		}
		out.QualityMean += c.Quality / float64(runs)
	}
	// Pairwise NMI; the consensus is the run closest to the others.
	sum := make([]float64, runs)
	var total float64
	for a := 0; a < runs; a++ {
		for b := a + 1; b < runs; b++ {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("stability: %w", err)
			}
			agr, err := Compare(parts[a].Membership, parts[b].Membership)
			if err != nil {
				return nil, fmt.Errorf("stability: %w", err)
			}
			sum[a] += agr.NMI
			sum[b] += agr.NMI
			total += agr.NMI
		}
	}
	best := 0
	for r := 1; r < runs; r++ {
		if sum[r] > sum[best] {
			best = r
		}
	}
	out.Consensus = parts[best]
	out.MeanNMI = 1
	if runs > 1 {
		out.MeanNMI = total / float64(runs*(runs-1)/2)
	}
	cons := out.Consensus.Membership
	k := out.Consensus.Count
	size := make([]int, k)
	for _, c := range cons {
		size[c]++
	}
	out.Confidence = make([]float64, s.N())
	robust := make([]float64, k)
	for _, p := range parts {
		conf, rob := coAssignment(cons, size, p.Membership, p.Count)
		for i, x := range conf {
			out.Confidence[i] += x / float64(runs)
		}
		for c, x := range rob {
			robust[c] += x / float64(runs)
		}
	}
	out.Clusters = make([]ClusterStability, k)
	for c := range out.Clusters {
		out.Clusters[c] = ClusterStability{Cluster: c, Size: size[c], Robustness: robust[c], Robust: robust[c] >= robustAt-1e-12}
	}
	return out, nil
}

// coAssignment compares the consensus partition (cluster sizes given) with
// one run's: for each organisation the Jaccard similarity of its two
// clusters, and for each consensus cluster its best Jaccard similarity
// with any cluster of the run.
func coAssignment(cons, consSize, run []int, runCount int) (conf, best []float64) {
	runSize := make([]int, runCount)
	for _, c := range run {
		runSize[c]++
	}
	type pair struct{ k, c int }
	overlap := map[pair]int{}
	for i := range cons {
		overlap[pair{cons[i], run[i]}]++
	}
	jac := func(p pair) float64 {
		o := overlap[p]
		return float64(o) / float64(consSize[p.k]+runSize[p.c]-o)
	}
	conf = make([]float64, len(cons))
	best = make([]float64, len(consSize))
	for i := range cons {
		p := pair{cons[i], run[i]}
		j := jac(p)
		conf[i] = j
		best[p.k] = max(best[p.k], j)
	}
	return conf, best
}
