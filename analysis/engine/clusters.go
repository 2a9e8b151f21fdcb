package engine

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/graph"
)

// Clustering algorithms.
const (
	AlgorithmLeiden  = "leiden"
	AlgorithmLouvain = "louvain"
)

// ClustersOptions set how Clusters runs. The zero value is Leiden
// maximising modularity at DefaultResolution, DefaultClusterRuns seeds
// for stability, compared with DefaultCompare when organisations have it.
type ClustersOptions struct {
	Data
	Seed uint64
	// Algorithm is AlgorithmLeiden ("" too) or AlgorithmLouvain (gonum;
	// one run, modularity only).
	Algorithm string
	// Objective is modularity ("") or cpm; Resolution 0 means 1 for
	// modularity and the weighted density for cpm.
	Objective  string
	Resolution float64
	// Iterations bounds Leiden: 0 means to convergence, or
	// LargeLeidenIterations above LargeNetwork; negative means to
	// convergence whatever the size.
	Iterations int
	// Restarts is independent Leiden runs per seed, keeping the best; 0
	// means DefaultRestarts.
	Restarts int
	// Runs is the Leiden seeds (from Seed) for the stability measures; 0
	// means DefaultClusterRuns, or LargeClusterRuns above LargeNetwork;
	// 1 is a single run.
	Runs int
	// Compare is the attribute to compare the clusters with: "" means
	// DefaultCompare when some organisation has it and no comparison
	// otherwise (with a note); "none" means no comparison; any other
	// attribute must have a value somewhere (an OptionError otherwise).
	Compare string
	// Progress, when set, is told the step and the stability runs done.
	Progress func(phase string, done, total int)
}

// ClustersResult is Clusters' answer.
type ClustersResult struct {
	Run
	Algorithm string
	// Clustering is the partition reported: the stability consensus when
	// Stability is set, else the single run.
	Clustering *community.Clustering
	Stability  *community.StabilityResult
	// CompareAttr names the attribute Agreement compares with ("" and nil
	// when none).
	CompareAttr string
	Agreement   *community.Agreement
	// Runs, Iterations and Restarts are the settings used (Iterations 0:
	// to convergence).
	Runs, Iterations, Restarts int
}

// Clusters finds communities in net (filtered and weighted as opts.Data
// says) with Leiden, measures their stability across seeds, and compares
// them with an attribute. Large networks get LargeClusterRuns seeds and
// LargeLeidenIterations unless the options say otherwise (a note says
// which). It stops with ctx's error.
func Clusters(ctx context.Context, net *graph.Network, opts ClustersOptions) (*ClustersResult, error) {
	if opts.Algorithm == "" {
		opts.Algorithm = AlgorithmLeiden
	}
	obj, err := community.ParseObjective(opts.Objective)
	if err != nil {
		return nil, &OptionError{Option: "objective", Err: err}
	}
	if opts.Resolution < 0 || math.IsNaN(opts.Resolution) || math.IsInf(opts.Resolution, 0) {
		return nil, optionErr("resolution", fmt.Sprint(opts.Resolution), "want a number >= 0")
	}
	if opts.Restarts < 0 {
		return nil, optionErr("restarts", fmt.Sprint(opts.Restarts), "want 1 or more")
	}
	if opts.Runs < 0 {
		return nil, optionErr("runs", fmt.Sprint(opts.Runs), "want 1 or more")
	}
	switch opts.Algorithm {
	case AlgorithmLeiden:
	case AlgorithmLouvain:
		if obj != community.ObjectiveModularity {
			return nil, &OptionError{Option: "algorithm", Value: opts.Algorithm, Err: errors.New("louvain only maximises modularity: drop the cpm objective")}
		}
		if opts.Runs > 1 {
			return nil, &OptionError{Option: "runs", Value: fmt.Sprint(opts.Runs), Err: errors.New("stability is measured with Leiden; louvain is a single run")}
		}
	default:
		return nil, optionErr("algorithm", opts.Algorithm, "want leiden or louvain")
	}
	r, err := opts.Data.prepare(net)
	if err != nil {
		return nil, err
	}
	layerNote(&r)
	res := &ClustersResult{Algorithm: opts.Algorithm}
	compare := ""
	if opts.Compare != "none" {
		if compare, err = resolveBy(&r, "compare", opts.Compare, DefaultCompare,
			"the clusters are not compared with an attribute (choose one with --compare)"); err != nil {
			return nil, err
		}
	}
	phase := func(name string, done, total int) {
		if opts.Progress != nil {
			opts.Progress(name, done, total)
		}
	}
	s := r.Snapshot
	if opts.Algorithm == AlgorithmLouvain {
		phase("clusters (Louvain)", 0, -1)
		if res.Clustering, err = community.Louvain(ctx, s, community.LouvainOptions{Resolution: opts.Resolution, Seed: opts.Seed}); err != nil {
			return nil, err
		}
		res.Runs = 1
	} else {
		res.Runs, res.Iterations, res.Restarts = opts.Runs, max(opts.Iterations, 0), opts.Restarts
		if res.Restarts == 0 {
			res.Restarts = DefaultRestarts
		}
		var what []string
		if res.Runs == 0 {
			res.Runs = DefaultClusterRuns
			if Large(s.N()) {
				res.Runs = LargeClusterRuns
				what = append(what, fmt.Sprintf("%d Leiden seeds for stability (--runs)", LargeClusterRuns))
			}
		}
		if opts.Iterations == 0 && Large(s.N()) {
			res.Iterations = LargeLeidenIterations
			what = append(what, fmt.Sprintf("%d Leiden iterations per run (--iterations)", LargeLeidenIterations))
		}
		if len(what) > 0 {
			r.note("%d organisations (more than %d): %s; give the options to change this", s.N(), LargeNetwork, joinAnd(what))
		}
		lo := community.LeidenOptions{Objective: obj, Resolution: opts.Resolution, Seed: opts.Seed, Iterations: res.Iterations, Restarts: res.Restarts}
		phase("clusters (Leiden)", 0, -1)
		if res.Runs == 1 {
			if res.Clustering, err = community.Leiden(ctx, s, lo); err != nil {
				return nil, err
			}
		} else {
			st, err := community.Stability(ctx, s, community.StabilityOptions{Leiden: lo, Runs: res.Runs,
				Progress: func(done, total int) { phase("cluster stability (Leiden runs)", done, total) }})
			if err != nil {
				return nil, err
			}
			res.Clustering, res.Stability = st.Consensus, st
		}
	}
	if compare != "" {
		agr, err := community.Compare(res.Clustering.Membership, community.LabelsFromColumn(r.Network.AttrColumn(compare)))
		if err != nil {
			return nil, err
		}
		res.CompareAttr, res.Agreement = compare, &agr
	}
	res.Run = r
	return res, nil
}

func joinAnd(parts []string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += " and "
		}
		out += p
	}
	return out
}
