package geo_test

import (
	"fmt"

	"github.com/partnet/partnet/datasets/geo"
	"github.com/partnet/partnet/graph"
)

// Two square districts side by side make up a county. The districts share
// a border; the county holds both and borders nothing else, so, like a
// council with no outline at all, it has no border row.
func ExampleDeriveBorders() {
	sq := func(x float64) [][][][2]float64 {
		return [][][][2]float64{{{{x, 0}, {x + 1, 0}, {x + 1, 1}, {x, 1}, {x, 0}}}}
	}
	areas := []graph.Area{{Code: "West", Polygons: sq(0)}, {Code: "East", Polygons: sq(1)}}
	net := graph.NewNetwork()
	_ = net.AddOrganisation(graph.Organisation{ID: "West", Sector: graph.SectorCouncil, Parent: "Shire"})
	_ = net.AddOrganisation(graph.Organisation{ID: "East", Sector: graph.SectorCouncil, Parent: "Shire"})
	_ = net.AddOrganisation(graph.Organisation{ID: "Shire", Sector: graph.SectorCouncil, Type: "county"})
	_ = net.AddOrganisation(graph.Organisation{ID: "Isle", Sector: graph.SectorCouncil})
	t := geo.DeriveBorders(net, areas)
	for _, b := range t.Borders {
		fmt.Println(b.A, b.B, b.Basis)
	}
	fmt.Println("no border row:", t.Missing)
	// Output:
	// East West shared_boundary
	// no border row: [Isle Shire]
}
