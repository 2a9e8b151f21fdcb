package engine

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/datasets/synthetic"
	"github.com/partnet/partnet/graph"
)

func TestBetweennessSamples(t *testing.T) {
	// sources x ties stays within 10^8: 100 sources up to 1M ties, then
	// 10^8 / ties, never fewer than 10.
	// Exact (0) up to ExactBetweennessLimit organisations.
	cases := []struct{ n, ties, want int }{
		{10, 20, 0}, {5000, 1_000_000, 0},
		{5001, 0, 100}, {6000, 50_000, 100}, {100_000, 1_000_000, 100}, {100_000, 2_000_000, 50},
		{1_000_000, 9_529_089, 10}, {1_000_000, 50_000_000, 10},
	}
	for _, c := range cases {
		if got := BetweennessSamples(c.n, c.ties); got != c.want {
			t.Errorf("BetweennessSamples(%d, %d) = %d, want %d", c.n, c.ties, got, c.want)
		}
	}
}

// TestReportLargeConcurrent: above LargeNetwork clustering and the group
// search run alongside the centralities; the results must be exactly those
// of each analysis run on its own with the settings the page states (run
// with -race to check the steps share nothing they write).
func TestReportLargeConcurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a network above LargeNetwork")
	}
	net, _, err := synthetic.Generate(synthetic.Options{Organisations: LargeNetwork + 500, Ties: 3 * (LargeNetwork + 500), Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	s := net.Snapshot(graph.Weighting{})
	ctx := context.Background()
	var phases []string
	res, err := Report(ctx, net, ReportOptions{Seed: 5, NoTimeline: true,
		Progress: func(p string, _, _ int) {
			if len(phases) == 0 || phases[len(phases)-1] != p {
				phases = append(phases, p)
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	lc, err := community.Leiden(ctx, s, community.LeidenOptions{Resolution: 1, Seed: 5, Iterations: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Clustering.Membership, lc.Membership) {
		t.Errorf("clusters differ from Leiden run alone with the stated settings")
	}
	g := groups.Options{Seed: 5, Sectors: []string{graph.SectorCouncil}}
	g.Resolutions, g.Seeds, g.LeidenIterations, g.ImproveLimit, g.ExactLimit, _ = largeGroupSearch(1)
	tiers := []groups.Options{g, g}
	tiers[0].Tier, tiers[1].Tier = groups.TierLarge, groups.TierSmall
	gr, err := groups.SearchTiers(ctx, net, s, tiers)
	if err != nil {
		t.Fatal(err)
	}
	for i := range gr {
		if len(gr[i].Groups) != len(res.Groups[i].Groups) {
			t.Fatalf("tier %d: %d groups, alone %d", i, len(res.Groups[i].Groups), len(gr[i].Groups))
		}
		for k := range gr[i].Groups {
			if !reflect.DeepEqual(gr[i].Groups[k].Members, res.Groups[i].Groups[k].Members) {
				t.Errorf("tier %d group %d differs from the search run alone", i, k)
			}
		}
	}
	bt, err := analysis.Betweenness(ctx, s, analysis.BetweennessOptions{Samples: BetweennessSamples(s.N(), s.Ties()), Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(bt.Raw, res.Betweenness.Raw) {
		t.Errorf("betweenness differs from a run alone")
	}
	roles, err := analysis.Brokerage(s, GroupColumn(net, "sector"))
	if err != nil {
		t.Fatal(err)
	}
	if res.By != "sector" || !reflect.DeepEqual(roles, res.Brokerage) {
		t.Errorf("brokerage over %q differs from a count alone over sector", res.By)
	}
	labels := []string{}
	for _, f := range res.Settings {
		labels = append(labels, f.Label)
	}
	if want := []string{"betweenness", "pagerank and eigenvector", "clusters", "candidate groups"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("settings %v, want %v in that order", labels, want)
	}
	// Progress came from this goroutine only, one phase at a time, ending
	// with the wait for the background steps.
	if len(phases) == 0 || phases[len(phases)-1] != "clusters and candidate groups" {
		t.Errorf("phases %q, want the last to be the wait for clusters and groups", phases)
	}
}

// TestTogether: the first failing step's error is returned, a real failure
// before the cancellations it caused, and every step has finished when it
// returns.
func TestTogether(t *testing.T) {
	boom := errors.New("boom")
	waitCancel := func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }
	ok := func(context.Context) error { return nil }
	fail := func(context.Context) error { return boom }
	cases := []struct {
		name  string
		first func(context.Context) error
		rest  []func(context.Context) error
		want  error
	}{
		{"all fine", ok, []func(context.Context) error{ok, ok}, nil},
		{"background fails, first waits", waitCancel, []func(context.Context) error{fail}, boom},
		{"first fails, background waits", fail, []func(context.Context) error{waitCancel, waitCancel}, boom},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := together(context.Background(), nil, c.first, c.rest...); !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
				t.Errorf("together = %v, want %v", err, c.want)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := together(ctx, nil, waitCancel, waitCancel); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled parent: %v, want context.Canceled", err)
	}
}
