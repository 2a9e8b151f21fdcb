package page

import (
	"fmt"
	"testing"
)

// The page lists at most FundingPageRows rows of each funding table and
// says how many more the written tables hold; below the limit it lists all.
func TestFundingPageRows(t *testing.T) {
	for _, tc := range []struct{ funders, multi, wantMoreF, wantMoreM int }{
		{3, 0, 0, 0},
		{FundingPageRows, FundingPageRows, 0, 0},
		{FundingPageRows + 7, FundingPageRows + 1, 7, 1},
	} {
		v := &FundingView{}
		for k := 0; k < tc.funders; k++ {
			v.FunderRows = append(v.FunderRows, FunderRow{ID: fmt.Sprint(k), Grants: tc.funders - k})
		}
		for k := 0; k < tc.multi; k++ {
			v.MultiFunded = append(v.MultiFunded, MultiFundedRow{ID: fmt.Sprint(k), Funders: 2})
		}
		v.limitPage()
		if len(v.PageFunders) != min(tc.funders, FundingPageRows) || v.MoreFunders != tc.wantMoreF ||
			len(v.PageMultiFunded) != min(tc.multi, FundingPageRows) || v.MoreMultiFunded != tc.wantMoreM {
			t.Errorf("%d funders, %d multi-funded: page %d (+%d), %d (+%d); want %d (+%d), %d (+%d)", tc.funders, tc.multi,
				len(v.PageFunders), v.MoreFunders, len(v.PageMultiFunded), v.MoreMultiFunded,
				min(tc.funders, FundingPageRows), tc.wantMoreF, min(tc.multi, FundingPageRows), tc.wantMoreM)
		}
		if tc.funders > 0 && v.PageFunders[0].ID != "0" {
			t.Errorf("page starts with funder %s, want the first (most grants)", v.PageFunders[0].ID)
		}
		if len(v.FunderRows) != tc.funders || len(v.MultiFunded) != tc.multi {
			t.Error("limitPage changed the full tables")
		}
	}
}
