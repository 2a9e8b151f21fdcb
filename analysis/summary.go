package analysis

import (
	"cmp"
	"slices"

	"github.com/partnet/partnet/graph"
)

// Count is a label and how often it occurs.
type Count struct {
	Label string
	Count int
}

// Summary is the first look at a dataset: what it holds and how connected
// it is. Its JSON form (the output contract) is reports.SummaryView.
type Summary struct {
	Title         string
	Organisations int
	Partnerships  int
	Arrangements  int
	Memberships   int
	Ties          int
	Components    int
	Largest       int
	Isolated      int
	Density       float64
	// WeightedDensity is total tie weight over possible pairs n(n-1)/2.
	WeightedDensity float64
	BySector        []Count
	ByType          []Count
	// ByKind counts partnerships and arrangements by kind.
	ByKind []Count
}

// Summarize counts net's contents and measures s, a snapshot of net.
// Counts are sorted by count, largest first, then by label; an empty label
// is reported as "(none)". On an empty network every figure is 0.
func Summarize(net *graph.Network, s *graph.Snapshot) *Summary {
	sum := &Summary{
		Title:         net.Meta.Title,
		Organisations: net.NumOrganisations(),
		Partnerships:  net.NumPartnerships(),
		Arrangements:  net.NumArrangements(),
		Memberships:   len(net.Memberships()),
		Ties:          s.Ties(),
	}
	sum.Density, sum.WeightedDensity = Density(s), WeightedDensity(s)
	sectors, types, kinds := map[string]int{}, map[string]int{}, map[string]int{}
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		sectors[o.Sector]++
		types[o.Type]++
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		kinds[net.PartnershipKind(i)]++
	}
	for i := 0; i < net.NumArrangements(); i++ {
		kinds[net.Arrangement(i).Kind]++
	}
	sum.BySector, sum.ByType, sum.ByKind = counts(sectors), counts(types), counts(kinds)
	comp := Components(s)
	sum.Components = comp.Count
	for _, c := range comp.Sizes {
		sum.Largest = max(sum.Largest, c)
	}
	for i := 0; i < s.N(); i++ {
		if s.Degree(i) == 0 {
			sum.Isolated++
		}
	}
	return sum
}

func counts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		if k == "" {
			k = "(none)"
		}
		out = append(out, Count{Label: k, Count: v})
	}
	slices.SortFunc(out, func(a, b Count) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Label, b.Label)) })
	return out
}
