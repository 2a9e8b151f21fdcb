package graph

import "slices"

// FundingKinds are the partnership kinds that record money one
// organisation gives another (the source funds the target): the funding
// layer. Every other kind is joint working: the collaboration layer.
var FundingKinds = []string{"grant"}

// IsFunding reports whether kind is one of FundingKinds.
func IsFunding(kind string) bool { return slices.Contains(FundingKinds, kind) }

// LayerCounts counts distinct ties (pairs of organisations) in the whole
// network, in the funding layer (joined by a partnership or arrangement of
// a funding kind) and in the collaboration layer (joined by any other
// kind), in total and per organisation (by index). A pair that is both
// funded and working together counts in both layers.
type LayerCounts struct {
	Ties, Funding, Collaboration int
	// OrgTies, OrgFunding and OrgCollaboration are per organisation.
	OrgTies, OrgFunding, OrgCollaboration []int
}

// CountLayers counts n's ties by layer. Cost: one pass over the
// partnerships and over the member pairs of each arrangement.
func (n *Network) CountLayers() LayerCounts {
	k := n.NumOrganisations()
	c := LayerCounts{OrgTies: make([]int, k), OrgFunding: make([]int, k), OrgCollaboration: make([]int, k)}
	const fund, collab = 1, 2
	seen := map[[2]int32]uint8{}
	pair := func(a, b int32, funding bool) {
		if a == b {
			return
		}
		if a > b {
			a, b = b, a
		}
		key := [2]int32{a, b}
		had := seen[key]
		bit := uint8(collab)
		if funding {
			bit = fund
		}
		if had == 0 {
			c.Ties++
			c.OrgTies[a]++
			c.OrgTies[b]++
		}
		if had&bit == 0 {
			seen[key] = had | bit
			if funding {
				c.Funding++
				c.OrgFunding[a]++
				c.OrgFunding[b]++
			} else {
				c.Collaboration++
				c.OrgCollaboration[a]++
				c.OrgCollaboration[b]++
			}
		}
	}
	for i := 0; i < n.NumPartnerships(); i++ {
		a, b := n.PartnershipEnds(i)
		pair(int32(a), int32(b), IsFunding(n.PartnershipKind(i)))
	}
	for ai := 0; ai < n.NumArrangements(); ai++ {
		f := IsFunding(n.Arrangement(ai).Kind)
		ms := n.ArrangementMembers(ai)
		for x := range ms {
			for y := x + 1; y < len(ms); y++ {
				pair(ms[x], ms[y], f)
			}
		}
	}
	return c
}

// Layers splits n into its collaboration layer (every partnership and
// arrangement not of a funding kind, with every organisation except those
// whose only ties are funding) and its funding layer (the funding
// partnerships and arrangements with the organisations they join). n is
// not changed.
func (n *Network) Layers(c LayerCounts) (collaboration, funding *Network) {
	keepC := make([]bool, n.NumOrganisations())
	keepF := make([]bool, n.NumOrganisations())
	for i := range keepC {
		keepC[i] = c.OrgCollaboration[i] > 0 || c.OrgFunding[i] == 0
		keepF[i] = c.OrgFunding[i] > 0
	}
	collaboration = n.Filter(Filter{ExcludeKinds: FundingKinds, keepIndex: keepC})
	funding = n.Filter(Filter{Kinds: FundingKinds, keepIndex: keepF})
	return collaboration, funding
}
