package reports

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/partnet/partnet/analysis/timeline"
)

// The output contract (JSON field names) lives in reports' view types,
// not on the analysis types: no struct field under ../analysis carries a
// json tag, so an analysis can rename or reshape its types without
// changing partnet's output. (analysis/timeline's 17 result types, the
// clusters' size distribution and layout points carried them.) The
// goldens (cmd/partnet/testdata/timeline.json, clusters_*.json) hold the
// bytes the views write.
func TestNoJSONTagsInAnalysis(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir("../analysis", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			if fl, ok := n.(*ast.Field); ok && fl.Tag != nil {
				tag := reflect.StructTag(strings.Trim(fl.Tag.Value, "`"))
				if _, has := tag.Lookup("json"); has {
					t.Errorf("%s: json tag %s on an analysis type: the output contract belongs to a view type in reports", fset.Position(fl.Pos()), fl.Tag.Value)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked %d files under ../analysis; the walk no longer sees the packages", checked)
	}
}

// The timeline's view keeps what the goldens do not show: --carry-successors'
// counts (omitted when not asked), nil lists as null and empty ones as [].
func TestTimelineViewCarriedAndLists(t *testing.T) {
	var b strings.Builder
	r := &timeline.Result{Dates: []string{}, Carried: &timeline.Carried{Partnerships: 2, Memberships: 3},
		Successions: []timeline.Succession{{Successor: "S", Predecessors: []timeline.Predecessor{{ID: "A", Successors: []string{"S"}}}}}}
	if err := WriteTimelineJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"dates": []`, `"carried": {
    "partnerships": 2,
    "memberships": 3
  }`, `"periods": null`, `"clusters": null`, `"preceding": null`, `"successors": [
            "S"
          ]`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("timeline JSON lacks %s:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := WriteTimelineJSON(&b, &timeline.Result{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "carried") {
		t.Errorf("carried written though nothing was carried:\n%s", b.String())
	}
}
