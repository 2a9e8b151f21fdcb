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
	// PageFunders and PageMultiFunded are the first FundingPageRows of
	// FunderRows and MultiFunded, the rows the page lists (the tables
	// written by --tables hold them all); MoreFunders and MoreMultiFunded
	// count the rest.
	PageFunders                  []FunderRow
	PageMultiFunded              []MultiFundedRow
	MoreFunders, MoreMultiFunded int
}

// FundingPageRows is the most rows the page lists in each funding table;
// the full tables are written by --tables. A national grants file can have
// a million funders, which would make the page too large to open.
const FundingPageRows = 200

// limitPage fills the page's rows of v from its full tables.
func (v *FundingView) limitPage() {
	v.PageFunders, v.MoreFunders = v.FunderRows, 0
	if n := len(v.FunderRows); n > FundingPageRows {
		v.PageFunders, v.MoreFunders = v.FunderRows[:FundingPageRows], n-FundingPageRows
	}
	v.PageMultiFunded, v.MoreMultiFunded = v.MultiFunded, 0
	if n := len(v.MultiFunded); n > FundingPageRows {
		v.PageMultiFunded, v.MoreMultiFunded = v.MultiFunded[:FundingPageRows], n-FundingPageRows
	}
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
	// Funders by index; the distinct (recipient, funder) and (year,
	// recipient) pairs by sorting the grants' pairs rather than in maps of
	// maps (at a million organisations the maps took most of the section's
	// 6 s).
	funders := make([]*FunderRow, fn.NumOrganisations())
	nFunders := 0
	// Pairs packed as first<<32 | second, so a plain sort orders them.
	pairs := make([]uint64, 0, fn.NumPartnerships())     // (recipient, funder)
	yearPairs := make([]uint64, 0, fn.NumPartnerships()) // (year, recipient)
	years := map[string]int32{}
	var yearRows []*FundingYear
	for i := 0; i < fn.NumPartnerships(); i++ {
		p := fn.Partnership(i)
		a, b := fn.PartnershipEnds(i)
		v.Grants++
		fr := funders[a]
		if fr == nil {
			o := fn.Organisation(a)
			fr = &FunderRow{ID: o.ID, Name: o.Label()}
			funders[a] = fr
			nFunders++
		}
		fr.Grants++
		if p.HasValue {
			fr.AmountGBP += p.ValueGBP
			fr.Valued++
		}
		pairs = append(pairs, uint64(b)<<32|uint64(a))
		y := "undated"
		if !p.Start.IsZero() {
			y = p.Start.Format("2006")
		}
		yi, ok := years[y]
		if !ok {
			yi = int32(len(yearRows))
			years[y] = yi
			yearRows = append(yearRows, &FundingYear{Year: y})
		}
		fy := yearRows[yi]
		fy.Grants++
		if p.HasValue {
			fy.AmountGBP += p.ValueGBP
		}
		yearPairs = append(yearPairs, uint64(yi)<<32|uint64(b))
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	slices.Sort(yearPairs)
	for _, yp := range slices.Compact(yearPairs) {
		yearRows[yp>>32].Recipients++
	}
	for _, rf := range pairs {
		funders[uint32(rf)].Recipients++
	}
	v.Grants += fn.NumArrangements()
	for _, fr := range funders {
		if fr != nil {
			v.FunderRows = append(v.FunderRows, *fr)
		}
	}
	slices.SortFunc(v.FunderRows, func(a, b FunderRow) int {
		if c := cmp.Compare(b.AmountGBP, a.AmountGBP); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Grants, a.Grants); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	for _, fy := range yearRows {
		v.Years = append(v.Years, *fy)
	}
	slices.SortFunc(v.Years, func(a, b FundingYear) int { return cmp.Compare(a.Year, b.Year) })
	v.Funders = nFunders
	// Overlap with joint working, by organisation id; each funder's
	// collaboration-layer index looked up once.
	cs := cn.Snapshot(graph.Weighting{})
	funderCn := make([]int32, fn.NumOrganisations())
	for f := range funderCn {
		funderCn[f] = -2 // not looked up yet
	}
	cnIndex := func(f int32) int32 {
		if funderCn[f] == -2 {
			funderCn[f] = -1
			if i, ok := cn.Index(fn.Organisation(int(f)).ID); ok {
				funderCn[f] = int32(i)
			}
		}
		return funderCn[f]
	}
	for lo := 0; lo < len(pairs); {
		hi := lo + 1
		for hi < len(pairs) && pairs[hi]>>32 == pairs[lo]>>32 {
			hi++
		}
		r, fs := int(pairs[lo]>>32), pairs[lo:hi]
		lo = hi
		v.Recipients++
		rid := fn.Organisation(r).ID
		if i, ok := ls.Full.Index(rid); ok && ls.Counts.OrgCollaboration[i] > 0 {
			v.Collaborating++
		}
		if len(fs) > 1 {
			row := MultiFundedRow{ID: rid, Name: fn.Organisation(r).Label(), Funders: len(fs)}
			for _, f := range fs {
				row.Names = append(row.Names, fn.Organisation(int(uint32(f))).Label())
			}
			slices.Sort(row.Names)
			v.MultiFunded = append(v.MultiFunded, row)
		}
		ri, okR := cn.Index(rid)
		if !okR {
			continue
		}
		for _, f := range fs {
			if fi := cnIndex(int32(uint32(f))); fi >= 0 && cs.Weight(ri, int(fi)) > 0 {
				v.Both++
			}
		}
	}
	slices.SortFunc(v.MultiFunded, func(a, b MultiFundedRow) int {
		if c := cmp.Compare(b.Funders, a.Funders); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	v.Note = ls.Reason + ", so this report analyses joint working (every other kind of tie) and funding separately: the key figures, rankings, brokers, centrality, single points of failure, clusters, candidate groups and findings about joint working come from the collaboration layer; this section describes the funding layer."
	return v
}
