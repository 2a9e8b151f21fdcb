package community

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
)

// Objective is the quality function a community detection maximises.
type Objective string

const (
	// ObjectiveModularity is Newman-Girvan modularity with a resolution
	// parameter gamma:
	//
	//	Q = 1/(2m) sum_ij (A_ij - gamma k_i k_j / (2m)) delta(c_i, c_j)
	//
	// where A is the weighted adjacency, k_i node i's strength and m the
	// total tie weight. It is the default.
	ObjectiveModularity Objective = "modularity"
	// ObjectiveCPM is the constant Potts model (Traag, Van Dooren & Nesterov
	// 2011): H = sum_c (w_c - gamma n_c (n_c - 1) / 2), where w_c is the tie
	// weight inside community c and n_c its number of organisations. A
	// community is worth keeping when its density exceeds gamma, whatever
	// the size of the network, so CPM has no resolution limit.
	ObjectiveCPM Objective = "cpm"
)

// ParseObjective checks an objective name; "" gives ObjectiveModularity.
func ParseObjective(s string) (Objective, error) {
	switch Objective(s) {
	case "":
		return ObjectiveModularity, nil
	case ObjectiveModularity, ObjectiveCPM:
		return Objective(s), nil
	}
	return "", fmt.Errorf("unknown objective %q: want modularity or cpm", s)
}

// LeidenOptions configures Leiden. The zero value runs modularity at
// resolution 1 with seed 0 until convergence from singletons.
type LeidenOptions struct {
	// Objective is ObjectiveModularity (the default, also for "") or
	// ObjectiveCPM.
	Objective Objective
	// Resolution is gamma. Zero means the default: 1 for modularity; for CPM
	// the network's weighted density 2W/(n(n-1)), so that a community is
	// kept when it is denser than the network as a whole. Higher values
	// give more, smaller communities. Negative or non-finite values fail.
	Resolution float64
	// Seed seeds the PCG generator behind the node orders and the
	// randomised refinement. The same seed on the same snapshot gives the
	// same partition. Every seed, 0 included, is used as given.
	Seed uint64
	// Iterations bounds the number of Leiden iterations (each one starts
	// from the partition the previous one found). Zero or negative means
	// iterate until an iteration leaves the partition unchanged (capped at
	// MaxLeidenIterations). A positive value stops after that many
	// iterations, or earlier when an iteration changes nothing.
	Iterations int
	// Initial, when not nil, is a starting partition: one label per node
	// (len must be N); nodes with equal labels start in one community and
	// a negative label starts a node alone. A timeline passes the previous
	// period's partition here so that clusters keep their identity.
	Initial []int
	// Randomness is the refinement's temperature theta, in units of tie
	// weight: a node joins a sub-community with probability proportional to
	// exp(gain/theta). Zero means 0.01, as in Traag et al. and igraph.
	Randomness float64
	// Restarts is the number of independent runs, each to the same
	// stopping rule from the same start (Initial or singletons) with its
	// own random stream derived from Seed; the partition of highest
	// quality is returned (ties: the earliest run). Zero or negative means
	// one run. Run 0 is the single run Restarts 1 makes, so a higher value
	// never returns a lower quality for the same seed. The runs share the
	// first-level network and work on up to GOMAXPROCS (at most two)
	// goroutines at a time; the result does not depend on how many.
	Restarts int
}

// MaxLeidenIterations caps the iterations run "until convergence".
const MaxLeidenIterations = 100

// Clustering is a partition of a snapshot's nodes into communities.
type Clustering struct {
	// Membership[i] is node i's community, 0..Count-1. Communities are
	// numbered by size, largest first, ties broken by the smallest
	// organisation id they hold, so labels do not depend on row order.
	Membership []int
	// Count is the number of communities (isolated nodes are communities of
	// one).
	Count int
	// Objective and Resolution are the quality function used, with the
	// resolution resolved from its default.
	Objective  Objective
	Resolution float64
	// Quality is the objective's value for Membership: modularity (see
	// Modularity) or the CPM quality (see CPMQuality).
	Quality float64
	// Iterations is the number of Leiden iterations of the returned run;
	// Converged says whether its last one left the partition unchanged.
	Iterations int
	Converged  bool
	// Seed is the seed used.
	Seed uint64
	// Restarts is the number of runs made (LeidenOptions.Restarts, at
	// least 1) and Restart the one returned, 0..Restarts-1.
	Restarts, Restart int
}

// Leiden finds communities with the Leiden algorithm (Traag, Waltman & van
// Eck 2019, "From Louvain to Leiden: guaranteeing well-connected
// communities", Scientific Reports 9:5233). Each iteration repeats three
// phases until every community is a single node of the aggregate network:
// fast local moving of nodes between communities (a queue of nodes whose
// neighbourhood changed), refinement (each community is split into
// well-connected sub-communities by randomised greedy merging, so no
// community can become disconnected), and aggregation of the refined
// sub-communities, starting the next level from the unrefined partition.
//
// Every returned community is connected: a final pass splits any
// community into its connected components, which never lowers modularity
// or CPM quality. The run is deterministic for a seed and independent of
// the order of organisations and partnerships up to relabelling: nodes are
// put in a canonical order (by id) before the seeded shuffles.
//
// An empty snapshot gives a Clustering with no communities; isolated nodes
// are communities of one; a disconnected network is clustered component by
// component. When every tie weighs zero, modularity is undefined: every
// node is its own community and Quality is 0. Leiden stops with ctx's
// error when ctx is cancelled.
func Leiden(ctx context.Context, s *graph.Snapshot, opts LeidenOptions) (*Clustering, error) {
	obj, err := ParseObjective(string(opts.Objective))
	if err != nil {
		return nil, fmt.Errorf("leiden: %w", err)
	}
	res, err := resolveResolution(s, obj, opts.Resolution)
	if err != nil {
		return nil, fmt.Errorf("leiden: %w", err)
	}
	if opts.Initial != nil && len(opts.Initial) != s.N() {
		return nil, fmt.Errorf("leiden: initial partition has %d labels for %d organisations", len(opts.Initial), s.N())
	}
	theta := opts.Randomness
	if theta == 0 {
		theta = 0.01
	}
	if theta < 0 || math.IsNaN(theta) || math.IsInf(theta, 0) {
		return nil, fmt.Errorf("leiden: randomness %v must be a finite number > 0", opts.Randomness)
	}
	out := &Clustering{Objective: obj, Resolution: res, Seed: opts.Seed}
	n := s.N()
	if n == 0 {
		out.Membership = []int{}
		out.Converged = true
		return out, nil
	}
	if obj == ObjectiveModularity && s.TotalWeight() <= 0 {
		out.Membership = make([]int, n)
		for i := range out.Membership {
			out.Membership[i] = i
		}
		out.Count, out.Converged = n, true
		relabelBySize(s, out.Membership)
		return out, nil
	}

	perm := canonicalOrder(s) // perm[k] = original node at canonical position k, or nil
	g := baseGraph(s, perm, obj)
	scale := res // gain = w(v,C) - scale * a_v * A_C
	if obj == ObjectiveModularity {
		scale = res / (2 * s.TotalWeight())
	}
	start := initialMembership(opts.Initial, perm, n)
	maxIt := opts.Iterations
	if maxIt <= 0 {
		maxIt = MaxLeidenIterations
	}
	restarts := max(opts.Restarts, 1)
	runs := make([]leidenResult, restarts)
	quality := func(memb []int) float64 {
		if obj == ObjectiveModularity {
			return Modularity(s, memb, res)
		}
		return CPMQuality(s, memb, res)
	}
	// Runs are handed out in order to up to two workers; each writes only
	// its own slot, and the choice below reads the slots in order, so the
	// result does not depend on the number of workers.
	parallel.Each(0, restarts, func(r int) {
		ld := &leidenRun{
			ctx:   ctx,
			rng:   rand.New(rand.NewPCG(opts.Seed, restartStream(r))),
			scale: scale,
			theta: theta,
		}
		slot := &runs[r]
		slot.memb, slot.iterations, slot.converged, slot.err = ld.run(g, slices.Clone(start), maxIt)
		if slot.err != nil {
			return
		}
		slot.final = make([]int, n)
		for k, c := range slot.memb {
			slot.final[nodeAt(perm, k)] = int(c)
		}
		slot.quality = quality(slot.final)
	})
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("leiden: %w", err)
	}
	best := 0
	for r := range runs {
		if runs[r].err != nil {
			return nil, fmt.Errorf("leiden: %w", runs[r].err)
		}
		if runs[r].quality > runs[best].quality {
			best = r
		}
	}
	b := runs[best]
	out.Count = relabelBySize(s, b.final)
	out.Membership = b.final
	out.Quality = b.quality
	out.Iterations, out.Converged = b.iterations, b.converged
	out.Restarts, out.Restart = restarts, best
	return out, nil
}

// restartStream is the second PCG seed of run r: run 0 keeps the stream a
// single run has always used; the others are spread over the state space
// so that runs of seed s never replay runs of seed s+1.
func restartStream(r int) uint64 {
	return 0x9e3779b97f4a7c15 + uint64(r)*0xbf58476d1ce4e5b9
}

// leidenResult is one run of a Leiden call with restarts.
type leidenResult struct {
	memb       []int32 // canonical order
	final      []int   // snapshot order
	quality    float64
	iterations int
	converged  bool
	err        error
}

// run iterates Leiden on the base graph from memb (which it consumes)
// until an iteration leaves the partition unchanged or maxIt iterations,
// then splits disconnected communities. It returns the partition in
// canonical order, the iterations run and whether the last changed
// nothing.
func (ld *leidenRun) run(g *levelGraph, memb []int32, maxIt int) ([]int32, int, bool, error) {
	its, converged := 0, false
	for it := 1; it <= maxIt; it++ {
		next, err := ld.iterate(g, memb)
		if err != nil {
			return nil, 0, false, err
		}
		changed := !samePartition(memb, next)
		memb = next
		its = it
		if !changed {
			converged = true
			break
		}
	}
	splitDisconnected(g, memb)
	return memb, its, converged, nil
}

// resolveResolution applies the documented default resolution and checks
// the value.
func resolveResolution(s *graph.Snapshot, obj Objective, r float64) (float64, error) {
	if r < 0 || math.IsNaN(r) || math.IsInf(r, 0) {
		return 0, fmt.Errorf("resolution %v must be a finite number >= 0", r)
	}
	if r != 0 {
		return r, nil
	}
	if obj == ObjectiveModularity {
		return 1, nil
	}
	n := float64(s.N())
	if n < 2 {
		return 0, nil
	}
	return 2 * s.TotalWeight() / (n * (n - 1)), nil
}

// initialMembership turns the caller's labels (in snapshot order) into
// dense labels in canonical order; nil gives singletons.
func initialMembership(initial []int, perm []int32, n int) []int32 {
	memb := make([]int32, n)
	if initial == nil {
		for k := range memb {
			memb[k] = int32(k)
		}
		return memb
	}
	ids := map[int]int32{}
	next := int32(0)
	for k := range memb {
		l := initial[nodeAt(perm, k)]
		if l < 0 {
			memb[k] = next
			next++
			continue
		}
		c, ok := ids[l]
		if !ok {
			c = next
			ids[l] = c
			next++
		}
		memb[k] = c
	}
	return memb
}

// nodeAt maps a canonical position to the snapshot's node index.
func nodeAt(perm []int32, k int) int {
	if perm == nil {
		return k
	}
	return int(perm[k])
}

// leidenRun holds what is shared by the phases of one Leiden call.
type leidenRun struct {
	ctx   context.Context
	rng   *rand.Rand
	scale float64
	theta float64
	ticks int
}

// cancelled polls the context every few thousand calls.
func (ld *leidenRun) cancelled() error {
	ld.ticks++
	if ld.ticks&0xfff == 0 {
		return ld.ctx.Err()
	}
	return nil
}

// iterate runs one Leiden iteration on the base graph from memb and
// returns the new membership (dense labels, base graph order).
func (ld *leidenRun) iterate(base *levelGraph, memb []int32) ([]int32, error) {
	g := base
	part := denseLabels(memb) // partition of g's nodes
	nodeMap := make([]int32, base.n)
	for v := range nodeMap {
		nodeMap[v] = int32(v)
	}
	for {
		if err := ld.ctx.Err(); err != nil {
			return nil, err
		}
		if err := ld.moveNodesFast(g, part); err != nil {
			return nil, err
		}
		count := int(renumber(part))
		if count == g.n {
			break
		}
		refined, nref := ld.refine(g, part, count)
		if int(nref) == g.n {
			// Refinement merged nothing: aggregate on the partition itself
			// so that the next level is smaller (as igraph does).
			copy(refined, part)
			nref = int32(count)
		}
		next, nextPart := aggregate(g, refined, nref, part)
		for v, x := range nodeMap {
			nodeMap[v] = refined[x]
		}
		g, part = next, nextPart
	}
	out := make([]int32, base.n)
	for v, x := range nodeMap {
		out[v] = part[x]
	}
	renumber(out)
	return out, nil
}
