package groups

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/partnet/partnet/graph"
)

// randomRound is randomCouncils plus arrangements of every depth (shared
// management pairs, shared services, joint plans, a statutory area) and a
// third-sector body funded by grants from some councils.
func randomRound(t *testing.T, n int, seed uint64) (*graph.Network, [][2]string) {
	net, adj := randomCouncils(t, n, seed)
	r := rand.New(rand.NewPCG(seed, 17))
	kinds := []string{"shared_management", "shared_service", "joint_plan", "statutory_body"}
	for a := 0; a < n/3; a++ {
		kind := kinds[r.IntN(len(kinds))]
		size := 2 + r.IntN(3)
		if kind == "statutory_body" {
			size = 6 + r.IntN(6)
		}
		id := fmt.Sprintf("A%d", a)
		if err := net.AddArrangement(graph.Arrangement{ID: id, Kind: kind}); err != nil {
			t.Fatal(err)
		}
		first := r.IntN(n)
		for k := 0; k < size; k++ { // mostly neighbours by index, sometimes far
			m := (first + k) % n
			if r.Float64() < 0.2 {
				m = r.IntN(n)
			}
			_ = net.AddMembership(graph.Membership{ArrangementID: id, OrganisationID: fmt.Sprintf("E%08d", m)})
		}
	}
	if err := net.AddOrganisation(graph.Organisation{ID: "charity", Sector: graph.SectorThirdSector}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i += 3 {
		if err := net.AddPartnership(graph.Partnership{Source: fmt.Sprintf("E%08d", i), Target: "charity", Kind: KindGrant, Weight: 5}); err != nil {
			t.Fatal(err)
		}
	}
	return net, adj
}

// TestGroupSelectionProperties: on random networks, every constraint holds
// and no candidate of the pool left out of the shortlist could be swapped
// in (taking out the chosen groups it overlaps and, over the count limit,
// the weakest other) to raise the total score; on pools small enough, the
// total equals the best over every subset of the pool.
func TestGroupSelectionProperties(t *testing.T) {
	checked, cut := 0, 0
	for seed := uint64(1); seed <= 16; seed++ {
		net, adj := randomRound(t, 24, seed)
		rng := rand.New(rand.NewPCG(seed, 23))
		pick := func() string { return fmt.Sprintf("E%08d", rng.IntN(24)) }
		opts := Options{Tier: []Tier{TierLarge, TierSmall, TierCustom}[seed%3], Seeds: 2, Seed: seed, ExactLimit: -1,
			CannotLink: [][2]string{{pick(), pick()}}, MustLink: [][2]string{{pick(), pick()}}, Exclude: []string{pick()},
			MaxGroups: []int{0, 2, 3, 5}[seed%4], PoolLimit: 3000}
		if seed%5 == 2 {
			opts.Adjacency, opts.RequireAdjacent = adj, true
		}
		if opts.MustLink[0] == opts.CannotLink[0] || opts.MustLink[0][0] == opts.MustLink[0][1] {
			continue
		}
		r := newRound(net, opts)
		p, err := newGroupProblem(r, opts)
		if err != nil {
			t.Logf("seed %d: %v", seed, err)
			continue
		}
		runs, err := p.candidateRuns(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pool, _ := p.candidatePool(runs)
		sel := p.selectExact(pool, 0)
		if !sel.exact || sel.bound != sel.total {
			t.Fatalf("seed %d: selection not exact on %d candidates", seed, len(pool))
		}
		checkSelection(t, p, pool, sel, seed)
		// The same through Groups: every hard rule holds.
		res, err := Search(context.Background(), net, nil, opts)
		if err != nil {
			t.Fatal(err)
		}
		checkGroupRules(t, net, res, opts, adj)
		if res.Selection != "exact" || res.Total != sel.total {
			t.Errorf("seed %d: Groups selection %q total %v, direct %v", seed, res.Selection, res.Total, sel.total)
		}
		// A search cut short keeps its first (greedy) set and states a
		// bound no lower than the optimum.
		short := p.selectExact(pool, 50)
		if short.total > sel.total+1e-9 || short.bound < sel.total-1e-9 || (len(pool) > 0 && len(short.groups) == 0) {
			t.Errorf("seed %d: cut-short total %v bound %v (%d groups), optimum %v", seed, short.total, short.bound, len(short.groups), sel.total)
		}
		if !short.exact {
			cut++
			if st := short.statement(); !strings.HasPrefix(st, "within ") {
				t.Errorf("seed %d: cut-short statement %q", seed, st)
			}
		}
		checked++
	}
	if checked < 10 || cut == 0 {
		t.Fatalf("only %d networks checked, %d searches cut short", checked, cut)
	}
}

func checkSelection(t *testing.T, p *groupProblem, pool [][]int, sel selection, seed uint64) {
	t.Helper()
	if len(sel.groups) > p.maxGroups {
		t.Errorf("seed %d: %d groups, over %d", seed, len(sel.groups), p.maxGroups)
	}
	inPool := map[string]bool{}
	for _, g := range pool {
		inPool[groupKey(g)] = true
	}
	used := map[int]bool{}
	total := 0.0
	for _, g := range sel.groups {
		if !inPool[groupKey(g)] || !p.valid(g) {
			t.Errorf("seed %d: chosen %v not a valid pool candidate", seed, g)
		}
		for _, x := range g {
			if used[x] {
				t.Errorf("seed %d: %d in two groups", seed, x)
			}
			used[x] = true
		}
		total += p.score(g).Total
	}
	if d := total - sel.total; d > 1e-9 || d < -1e-9 {
		t.Errorf("seed %d: total %v, groups add to %v", seed, sel.total, total)
	}
	overlaps := func(a, b []int) bool {
		return slices.ContainsFunc(a, func(x int) bool { return slices.Contains(b, x) })
	}
	for _, c := range pool {
		if slices.ContainsFunc(sel.groups, func(g []int) bool { return groupKey(g) == groupKey(c) }) {
			continue
		}
		var kept [][]int
		for _, g := range sel.groups {
			if !overlaps(g, c) {
				kept = append(kept, g)
			}
		}
		if len(kept)+1 > p.maxGroups { // drop the weakest kept group
			slices.SortFunc(kept, func(a, b []int) int {
				if sa, sb := p.score(a).Total, p.score(b).Total; sa != sb {
					if sa < sb {
						return -1
					}
					return 1
				}
				return 0
			})
			kept = kept[1:]
		}
		swapped := p.score(c).Total
		for _, g := range kept {
			swapped += p.score(g).Total
		}
		if swapped > sel.total+1e-9 {
			t.Errorf("seed %d: swapping in %v gives %.4f > %.4f", seed, c, swapped, sel.total)
		}
	}
	// Brute force over every subset of the positive candidates when few.
	var pos [][]int
	for _, g := range pool {
		if p.score(g).Total > 0 {
			pos = append(pos, g)
		}
	}
	if len(pos) > 18 {
		return
	}
	best := 0.0
	for mask := 0; mask < 1<<len(pos); mask++ {
		seen := map[int]bool{}
		ok, count, sum := true, 0, 0.0
		for i := 0; i < len(pos) && ok; i++ {
			if mask&(1<<i) == 0 {
				continue
			}
			count++
			sum += p.score(pos[i]).Total
			for _, x := range pos[i] {
				ok = ok && !seen[x]
				seen[x] = true
			}
		}
		if ok && count <= p.maxGroups && sum > best {
			best = sum
		}
	}
	if d := best - sel.total; d > 1e-9 || d < -1e-9 {
		t.Errorf("seed %d: brute force best %v, selection %v", seed, best, sel.total)
	}
}
