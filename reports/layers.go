package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/partnet/partnet/graph"
)

// The layer rule: when funding (graph.FundingKinds, grants) dominates the
// ties, the report analyses joint working and funding separately. It
// belongs with the engine's other defaults (analysis/engine/defaults.go)
// once that package is on main; docs/methods.md ("Layers and findings
// that hold") documents it.
const (
	// LayerShare: funding ties above this share of all ties split the
	// layers.
	LayerShare = 0.5
	// LayerOrgShare and LayerOrgMin: so does one organisation with at
	// least LayerOrgMin funding ties making up more than LayerOrgShare of
	// its ties (one council's hundreds of grants).
	LayerOrgShare = 0.5
	LayerOrgMin   = 20
)

// LayerSplit is the layer rule's decision for a network.
type LayerSplit struct {
	// Split is true when the report analyses the layers separately; it
	// needs both layers to hold ties.
	Split bool
	// Reason says why or why not, in words; Dominant is the
	// organisation whose funding ties triggered it (-1 when the network's
	// share did), by index in the full network.
	Reason   string
	Dominant int
	Counts   graph.LayerCounts
	// Full is the network as given; Collaboration and Funding its layers
	// (nil when not split).
	Full, Collaboration, Funding *graph.Network
}

// SplitLayers applies the layer rule to net. Without a split the
// report analyses net whole.
func SplitLayers(net *graph.Network) *LayerSplit {
	c := net.CountLayers()
	ls := &LayerSplit{Dominant: -1, Counts: c, Full: net}
	kinds := strings.Join(graph.FundingKinds, ", ")
	switch {
	case c.Funding == 0:
		ls.Reason = fmt.Sprintf("No tie is funding (%s), so there is no funding layer.", kinds)
		return ls
	case c.Collaboration == 0:
		ls.Reason = fmt.Sprintf("Every tie is funding (%s): there is no joint working to analyse apart, so the report analyses the funding network whole.", kinds)
		return ls
	}
	ls.Reason = fmt.Sprintf("Joint working and funding are analysed together: funding (%s) does not dominate the ties. The layer rule splits them when funding makes up more than %.0f%% of all ties, or more than %.0f%% of the ties of one organisation with at least %d funding ties.",
		kinds, 100*LayerShare, 100*LayerOrgShare, LayerOrgMin)
	switch {
	case float64(c.Funding) > LayerShare*float64(c.Ties):
		ls.Reason = fmt.Sprintf("Grants and other funding make up %d of the %d ties", c.Funding, c.Ties)
	default:
		best := -1
		for i, f := range c.OrgFunding {
			if f >= LayerOrgMin && float64(f) > LayerOrgShare*float64(c.OrgTies[i]) &&
				(best < 0 || f > c.OrgFunding[best]) {
				best = i
			}
		}
		if best < 0 {
			return ls
		}
		ls.Dominant = best
		ls.Reason = fmt.Sprintf("Funding makes up %d of the %d ties of %s", c.OrgFunding[best], c.OrgTies[best], net.Organisation(best).Label())
	}
	ls.Split = true
	ls.Collaboration, ls.Funding = net.Layers(c)
	return ls
}

// Analysed is the network the report analyses: the collaboration layer
// when split, else the whole network.
func (ls *LayerSplit) Analysed() *graph.Network {
	if ls.Split {
		return ls.Collaboration
	}
	return ls.Full
}

// FundingView is the report's funding section: the funding layer on its
// own, when the layers are split.
type FundingView struct {
	// Note says why the layers were split and what comes from which.
	Note string
	// Grants counts funding partnerships and arrangements; Funders and
	// Recipients the organisations giving and receiving.
	Grants, Funders, Recipients int
	// Collaborating counts recipients that also appear in the
	// collaboration layer with a tie; Both the funder-recipient pairs that
	// also work together.
	Collaborating, Both int
	FunderRows          []FunderRow
	// dominant names the organisation whose funding ties split the
	// layers; "" when the network's share did.
	dominant    string
	Years       []FundingYear
	MultiFunded []MultiFundedRow
}

// FunderRow is one funder.
type FunderRow struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Grants     int     `json:"grants"`
	Recipients int     `json:"recipients"`
	AmountGBP  float64 `json:"amount_gbp"`
	// Valued counts the grants with an amount.
	Valued int `json:"valued"`
}

// FundingYear is the grants starting in one year.
type FundingYear struct {
	Year       string  `json:"year"`
	Grants     int     `json:"grants"`
	Recipients int     `json:"recipients"`
	AmountGBP  float64 `json:"amount_gbp"`
}

// MultiFundedRow is a recipient with more than one funder.
type MultiFundedRow struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Funders int      `json:"funders"`
	Names   []string `json:"funder_names"`
}

// fundingView summarises ls's funding layer: funders by amount, grants per
// start year, recipients with several funders, and the overlap with joint
// working. A funding partnership's source is the funder; arrangements of a
// funding kind have no direction and are counted as grants only.
func fundingView(ls *LayerSplit) *FundingView {
	if ls == nil || !ls.Split {
		return nil
	}
	fn, cn := ls.Funding, ls.Collaboration
	v := &FundingView{}
	if ls.Dominant >= 0 {
		v.dominant = ls.Full.Organisation(ls.Dominant).Label()
	}
	funders := map[int]*FunderRow{}
	recipFunders := map[int]map[int]bool{}
	years := map[string]*FundingYear{}
	yearRecip := map[string]map[int]bool{}
	for i := 0; i < fn.NumPartnerships(); i++ {
		p := fn.Partnership(i)
		a, b := fn.PartnershipEnds(i)
		v.Grants++
		fr := funders[a]
		if fr == nil {
			o := fn.Organisation(a)
			fr = &FunderRow{ID: o.ID, Name: o.Label()}
			funders[a] = fr
		}
		fr.Grants++
		if p.HasValue {
			fr.AmountGBP += p.ValueGBP
			fr.Valued++
		}
		if recipFunders[b] == nil {
			recipFunders[b] = map[int]bool{}
		}
		if !recipFunders[b][a] {
			recipFunders[b][a] = true
			fr.Recipients++
		}
		y := "undated"
		if !p.Start.IsZero() {
			y = p.Start.Format("2006")
		}
		fy := years[y]
		if fy == nil {
			fy = &FundingYear{Year: y}
			years[y], yearRecip[y] = fy, map[int]bool{}
		}
		fy.Grants++
		if p.HasValue {
			fy.AmountGBP += p.ValueGBP
		}
		if !yearRecip[y][b] {
			yearRecip[y][b] = true
			fy.Recipients++
		}
	}
	v.Grants += fn.NumArrangements()
	for _, fr := range funders {
		v.FunderRows = append(v.FunderRows, *fr)
	}
	slices.SortFunc(v.FunderRows, func(a, b FunderRow) int {
		return cmp.Or(cmp.Compare(b.AmountGBP, a.AmountGBP), cmp.Compare(b.Grants, a.Grants), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	for _, fy := range years {
		v.Years = append(v.Years, *fy)
	}
	slices.SortFunc(v.Years, func(a, b FundingYear) int { return cmp.Compare(a.Year, b.Year) })
	v.Funders, v.Recipients = len(funders), len(recipFunders)
	// Overlap with joint working, by organisation id.
	cs := cn.Snapshot(graph.Weighting{})
	for r, fs := range recipFunders {
		rid := fn.Organisation(r).ID
		if i, ok := ls.Full.Index(rid); ok && ls.Counts.OrgCollaboration[i] > 0 {
			v.Collaborating++
		}
		if len(fs) > 1 {
			row := MultiFundedRow{ID: rid, Name: fn.Organisation(r).Label(), Funders: len(fs)}
			for f := range fs {
				row.Names = append(row.Names, fn.Organisation(f).Label())
			}
			slices.Sort(row.Names)
			v.MultiFunded = append(v.MultiFunded, row)
		}
		ri, okR := cn.Index(rid)
		for f := range fs {
			fi, okF := cn.Index(fn.Organisation(f).ID)
			if okR && okF && cs.Weight(ri, fi) > 0 {
				v.Both++
			}
		}
	}
	slices.SortFunc(v.MultiFunded, func(a, b MultiFundedRow) int {
		return cmp.Or(cmp.Compare(b.Funders, a.Funders), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	v.Note = ls.Reason + ", so this report analyses joint working (every other kind of tie) and funding separately: the key figures, rankings, brokers, centrality, single points of failure, clusters, candidate groups and findings about joint working come from the collaboration layer; this section describes the funding layer."
	return v
}
