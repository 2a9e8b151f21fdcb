package groups

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/partnet/partnet/graph"
)

// councilNet builds a network of councils with the given ids (optionally
// located) and shared-service partnerships of the given base weights.
type tie struct {
	a, b string
	w    float64
}

func councilNet(t testing.TB, ids []string, ties []tie, loc map[string][2]float64) *graph.Network {
	t.Helper()
	net := graph.NewNetwork()
	for _, id := range ids {
		o := graph.Organisation{ID: id, Name: "Council " + id, Sector: graph.SectorCouncil, Type: "district", Population: 100_000}
		if p, ok := loc[id]; ok {
			o.Lat, o.Lon, o.HasLocation = p[0], p[1], true
		}
		if err := net.AddOrganisation(o); err != nil {
			t.Fatal(err)
		}
	}
	for k, x := range ties {
		if err := net.AddPartnership(graph.Partnership{ID: fmt.Sprintf("p%d", k), Source: x.a, Target: x.b, Kind: "shared_service", Weight: x.w}); err != nil {
			t.Fatal(err)
		}
	}
	return net
}

func memberIDs(net *graph.Network, g Group) []string {
	var out []string
	for _, m := range g.Members {
		out = append(out, net.Organisation(m).ID)
	}
	return out
}

// twoTriangles: A-B-C and D-E-F, every pair a shared service (base 1,
// kind weight 3), and a weak C-D tie (base 1/6, so 0.5).
func twoTriangles(t testing.TB) *graph.Network {
	ids := []string{"A", "B", "C", "D", "E", "F"}
	ties := []tie{{"A", "B", 1}, {"B", "C", 1}, {"A", "C", 1}, {"D", "E", 1}, {"E", "F", 1}, {"D", "F", 1}, {"C", "D", 1.0 / 6}}
	return councilNet(t, ids, ties, nil)
}

func TestGroupsTwoTriangles(t *testing.T) {
	net := twoTriangles(t)
	s := net.Snapshot(graph.Weighting{})
	for _, exact := range []int{0, -1} {
		res, err := Search(context.Background(), net, s, Options{Tier: TierSmall, ExactLimit: exact})
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprint(memberIDs(net, res.Groups[0]), memberIDs(net, res.Groups[1]), len(res.Groups))
		if want := "[A B C] [D E F] 2"; got != want {
			t.Errorf("method %s: groups %s, want %s", res.Method, got, want)
		}
		// Worked by hand for {A,B,C}: W = 3 x 3 = 9 over k = 3; strengths
		// A 6, B 6, C 6.5; every pair tied; every member has 6 inside;
		// every member's deepest tie is a shared service (depth 0.75); no
		// locations, so compactness is unknown (0).
		sc := res.Groups[0].Score
		want := Score{Collaboration: 1 - math.Exp(-3), Cohesion: 18 / 18.5, Density: 1, WeakestLink: 0, Depth: 0.75}
		want.Total = 40*want.Collaboration + 15*want.Cohesion + 10 + 10*0.75
		if math.Abs(sc.Total-want.Total) > 1e-9 || math.Abs(sc.Cohesion-want.Cohesion) > 1e-12 || sc.Density != 1 || sc.WeakestLink != 0 || sc.Depth != 0.75 || sc.CompactnessKnown {
			t.Errorf("score %+v, want %+v", sc, want)
		}
		if len(res.Groups[0].Evidence) != 3 || !res.Groups[0].Connected {
			t.Errorf("evidence %d items, connected %v; want 3, true", len(res.Groups[0].Evidence), res.Groups[0].Connected)
		}
	}
}

func TestGroupsRules(t *testing.T) {
	net := twoTriangles(t)
	s := net.Snapshot(graph.Weighting{})
	ctx := context.Background()
	// Cannot-link A,B: the best small grouping keeps {D,E,F} and pairs
	// A or B with C.
	res, err := Search(ctx, net, s, Options{Tier: TierSmall, CannotLink: [][2]string{{"A", "B"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range res.Groups {
		ids := memberIDs(net, g)
		if slices.Contains(ids, "A") && slices.Contains(ids, "B") {
			t.Errorf("cannot-link A,B broken by %v", ids)
		}
	}
	// Must-link C,D and a maximum size of 3: C and D together.
	res, err = Search(ctx, net, s, Options{Tier: TierCustom, MinSize: 2, MaxSize: 3, MustLink: [][2]string{{"C", "D"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range res.Groups {
		ids := memberIDs(net, g)
		if slices.Contains(ids, "C") != slices.Contains(ids, "D") {
			t.Errorf("must-link C,D broken by %v", ids)
		}
	}
	// Excluded and taken organisations never appear.
	res, err = Search(ctx, net, s, Options{Tier: TierSmall, Exclude: []string{"A"}, Taken: []string{"E"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range res.Groups {
		ids := memberIDs(net, g)
		if slices.Contains(ids, "A") || slices.Contains(ids, "E") {
			t.Errorf("excluded/taken member in %v", ids)
		}
	}
	if _, err := Search(ctx, net, s, Options{RequireAdjacent: true}); err == nil {
		t.Error("require-adjacent without a table: no error")
	}
	if _, err := Search(ctx, net, s, Options{MustLink: [][2]string{{"A", "B"}}, CannotLink: [][2]string{{"A", "B"}}}); err == nil {
		t.Error("A,B both must-link and cannot-link: no error")
	}
}

// randomCouncils builds n located councils with random ties, favouring
// near neighbours, for property tests.
func randomCouncils(t testing.TB, n int, seed uint64) (*graph.Network, [][2]string) {
	r := rand.New(rand.NewPCG(seed, 3))
	ids := make([]string, n)
	loc := map[string][2]float64{}
	for i := range ids {
		ids[i] = fmt.Sprintf("E%08d", i)
		loc[ids[i]] = [2]float64{51 + 2*r.Float64(), -2 + 3*r.Float64()}
	}
	var ties []tie
	var adj [][2]string
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			d := Haversine(loc[ids[i]][0], loc[ids[i]][1], loc[ids[j]][0], loc[ids[j]][1])
			if d < 40 {
				adj = append(adj, [2]string{ids[i], ids[j]})
			}
			if r.Float64() < math.Exp(-d/30)*0.6 {
				ties = append(ties, tie{ids[i], ids[j], 0.2 + r.Float64()})
			}
		}
	}
	return councilNet(t, ids, ties, loc), adj
}

func TestGroupsPropertiesHold(t *testing.T) {
	for seed := uint64(1); seed <= 12; seed++ {
		net, adj := randomCouncils(t, 40, seed)
		s := net.Snapshot(graph.Weighting{})
		r := rand.New(rand.NewPCG(seed, 9))
		pick := func() string { return net.Organisation(r.IntN(40)).ID }
		opts := Options{
			Tier:       []Tier{TierLarge, TierSmall, TierCustom}[seed%3],
			CannotLink: [][2]string{{pick(), pick()}, {pick(), pick()}},
			MustLink:   [][2]string{{pick(), pick()}},
			Exclude:    []string{pick()},
			Seeds:      2,
			Seed:       seed,
		}
		if seed%2 == 0 {
			// The large-network settings the report uses.
			opts.LeidenIterations, opts.ImproveLimit = 1, 2
		}
		switch seed % 4 {
		case 1:
			opts.MaxDistanceKm = 60
		case 2:
			opts.Adjacency, opts.RequireAdjacent = adj, true
		case 3:
			opts.PreferNear = true
		}
		if opts.MustLink[0][0] == opts.CannotLink[0][0] && opts.MustLink[0][1] == opts.CannotLink[0][1] {
			continue
		}
		res, err := Search(context.Background(), net, s, opts)
		if err != nil {
			t.Logf("seed %d: %v", seed, err)
			continue
		}
		checkGroupRules(t, net, res, opts, adj)
	}
}

// TestImproveLimit: with ImproveLimit k only the k best candidates by
// their score before improvement go through local moves; the rest are
// left as they were.
func TestImproveLimit(t *testing.T) {
	net, _ := randomCouncils(t, 60, 4)
	for _, k := range []int{0, 1, 3} {
		p, err := newGroupProblem(newRound(net, Options{}), Options{Tier: TierSmall, ImproveLimit: k})
		if err != nil {
			t.Fatal(err)
		}
		// Candidates: consecutive pairs and triples of eligible councils
		// that are valid groups.
		var groups [][]int
		for i := 0; i+3 <= len(p.orgs); i += 3 {
			if g := p.repair([]int{i, i + 1, i + 2}); g != nil {
				groups = append(groups, g)
			}
		}
		if len(groups) < 5 {
			t.Fatalf("only %d candidates", len(groups))
		}
		before := make([][]int, len(groups))
		pre := make([]float64, len(groups))
		for i, g := range groups {
			before[i], pre[i] = slices.Clone(g), p.score(g).Total
		}
		p.improveBest(groups)
		limit := k
		if k == 0 {
			limit = len(groups)
		}
		if got := len(p.improved); got > limit {
			t.Errorf("k=%d: %d candidates improved, want at most %d", k, got, limit)
		}
		// Every candidate not among the best k by pre-improvement score is
		// untouched; the best one always went through local moves (its
		// improved form is cached).
		best := 0
		for i := range pre {
			if pre[i] > pre[best] {
				best = i
			}
		}
		if _, ok := p.improved[groupKey(before[best])]; !ok {
			t.Errorf("k=%d: the best candidate was not improved", k)
		}
		for i := range groups {
			above := 0
			for j := range pre {
				if pre[j] > pre[i] {
					above++
				}
			}
			if above >= limit && !slices.Equal(groups[i], before[i]) {
				t.Errorf("k=%d: candidate %d (rank %d by score) changed without being among the best", k, i, above+1)
			}
		}
	}
}

// checkGroupRules checks every hard rule on a result, independently of the
// search's own checks.
func checkGroupRules(t *testing.T, net *graph.Network, res *Result, opts Options, adj [][2]string) {
	t.Helper()
	if len(res.Groups) > res.MaxGroups {
		t.Errorf("%d groups, over the maximum %d", len(res.Groups), res.MaxGroups)
	}
	border := map[[2]string]bool{}
	for _, p := range adj {
		border[p], border[[2]string{p[1], p[0]}] = true, true
	}
	placed := map[string]bool{}
	for _, g := range res.Groups {
		ids := memberIDs(net, g)
		if len(ids) < res.MinSize || len(ids) > res.MaxSize {
			t.Errorf("group %v: size out of %d..%d", ids, res.MinSize, res.MaxSize)
		}
		for _, id := range ids {
			if placed[id] {
				t.Errorf("%s in two groups", id)
			}
			placed[id] = true
			if slices.Contains(opts.Exclude, id) {
				t.Errorf("excluded %s placed", id)
			}
			if net.OrganisationByID(id).Sector != graph.SectorCouncil {
				t.Errorf("%s is not a council", id)
			}
		}
		for _, p := range opts.CannotLink {
			if p[0] != p[1] && slices.Contains(ids, p[0]) && slices.Contains(ids, p[1]) {
				t.Errorf("cannot-link %v inside %v", p, ids)
			}
		}
		for _, p := range opts.MustLink {
			if slices.Contains(ids, p[0]) != slices.Contains(ids, p[1]) {
				t.Errorf("must-link %v split by %v", p, ids)
			}
		}
		if opts.MaxDistanceKm > 0 {
			for _, a := range ids {
				for _, b := range ids {
					oa, ob := net.OrganisationByID(a), net.OrganisationByID(b)
					if d := Haversine(oa.Lat, oa.Lon, ob.Lat, ob.Lon); d > opts.MaxDistanceKm {
						t.Errorf("%s and %s are %.1f km apart, over %v", a, b, d, opts.MaxDistanceKm)
					}
				}
			}
		}
		if opts.RequireAdjacent {
			seen := map[string]bool{ids[0]: true}
			stack := []string{ids[0]}
			for len(stack) > 0 {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for _, y := range ids {
					if !seen[y] && border[[2]string{x, y}] {
						seen[y] = true
						stack = append(stack, y)
					}
				}
			}
			if len(seen) != len(ids) {
				t.Errorf("group %v not connected through borders", ids)
			}
		}
	}
}

func TestGroupsExactMatchesHeuristic(t *testing.T) {
	// On small random networks the heuristic's best group should score as
	// well as the exact optimum's best group in most cases; it must never
	// beat the exact total (that would mean the exact method is wrong).
	worse := 0
	for seed := uint64(1); seed <= 10; seed++ {
		net, _ := randomCouncils(t, 11, seed+100)
		s := net.Snapshot(graph.Weighting{})
		ex, err := Search(context.Background(), net, s, Options{Tier: TierSmall, MaxGroups: 3})
		if err != nil {
			t.Fatal(err)
		}
		he, err := Search(context.Background(), net, s, Options{Tier: TierSmall, MaxGroups: 3, ExactLimit: -1})
		if err != nil {
			t.Fatal(err)
		}
		total := func(r *Result) (x float64) {
			for _, g := range r.Groups {
				x += g.Score.Total
			}
			return x
		}
		if total(he) > total(ex)+1e-9 {
			t.Errorf("seed %d: heuristic total %v beats exact %v", seed, total(he), total(ex))
		}
		if total(he) < total(ex)-1e-9 {
			worse++
		}
	}
	if worse > 5 {
		t.Errorf("heuristic below the exact optimum on %d of 10 networks", worse)
	}
	t.Logf("heuristic below exact on %d of 10 small networks", worse)
}

func TestGroupsRowOrder(t *testing.T) {
	base, _ := randomCouncils(t, 40, 77)
	s := base.Snapshot(graph.Weighting{})
	want := groupSignature(t, base, s)
	// Rebuild with organisations and partnerships in reverse order.
	rev := graph.NewNetwork()
	for i := base.NumOrganisations() - 1; i >= 0; i-- {
		if err := rev.AddOrganisation(*base.Organisation(i)); err != nil {
			t.Fatal(err)
		}
	}
	for i := base.NumPartnerships() - 1; i >= 0; i-- {
		p := base.Partnership(i)
		p.Source, p.Target = p.Target, p.Source
		if err := rev.AddPartnership(p); err != nil {
			t.Fatal(err)
		}
	}
	if got := groupSignature(t, rev, rev.Snapshot(graph.Weighting{})); got != want {
		t.Errorf("reversed rows:\n%s\nwant\n%s", got, want)
	}
}

func groupSignature(t *testing.T, net *graph.Network, s *graph.Snapshot) string {
	res, err := Search(context.Background(), net, s, Options{Tier: TierSmall, Seeds: 2})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, g := range res.Groups {
		out = append(out, fmt.Sprintf("%v %.9f", memberIDs(net, g), g.Score.Total))
	}
	sort.Strings(out)
	return fmt.Sprint(out)
}

// TestGroupsRealBorders runs the border rule on England's real district
// borders (testdata/england_lad24_borders.csv, see testdata/SOURCES.md).
func TestGroupsRealBorders(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "england_lad24_borders.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	rows = rows[1:]
	idSet := map[string]bool{}
	var adj [][2]string
	for _, r := range rows {
		if r[0][0] == 'E' && r[1][0] == 'E' {
			adj = append(adj, [2]string{r[0], r[1]})
			idSet[r[0]], idSet[r[1]] = true, true
		}
	}
	ids := make([]string, 0, len(idSet))
	for id := range idSet {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// Ties: 40% of bordering pairs, plus random long-range ties that a
	// border rule must not follow.
	r := rand.New(rand.NewPCG(5, 5))
	var ties []tie
	for _, p := range adj {
		if r.Float64() < 0.4 {
			ties = append(ties, tie{p[0], p[1], 0.5 + r.Float64()})
		}
	}
	for range len(ids) {
		a, b := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]
		if a != b {
			ties = append(ties, tie{a, b, 2})
		}
	}
	net := councilNet(t, ids, ties, nil)
	s := net.Snapshot(graph.Weighting{})
	for _, tier := range []Tier{TierLarge, TierSmall} {
		opts := Options{Tier: tier, Adjacency: adj, RequireAdjacent: true, Seeds: 1, Resolutions: []float64{1, 4}}
		res, err := Search(context.Background(), net, s, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Groups) == 0 {
			t.Errorf("tier %s: no groups on %d English districts", tier, len(ids))
		}
		checkGroupRules(t, net, res, opts, adj)
	}
}

func TestGroupTiersDisjoint(t *testing.T) {
	net, _ := randomCouncils(t, 40, 8)
	s := net.Snapshot(graph.Weighting{})
	res, err := SearchTiers(context.Background(), net, s, []Options{{Tier: TierLarge, Seeds: 2}, {Tier: TierSmall, Seeds: 2}})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]string{}
	for _, r := range res {
		for _, g := range r.Groups {
			for _, m := range g.Members {
				if prev, ok := seen[m]; ok {
					t.Errorf("organisation %d in %s and %s", m, prev, g.ID)
				}
				seen[m] = g.ID
			}
		}
	}
}

func TestHaversine(t *testing.T) {
	// London (51.5074, -0.1278) to Manchester (53.4808, -2.2426): about
	// 262 km by great circle (published figures 262-263 km).
	if d := Haversine(51.5074, -0.1278, 53.4808, -2.2426); math.Abs(d-262) > 1.5 {
		t.Errorf("London-Manchester = %.1f km, want about 262", d)
	}
	// A quarter meridian: pi/2 x 6371.0088.
	if d := Haversine(0, 0, 90, 0); math.Abs(d-math.Pi/2*6371.0088) > 1e-6 {
		t.Errorf("equator to pole = %v", d)
	}
}

func ExampleSearch() {
	net := graph.NewNetwork()
	for _, id := range []string{"A", "B", "C", "D", "E", "F"} {
		_ = net.AddOrganisation(graph.Organisation{ID: id, Sector: graph.SectorCouncil})
	}
	for _, p := range [][2]string{{"A", "B"}, {"B", "C"}, {"A", "C"}, {"D", "E"}, {"E", "F"}, {"D", "F"}} {
		_ = net.AddPartnership(graph.Partnership{Source: p[0], Target: p[1], Kind: "shared_service"})
	}
	s := net.Snapshot(graph.Weighting{})
	res, _ := Search(context.Background(), net, s, Options{Tier: TierSmall})
	for _, g := range res.Groups {
		fmt.Printf("%s %v %.1f\n", g.ID, g.Members, g.Score.Total)
	}
	fmt.Println(res.Method)
	// Each triangle: collaboration 1 - exp(-9/3) (38.01) + cohesion 1 (15)
	// + density 1 (10) + depth 0.75 for shared services (7.5); no
	// locations, so compactness is unknown (0): 70.51.

	// Output:
	// small-1 [0 1 2] 70.5
	// small-2 [3 4 5] 70.5
	// exact
}
