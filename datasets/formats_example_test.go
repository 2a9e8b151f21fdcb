package datasets_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/partnet/partnet/datasets"
)

func ExampleLoad() {
	ds, err := datasets.Load("testdata/edgelist/header.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	n := ds.Network
	fmt.Println(n.NumOrganisations(), "organisations,", n.NumPartnerships(), "partnerships")
	fmt.Println(n.Partnership(0).Source, n.Partnership(0).Target, n.Partnership(0).Weight)
	// Output:
	// 4 organisations, 4 partnerships
	// A B 2
}

func ExampleWrite() {
	ds, _ := datasets.Load("testdata/json/small.json")
	dir, _ := os.MkdirTemp("", "partnet-example")
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "small.graphml")
	if err := datasets.Write(ds.Network, out, datasets.FormatGraphML); err != nil {
		fmt.Println(err)
		return
	}
	back, _ := datasets.Load(out)
	fmt.Printf("differences after a GraphML round trip: %q\n", datasets.Diff(ds.Network, back.Network))
	// Output:
	// differences after a GraphML round trip: ""
}
