package page

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
)

// englandLayered builds the England report as partnet report does:
// engine.Report (which applies the layer rule), then Build.
func englandLayered(t *testing.T) *Report {
	t.Helper()
	d, err := datasets.Load("")
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Report(context.Background(), d.Network, engine.ReportOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(context.Background(), Source{Network: res.Network, Snapshot: res.Snapshot, Seed: 1, Results: res})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// csvTables reads every table WriteTables wrote into dir.
func csvTables(t *testing.T, dir string) map[string][][]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".csv")] = recs
	}
	return out
}

// parseNumber reads a number as a finding or a table cell writes it
// ("1,234", "0.72", "1.0%", "-0.20") and the half-unit of its last digit.
func parseNumber(s string) (v, prec float64, err error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	scale := 1.0
	if p, ok := strings.CutSuffix(s, "%"); ok {
		s, scale = p, 0.01
	}
	v, err = strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, 0, err
	}
	dec := 0
	if k := strings.IndexByte(s, '.'); k >= 0 && !strings.ContainsAny(s, "eE") {
		dec = len(s) - k - 1
	}
	return v * scale, 0.5 * math.Pow(10, -float64(dec)) * scale, nil
}

// claimValue is the table's value a claim points at.
func claimValue(tables map[string][][]string, c Claim) (string, error) {
	tb, ok := tables[c.Table]
	if !ok || len(tb) == 0 {
		return "", fmt.Errorf("no table %q", c.Table)
	}
	head := map[string]int{}
	for k, h := range tb[0] {
		head[h] = k
	}
	var sel [][]string
rows:
	for _, rec := range tb[1:] {
		for col, want := range c.Where {
			k, ok := head[col]
			if !ok {
				return "", fmt.Errorf("table %s has no column %q", c.Table, col)
			}
			if rec[k] != want {
				continue rows
			}
		}
		sel = append(sel, rec)
	}
	if c.Count == "rows" {
		return strconv.Itoa(len(sel)), nil
	}
	if len(sel) != 1 {
		return "", fmt.Errorf("table %s: %d rows match %v, want 1", c.Table, len(sel), c.Where)
	}
	k, ok := head[c.Column]
	if !ok {
		return "", fmt.Errorf("table %s has no column %q", c.Table, c.Column)
	}
	v := sel[0][k]
	if c.Count == "items" {
		return strconv.Itoa(len(strings.Split(v, "; "))), nil
	}
	return v, nil
}

// constants are the fixed numbers findings explain scales with; every
// other number in a finding must be a claim.
var constants = []string{"of 100)", "(-1 means", "+1 every", "(1 would be", ", 0 no more"}

var digits = regexp.MustCompile(`[0-9]`)

// checkFinding checks every claim of f against the tables and that f
// states no number without a claim.
func checkFinding(tables map[string][][]string, f Finding) error {
	text := f.Text
	for _, n := range f.names {
		if !strings.Contains(text, n) {
			return fmt.Errorf("quoted name %q not in the text", n)
		}
		text = strings.Replace(text, n, "«»", 1)
	}
	pos := 0
	for _, c := range f.Claims {
		k := strings.Index(text[pos:], c.Number)
		if k < 0 {
			return fmt.Errorf("claim %q not in the text (in order)", c.Number)
		}
		text = text[:pos+k] + "#" + text[pos+k+len(c.Number):]
		pos += k + 1
		got, err := claimValue(tables, c)
		if err != nil {
			return fmt.Errorf("claim %q: %w", c.Number, err)
		}
		a, pa, err := parseNumber(c.Number)
		if err != nil {
			return fmt.Errorf("claim %q: %w", c.Number, err)
		}
		b, pb, err := parseNumber(got)
		if err != nil {
			return fmt.Errorf("claim %q: table %s says %q: %w", c.Number, c.Table, got, err)
		}
		if math.Abs(a-b) >= pa+pb-1e-12 { // the two rounding intervals must overlap
			return fmt.Errorf("finding says %s, table %s (%v, %s) says %s", c.Number, c.Table, c.Where, c.Column+c.Count, got)
		}
	}
	for _, k := range constants {
		text = strings.ReplaceAll(text, k, "")
	}
	if digits.MatchString(text) {
		return fmt.Errorf("a number without a source: %q", text)
	}
	return nil
}

// TestFindingsAgreeWithTables: on the embedded England data, every number
// in the findings is the figure in the table it cites, read back from the
// CSV files WriteTables writes, and no finding states a number without
// citing one.
func TestFindingsAgreeWithTables(t *testing.T) {
	r := englandLayered(t)
	dir := t.TempDir()
	if err := WriteTables(dir, r); err != nil {
		t.Fatal(err)
	}
	tables := csvTables(t, dir)
	claims := 0
	for _, f := range r.Findings {
		claims += len(f.Claims)
		if err := checkFinding(tables, f); err != nil {
			t.Errorf("%v\n  in: %s", err, f.Text)
		}
	}
	if claims < 40 {
		t.Errorf("%d claims in %d findings: the England findings should cite well over 30 numbers", claims, len(r.Findings))
	}
	if got := len(tables["finding_claims"]) - 1; got != claims {
		t.Errorf("finding_claims.csv has %d rows, want %d", got, claims)
	}

	// The check fails on a wrong number, a wrong source and an unsourced
	// number.
	var f Finding
	for _, x := range r.Findings {
		if len(x.Claims) > 0 && x.Claims[0].Table == "figures" {
			f = x
			break
		}
	}
	bad := f
	bad.Claims = append([]Claim(nil), f.Claims...)
	bad.Claims[0].Where = map[string]string{"label": "Isolated organisations"}
	if err := checkFinding(tables, bad); err == nil {
		t.Errorf("a claim pointed at the wrong figure passed: %s", f.Text)
	}
	bad = f
	bad.Claims = nil
	if err := checkFinding(tables, bad); err == nil {
		t.Errorf("a finding with unsourced numbers passed: %s", f.Text)
	}
	multi, _, _ := clusterCounts(r.Clusters)
	wrong := strconv.Itoa(multi + 1)
	bad = Finding{Text: "Partnerships form " + wrong + " clusters.", Claims: []Claim{{Number: wrong, Table: "figures", Column: "value",
		Where: map[string]string{"label": "Clusters of two or more organisations"}}}}
	if err := checkFinding(tables, bad); err == nil {
		t.Errorf("%s clusters of two or more passed against %v", wrong, r.Figures)
	}
}

// TestFindingsPluralsAndSigns: counts of one read in the singular, and a
// weakest link that subtracts nothing prints as 0.0, not -0.0.
func TestFindingsPluralsAndSigns(t *testing.T) {
	net := graph.NewNetwork()
	for _, id := range []string{"a", "b", "c", "d"} {
		if err := net.AddOrganisation(graph.Organisation{ID: id, Name: "Org " + id, Sector: "council"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range [][2]int{{0, 1}, {1, 2}} {
		if err := net.AddTie(p[0], p[1], 1); err != nil {
			t.Fatal(err)
		}
	}
	res, err := engine.Report(context.Background(), net, engine.ReportOptions{Seed: 1, NoGroups: true})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(context.Background(), Source{Network: res.Network, Snapshot: res.Snapshot, Seed: 1, Results: res})
	if err != nil {
		t.Fatal(err)
	}
	all := fmt.Sprint(r.Findings)
	// Path a-b-c and d alone: b is the one cut point, both ties bridges;
	// Leiden puts a, b and c in one cluster.
	for _, w := range []string{"1 organisation has no partner at all", "1 organisation is a single point of failure: losing it",
		"It is Org b (1 organisation cut off)", "2 ties are bridges", "form 1 cluster of two or more organisations (1 organisation is on its own)",
		"it has 3 organisations, and it is robust"} {
		if !strings.Contains(all, w) {
			t.Errorf("findings lack %q:\n%s", w, all)
		}
	}
	for _, bad := range []string{"1 organisations", "1 clusters", "1 ties", "1 times", "1 of the 1"} {
		if strings.Contains(all, bad) {
			t.Errorf("findings say %q:\n%s", bad, all)
		}
	}
	for _, c := range []struct {
		points float64
		want   string
	}{{0, "0.0"}, {0.04, "0.0"}, {math.Copysign(0, -1), "0.0"}, {2.5, "-2.5"}, {12.34, "-12.3"}} {
		if got := penalty(c.points); got != c.want {
			t.Errorf("penalty(%v) = %q, want %q", c.points, got, c.want)
		}
	}
}

// TestLayersEngland: on the embedded England data Trafford's 323 grantees
// (grants are 323 of its ties) trigger the layer rule, so Trafford is no
// longer the top broker, the top PageRank or a single point of failure
// because of them, and the funding section lists it as the one funder.
func TestLayersEngland(t *testing.T) {
	r := englandLayered(t)
	const trafford = "E08000009"
	if r.Funding == nil {
		t.Fatal("England: layers not split")
	}
	if len(r.Brokers) > 0 && r.Brokers[0].ID == trafford {
		t.Errorf("Trafford is still the top broker: %+v", r.Brokers[0])
	}
	if len(r.Central) > 0 && r.Central[0].ID == trafford {
		t.Errorf("Trafford is still the most central: %+v", r.Central[0])
	}
	for _, c := range r.Cutpoints {
		if c.ID == trafford {
			t.Errorf("Trafford is still a single point of failure: %+v", c)
		}
	}
	for _, n := range r.Network.Nodes {
		if strings.HasPrefix(n.ID, "360G-") {
			t.Fatalf("grantee %s drawn in the collaboration layer", n.ID)
		}
	}
	// Trafford's grants: 555 rows to 323 distinct targets, GBP 1,291,436.54
	// in all and 49 starting in 2013 (Python's csv module summing the
	// value_gbp column of the trafford-grants partnerships.csv the
	// england dataset embeds).
	fv := r.Funding
	if fv.Funders != 1 || fv.Grants != 555 || fv.Recipients != 323 || fv.FunderRows[0].ID != trafford {
		t.Errorf("funding: %d funders, %d grants, %d recipients, top %+v; want Trafford's 555 grants to 323 recipients",
			fv.Funders, fv.Grants, fv.Recipients, fv.FunderRows[0])
	}
	if a := fv.FunderRows[0].AmountGBP; math.Abs(a-1291436.54) > 0.005 || fv.Years[0] != (FundingYear{"2013", 49, fv.Years[0].Recipients, fv.Years[0].AmountGBP}) {
		t.Errorf("Trafford's grants total %.2f GBP, first year %+v; want 1291436.54 and 49 grants in 2013", a, fv.Years[0])
	}
	var total float64
	grants := 0
	for _, y := range fv.Years {
		total += y.AmountGBP
		grants += y.Grants
	}
	if grants != fv.Grants || math.Abs(total-fv.FunderRows[0].AmountGBP) > 0.01 {
		t.Errorf("years sum to %d grants and %.2f GBP, funders to %d and %.2f", grants, total, fv.Grants, fv.FunderRows[0].AmountGBP)
	}
	if !strings.HasPrefix(r.Findings[0].Text, "Grants make up most of the ties of Trafford") {
		t.Errorf("first finding does not say why the layers were split: %s", r.Findings[0].Text)
	}
}

// TestDominatedBars: a bar more than DominantBarRatio times the next
// puts the chart on a log axis; zero values or an even spread do not.
func TestDominatedBars(t *testing.T) {
	for _, c := range []struct {
		v    []float64
		want bool
	}{{[]float64{104012, 84, 84, 60}, true}, {[]float64{9, 1}, false}, {[]float64{11, 1}, true}, {[]float64{100, 0, 1}, false}, {[]float64{5}, false}} {
		if got := dominated(c.v); got != c.want {
			t.Errorf("dominated(%v) = %v, want %v", c.v, got, c.want)
		}
	}
	bar, err := barChart("x", "paths", []string{"a", "b", "c"}, []float64{1000, 20, 10})
	if err != nil {
		t.Fatal(err)
	}
	bar.Validate()
	if bar.XAxisList[0].Type != "log" || bar.YAxisList[0].Type != "category" || !strings.Contains(bar.MultiSeries[0].Name, "log scale") {
		t.Errorf("dominated bars: x axis %q, y axis %q, series %q; want log, category and a series saying so",
			bar.XAxisList[0].Type, bar.YAxisList[0].Type, bar.MultiSeries[0].Name)
	}
}

// TestFundingView: F gives 25 grants (R1..R25), 25 of its 26 ties, so
// the layers split with F dominant; G also funds R1. R1 has a
// joint plan with C and R2 a shared service with F: 2 recipients also
// work with others, 1 funder-recipient pair (F-R2) also works together,
// and R1 has two funders. G's only tie is a grant: it is left out of
// the collaboration layer.
func TestFundingView(t *testing.T) {
	net := graph.NewNetwork()
	add := func(id string) {
		if err := net.AddOrganisation(graph.Organisation{ID: id, Name: id}); err != nil {
			t.Fatal(err)
		}
	}
	tie := func(id, a, b, kind string, value float64) {
		if err := net.AddPartnership(graph.Partnership{ID: id, Source: a, Target: b, Kind: kind, ValueGBP: value, HasValue: value > 0}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"F", "G", "C"} {
		add(id)
	}
	for k := 1; k <= 25; k++ {
		r := fmt.Sprintf("R%d", k)
		add(r)
		tie("g"+r, "F", r, "grant", 100)
	}
	tie("gG", "G", "R1", "grant", 50)
	tie("plan", "R1", "C", "joint_plan", 0)
	tie("ss", "F", "R2", "shared_service", 0)
	tie("fc", "F", "C", "shared_service", 0)
	// 30 councils in a chain of shared services: funding is 26 of 58 ties,
	// under half, so F's own share decides.
	for k := 1; k <= 30; k++ {
		add(fmt.Sprintf("X%d", k))
		if k > 1 {
			tie(fmt.Sprintf("x%d", k), fmt.Sprintf("X%d", k-1), fmt.Sprintf("X%d", k), "shared_service", 0)
		}
	}
	ls := engine.SplitLayers(net)
	if !ls.Split || ls.Dominant < 0 || net.Organisation(ls.Dominant).ID != "F" {
		t.Fatalf("split %v dominant %d (%s), want split by F", ls.Split, ls.Dominant, ls.Reason)
	}
	if _, ok := ls.Collaboration.Index("G"); ok {
		t.Error("G (grants only) is in the collaboration layer")
	}
	if _, ok := ls.Collaboration.Index("R3"); ok {
		t.Error("R3 (one grant only) is in the collaboration layer")
	}
	v := fundingView(ls)
	if v.Grants != 26 || v.Funders != 2 || v.Recipients != 25 || v.Collaborating != 2 || v.Both != 1 {
		t.Errorf("funding view %d grants, %d funders, %d recipients, %d collaborating, %d both; want 26, 2, 25, 2, 1",
			v.Grants, v.Funders, v.Recipients, v.Collaborating, v.Both)
	}
	if len(v.MultiFunded) != 1 || v.MultiFunded[0].ID != "R1" || strings.Join(v.MultiFunded[0].Names, ",") != "F,G" {
		t.Errorf("multi-funded %+v, want R1 funded by F and G", v.MultiFunded)
	}
	if v.FunderRows[0].ID != "F" || v.FunderRows[0].AmountGBP != 2500 || v.FunderRows[1].AmountGBP != 50 {
		t.Errorf("funders %+v, want F (2500) then G (50)", v.FunderRows)
	}
	// Below the rule: 19 grants are not enough for one organisation.
	small := graph.NewNetwork()
	for _, id := range []string{"F", "C"} {
		_ = small.AddOrganisation(graph.Organisation{ID: id})
	}
	_ = small.AddPartnership(graph.Partnership{ID: "fc", Source: "F", Target: "C", Kind: "shared_service"})
	for k := 1; k <= 19; k++ {
		r := fmt.Sprintf("R%d", k)
		_ = small.AddOrganisation(graph.Organisation{ID: r})
		_ = small.AddPartnership(graph.Partnership{ID: "g" + r, Source: "F", Target: r, Kind: "grant"})
		_ = small.AddPartnership(graph.Partnership{ID: "p" + r, Source: "C", Target: r, Kind: "joint_plan"})
	}
	if ls := engine.SplitLayers(small); ls.Split {
		t.Errorf("19 grants (half of F's ties, 19 of 39 ties) split the layers: %s", ls.Reason)
	}
}

// TestBrokerLinks: broker b (council) with partners a1, a2 (agency), c1,
// c2 (council) and t1 (third sector). Open pairs by group pair, worked by
// hand: agency-agency 1 (a1-a2), agency-council 4, agency-third 2,
// council-third 2, council-council left out (b's own group). With a1-c1
// and a2-c2 tied, agency-council falls to 2 and ties agency-third at 2:
// names break the tie (agency/council before agency/third_sector); with
// a1-c2 tied as well it falls to 1 and agency-third leads.
func TestBrokerLinks(t *testing.T) {
	build := func(extra ...[2]string) (*graph.Snapshot, []string, int) {
		net := graph.NewNetwork()
		ids := []string{"b", "a1", "a2", "c1", "c2", "t1"}
		sectors := []string{"council", "agency", "agency", "council", "council", "third_sector"}
		for k, id := range ids {
			if err := net.AddOrganisation(graph.Organisation{ID: id, Sector: sectors[k]}); err != nil {
				t.Fatal(err)
			}
		}
		ties := append([][2]string{{"b", "a1"}, {"b", "a2"}, {"b", "c1"}, {"b", "c2"}, {"b", "t1"}}, extra...)
		for k, p := range ties {
			if err := net.AddPartnership(graph.Partnership{ID: fmt.Sprint(k), Source: p[0], Target: p[1], Kind: "joint_plan"}); err != nil {
				t.Fatal(err)
			}
		}
		return net.Snapshot(graph.Weighting{}), sectors, 0
	}
	for _, c := range []struct {
		extra [][2]string
		want  brokerLink
	}{
		{nil, brokerLink{"agency", "council", 4}},
		{[][2]string{{"a1", "c1"}, {"a2", "c2"}}, brokerLink{"agency", "council", 2}},
		{[][2]string{{"a1", "c1"}, {"a2", "c2"}, {"a1", "c2"}}, brokerLink{"agency", "third_sector", 2}},
	} {
		s, groups, b := build(c.extra...)
		got, ok := brokerLinks(s, groups, b)
		if !ok || got != c.want {
			t.Errorf("with %v tied: %+v, want %+v", c.extra, got, c.want)
		}
	}
	if w := linkWords(brokerLink{"agency", "council", 4}); w != "agency with council organisations" {
		t.Errorf("linkWords = %q", w)
	}
}
