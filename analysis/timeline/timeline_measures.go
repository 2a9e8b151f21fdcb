package timeline

import (
	"cmp"
	"slices"

	"github.com/partnet/partnet/analysis"
	"github.com/partnet/partnet/graph"
)

// Period holds the change measures of one snapshot date. Counts of change
// (formed, ended, joined, left, degree changes, newly central) compare the
// snapshot with the one before it and are zero or empty for the first date.
// JSON field names are a stable contract.
type Period struct {
	Date string
	// Organisations is how many organisations existed on Date.
	Organisations int
	// OrganisationsJoined existed on Date but not on the previous date;
	// OrganisationsLeft the other way round.
	OrganisationsJoined int
	OrganisationsLeft   int
	// Ties is the number of distinct tied pairs active on Date.
	Ties int
	// TiesFormed are pairs tied on Date but not on the previous date;
	// TiesEnded the other way round.
	TiesFormed int
	TiesEnded  int
	// Density is Ties / (n(n-1)/2) over the n organisations existing on
	// Date; WeightedDensity is total tie weight over the same pairs. Both
	// are 0 when n < 2.
	Density         float64
	WeightedDensity float64
	// Components counts connected components (an isolated organisation is
	// one); LargestComponent is the size of the largest.
	Components       int
	LargestComponent int
	Isolated         int
	// AverageClustering is the mean local clustering coefficient over all
	// organisations, counting those with fewer than two ties as 0 (the
	// networkx convention), ignoring weights.
	AverageClustering float64
	// Clusters is the number of clusters found on Date (0 when clusters
	// were not tracked).
	Clusters int
	// SectorDensity is the block density between and within sectors.
	SectorDensity []BlockDensity
	// DegreeChanges are the organisations, existing on both dates, whose
	// number of ties changed most, largest change first.
	DegreeChanges []DegreeChange
	// NewlyCentral are organisations among the most central on Date (by
	// strength, see Options.CentralTop) that were not on the
	// previous date.
	NewlyCentral []CentralOrganisation
}

// BlockDensity is the density of ties between two sectors (or within one,
// when SectorA == SectorB). Pairs is the number of possible pairs:
// n_a x n_b between sectors, n(n-1)/2 within one.
type BlockDensity struct {
	SectorA         string
	SectorB         string
	Ties            int
	Pairs           int
	Density         float64
	WeightedDensity float64
}

// DegreeChange is an organisation whose number of ties changed between two
// dates.
type DegreeChange struct {
	ID     string
	Name   string
	Before int
	After  int
	Change int
}

// CentralOrganisation is an organisation ranked among the most central on
// a date, by strength (total tie weight).
type CentralOrganisation struct {
	ID       string
	Name     string
	Rank     int
	Degree   int
	Strength float64
}

// periodState is what the next period compares against, in the full
// network's organisation indices.
type periodState struct {
	active  []bool
	degree  []int
	ties    map[uint64]struct{}
	central map[int]bool
}

func pairKey(a, b int) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(uint32(b))
}

// measurePeriod computes ds's measures against prev (nil for the first
// date). full is the network the snapshot was taken from.
func measurePeriod(full *graph.Network, ds *DatedSnapshot, prev *periodState, top, centralTop int) (Period, *periodState) {
	s := ds.Snapshot
	p := Period{Date: formatDay(ds.Date), Organisations: s.N(), Ties: s.Ties(),
		DegreeChanges: []DegreeChange{}, NewlyCentral: []CentralOrganisation{}}
	st := &periodState{
		active: make([]bool, full.NumOrganisations()),
		degree: make([]int, full.NumOrganisations()),
		ties:   make(map[uint64]struct{}, s.Ties()),
	}
	for i, g := range ds.Orgs {
		st.active[g] = true
		st.degree[g] = s.Degree(i)
	}
	s.EachTie(func(i, j int, _ float64) { st.ties[pairKey(ds.Orgs[i], ds.Orgs[j])] = struct{}{} })
	p.Density, p.WeightedDensity = analysis.Density(s), analysis.WeightedDensity(s)
	comp := analysis.Components(s)
	p.Components = comp.Count
	for _, c := range comp.Sizes {
		p.LargestComponent = max(p.LargestComponent, c)
	}
	for i := 0; i < s.N(); i++ {
		if s.Degree(i) == 0 {
			p.Isolated++
		}
	}
	p.AverageClustering = timelineAverageClustering(s)
	p.SectorDensity = timelineBlockDensity(s, ds.Network.AttrColumn("sector"))
	ranked := centralRanking(ds, centralTop)
	st.central = make(map[int]bool, len(ranked))
	for _, c := range ranked {
		st.central[c.org] = true
	}
	if prev == nil {
		return p, st
	}
	for g := range st.active {
		switch {
		case st.active[g] && !prev.active[g]:
			p.OrganisationsJoined++
		case !st.active[g] && prev.active[g]:
			p.OrganisationsLeft++
		}
	}
	for k := range st.ties {
		if _, ok := prev.ties[k]; !ok {
			p.TiesFormed++
		}
	}
	for k := range prev.ties {
		if _, ok := st.ties[k]; !ok {
			p.TiesEnded++
		}
	}
	p.DegreeChanges = degreeChanges(full, st, prev, top)
	for _, c := range ranked {
		if !prev.central[c.org] {
			p.NewlyCentral = append(p.NewlyCentral, c.CentralOrganisation)
		}
	}
	return p, st
}

// degreeChanges lists the top organisations existing on both dates by
// absolute change in degree, then by id.
func degreeChanges(full *graph.Network, st, prev *periodState, top int) []DegreeChange {
	out := []DegreeChange{}
	for g := range st.active {
		if !st.active[g] || !prev.active[g] || st.degree[g] == prev.degree[g] {
			continue
		}
		o := full.Organisation(g)
		out = append(out, DegreeChange{ID: o.ID, Name: o.Name, Before: prev.degree[g], After: st.degree[g], Change: st.degree[g] - prev.degree[g]})
	}
	abs := func(x int) int { return max(x, -x) }
	slices.SortFunc(out, func(a, b DegreeChange) int {
		return cmp.Or(cmp.Compare(abs(b.Change), abs(a.Change)), cmp.Compare(b.Change, a.Change), cmp.Compare(a.ID, b.ID))
	})
	if len(out) > top {
		out = out[:top]
	}
	return out
}

type rankedOrg struct {
	CentralOrganisation
	org int
}

// centralRanking returns the top organisations by strength, then degree,
// then id; organisations without ties are never central.
func centralRanking(ds *DatedSnapshot, top int) []rankedOrg {
	s := ds.Snapshot
	var all []rankedOrg
	for i := 0; i < s.N(); i++ {
		if s.Degree(i) == 0 {
			continue
		}
		o := ds.Network.Organisation(i)
		all = append(all, rankedOrg{CentralOrganisation{ID: o.ID, Name: o.Name, Degree: s.Degree(i), Strength: s.Strength(i)}, ds.Orgs[i]})
	}
	slices.SortFunc(all, func(a, b rankedOrg) int {
		return cmp.Or(cmp.Compare(b.Strength, a.Strength), cmp.Compare(b.Degree, a.Degree), cmp.Compare(a.ID, b.ID))
	})
	if len(all) > top {
		all = all[:top]
	}
	for k := range all {
		all[k].Rank = k + 1
	}
	return all
}

// timelineAverageClustering is the mean over all nodes of the local
// clustering coefficient 2T(i) / (k_i (k_i - 1)), where T(i) counts the
// triangles through i; nodes with k_i < 2 count 0 (networkx's
// average_clustering, AverageClustering's default). An empty snapshot gives
// 0 rather than NaN, so the per-date table stays numeric.
func timelineAverageClustering(s *graph.Snapshot) float64 {
	if s.N() == 0 {
		return 0
	}
	return analysis.AverageClustering(s, analysis.ClusteringOptions{})
}

// timelineBlockDensity lists Blocks' densities within and between the
// groups named by label (one per node; "" reads "(none)"), for every pair of
// groups with at least one possible pair, ordered by group names.
func timelineBlockDensity(s *graph.Snapshot, label []string) []BlockDensity {
	m, err := analysis.Blocks(s, label)
	if err != nil {
		return []BlockDensity{}
	}
	name := func(g string) string {
		if g == "" {
			return "(none)"
		}
		return g
	}
	out := []BlockDensity{}
	for a := range m.Groups {
		for b := a; b < len(m.Groups); b++ {
			if m.Pairs[a][b] == 0 {
				continue
			}
			out = append(out, BlockDensity{SectorA: name(m.Groups[a]), SectorB: name(m.Groups[b]), Ties: m.Ties[a][b], Pairs: m.Pairs[a][b],
				Density: m.Density[a][b], WeightedDensity: m.WeightedDensity[a][b]})
		}
	}
	return out
}
