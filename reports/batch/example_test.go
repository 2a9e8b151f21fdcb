package batch_test

import (
	"fmt"

	"github.com/partnet/partnet/reports/batch"
)

func ExampleExpand() {
	spec, err := batch.ParseSpec([]byte(`
datasets: [embedded:england]
filters:
  years: {from: 2014, to: 2015}
analyses: [summary]
parameters:
  seed: [1, 2]
`), "spec.yaml", ".")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range batch.Expand(spec) {
		fmt.Println(r.ID)
	}
	// Output:
	// england__2014-04-01__newman__kw-default__r1__s1__large
	// england__2014-04-01__newman__kw-default__r1__s2__large
	// england__2015-04-01__newman__kw-default__r1__s1__large
	// england__2015-04-01__newman__kw-default__r1__s2__large
}

func ExampleParseSpec() {
	_, err := batch.ParseSpec([]byte("datasets: [embedded:england]\nanalyses: [summary, clustres]\n"), "spec.yaml", ".")
	fmt.Println(err)
	// Output:
	// invalid batch spec: spec.yaml:2: unknown analysis "clustres" (known: summary, analyze, clusters, groups, report)
}
