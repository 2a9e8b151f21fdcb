package datasets

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/partnet/partnet/graph"
)

// 360Giving (https://standard.threesixtygiving.org) columns partnet reads,
// as normalised headers of the flattened CSV form.
var giving360Columns = []column{
	{name: "identifier", required: true},
	{name: "title"},
	{name: "amount_awarded", required: true},
	{name: "currency"},
	{name: "award_date", required: true},
	{name: "planned_dates:start_date"},
	{name: "planned_dates:end_date"},
	{name: "planned_dates:duration_(months)", aliases: []string{"planned_dates:duration"}},
	{name: "recipient_org:identifier", required: true},
	{name: "recipient_org:name"},
	{name: "funding_org:identifier", required: true},
	{name: "funding_org:name"},
	{name: "grant_programme:title"},
}

// is360GivingCSV reports whether a CSV's first line has 360Giving's
// required columns.
func is360GivingCSV(head []byte) bool {
	line, rest, _ := bytes.Cut(bytes.TrimPrefix(textHead(head), []byte{0xEF, 0xBB, 0xBF}), []byte{'\n'})
	if _, ok := sepLine(line); ok {
		line, _, _ = bytes.Cut(rest, []byte{'\n'})
	}
	l := strings.ToLower(string(line))
	return strings.Contains(l, "amount awarded") && strings.Contains(l, "recipient org:identifier") && strings.Contains(l, "funding org:identifier")
}

// is360GivingJSON reports whether a JSON file looks like a 360Giving
// package (a "grants" list) rather than partnet's own JSON.
func is360GivingJSON(head []byte) bool {
	return bytes.Contains(head, []byte(`"grants"`)) && !bytes.Contains(head, []byte(`"organisations"`))
}

// grantRow is one grant, from either form.
type grantRow struct {
	line                                       int
	id, title, amount, currency, date, endDate string
	plannedStart, months                       string
	recipient, recipientName                   string
	funder, funderName, programme              string
}

// Read360Giving reads 360Giving grant data, CSV (the flattened form, with
// headers such as "Recipient Org:Identifier") or JSON (a package with a
// "grants" list). Each grant becomes a partnership of kind grant from the
// funder to the recipient: id the grant's Identifier, name its Title,
// value_gbp its Amount Awarded, start its Award Date, end its Planned
// Dates:End Date, or when that is empty its Planned Dates:Start Date (else
// the Award Date) plus Planned Dates:Duration (months), the day before
// that anniversary (12 months from 2019-04-01 end 2020-03-31), programme the slug of its Grant Programme:Title
// ("Voluntary Sector Grants" -> voluntary_sector_grants).
//
// Funders and recipients become organisations in order of first
// appearance. A funder whose org-id is a UK local authority's (GB-LAE-,
// GB-LAS-, GB-PLA-, GB-LANI-) is a council; GB-GOR-, GB-GOV- and GB-NHS-
// are agencies; any other funder is third_sector. Recipients are
// third_sector, typed by prefix: GB-CHC-, GB-SC-, GB-NIC- charity; GB-COH-
// company; anything else community_group. When an id appears under several
// names the one on its latest grant wins (the later row on a tie).
// Amounts in a currency other than GBP, bad amounts or dates, duplicate
// grant ids and grants from an organisation to itself are errors at their
// line.
func Read360Giving(r io.Reader, file string) (*graph.Network, *Problems, error) {
	probs := &Problems{}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(512)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	var rows []grantRow
	var err error
	if len(head) > 0 && head[0] == '{' {
		rows, err = read360JSON(br, file)
	} else {
		rows, err = read360CSV(br, file, probs)
	}
	if err != nil {
		return nil, probs, err
	}
	net := build360(rows, file, probs)
	if err := probs.Err(); err != nil {
		return nil, probs, err
	}
	probs.Sort()
	return net, probs, nil
}

func read360CSV(r io.Reader, file string, probs *Problems) ([]grantRow, error) {
	t, err := newTable(file, r, probs)
	if err != nil {
		return nil, err
	}
	rr := tableRows(t, giving360Columns, probs)
	if rr == nil {
		return nil, probs.Err()
	}
	var rows []grantRow
	for rr.next() {
		rows = append(rows, grantRow{line: t.line, id: rr.get("identifier"), title: rr.get("title"),
			amount: rr.get("amount_awarded"), currency: rr.get("currency"), date: rr.get("award_date"),
			endDate: rr.get("planned_dates:end_date"), plannedStart: rr.get("planned_dates:start_date"),
			months: rr.get("planned_dates:duration_(months)"), recipient: rr.get("recipient_org:identifier"),
			recipientName: rr.get("recipient_org:name"), funder: rr.get("funding_org:identifier"),
			funderName: rr.get("funding_org:name"), programme: rr.get("grant_programme:title")})
	}
	return rows, nil
}

// json360Grant is the part of a 360Giving JSON grant partnet reads.
type json360Grant struct {
	ID            string      `json:"id"`
	Title         string      `json:"title"`
	Currency      string      `json:"currency"`
	AmountAwarded json.Number `json:"amountAwarded"`
	AwardDate     string      `json:"awardDate"`
	PlannedDates  []struct {
		StartDate string      `json:"startDate"`
		EndDate   string      `json:"endDate"`
		Duration  json.Number `json:"duration"`
	} `json:"plannedDates"`
	Recipient []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"recipientOrganization"`
	Funder []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"fundingOrganization"`
	Programme []struct {
		Title string `json:"title"`
	} `json:"grantProgramme"`
}

func read360JSON(r io.Reader, file string) ([]grantRow, error) {
	data, err := readAllLimit(r, MaxJSONBytes, file)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	lines := newLineIndex(data)
	if off, ok := jsonTooDeep(data, MaxJSONDepth); !ok {
		return nil, &ParseError{File: file, Line: lines.line(off), Err: fmt.Errorf("%w: JSON nested more than %d levels deep", ErrTooLarge, MaxJSONDepth)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	syntax := func(err error) error {
		return &ParseError{File: file, Line: lines.line(dec.InputOffset()), Err: fmt.Errorf("%w: %v", ErrMalformed, jsonReason(err))}
	}
	if tok, err := dec.Token(); err != nil {
		return nil, syntax(err)
	} else if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, &ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: expected a 360Giving package object with a grants list", ErrMalformed)}
	}
	var rows []grantRow
	found := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntax(err)
		}
		if tok != "grants" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, syntax(err)
			}
			continue
		}
		found = true
		err = decodeArray(dec, data, lines, func(line int) error {
			var g json360Grant
			if err := dec.Decode(&g); err != nil {
				return err
			}
			row := grantRow{line: line, id: g.ID, title: g.Title, amount: g.AmountAwarded.String(), currency: g.Currency, date: g.AwardDate}
			if len(g.PlannedDates) > 0 {
				pd := g.PlannedDates[0]
				row.endDate, row.plannedStart, row.months = pd.EndDate, pd.StartDate, pd.Duration.String()
			}
			if len(g.Recipient) > 0 {
				row.recipient, row.recipientName = g.Recipient[0].ID, g.Recipient[0].Name
			}
			if len(g.Funder) > 0 {
				row.funder, row.funderName = g.Funder[0].ID, g.Funder[0].Name
			}
			if len(g.Programme) > 0 {
				row.programme = g.Programme[0].Title
			}
			rows = append(rows, row)
			return nil
		}, syntax)
		if err != nil {
			if pe, ok := err.(*ParseError); ok {
				pe.File = file
			}
			return nil, err
		}
	}
	if !found {
		return nil, &ParseError{File: file, Err: fmt.Errorf("%w: no grants list: not a 360Giving package", ErrMissingColumn)}
	}
	return rows, nil
}

// maxGrantMonths bounds a planned duration: a century.
const maxGrantMonths = 1200

// plannedEnd is a grant's end from its planned start (else its award date)
// and planned duration in whole months: 12 months from 2019-04-01 end on
// 2020-03-31, the last day included.
func plannedEnd(g grantRow, award time.Time) (time.Time, error) {
	start, err := ParseDate(g.plannedStart)
	if err != nil {
		return time.Time{}, err
	}
	if start.IsZero() {
		start = award
	}
	m, ok, err := ParseNumber(g.months)
	if err != nil || !ok || m != float64(int(m)) || m < 0 || m > maxGrantMonths {
		return time.Time{}, badValue("%q: expected a whole number of months from 0 to %d", g.months, maxGrantMonths)
	}
	if start.IsZero() || m == 0 {
		return start, nil
	}
	// The anniversary day, clamped to the month's end (31 January plus a
	// month is 28 February, not 3 March), then the day before it.
	first := time.Date(start.Year(), start.Month()+time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	day := min(start.Day(), first.AddDate(0, 1, -1).Day())
	return first.AddDate(0, 0, day-1).AddDate(0, 0, -1), nil
}

// build360 turns grant rows into a network, reporting problems.
func build360(rows []grantRow, file string, probs *Problems) *graph.Network {
	net := graph.NewNetwork()
	type orgInfo struct {
		name   string
		date   time.Time
		funder bool
	}
	info := map[string]*orgInfo{}
	var order []string
	note := func(id, name string, date time.Time, funder bool) {
		o := info[id]
		if o == nil {
			o = &orgInfo{}
			info[id] = o
			order = append(order, id)
		}
		o.funder = o.funder || funder
		if name != "" && (o.name == "" || !date.Before(o.date)) {
			o.name, o.date = name, date
		}
	}
	fail := func(line int, field string, err error) { probs.errorf(file, line, field, err) }
	seen := map[string]int{}
	var parts []graph.Partnership
	var lines []int
	for _, g := range rows {
		bad := false
		p := graph.Partnership{ID: g.id, Name: g.title, Source: g.funder, Target: g.recipient, Kind: "grant", Programme: slug(g.programme)}
		for _, req := range []struct{ v, col string }{{g.id, "Identifier"}, {g.funder, "Funding Org:Identifier"}, {g.recipient, "Recipient Org:Identifier"}} {
			if req.v == "" {
				fail(g.line, req.col, badValue("empty %s", req.col))
				bad = true
			}
		}
		if first, dup := seen[g.id]; dup && g.id != "" {
			fail(g.line, "Identifier", fmt.Errorf("grant %q is listed twice (first at line %d): %w", g.id, first, graph.ErrDuplicateID))
			bad = true
		}
		seen[g.id] = g.line
		v, ok, err := ParseMoney(g.amount)
		switch {
		case err != nil:
			fail(g.line, "Amount Awarded", err)
			bad = true
		case !ok:
			fail(g.line, "Amount Awarded", badValue("empty amount"))
			bad = true
		case v < 0:
			fail(g.line, "Amount Awarded", badValue("%v: an amount must not be negative", v))
			bad = true
		}
		p.ValueGBP, p.HasValue = v, ok
		if c := strings.ToUpper(strings.TrimSpace(g.currency)); c != "" && c != "GBP" {
			fail(g.line, "Currency", badValue("%q: partnet records values in GBP; convert the amount first", g.currency))
			bad = true
		}
		if p.Start, err = ParseDate(g.date); err != nil {
			fail(g.line, "Award Date", err)
			bad = true
		}
		if p.End, err = ParseDate(g.endDate); err != nil {
			fail(g.line, "Planned Dates:End Date", err)
			bad = true
		}
		if p.End.IsZero() && g.months != "" && !bad {
			// No end date: the planned start (else the award date) plus the
			// planned duration, ending the day before that anniversary.
			if p.End, err = plannedEnd(g, p.Start); err != nil {
				fail(g.line, "Planned Dates:Duration (months)", err)
				bad = true
			}
		}
		if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
			fail(g.line, "Planned Dates:End Date", wrapMsg(ErrEndBeforeStart, fmt.Sprintf("end %s is before the award date %s", fmtDate(p.End), fmtDate(p.Start))))
			bad = true
		}
		if bad {
			continue
		}
		note(g.funder, g.funderName, p.Start, true)
		note(g.recipient, g.recipientName, p.Start, false)
		parts = append(parts, p)
		lines = append(lines, g.line)
	}
	for _, id := range order {
		o := info[id]
		org := graph.Organisation{ID: id, Name: o.name, Sector: graph.SectorThirdSector, Type: recipientType(id)}
		if o.funder {
			org.Sector, org.Type = funderSector(id), ""
		}
		net.AddOrganisation(org)
	}
	for i, p := range parts {
		if err := net.AddPartnership(p); err != nil {
			fail(lines[i], "Recipient Org:Identifier", err)
		}
	}
	if len(rows) == 0 && len(probs.Errors) == 0 {
		probs.errorf(file, 1, "", fmt.Errorf("%w: no grants", ErrEmptyFile))
	}
	return net
}

func funderSector(id string) string {
	for _, p := range []string{"GB-LAE-", "GB-LAS-", "GB-PLA-", "GB-LANI-"} {
		if strings.HasPrefix(id, p) {
			return graph.SectorCouncil
		}
	}
	for _, p := range []string{"GB-GOR-", "GB-GOV-", "GB-NHS-"} {
		if strings.HasPrefix(id, p) {
			return graph.SectorAgency
		}
	}
	return graph.SectorThirdSector
}

func recipientType(id string) string {
	switch {
	case strings.HasPrefix(id, "GB-CHC-"), strings.HasPrefix(id, "GB-SC-"), strings.HasPrefix(id, "GB-NIC-"):
		return "charity"
	case strings.HasPrefix(id, "GB-COH-"):
		return "company"
	}
	return "community_group"
}

// slug lower-cases s and joins its words with underscores.
func slug(s string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = false
			b.WriteRune(r)
		} else {
			under = true
		}
	}
	return b.String()
}
