package groups

import (
	"context"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// The cached distances (matrix below distMatrixLimit, unit-vector chords
// above) must equal Haversine, which TestHaversine checks against
// published distances.
func TestGroupDistanceCacheMatchesHaversine(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var ids []string
	loc := map[string][2]float64{}
	for i := 0; i < 40; i++ {
		id := string(rune('A'+i/26)) + string(rune('a'+i%26))
		ids = append(ids, id)
		if i%7 != 3 { // some without a location
			loc[id] = [2]float64{49.9 + rng.Float64()*5.9, -5.7 + rng.Float64()*7.5}
		}
	}
	net := councilNet(t, ids, nil, loc)
	p, err := newGroupProblem(newRound(net, Options{}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.dist == nil {
		t.Fatal("no distance matrix for 40 organisations")
	}
	for a := range p.orgs {
		for b := range p.orgs {
			oa, ob := net.Organisation(p.orgs[a]), net.Organisation(p.orgs[b])
			want := math.Inf(1)
			if oa.HasLocation && ob.HasLocation {
				want = Haversine(oa.Lat, oa.Lon, ob.Lat, ob.Lon)
			}
			for _, got := range []float64{p.distance(a, b), p.chordDistance(a, b)} {
				if math.IsInf(want, 1) != math.IsInf(got, 1) || (!math.IsInf(want, 1) && math.Abs(got-want) > 1e-9*math.Max(1, want)) {
					t.Fatalf("%s-%s: cached %v, haversine %v", oa.ID, ob.ID, got, want)
				}
			}
		}
	}
}

// The memoised local search must give what the unmemoised one gives.
func TestGroupImproveMemo(t *testing.T) {
	net, _ := randomCouncils(t, 30, 9)
	p, err := newGroupProblem(newRound(net, Options{}), Options{Tier: TierSmall})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.candidateRuns(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(p.improved) == 0 {
		t.Fatal("nothing memoised")
	}
	for key, got := range p.improved {
		var g []int
		for _, x := range strings.Split(key, ",") {
			v, err := strconv.Atoi(x)
			if err != nil {
				t.Fatal(err)
			}
			g = append(g, v)
		}
		if want := p.improveFrom(g, nil); groupKey(want) != groupKey(got) {
			t.Errorf("improve(%s) memoised %v, recomputed %v", key, got, want)
		}
	}
}
