package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/graph"
)

// tiny is a tie a-b plus an isolate c whose name is a spreadsheet formula:
// c's constraint is undefined (NaN) and must print as null / empty / "-".
func tiny(t *testing.T) *analysis.Analysis {
	t.Helper()
	s := graph.BuildSnapshot(3, []string{"a", "b", "c"}, []int32{0}, []int32{1}, nil)
	a, err := analysis.Analyze(context.Background(), s,
		analysis.Attributes{Names: []string{"Alpha", "Beta", "=HYPERLINK(\"x\")"}, GroupBy: "sector", By: []string{"council", "agency", ""}},
		analysis.AnalyzeOptions{Metrics: []string{"constraint"}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestWriteAnalyzeJSONNulls(t *testing.T) {
	var b bytes.Buffer
	if err := WriteAnalyzeJSON(&b, tiny(t)); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b.String())
	}
	rows := doc["by_organisation"].([]any)
	last := rows[2].(map[string]any)
	if last["id"] != "c" || last["constraint"] != nil {
		t.Errorf("isolate row = %v, want id c and constraint null", last)
	}
	if _, ok := last["betweenness"]; ok {
		t.Errorf("betweenness present though not computed: %v", last)
	}
	// 2 nodes a, b in different groups plus c: one external tie.
	if doc["ei_index"] != 1.0 || doc["ties"] != 1.0 {
		t.Errorf("ei_index %v ties %v, want 1 and 1", doc["ei_index"], doc["ties"])
	}
	if !strings.Contains(b.String(), `"organisations": 3,`) {
		t.Errorf("network figures missing or out of order:\n%s", b.String())
	}
}

func TestWriteAnalyzeCSVAndText(t *testing.T) {
	a := tiny(t)
	var b bytes.Buffer
	if err := WriteAnalyzeCSV(&b, a); err != nil {
		t.Fatal(err)
	}
	// Numbers as every CSV writes them (Num: six significant digits,
	// trailing zeros dropped).
	want := "rank,id,name,group,degree,strength,degree_centrality,constraint,effective_size\n" +
		"1,a,Alpha,council,1,1,0.5,1,1\n" +
		"2,b,Beta,agency,1,1,0.5,1,1\n" +
		"3,c,\"'=HYPERLINK(\"\"x\"\")\",,0,0,0,,\n"
	if b.String() != want {
		t.Errorf("CSV =\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteAnalyzeText(&b, a, 0); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	for _, s := range []string{"E-I index by sector", "(none)", "block density by sector", "organisations (top 3 of 3)", "  3  c"} {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q:\n%s", s, text)
		}
	}
}

// TestWriteAnalyzeJSONStreamed: the streamed by_organisation gives the
// bytes json.Encoder (two-space indent) writes for the whole document
// built in memory, with organisations, without any, and with names that
// JSON escapes (quotes, <, &, newlines).
func TestWriteAnalyzeJSONStreamed(t *testing.T) {
	whole := func(a *analysis.Analysis) string {
		doc := analyzeHead(a)
		cols := columnsFor(a)
		rows := make([]object, len(a.Organisations))
		for k := range a.Organisations {
			row := make(object, len(cols))
			for c, col := range cols {
				row[c] = field{col.name, cell(col, k+1, &a.Organisations[k])}
			}
			rows[k] = row
		}
		doc = append(doc, field{"by_organisation", rows})
		var out bytes.Buffer
		if err := WriteJSON(&out, doc); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	empty, err := analysis.Analyze(context.Background(), graph.BuildSnapshot(0, nil, nil, nil, nil),
		analysis.Attributes{GroupBy: "sector"}, analysis.AnalyzeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := graph.BuildSnapshot(4, []string{"a\"1", "b<2>", "c&3", "d\n4"}, []int32{0, 1, 2}, []int32{1, 2, 3}, nil)
	named, err := analysis.Analyze(context.Background(), s,
		analysis.Attributes{Names: []string{"A \"quoted\"", "<script>", "x & y", "two\nlines"}, GroupBy: "sector", By: []string{"a", "b", "a", ""}},
		analysis.AnalyzeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for name, a := range map[string]*analysis.Analysis{"tiny": tiny(t), "empty": empty, "escaped names": named} {
		var got bytes.Buffer
		if err := WriteAnalyzeJSON(&got, a); err != nil {
			t.Fatal(err)
		}
		if want := whole(a); got.String() != want {
			t.Errorf("%s: streamed JSON differs from the whole document:\n%s\nwant\n%s", name, got.String(), want)
		}
	}
}
