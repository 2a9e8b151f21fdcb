package graph_test

import (
	"fmt"

	dgraph "github.com/dominikbraun/graph"

	"github.com/partnet/partnet/graph"
)

// A researcher runs one of dominikbraun/graph's own algorithms on the
// domain view: the shortest chain of partnerships between two councils
// (fewest ties: the view is unweighted for path finding), with each hop's
// combined tie weight read back from the edge data.
func ExampleNetwork_Domain() {
	net := graph.NewNetwork()
	for _, o := range [][2]string{{"A", "Adur"}, {"B", "Worthing"}, {"C", "Arun"}, {"D", "Chichester"}, {"E", "Horsham"}} {
		_ = net.AddOrganisation(graph.Organisation{ID: o[0], Name: o[1], Sector: graph.SectorCouncil})
	}
	for _, p := range [][3]string{{"A", "B", "shared_management"}, {"B", "C", "shared_service"}, {"C", "D", "joint_plan"}, {"A", "E", "shared_service"}} {
		_ = net.AddPartnership(graph.Partnership{Source: p[0], Target: p[1], Kind: p[2]})
	}
	s := net.Snapshot(graph.Weighting{})
	g, err := net.Domain(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	path, err := dgraph.ShortestPath(g, "A", "D")
	if err != nil {
		fmt.Println(err)
		return
	}
	for k := 0; k+1 < len(path); k++ {
		e, _ := g.Edge(path[k], path[k+1])
		fmt.Printf("%s - %s: %.2f\n", e.Source.Name, e.Target.Name, e.Properties.Data.(graph.DomainTie).Weight)
	}
	// Output:
	// Adur - Worthing: 3.00
	// Worthing - Arun: 3.00
	// Arun - Chichester: 1.50
}
