package batch

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// A tiny spec: the hand-made network of cmd/partnet's tests (three
// regions: North, South, East), two seeds, both tiers.
const clustersSpec = `
name: clusters
datasets: [../../cmd/partnet/testdata/groups_small]
analyses: [clusters, groups]
parameters:
  seed: [1, 2]
  tier: [large, small]
`

func TestClustersAndGroupsAnalyses(t *testing.T) {
	spec, err := ParseSpec([]byte(clustersSpec), "spec.yaml", ".")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	man, err := Execute(context.Background(), spec, Options{OutDir: out, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(man.Runs) != 4 {
		t.Fatalf("%d runs, want 4", len(man.Runs))
	}
	for _, r := range man.Runs {
		if r.Status != StatusOK {
			t.Fatalf("run %s: %s %s", r.Run.ID, r.Status, r.Error)
		}
		got := map[string]float64{}
		for _, m := range r.Metrics {
			got[m.Analysis+"."+m.Metric] = m.Value
		}
		// The network has 14 organisations in three connected blocks
		// (North with its carers' charity, South, East with its advice
		// centre); Leiden finds them.
		for name, want := range map[string]float64{"clusters.clusters": 3, "clusters.singletons": 0, "clusters.largest_cluster": 6} {
			if got[name] != want {
				t.Errorf("run %s: %s = %v, want %v", r.Run.ID, name, got[name], want)
			}
		}
		if q := got["clusters.modularity"]; q <= 0.3 || q > 1 {
			t.Errorf("run %s: modularity %v", r.Run.ID, q)
		}
		if _, ok := got["clusters.nmi_region"]; !ok {
			t.Errorf("run %s: no nmi_region", r.Run.ID)
		}
		// 12 councils; the large tier (exact search) makes three groups of
		// three (Southern partnership, Northfield-Norbury-county,
		// Nettlecombe-Newhaven-North Marsh); the small tier a group per
		// shared service or plan.
		switch r.Run.Tier {
		case "large":
			if got["groups.groups"] != 3 || got["groups.members_grouped"] != 9 {
				t.Errorf("run %s: large tier %v groups, %v members; want 3 and 9", r.Run.ID, got["groups.groups"], got["groups.members_grouped"])
			}
		case "small":
			if got["groups.groups"] < 3 {
				t.Errorf("run %s: small tier %v groups", r.Run.ID, got["groups.groups"])
			}
		}
		if got["groups.top_score"] < got["groups.mean_score"] || got["groups.top_score"] <= 0 {
			t.Errorf("run %s: top %v, mean %v", r.Run.ID, got["groups.top_score"], got["groups.mean_score"])
		}
		for _, f := range []string{"clusters.json", "clusters.csv", "groups.json", "groups.csv"} {
			data, err := os.ReadFile(filepath.Join(out, "runs", r.Run.ID, f))
			if err != nil || len(data) == 0 {
				t.Errorf("run %s: %s: %v", r.Run.ID, f, err)
			}
			if filepath.Ext(f) == ".json" && !json.Valid(data) {
				t.Errorf("run %s: %s is not JSON", r.Run.ID, f)
			}
		}
	}
}
