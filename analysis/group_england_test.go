package analysis_test

import (
	"context"
	"testing"
	"time"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
)

func england(t *testing.T) *graph.Network {
	t.Helper()
	ds, err := datasets.Load("")
	if err != nil {
		t.Fatal(err)
	}
	return ds.Network
}

func TestDebugEngland2014(t *testing.T) {
	net := england(t)
	at := time.Date(2014, 4, 1, 0, 0, 0, 0, time.UTC)
	tiers := []analysis.GroupOptions{{Tier: analysis.TierLarge, At: at, Seed: 1}, {Tier: analysis.TierSmall, At: at, Seed: 1}}
	res, err := analysis.GroupTiers(context.Background(), net, nil, tiers)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		for _, g := range r.Groups {
			var names []string
			for _, m := range g.Members {
				names = append(names, net.Organisation(m).Name)
			}
			t.Logf("%s %.2f %+v %v", g.ID, g.Score.Total, g.Score.Cohesion, names)
		}
	}
	sc, ok, err := analysis.ScoreGroups(net, analysis.GroupOptions{Tier: analysis.TierSmall, At: at}, [][]string{{"E07000143", "E07000140"}})
	t.Logf("%+v %v %v", sc, ok, err)
}
