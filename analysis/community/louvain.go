package community

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/partnet/partnet/graph"
)

// MaxLouvainOrganisations bounds Louvain: gonum's Modularize took 2.3 s on
// 10k organisations / 100k ties and 194 s on 100k / 1M here. Use Leiden
// for larger networks.
const MaxLouvainOrganisations = 20000

// LouvainOptions configures Louvain. The zero value runs modularity at
// resolution 1 with seed 0.
type LouvainOptions struct {
	// Resolution is gamma; zero means 1. Negative values fail.
	Resolution float64
	// Seed seeds the PCG generator gonum shuffles nodes with.
	Seed uint64
}

// Louvain clusters s with the Louvain method (Blondel et al. 2008, "Fast
// unfolding of communities in large networks") as implemented by gonum's
// community.Modularize, for comparison with Leiden on small networks.
// Unlike Leiden it can return communities that are not connected (Traag
// et al. 2019 show how); the result is reported as gonum found it.
//
// The snapshot is copied into a gonum graph with no self weight (a
// non-zero self weight would leak into gonum's modularity). Communities
// are numbered as in Leiden (largest first, then by smallest id) and
// Quality is Modularity at the resolution. An empty snapshot gives no
// communities; when every tie weighs zero each node is its own community.
// Snapshots with more than MaxLouvainOrganisations nodes are refused;
// ctx is checked before the (uninterruptible) gonum call.
func Louvain(ctx context.Context, s *graph.Snapshot, opts LouvainOptions) (*Clustering, error) {
	res := opts.Resolution
	if res < 0 {
		return nil, fmt.Errorf("louvain: resolution %v must be >= 0", res)
	}
	if res == 0 {
		res = 1
	}
	n := s.N()
	if n > MaxLouvainOrganisations {
		return nil, fmt.Errorf("louvain: %d organisations, over the limit of %d: use Leiden", n, MaxLouvainOrganisations)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("louvain: %w", err)
	}
	out := &Clustering{Objective: ObjectiveModularity, Resolution: res, Seed: opts.Seed, Iterations: 1, Converged: true}
	memb := make([]int, n)
	if n == 0 {
		out.Membership = memb
		return out, nil
	}
	if s.TotalWeight() <= 0 {
		for i := range memb {
			memb[i] = i
		}
	} else {
		g := simple.NewWeightedUndirectedGraph(0, 0)
		for i := 0; i < n; i++ {
			g.AddNode(simple.Node(i))
		}
		s.EachTie(func(i, j int, w float64) {
			if w > 0 {
				g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(i), simple.Node(j), w))
			}
		})
		reduced := community.Modularize(g, res, rand.NewPCG(opts.Seed, 0x5851f42d4c957f2d))
		comms := reduced.Communities()
		// gonum's community order comes from map iteration: sort each
		// community and order them by smallest node before labelling.
		lists := make([][]int, len(comms))
		for c, nodes := range comms {
			for _, v := range nodes {
				lists[c] = append(lists[c], int(v.ID()))
			}
			sort.Ints(lists[c])
		}
		sort.Slice(lists, func(a, b int) bool { return lists[a][0] < lists[b][0] })
		for c, list := range lists {
			for _, v := range list {
				memb[v] = c
			}
		}
	}
	out.Count = relabelBySize(s, memb)
	out.Membership = memb
	out.Quality = Modularity(s, memb, res)
	return out, nil
}
