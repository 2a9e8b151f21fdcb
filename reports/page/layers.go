package page

import (
	"cmp"
	"slices"

	"github.com/partnet/partnet/analysis/engine"
	"github.com/partnet/partnet/graph"
)

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
func fundingView(ls *engine.LayerSplit) *FundingView {
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
