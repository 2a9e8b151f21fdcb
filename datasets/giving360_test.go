package datasets

import (
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnet/partnet/graph"
)

// TestRead360GivingTrafford reads Trafford Council's real 360Giving file
// (testdata/real/trafford_grants, OGL v3) and checks it against the counts
// and totals in its SOURCES.md and against the grants in the embedded
// england dataset, grant by grant.
func TestRead360GivingTrafford(t *testing.T) {
	path := filepath.Join("testdata", "real", "trafford_grants", "trafford_council_voluntary_sector_grants.csv")
	ds, err := Load(path) // a .csv, recognised as 360Giving by its header
	if err != nil {
		t.Fatal(err)
	}
	n := ds.Network
	recipients, types := 0, map[string]int{}
	for i := 0; i < n.NumOrganisations(); i++ {
		if o := n.Organisation(i); o.Sector == graph.SectorThirdSector {
			recipients++
			types[o.Type]++
		}
	}
	trf := n.OrganisationByID("GB-LAE-TRF")
	if trf == nil || trf.Sector != graph.SectorCouncil || trf.Name != "Trafford Metropolitan Borough Council" {
		t.Fatalf("funder = %+v", trf)
	}
	// SOURCES.md: 555 grants, 323 recipients (30 charity, 78 company, 215
	// community_group), GBP 1,291,436.54 in all.
	if n.NumPartnerships() != 555 || recipients != 323 || types["charity"] != 30 || types["company"] != 78 || types["community_group"] != 215 {
		t.Errorf("%d grants, %d recipients %v; want 555, 323 map[charity:30 community_group:215 company:78]", n.NumPartnerships(), recipients, types)
	}
	byYear := map[int]float64{}
	count := map[int]int{}
	programmes := map[string]int{}
	total := 0.0
	for i := 0; i < n.NumPartnerships(); i++ {
		p := n.Partnership(i)
		byYear[p.Start.Year()] += p.ValueGBP
		count[p.Start.Year()]++
		programmes[p.Programme]++
		total += p.ValueGBP
	}
	if math.Abs(total-1291436.54) > 0.005 {
		t.Errorf("total = %.2f, want 1291436.54", total)
	}
	// The award-year table of testdata/real/trafford_grants/SOURCES.md.
	years := []struct {
		year   int
		grants int
		gbp    float64
	}{{2013, 49, 157232.62}, {2014, 35, 99018.74}, {2016, 43, 74455.51}, {2017, 38, 59385.05}, {2018, 14, 80388.62},
		{2019, 122, 202531.74}, {2020, 80, 180732.33}, {2021, 57, 85204.07}, {2022, 76, 121998.82}, {2023, 36, 147159.04}, {2024, 5, 83330.00}}
	for _, y := range years {
		if count[y.year] != y.grants || math.Abs(byYear[y.year]-y.gbp) > 0.005 {
			t.Errorf("%d: %d grants, %.2f; want %d, %.2f", y.year, count[y.year], byYear[y.year], y.grants, y.gbp)
		}
	}
	if programmes["voluntary_sector_grants"] != 544 || programmes["inclusive_neighbourhood_grants"] != 11 {
		t.Errorf("programmes = %v", programmes)
	}
	if o := n.OrganisationByID("GB-COH-07597525"); o.Name != "St. John's Centre (Old Trafford Hub)" {
		t.Errorf("latest spelling = %q", o.Name)
	}
	// Grant by grant against the embedded dataset, whose funder is
	// Trafford's GSS code E08000009 rather than its org-id.
	emb, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]graph.Partnership{}
	for i := 0; i < emb.Network.NumPartnerships(); i++ {
		if p := emb.Network.Partnership(i); p.Kind == "grant" {
			want[p.ID] = p
		}
	}
	for i := 0; i < n.NumPartnerships(); i++ {
		p := n.Partnership(i)
		w, ok := want[p.ID]
		if !ok {
			t.Errorf("grant %s is not in the embedded dataset", p.ID)
			continue
		}
		if w.Target != p.Target || w.ValueGBP != p.ValueGBP || !w.Start.Equal(p.Start) || w.Programme != p.Programme || w.Name != p.Name {
			t.Errorf("grant %s = %+v, embedded %+v", p.ID, p, w)
		}
		r, e := n.OrganisationByID(p.Target), emb.Network.OrganisationByID(w.Target)
		if r.Name != e.Name || r.Type != e.Type || r.Sector != e.Sector {
			t.Errorf("recipient %s = %q %s/%s, embedded %q %s/%s", r.ID, r.Name, r.Sector, r.Type, e.Name, e.Sector, e.Type)
		}
	}
	if len(want) != 555 {
		t.Errorf("embedded grants = %d", len(want))
	}
}

func TestRead360GivingJSONAndErrors(t *testing.T) {
	js := `{"grants": [
 {"id": "360G-x-1", "title": "Grant one", "currency": "GBP", "amountAwarded": 1000, "awardDate": "2020-04-01",
  "recipientOrganization": [{"id": "GB-CHC-123", "name": "Old name"}],
  "fundingOrganization": [{"id": "GB-GOR-PB1", "name": "Arts Council"}],
  "grantProgramme": [{"title": "Small Grants: Round 2"}]},
 {"id": "360G-x-2", "amountAwarded": 50.5, "awardDate": "2021-01-01",
  "recipientOrganization": [{"id": "GB-CHC-123", "name": "New name"}],
  "fundingOrganization": [{"id": "GB-GOR-PB1"}]}
]}`
	net, _, err := Read360Giving(strings.NewReader(js), "g.json")
	if err != nil {
		t.Fatal(err)
	}
	f, r := net.OrganisationByID("GB-GOR-PB1"), net.OrganisationByID("GB-CHC-123")
	if f.Sector != graph.SectorAgency || r.Name != "New name" || r.Type != "charity" || net.Partnership(0).Programme != "small_grants_round_2" {
		t.Errorf("funder %+v, recipient %+v, partnership %+v", f, r, net.Partnership(0))
	}
	head := "Identifier,Amount Awarded,Award Date,Recipient Org:Identifier,Funding Org:Identifier,Currency\n"
	cases := []struct {
		name, in string
		want     error
		text     string
	}{
		{"bad amount", head + "g1,\"€1,000\",2020-01-01,GB-CHC-1,GB-LAE-X,\n", ErrBadNumber, `g.csv:2: column "Amount Awarded": "€1,000" has a currency sign`},
		{"bad date", head + "g1,10,02/13/2020,GB-CHC-1,GB-LAE-X,\n", ErrBadDate, `g.csv:2: column "Award Date": "02/13/2020" is not a date: there is no month 13 (a month-first date?)`},
		{"duplicate", head + "g1,10,2020-01-01,GB-CHC-1,GB-LAE-X,\ng1,10,2020-01-01,GB-CHC-2,GB-LAE-X,\n", graph.ErrDuplicateID, `g.csv:3: column "Identifier": grant "g1" is listed twice (first at line 2)`},
		{"euro", head + "g1,10,2020-01-01,GB-CHC-1,GB-LAE-X,EUR\n", ErrBadValue, `"EUR": partnet records values in GBP`},
		{"self", head + "g1,10,2020-01-01,GB-LAE-X,GB-LAE-X,\n", graph.ErrSelfTie, `g.csv:2:`},
		{"missing column", "Identifier,Amount Awarded\n", ErrMissingColumn, `missing column "award_date"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Read360Giving(strings.NewReader(c.in), "g.csv")
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) {
				t.Errorf("err = %v, want %v containing %q", err, c.want, c.text)
			}
		})
	}
}

// TestRead360GivingDuration: Trafford's file has no Planned Dates:End Date
// and a Planned Dates:Duration (months) of 12 on every grant; each grant
// then ends the day before the anniversary of its award date (the file has
// no planned start). Before, no grant ended.
func TestRead360GivingDuration(t *testing.T) {
	ds, err := Load(filepath.Join("testdata", "real", "trafford_grants", "trafford_council_voluntary_sector_grants.csv"))
	if err != nil {
		t.Fatal(err)
	}
	n := ds.Network
	for i := 0; i < n.NumPartnerships(); i++ {
		p := n.Partnership(i)
		if want := p.Start.AddDate(1, 0, -1); p.End != want {
			t.Fatalf("grant %s from %s ends %s, want %s", p.ID, fmtDate(p.Start), fmtDate(p.End), fmtDate(want))
		}
	}
	// The end date wins over the duration; a planned start is the base.
	head := "Identifier,Amount Awarded,Award Date,Planned Dates:Start Date,Planned Dates:End Date,Planned Dates:Duration (months),Recipient Org:Identifier,Funding Org:Identifier\n"
	net, _, err := Read360Giving(strings.NewReader(head+
		"g1,10,2019-03-01,2019-04-01,,12,r,f\n"+
		"g2,10,2019-03-01,,2019-06-30,12,r,f\n"+
		"g3,10,2019-03-01,,,0,r,f\n"+
		"g4,10,2019-01-31,,,1,r,f\n"+
		"g5,10,2020-02-29,,,12,r,f\n"), "g.csv")
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"2020-03-31", "2019-06-30", "2019-03-01", "2019-02-27", "2021-02-27"} {
		if got := fmtDate(net.Partnership(i).End); got != want {
			t.Errorf("grant %d ends %s, want %s", i+1, got, want)
		}
	}
	_, _, err = Read360Giving(strings.NewReader(head+"g1,10,2019-03-01,,,twelve,r,f\n"), "g.csv")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || pe.Field != "Planned Dates:Duration (months)" {
		t.Errorf("a duration in words: %v, want an error at line 2 naming the column", err)
	}
}

// TestRead360GivingPlannedDatesJSON: a JSON package's plannedDates give the
// end the same way; a UTF-16 CSV with Excel's sep= line is still told
// apart as 360Giving.
func TestRead360GivingPlannedDatesJSON(t *testing.T) {
	js := `{"grants": [{"id": "g1", "amountAwarded": 5, "awardDate": "2019-03-01",
  "plannedDates": [{"startDate": "2019-04-01", "duration": 6}],
  "recipientOrganization": [{"id": "r"}], "fundingOrganization": [{"id": "f"}]}]}`
	net, _, err := Read360Giving(strings.NewReader(js), "g.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := fmtDate(net.Partnership(0).End); got != "2019-09-30" {
		t.Errorf("end %s, want 2019-09-30", got)
	}
	head := "sep=,\nIdentifier,Amount Awarded,Award Date,Recipient Org:Identifier,Funding Org:Identifier\ng1,5,2019-03-01,r,f\n"
	if !is360GivingCSV(utf16File(head, false)) {
		t.Error("a UTF-16 360Giving CSV with a sep= line is not recognised")
	}
}
