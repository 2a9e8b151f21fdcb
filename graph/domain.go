package graph

import (
	"fmt"
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
