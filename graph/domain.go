package graph

import (
	"fmt"
	"sort"
	"strconv"

	dgraph "github.com/dominikbraun/graph"
)

// MaxDomainOrganisations bounds Domain: dominikbraun/graph copies itself
// into nested maps for every algorithm (measured at 4.2 s and 470 MiB for
// 100k organisations / 1M ties), so it is used for the attribute-rich views
// of networks the size analysts edit by hand, never on the analysis path.
const MaxDomainOrganisations = 50000

// DomainTie is the data carried on each edge of the domain graph.
type DomainTie struct {
	// Weight is the combined tie weight under the weighting used.
	Weight float64
}

// Domain returns the network as a dominikbraun/graph undirected graph keyed
// by organisation id, with every organisation as a vertex (attributes copied
// into vertex properties) and one edge per tie of s (weight in the edge's
// Data as DomainTie, and rounded to thousandths in the integer edge weight
// the library requires). s must be a snapshot of n. Networks larger than
// MaxDomainOrganisations are refused.
func (n *Network) Domain(s *Snapshot) (dgraph.Graph[string, *Organisation], error) {
	if len(n.orgs) > MaxDomainOrganisations {
		return nil, fmt.Errorf("domain graph of %d organisations: over the limit of %d", len(n.orgs), MaxDomainOrganisations)
	}
	g := dgraph.New(func(o *Organisation) string { return o.ID })
	for i := range n.orgs {
		o := &n.orgs[i]
		attrs := map[string]string{"name": o.Name, "sector": o.Sector, "type": o.Type, "region": o.Region}
		for _, k := range SortedKeys(o.Attrs) {
			attrs[k] = o.Attrs[k]
		}
		if err := g.AddVertex(o, dgraph.VertexAttributes(attrs)); err != nil {
			return nil, fmt.Errorf("domain graph: %w", err)
		}
	}
	var err error
	s.EachTie(func(i, j int, w float64) {
		if err != nil {
			return
		}
		err = g.AddEdge(n.orgs[i].ID, n.orgs[j].ID,
			dgraph.EdgeWeight(int(w*1000+0.5)),
			dgraph.EdgeData(DomainTie{Weight: w}),
			dgraph.EdgeAttribute("weight", strconv.FormatFloat(w, 'g', -1, 64)))
	})
	if err != nil {
		return nil, fmt.Errorf("domain graph: %w", err)
	}
	return g, nil
}

// BackboneTie is a tie of a maximum spanning tree.
type BackboneTie struct {
	A, B   int
	Weight float64
}

// Backbone returns the maximum spanning forest of the ties among orgs (a
// small set of organisation indices, such as a candidate group), strongest
// ties first: the fewest ties that hold the group together, and so its
// weakest necessary link (the last one). It uses dominikbraun/graph's
// MaximumSpanningTree on the induced subgraph; a disconnected set gives a
// forest (one tree per part). Ties are compared on weights rounded to
// millionths.
func Backbone(s *Snapshot, orgs []int) ([]BackboneTie, error) {
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
