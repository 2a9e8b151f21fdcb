package engine

import (
	"context"
	"errors"
	"testing"

	"github.com/partnet/partnet/analysis/groups"
)

// Every group search the engine runs takes its settings from defaults.go,
// explicitly (not through groups' zero-value fallbacks).
func TestGroupSearchBoundsFromDefaults(t *testing.T) {
	r, err := Data{}.prepare(bare(t))
	if err != nil {
		t.Fatal(err)
	}
	tiers, err := groupTiers(&r, GroupsOptions{Tiers: []groups.Tier{groups.TierLarge, groups.TierSmall}, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range tiers {
		if o.PoolLimit != GroupPoolLimit || o.SelectionWork != GroupSelectionWork || o.FrontierLimit != GroupFrontierLimit || o.Seeds != DefaultGroupSeeds || len(o.Resolutions) != len(GroupResolutions(0)) || o.Seed != 7 {
			t.Errorf("tier %s: bounds %d/%d/%d, seeds %d, resolutions %v, seed %d; want the engine's defaults",
				o.Tier, o.PoolLimit, o.SelectionWork, o.FrontierLimit, o.Seeds, o.Resolutions, o.Seed)
		}
	}
}

// Backtest and Potential are engine verbs: the weighting is parsed by
// graph.ParseWeighting (an unknown scheme or a bad kind weight is an
// OptionError), the defaults come from defaults.go, and what adapted to
// the data is a note.
func TestBacktestAndPotentialVerbs(t *testing.T) {
	ctx := context.Background()
	net := bare(t)
	for _, d := range []Data{{Scheme: "weights"}, {KindWeights: map[string]float64{"shared_service": -1}}} {
		_, err := Backtest(ctx, net, BacktestOptions{Data: d})
		var oe *OptionError
		if !errors.As(err, &oe) || !errors.Is(err, ErrOption) {
			t.Errorf("Backtest(%+v): %v, want an OptionError", d, err)
		}
	}
	// Undated data: no default day can be moved into its years.
	if _, err := Backtest(ctx, net, BacktestOptions{}); !errors.Is(err, ErrNoDates) {
		t.Errorf("Backtest on undated data: %v, want ErrNoDates", err)
	}
	res, err := Backtest(ctx, net, BacktestOptions{Dates: DefaultBacktestDates()})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(res.Pairs.Dates), len(DefaultBacktestDates()); got != want {
		t.Errorf("backtest dates: %d, want the %d defaults", got, want)
	}
	if got, want := len(res.Pairs.Rows), 2*len(DefaultBacktestDates())*len(DefaultBacktestKs()); got != want {
		t.Errorf("backtest rows: %d, want %d (two methods at every default date and K)", got, want)
	}
	if res.ReadyRounds != ReadyRounds || len(res.Settings) == 0 {
		t.Errorf("backtest result does not say how it ran: %q %v", res.ReadyRounds, res.Settings)
	}
	if _, err := Backtest(ctx, net, BacktestOptions{Tiers: []groups.Tier{"huge"}}); !errors.Is(err, ErrOption) {
		t.Errorf("tier huge: %v, want an option error", err)
	}

	p, err := Potential(ctx, net, PotentialOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !hasNote(p.Notes, "no border table") || !hasNote(p.Notes, "no sectors") {
		t.Errorf("potential notes %q: want the missing border table and the missing sectors", p.Notes)
	}
	if _, err := Potential(ctx, net, PotentialOptions{Exclude: []string{"nobody"}}); !errors.Is(err, ErrOption) {
		t.Errorf("exclude nobody: %v, want an option error", err)
	}
}
