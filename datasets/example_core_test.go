package datasets_test

import (
	"fmt"
	"testing/fstest"

	"github.com/partnet/partnet/datasets"
)

func ExampleReadFS() {
	fsys := fstest.MapFS{
		"organisations.csv": {Data: []byte("Org ID;Name;Sector\nE07000200;Babergh;council\nE07000203;Mid Suffolk;council\n")},
		"partnerships.csv":  {Data: []byte("from;to;kind;start\nE07000200;E07000203;shared_management;2011-01-01\n")},
	}
	net, _, err := datasets.ReadFS(fsys, ".", "mydata")
	if err != nil {
		fmt.Println(err)
		return
	}
	p := net.Partnership(0)
	fmt.Println(net.NumOrganisations(), p.Source, p.Target, p.Kind, p.Start.Format("2006-01-02"))
	// Output: 2 E07000200 E07000203 shared_management 2011-01-01
}

func ExampleReadFS_problems() {
	fsys := fstest.MapFS{
		"organisations.csv": {Data: []byte("id,name\na,A\na,Again\n")},
		"partnerships.csv":  {Data: []byte("source,target,weight\na,b,£5\n")},
	}
	_, _, err := datasets.ReadFS(fsys, ".", "mydata")
	fmt.Println(err)
	// Output:
	// mydata/organisations.csv:3: column "id": "a" is listed twice: duplicate id
	// mydata/partnerships.csv:2: column "target": target "b" (add it to organisations.csv): unknown organisation
	// mydata/partnerships.csv:2: column "weight": "£5" has a currency sign: write plain digits, e.g. 1200.50 for £1,200.50
}

func ExampleParseDate() {
	for _, s := range []string{"2014-04-01", "2014-04-01T09:30:00Z", "01/04/2014", "04/13/2014"} {
		d, err := datasets.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.Format("2006-01-02"))
	}
	// Output:
	// 2014-04-01
	// 2014-04-01
	// 2014-04-01
	// "04/13/2014" is not a date: there is no month 13 (a month-first date?) (slashed dates are read day first, DD/MM/YYYY, as in the UK; or write YYYY-MM-DD)
}

func ExampleCheck() {
	probs, err := datasets.Check("embedded:england")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(probs.Errors), "errors,", len(probs.Warnings), "warning(s)")
	// Output: 0 errors, 1 warning(s)
}
