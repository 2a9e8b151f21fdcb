package datasets

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestVocabularyNormalised: sector, type and kind spellings are read as
// partnet's vocabulary with one warning per spelling; an unknown kind is
// kept with a warning naming the weight it gets. Before, "Council" made an
// organisation ineligible for groups and "Shared Service" weighed 1, not 3.
func TestVocabularyNormalised(t *testing.T) {
	fsys := fstest.MapFS{
		OrganisationsFile: {Data: []byte("id,sector,type\na,Council,London Borough\nb,council,london_borough\nc,THIRD-SECTOR,Charity\nd,Council,\n")},
		PartnershipsFile:  {Data: []byte("source,target,kind\na,b,Shared Service\nb,c,SHARED_SERVICE\nc,d,shared-service\na,c,Shared Service\nb,d,widget swap\n")},
	}
	net, probs, err := ReadFS(fsys, ".", "")
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"council/london_borough", "council/london_borough", "third_sector/charity", "council/"} {
		o := net.Organisation(i)
		if got := o.Sector + "/" + o.Type; got != want {
			t.Errorf("organisation %s: %s, want %s", o.ID, got, want)
		}
	}
	for i, want := range []string{"shared_service", "shared_service", "shared_service", "shared_service", "widget_swap"} {
		if got := net.PartnershipKind(i); got != want {
			t.Errorf("partnership %d kind %q, want %q", i, got, want)
		}
	}
	var msgs []string
	for _, w := range probs.Warnings {
		msgs = append(msgs, w.Error())
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{
		`organisations.csv:2: column "sector": "Council" read as "council"`,
		`organisations.csv:2: column "type": "London Borough" read as "london_borough"`,
		`organisations.csv:4: column "sector": "THIRD-SECTOR" read as "third_sector"`,
		`organisations.csv:4: column "type": "Charity" read as "charity"`,
		`partnerships.csv:2: column "kind": "Shared Service" read as "shared_service"`,
		`partnerships.csv:3: column "kind": "SHARED_SERVICE" read as "shared_service"`,
		`partnerships.csv:4: column "kind": "shared-service" read as "shared_service"`,
		`partnerships.csv:6: column "kind": kind "widget_swap" has no default weight: it weighs 1 unless given one with --kind-weight widget_swap=N`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no warning %s in:\n%s", want, got)
		}
	}
	// One warning per spelling: "Council" twice and "Shared Service" twice
	// warn once each, and "widget swap" twice (spelling, no weight): 9 in all.
	if len(probs.Warnings) != 9 {
		t.Errorf("%d warnings, want 9:\n%s", len(probs.Warnings), got)
	}
}

func TestNormalizeVocabulary(t *testing.T) {
	for in, want := range map[string]string{
		"shared_service": "shared_service", "Shared Service": "shared_service", " SHARED__SERVICE ": "shared_service",
		"shared-service": "shared_service", "Shared - Service": "shared_service", "_x_": "x", "Région": "région", "": "",
	} {
		if got := NormalizeVocabulary(in); got != want {
			t.Errorf("NormalizeVocabulary(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMoneyAndDates: value columns take £, thousands separators and the
// common headers; weights stay strict; dates are read day first.
func TestMoneyAndDates(t *testing.T) {
	fsys := fstest.MapFS{
		OrganisationsFile: {Data: []byte("id\na\nb\nc\n")},
		PartnershipsFile:  {Data: []byte("source,target,Value (£),start,end\na,b,\"£1,200.50\",15/06/2019,1/7/2019\nb,c,\"12,000\",2019-06-15,\n")},
	}
	net, _, err := ReadFS(fsys, ".", "")
	if err != nil {
		t.Fatal(err)
	}
	p0, p1 := net.Partnership(0), net.Partnership(1)
	if !p0.HasValue || p0.ValueGBP != 1200.5 || p1.ValueGBP != 12000 {
		t.Errorf("values %v, %v; want 1200.5, 12000", p0.ValueGBP, p1.ValueGBP)
	}
	if len(p0.Attrs) != 0 {
		t.Errorf("attributes %v, want none (Value (£) is value_gbp)", p0.Attrs)
	}
	if want := time.Date(2019, 6, 15, 0, 0, 0, 0, time.UTC); !p0.Start.Equal(want) || !p1.Start.Equal(want) {
		t.Errorf("starts %v, %v; want 2019-06-15", p0.Start, p1.Start)
	}
	if want := time.Date(2019, 7, 1, 0, 0, 0, 0, time.UTC); !p0.End.Equal(want) {
		t.Errorf("end %v, want 2019-07-01 (day first)", p0.End)
	}
	for _, h := range []string{"Amount", "amount_gbp", "Value (£)", "value", "Amount (GBP)"} {
		fsys[PartnershipsFile] = &fstest.MapFile{Data: []byte("source,target," + h + "\na,b,\"£1,200\"\n")}
		net, _, err := ReadFS(fsys, ".", "")
		if err != nil || net.Partnership(0).ValueGBP != 1200 {
			t.Errorf("header %q: %v", h, err)
		}
	}
	fsys[PartnershipsFile] = &fstest.MapFile{Data: []byte("source,target,weight\na,b,\"1,200\"\n")}
	if _, _, err := ReadFS(fsys, ".", ""); !errors.Is(err, ErrBadNumber) {
		t.Errorf("weight 1,200: %v, want ErrBadNumber (weights stay strict)", err)
	}
	for _, s := range []string{"£1,20", "1,2000", "$5", "£", "1,200,00", "€1,200"} {
		if _, _, err := ParseMoney(s); err == nil {
			t.Errorf("ParseMoney(%q) accepted", s)
		}
	}
	for s, want := range map[string]float64{"£1,200.50": 1200.5, "-£5": -5, "1,234,567": 1234567, "£ 12": 12, "12.5": 12.5, "999": 999} {
		if v, ok, err := ParseMoney(s); err != nil || !ok || v != want {
			t.Errorf("ParseMoney(%q) = %v, %v, want %v", s, v, err, want)
		}
	}
	for _, s := range []string{"31/02/2019", "15/6/19", "6/15/2019", "15.06.2019", "15/06/2019/1", "0/06/2019"} {
		if _, err := ParseDate(s); !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseDate(%q) = %v, want ErrBadDate", s, err)
		}
	}
}

// TestUnnamedColumnWarned: a column without a header that holds values is
// named in a warning, not dropped silently.
func TestUnnamedColumnWarned(t *testing.T) {
	fsys := fstest.MapFS{
		OrganisationsFile: {Data: []byte("id,,name\na,,A\nb,x,B\n")},
		PartnershipsFile:  {Data: []byte("source,target\na,b\n")},
	}
	_, probs, err := ReadFS(fsys, ".", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(probs.Warnings) != 1 || !strings.Contains(probs.Warnings[0].Error(), "organisations.csv:3: column(s) 2 have no header") {
		t.Errorf("warnings %v, want one for column 2 at line 3", probs.Warnings)
	}
}
