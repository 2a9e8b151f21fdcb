package geo_test

import (
	"fmt"

	"github.com/partnet/partnet/datasets/geo"
)

// The embedded district outlines give which councils share a border:
// Babergh's neighbours are Braintree, Colchester and Tendring across the
// Stour, and Ipswich, Mid Suffolk, East Suffolk and West Suffolk.
func ExampleSharedBorders() {
	areas, err := geo.EnglandAreas()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range geo.SharedBorders(areas) {
		if p[0] == "E07000200" || p[1] == "E07000200" { // Babergh
			fmt.Println(p[0], "borders", p[1])
		}
	}
	// Output:
	// E07000067 borders E07000200
	// E07000071 borders E07000200
	// E07000076 borders E07000200
	// E07000200 borders E07000202
	// E07000200 borders E07000203
	// E07000200 borders E07000244
	// E07000200 borders E07000245
}
