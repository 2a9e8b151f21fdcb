package groups

import (
	"fmt"
	"sort"

	dgraph "github.com/dominikbraun/graph"

	"github.com/partnet/partnet/graph"
)

// BackboneTie is a tie of a maximum spanning tree.
type BackboneTie struct {
	A, B   int
	Weight float64
}

// Backbone returns the maximum spanning forest of the ties among orgs (a
// small set of organisation indices, such as a candidate group), strongest
// ties first: the fewest ties that hold the group together, and so its
// weakest necessary link (the last one). It uses dominikbraun/graph's
// MaximumSpanningTree (Kruskal's algorithm, Kruskal 1956, on weights
// negated: the forest F maximising sum_{(a,b) in F} w_ab among the forests
// spanning every part) on the induced subgraph; a disconnected set gives a
// forest (one tree per part). Ties are compared on weights rounded to
// millionths; an empty set gives no ties.
func Backbone(s *graph.Snapshot, orgs []int) ([]BackboneTie, error) {
	sorted := append([]int(nil), orgs...)
	sort.Ints(sorted)
	g := dgraph.New(dgraph.IntHash)
	in := make(map[int]bool, len(sorted))
	for _, o := range sorted {
		if err := g.AddVertex(o); err != nil {
			return nil, fmt.Errorf("backbone: %w", err)
		}
		in[o] = true
	}
	for _, a := range sorted {
		for k, b := range s.Neighbours(a) {
			if int(b) > a && in[int(b)] {
				w := s.Weights(a)[k]
				if err := g.AddEdge(a, int(b), dgraph.EdgeWeight(int(w*1e6+0.5)), dgraph.EdgeData(w)); err != nil {
					return nil, fmt.Errorf("backbone: %w", err)
				}
			}
		}
	}
	tree, err := dgraph.MaximumSpanningTree(g)
	if err != nil {
		return nil, fmt.Errorf("backbone: %w", err)
	}
	edges, err := tree.Edges()
	if err != nil {
		return nil, fmt.Errorf("backbone: %w", err)
	}
	out := make([]BackboneTie, 0, len(edges))
	for _, e := range edges {
		a, b := e.Source, e.Target
		if a > b {
			a, b = b, a
		}
		out = append(out, BackboneTie{A: a, B: b, Weight: s.Weight(a, b)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
	return out, nil
}
