package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The tests in this file each reproduce a problem found by running partnet
// as a new user would, on files no one here wrote (testdata/corpus).

// TestQAGroupsWithoutSectorsHaveCohesion: on data without sectors every
// organisation is eligible, and cohesion (the share of a member's joint
// working kept inside its group) used to count only ties to councils, so
// every group on karate scored cohesion 0 and its weakest member "0% of
// its collaboration" although all its ties were inside. Karate's group
// {5, 6, 16}: 16's only ties are to 5 and 6 (networkx karate_club_graph,
// weights 3 and 3), so its share inside is 100%.
func TestQAGroupsWithoutSectorsHaveCohesion(t *testing.T) {
	in := filepath.Join("testdata", "corpus", "karate_networkx.graphml")
	code, out, stderr := runCLI(t, "groups", in, "--format", "json", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var gr struct {
		Tiers []struct {
			Groups []struct {
				Members []struct {
					ID string `json:"id"`
				} `json:"members"`
				Parts struct {
					Cohesion float64 `json:"cohesion"`
				} `json:"parts"`
			} `json:"groups"`
		} `json:"tiers"`
	}
	decode(t, out, &gr)
	if len(gr.Tiers) != 1 || len(gr.Tiers[0].Groups) == 0 {
		t.Fatalf("no groups: %s", out)
	}
	for _, g := range gr.Tiers[0].Groups {
		if g.Parts.Cohesion <= 0 {
			t.Errorf("group %+v: cohesion %v, want > 0 (its members' ties are to each other)", g.Members, g.Parts.Cohesion)
		}
	}
	_, text, _ := runCLI(t, "groups", in, "-q")
	if strings.Contains(text, " 0% of its collaboration") {
		t.Errorf("a weakest member is said to keep 0%% of its collaboration inside:\n%s", text)
	}
}

// TestQAGroupsTextOnBareData: evidence on data without kinds or names
// printed "- :  (23, 27)"; the tier note leaked the field name MaxGroups;
// one eligible organisation read "1 eligible organisations".
func TestQAGroupsTextOnBareData(t *testing.T) {
	in := filepath.Join("testdata", "corpus", "karate_networkx.graphml")
	_, text, _ := runCLI(t, "groups", in, "-q")
	for _, bad := range []string{"- :", "MaxGroups"} {
		if strings.Contains(text, bad) {
			t.Errorf("groups text contains %q:\n%s", bad, text)
		}
	}
	if !strings.Contains(text, "- partnership (") {
		t.Errorf("evidence does not say what it is:\n%s", text)
	}
	_, text, stderr := runCLI(t, "groups", traffordGrants)
	if !strings.Contains(text, "1 eligible organisation;") || strings.Contains(stderr, "organisation(s)") {
		t.Errorf("one eligible organisation not written in the singular:\n%s\n%s", text, stderr)
	}
}

// TestQAPotentialEmptySaysWhy: with fewer than two eligible organisations
// (Trafford's grants: one council) potential mode printed a table header
// with no rows and no reason.
func TestQAPotentialEmptySaysWhy(t *testing.T) {
	code, text, stderr := runCLI(t, "groups", "--mode", "potential", traffordGrants, "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(text, "rank  score") || !strings.Contains(text, "No pair to propose: a pair needs 2 eligible organisations") {
		t.Errorf("empty potential ranking without a reason:\n%s", text)
	}
}

// TestQAReportOnBareData: the report on an edge list or GraphML (no
// sectors, no arrangements) read "34 organisations (34 (none)) joined by
// 78 partnerships and 0 multi-member arrangements with 0 memberships";
// drew a one-cell heatmap and an E-I of "-1 ... expected -1" for the one
// group everything falls in; and stated a score formula (20 cohesion, 15
// density, no depth) that was not the one the groups are scored by.
func TestQAReportOnBareData(t *testing.T) {
	page := filepath.Join(t.TempDir(), "k.html")
	in := filepath.Join("testdata", "corpus", "karate_networkx.graphml")
	if code, _, stderr := runCLI(t, "report", in, "-o", page, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, bad := range []string{"(34 (none))", "0 multi-member arrangements", "20 cohesion", "expected -1", `id="chartEI"`, "Groups of councils"} {
		if strings.Contains(s, bad) {
			t.Errorf("report contains %q", bad)
		}
	}
	for _, want := range []string{"34 organisations joined by 78 partnerships, giving 78 ties.",
		"Every organisation falls in one sector group",
		"40 existing collaboration &#43; 15 cohesion &#43; 10 density &#43; 10 depth"} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestQAConvertEdgeListSaysWhoIsLeftOut: England has 20 organisations with
// no tie (isolated); an edge list cannot hold them, so reading it back gave
// 803 organisations instead of 823 with no word from convert.
func TestQAConvertEdgeListSaysWhoIsLeftOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "e.csv")
	code, _, stderr := runCLI(t, "convert", "embedded:england", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "20 organisations have no partnership or shared arrangement, so they are not in the edge list") {
		t.Errorf("convert does not say the isolated organisations are left out:\n%s", stderr)
	}
}

// TestQABacktestOnOtherData: backtest proposed on England's days
// (2012/2014/2016) whatever the data, so undated data (karate) printed a
// table of 0/0 with exit 0, and Trafford's grants (2013-2024) were
// proposed on a day before any of them.
func TestQABacktestOnOtherData(t *testing.T) {
	code, _, stderr := runCLI(t, "backtest", filepath.Join("testdata", "corpus", "karate_networkx.graphml"))
	if code != exitInput || !strings.Contains(stderr, "a backtest needs dated partnerships") {
		t.Errorf("undated data: exit %d, stderr %q; want exit 3 saying dates are needed", code, stderr)
	}
	code, out, stderr := runCLI(t, "backtest", traffordGrants, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "proposing on 2015-04-01, 2018-04-01, 2021-04-01 instead") || strings.Contains(out, "2012-04-01") {
		t.Errorf("Trafford: days not adapted to 2013-2024:\n%s", stderr)
	}
}

// TestQAByNamesTheAttributesThereAre: --by or --compare with an attribute
// no organisation has was refused without naming what the data does have
// (karate's GraphML has "club"; an edge list has none).
func TestQAByNamesTheAttributesThereAre(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"analyze", filepath.Join("testdata", "corpus", "karate_networkx.graphml"), "--by", "region"}, "(attributes with values: club)"},
		{[]string{"clusters", filepath.Join("testdata", "corpus", "lesmis_edges.csv"), "--compare", "region"}, "(none has a value for any attribute)"},
		{[]string{"analyze", "--by", "nosuch"}, "(attributes with values: sector, type, region, parent)"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

// TestQAConvertSingular: "wrote d.json (json): 2 organisations, 1
// partnerships, 0 arrangements".
func TestQAConvertSingular(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "d.csv")
	if err := os.WriteFile(in, []byte("source,target\na,b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr := runCLI(t, "convert", in, filepath.Join(dir, "d.json"))
	if !strings.Contains(stderr, "2 organisations, 1 partnership, 0 arrangements") {
		t.Errorf("stderr %q", stderr)
	}
	_, _, stderr = runCLI(t, "convert", in, filepath.Join(dir, "e.csv"))
	if !strings.Contains(stderr, "1 row from partnerships") {
		t.Errorf("stderr %q", stderr)
	}
}

// TestQAReportAllFunding: on a funder's 360Giving file every tie is a
// grant, yet the findings opened "Collaboration is very sparse: ... work
// together"; they now say the figures describe funding.
func TestQAReportAllFunding(t *testing.T) {
	page := filepath.Join(t.TempDir(), "t.html")
	if code, _, stderr := runCLI(t, "report", traffordGrants, "-o", page, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.Contains(s, "Collaboration is very sparse") || !strings.Contains(s, "Every tie is funding (grants): the figures, rankings and clusters below describe who funds whom") ||
		!strings.Contains(s, "are tied by a grant") {
		t.Errorf("findings on an all-grants file do not say they describe funding")
	}
}

// TestQAAnalyzeSaysFundingDominates: on England, analyze and clusters
// measure the network whole, so Trafford's 323 grants make it the top
// broker and one cluster of 324, while the report analyses joint working
// apart; the commands said nothing of it. They now note it once (not when
// --kinds already chooses the ties).
func TestQAAnalyzeSaysFundingDominates(t *testing.T) {
	const note = "Funding makes up 323 of the 336 ties of Trafford: these measures take funding and joint working together"
	for _, args := range [][]string{{"analyze", "--metrics", "core"}, {"clusters", "--runs", "1"}} {
		_, _, stderr := runCLI(t, args...)
		if strings.Count(stderr, note) != 1 {
			t.Errorf("%v: stderr lacks the layer note once:\n%s", args, stderr)
		}
	}
	_, _, stderr := runCLI(t, "analyze", "--metrics", "core", "--kinds", "shared_service,shared_management")
	if strings.Contains(stderr, "Funding makes up") {
		t.Errorf("--kinds given, still the layer note:\n%s", stderr)
	}
}

// TestQAReportCountsInWords: "Data table (1 clusters)", "(1 articulation
// points; 1 ties are bridges)" and, with every partnership dated, "0 of 555
// partnerships and 0 of 0 arrangements have no dates".
func TestQAReportCountsInWords(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "p.csv")
	// A path a-b-c, dated: b is the one articulation point, a-b and b-c
	// bridges; Leiden puts the three in one cluster.
	if err := os.WriteFile(in, []byte("source,target,start\na,b,2015-04-01\nb,c,2017-04-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "p.html")
	if code, _, stderr := runCLI(t, "report", in, "-o", page, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, bad := range []string{"(1 clusters)", "1 articulation points", "0 of 2 partnerships", "0 of 0 arrangements"} {
		if strings.Contains(s, bad) {
			t.Errorf("report says %q", bad)
		}
	}
	for _, want := range []string{"Data table (1 cluster)", "(1 articulation point; 2 ties are bridges)", "Every partnership and arrangement has a start date."} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestQAOutputFolderMissing: "report -o /nonexist/dir/y.html" ran the
// whole analysis and then failed naming partnet's temporary file
// ("open /nonexist/dir/.partnet-tmp-y.html-2445199370"); it is now
// refused first, naming the folder (exit 2).
func TestQAOutputFolderMissing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no", "such")
	for _, args := range [][]string{
		{"report", "-o", filepath.Join(missing, "y.html")},
		{"convert", filepath.Join("testdata", "corpus", "lesmis_edges.csv"), filepath.Join(missing, "x.json")},
	} {
		code, _, stderr := runCLI(t, args...)
		if code != exitUsage || !strings.Contains(stderr, "the folder "+missing+" does not exist") || strings.Contains(stderr, "partnet-tmp") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}

// TestQAAnalyzeTextOneGroup: on an edge list (no sectors) analyze printed
// "E-I index by group -1.0000 ... expected, min, max -1.0000, -1.0000,
// -1.0000" and a one-cell block matrix; it now says there is nothing
// between groups to measure.
func TestQAAnalyzeTextOneGroup(t *testing.T) {
	code, out, stderr := runCLI(t, "analyze", filepath.Join("testdata", "corpus", "lesmis_edges.csv"), "-q", "--top", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out, "expected, min, max") || strings.Contains(out, "(ties / possible pairs") ||
		!strings.Contains(out, "every organisation is in one group, so there is nothing between groups to measure") {
		t.Errorf("one-group E-I shown as a finding:\n%s", out)
	}
}

// TestQAKindsChecked: --kinds shared_servic (a typo) left no tie and
// exit 0 with every figure 0; "Shared Service" was not read as
// shared_service. Now the spelling is normalised like the data's and an
// unknown kind is a usage error listing the kinds the data has.
func TestQAKindsChecked(t *testing.T) {
	code, _, stderr := runCLI(t, "summary", "--kinds", "shared_servic")
	if code != exitUsage || !strings.Contains(stderr, `--kinds "shared_servic": no partnership or arrangement has this kind (kinds in the data: combined_authority, grant,`) {
		t.Errorf("typo: exit %d, %q", code, stderr)
	}
	code, out, stderr := runCLI(t, "summary", "--kinds", "Shared Service", "--format", "json", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var sum struct {
		Ties int `json:"ties"`
	}
	decode(t, out, &sum)
	// England's 32 shared services (summary "by kind") give 147 ties.
	if sum.Ties != 147 {
		t.Errorf("--kinds 'Shared Service': %d ties, want 147 (as shared_service)", sum.Ties)
	}
}

// TestQABatchKindsChecked: a batch spec's filters.kinds with a typo ran
// with no tie and wrote ties 0 as a result; the run now fails naming it.
func TestQABatchKindsChecked(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "k.yaml")
	if err := os.WriteFile(spec, []byte("name: k\ndatasets: [embedded:england]\nfilters:\n  kinds: [shared_servic]\nanalyses: [summary]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, "batch", spec, "-o", out, "-q")
	if code != exitFailure {
		t.Errorf("exit %d, want 1 (a failed run): %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `filters.kinds \"shared_servic\": no partnership or arrangement has this kind`) {
		t.Errorf("manifest does not name the kind:\n%s", b)
	}
}
