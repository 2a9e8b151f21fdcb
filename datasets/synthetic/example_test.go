package synthetic_test

import (
	"fmt"

	"github.com/partnet/partnet/datasets/synthetic"
)

func ExampleGenerate() {
	net, clusters, err := synthetic.Generate(synthetic.Options{Organisations: 100, Ties: 300, Clusters: 4, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(net.NumOrganisations(), net.NumPartnerships(), clusters[0], clusters[99])
	o := net.Organisation(0)
	fmt.Println(o.ID, o.Attrs["cluster"], o.HasLocation)
	// Output:
	// 100 300 0 3
	// org-00 0 true
}
