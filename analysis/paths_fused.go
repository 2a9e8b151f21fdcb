package analysis

import (
	"context"
	"fmt"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
)

// pathFigures is what analyze's path measures need, from one unweighted and
// one weighted search per source.
type pathFigures struct {
	betweenness, weightedBetweenness *BetweennessResult
	closeness, weightedCloseness     *ClosenessResult
	distances                        *DistanceStats // nil unless the network is connected
}

// pathSums is one worker's running sums over its sources, for one of the
// two searches (unweighted or weighted).
type pathSums struct {
	dep, depSq         []float64 // betweenness dependencies (and squares when sampled)
	tot, harm, reach   []float64 // closeness sums per reached node, when sampled
	exactClo, exactHar []float64 // per-source closeness and harmonic, when exact (shared, one writer per source)
	diam, distSum      float64   // Distances' figures over this worker's sources
}

// fusedPaths computes unweighted and weighted betweenness and closeness
// together: for each source (all nodes, or the same Samples seeded sources
// Betweenness and Closeness draw) one breadth-first search yields the
// unweighted dependencies and distance sums, and one Dijkstra search the
// weighted ones, instead of four separate searches per source. Sources are
// split between workers exactly as in Betweenness and Closeness, and each
// sum is taken in the same order, so the results are bit-identical to
// theirs (TestFusedPathsSameAsSeparate). On a connected network the
// unweighted searches also give Distances' figures (its sources are then
// the same).
func fusedPaths(ctx context.Context, s *graph.Snapshot, samples int, seed uint64, workersWant int, progress func(done, total int)) (*pathFigures, error) {
	n := s.N()
	sources := allSources(n)
	sampled := samples > 0 && samples < n
	if sampled {
		sources = sampleSources(n, samples, seed)
	}
	workers := parallel.Workers(workersWant, len(sources))
	tick := parallel.Ticker(len(sources), progress)
	newSums := func(shared *pathSums) []*pathSums {
		out := make([]*pathSums, workers)
		for w := range out {
			ps := &pathSums{dep: make([]float64, n)}
			if sampled {
				ps.depSq, ps.tot, ps.harm, ps.reach = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
			} else {
				ps.exactClo, ps.exactHar = shared.exactClo, shared.exactHar
			}
			out[w] = ps
		}
		return out
	}
	exactU := &pathSums{exactClo: make([]float64, n), exactHar: make([]float64, n)}
	exactW := &pathSums{exactClo: make([]float64, n), exactHar: make([]float64, n)}
	unw, wtd := newSums(exactU), newSums(exactW)
	off, adj, wts := s.Offsets(), s.Adjacency(), s.AdjacencyWeights()
	type state struct {
		b *brandesState
		p *pathState
	}
	err := eachSourceWith(ctx, sources, workers, func() *state { return &state{newBrandesState(n), newPathState(n)} }, func(w int, st *state, src int) {
		defer tick()
		// Unweighted: Brandes on BFS levels, then the distance sums over
		// the same BFS order.
		u := unw[w]
		if sampled {
			st.b.dependencies(s, src, func(x int32, d float64) { u.dep[x] += d; u.depSq[x] += d * d })
		} else {
			st.b.dependencies(s, src, func(x int32, d float64) { u.dep[x] += d })
		}
		closenessSums(u, st.b.order, func(v int32) float64 { return float64(st.b.level[v]) }, src, n, sampled)
		for _, v := range st.b.order {
			d := float64(st.b.level[v])
			u.distSum += d
			if d > u.diam {
				u.diam = d
			}
		}
		// Weighted: one Dijkstra search for both.
		p := st.p
		p.search(s, src, true)
		sigma, delta := p.sigma, p.delta
		wd := wtd[w]
		for i := len(p.order) - 1; i >= 0; i-- {
			x := p.order[i]
			coef := (1 + delta[x]) / sigma[x]
			for k := off[x]; k < off[x+1]; k++ {
				if wts[k] > 0 && p.isPred(adj[k], x, 1/wts[k], true) {
					delta[adj[k]] += sigma[adj[k]] * coef
				}
			}
			if int(x) != src {
				wd.dep[x] += delta[x]
				if sampled {
					wd.depSq[x] += delta[x] * delta[x]
				}
			}
		}
		closenessSums(wd, p.order, func(v int32) float64 { return p.dist[v] }, src, n, sampled)
	})
	if err != nil {
		return nil, fmt.Errorf("betweenness and closeness: %w", err)
	}
	pf := &pathFigures{
		betweenness:         betweennessFromSums(unw, n, len(sources), sampled),
		weightedBetweenness: betweennessFromSums(wtd, n, len(sources), sampled),
	}
	if Components(s).Count == 1 {
		d := &DistanceStats{LargestComponent: n, Sources: len(sources)}
		var total float64
		for _, u := range unw {
			d.Diameter = max(d.Diameter, u.diam)
			total += u.distSum
		}
		if n > 1 {
			d.AverageShortestPath = total / (float64(len(sources)) * float64(n-1))
		}
		pf.distances = d
	}
	if sampled {
		pf.closeness = closenessFromSampledSums(unw, sources, n)
		pf.weightedCloseness = closenessFromSampledSums(wtd, sources, n)
	} else {
		pf.closeness = &ClosenessResult{Closeness: exactU.exactClo, Harmonic: exactU.exactHar, Sources: n}
		pf.weightedCloseness = &ClosenessResult{Closeness: exactW.exactClo, Harmonic: exactW.exactHar, Sources: n}
	}
	return pf, nil
}

// closenessSums adds one search's distances to ps, as Closeness does:
// per reached node when sampled, the source's own values when exact.
func closenessSums(ps *pathSums, order []int32, dist func(int32) float64, src, n int, sampled bool) {
	if sampled {
		for _, v := range order[1:] {
			d := dist(v)
			ps.tot[v] += d
			ps.harm[v] += 1 / d
			ps.reach[v]++
		}
		return
	}
	var tot, harm float64
	for _, v := range order[1:] {
		d := dist(v)
		tot += d
		harm += 1 / d
	}
	r := float64(len(order))
	if tot > 0 && n > 1 {
		ps.exactClo[src] = (r - 1) / tot * (r - 1) / float64(n-1)
	}
	ps.exactHar[src] = harm
}

// betweennessFromSums finishes Betweenness from per-worker dependency sums.
func betweennessFromSums(parts []*pathSums, n, k int, sampled bool) *BetweennessResult {
	sums := make([][]float64, len(parts))
	var sqs [][]float64
	for w, p := range parts {
		sums[w] = p.dep
		if sampled {
			sqs = append(sqs, p.depSq)
		}
	}
	return finishBetweenness(sums, sqs, n, k, sampled)
}

// closenessFromSampledSums finishes sampled Closeness from per-worker sums.
func closenessFromSampledSums(parts []*pathSums, sources []int32, n int) *ClosenessResult {
	tot, harm, reach := make([][]float64, len(parts)), make([][]float64, len(parts)), make([][]float64, len(parts))
	for w, p := range parts {
		tot[w], harm[w], reach[w] = p.tot, p.harm, p.reach
	}
	res := &ClosenessResult{Closeness: make([]float64, n), Harmonic: make([]float64, n), Sources: len(sources)}
	finishSampledCloseness(res, tot, harm, reach, sources, n)
	return res
}
