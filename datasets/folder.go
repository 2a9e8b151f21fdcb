package datasets

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/partnet/partnet/graph"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"
)

// ReadFS reads a dataset folder dir inside fsys (use os.DirFS for a folder
// on disk). label prefixes file names in errors (the folder as the user
// named it). It returns the network and every warning; the error, when not
// nil, joins every problem found (each a *ParseError), sorted by file and
// line, and the network is then nil.
func ReadFS(fsys fs.FS, dir, label string) (*graph.Network, *Problems, error) {
	probs := &Problems{}
	net := graph.NewNetwork()
	name := func(f string) string {
		if label == "" {
			return f
		}
		return path.Join(label, f)
	}
	open := func(f string) (fs.File, bool) {
		fh, err := fsys.Open(path.Join(dir, f))
		if err != nil {
			return nil, false
		}
		return fh, true
	}
	if fh, ok := open(MetadataFile); ok {
		readMeta(fh, name(MetadataFile), &net.Meta, probs)
		fh.Close()
	}
	fh, ok := open(OrganisationsFile)
	if !ok {
		probs.errorf(name(OrganisationsFile), 0, "", fmt.Errorf("%w: a dataset folder needs %s", ErrMissingFile, OrganisationsFile))
		return nil, probs, probs.Err()
	}
	rr := openRows(fh, name(OrganisationsFile), organisationColumns, probs)
	if st, err := fh.Stat(); err == nil && rr != nil {
		rr.size = st.Size()
	}
	readOrganisations(rr, name(OrganisationsFile), net, probs)
	fh.Close()
	if net.NumOrganisations() == 0 && len(probs.Errors) > 0 {
		// Every tie would name an unknown organisation: list only the cause.
		return nil, probs, probs.Err()
	}
	found := false
	if fh, ok := open(PartnershipsFile); ok {
		found = true
		before := net.NumPartnerships()
		fast := readPartnershipsFast(fh, net, nil)
		fh.Close()
		if !fast {
			// Something the fast path does not handle: read the file again
			// with the general reader, which reports every problem.
			net.TruncatePartnerships(before)
			if fh, ok = open(PartnershipsFile); ok {
				readPartnerships(openRows(fh, name(PartnershipsFile), partnershipColumns, probs), name(PartnershipsFile), net, probs)
				fh.Close()
			}
		}
	}
	fa, okA := open(ArrangementsFile)
	fm, okM := open(MembersFile)
	switch {
	case okA && okM:
		found = true
		readArrangements(openRows(fa, name(ArrangementsFile), arrangementColumns, probs), name(ArrangementsFile), net, probs)
		readMembers(openRows(fm, name(MembersFile), memberColumns, probs), name(MembersFile), net, probs)
	case okA:
		probs.errorf(name(MembersFile), 0, "", fmt.Errorf("%w: %s needs %s beside it", ErrMissingFile, ArrangementsFile, MembersFile))
	case okM:
		probs.errorf(name(ArrangementsFile), 0, "", fmt.Errorf("%w: %s needs %s beside it", ErrMissingFile, MembersFile, ArrangementsFile))
	}
	if okA {
		fa.Close()
	}
	if okM {
		fm.Close()
	}
	if !found && len(probs.Errors) == 0 {
		probs.errorf(name(PartnershipsFile), 0, "", fmt.Errorf("%w: a dataset needs %s or %s and %s", ErrMissingFile, PartnershipsFile, ArrangementsFile, MembersFile))
	}
	if err := probs.Err(); err != nil {
		return nil, probs, err
	}
	// Isolation is judged only once every tie read cleanly: a rejected row
	// would make its organisations look isolated.
	warnIsolated(net, name(OrganisationsFile), probs)
	probs.Sort()
	return net, probs, nil
}

func readMeta(r io.Reader, file string, meta *graph.Metadata, probs *Problems) {
	data, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		probs.errorf(file, 0, "", err)
		return
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	err = dec.Decode(meta)
	var te *yaml.TypeError
	switch {
	case err == nil, errors.Is(err, io.EOF):
	case errors.As(err, &te):
		// One problem per line: "line 2: field author not found in type ...".
		for _, msg := range te.Errors {
			var line int
			var key string
			if n, _ := fmt.Sscanf(msg, "line %d: field %s not found", &line, &key); n == 2 {
				msg = fmt.Sprintf("unknown key %q", key)
			} else if i := strings.Index(msg, ": "); i >= 0 {
				msg = msg[i+2:]
			}
			probs.errorf(file, line, "", fmt.Errorf("%w: %s (expected keys title, description, source, licence)", ErrMalformed, msg))
		}
	default:
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if i := strings.Index(msg, ": "); strings.HasPrefix(msg, "line ") && i >= 0 {
			msg = msg[i+2:]
		}
		probs.errorf(file, yamlLine(err), "", fmt.Errorf("%w: not valid YAML: %s", ErrMalformed, msg))
	}
}

// yamlLine pulls "line N" out of a yaml.v3 error message.
func yamlLine(err error) int {
	var n int
	s := err.Error()
	if i := strings.Index(s, "line "); i >= 0 {
		fmt.Sscanf(s[i+5:], "%d", &n)
	}
	return n
}

// rowReader walks a table's records, handing each row's fields by column
// name and collecting problems with their line and field.
type rowReader struct {
	t     *table
	idx   map[string]int
	rec   []string
	probs *Problems
	// extras caches t.extras(idx): the same for every row.
	extras     []int
	extrasDone bool
	// shareAttrs lets rows with equal extra columns share one map.
	shareAttrs bool
	attrKey    []byte
	attrCache  map[string]map[string]string
	// unnamed are the columns with an empty header, whose values are not
	// read; the first row with a value in one gets a warning.
	unnamed []int
	// vocabSeen remembers the sector, type and kind spellings warned
	// about (see vocab).
	vocabSeen map[string]bool
	// size is the file's size in bytes when known (0 otherwise), for
	// reserving room once the first rows show how long a row is.
	size int64
}

func openRows(r io.Reader, file string, schema []column, probs *Problems) *rowReader {
	t, err := newTable(file, r, probs)
	if err != nil {
		probs.add(&probs.Errors, asParseError(err, file))
		return nil
	}
	return tableRows(t, schema, probs)
}

// tableRows resolves a table's header against schema; nil when a required
// column is missing (reported).
func tableRows(t *table, schema []column, probs *Problems) *rowReader {
	idx, ok := t.resolve(schema)
	if !ok {
		return nil
	}
	rr := &rowReader{t: t, idx: idx, probs: probs}
	rr.extras, rr.extrasDone = t.extras(idx), true
	for i, h := range t.header {
		if h == "" {
			rr.unnamed = append(rr.unnamed, i)
		}
	}
	if pe := checkAttributes(t, len(rr.extras)); pe != nil {
		probs.add(&probs.Errors, pe)
		return nil
	}
	return rr
}

func asParseError(err error, file string) *ParseError {
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe
	}
	return &ParseError{File: file, Err: err}
}

// next advances; it returns false at the end or on an unreadable record
// (reported).
func (rr *rowReader) next() bool {
	for {
		rec, err := rr.t.next()
		if err == io.EOF {
			return false
		}
		if err != nil {
			rr.probs.add(&rr.probs.Errors, asParseError(err, rr.t.file))
			if errors.Is(err, ErrMalformed) {
				continue // a bad quote spoils one record: read on
			}
			return false
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // blank line
		}
		if rr.repeatsHeader(rec) {
			rr.probs.add(&rr.probs.Errors, &ParseError{File: rr.t.file, Line: rr.t.line, Err: errRepeatedHeader})
			continue
		}
		rr.checkWidth(rec)
		rr.checkUnnamed(rec)
		rr.rec = rec
		return true
	}
}

// repeatsHeader reports whether a record is the header again (two files
// joined with cat), or, in a table of ties, names the source and target
// columns as an edge list's header does.
func (rr *rowReader) repeatsHeader(rec []string) bool {
	if len(rec) == 0 || rr.t.structured {
		return false
	}
	if _, ties := rr.idx["target"]; ties && looksLikeEdgeHeader(rec[:min(len(rec), 2)]) {
		return true
	}
	if len(rec) < len(rr.t.header) {
		return false
	}
	named := 0
	for i, h := range rr.t.header {
		if !headerIs(rec[i], h) {
			return false
		}
		if h != "" {
			named++
		}
	}
	return named > 0
}

// checkUnnamed warns, once, when a column without a header holds a value:
// partnet cannot name it, so it is neither read nor kept.
func (rr *rowReader) checkUnnamed(rec []string) {
	for _, i := range rr.unnamed {
		if i < len(rec) && strings.TrimSpace(rec[i]) != "" {
			cols := make([]string, len(rr.unnamed))
			for k, c := range rr.unnamed {
				cols[k] = strconv.Itoa(c + 1)
			}
			rr.probs.add(&rr.probs.Warnings, &ParseError{File: rr.t.file, Line: rr.t.line, Column: i + 1,
				Err: fmt.Errorf("column(s) %s have no header: their values are not read (give each a name to keep it as an attribute)", strings.Join(cols, ", "))})
			rr.unnamed = nil
			return
		}
	}
}

// checkWidth reports a row with non-empty fields beyond the header's
// columns: usually an unquoted delimiter inside a value ("Smith, Jones"),
// which shifts every later field. Empty trailing fields, as spreadsheets
// write them, are fine.
func (rr *rowReader) checkWidth(rec []string) {
	for i := len(rr.t.header); i < len(rec); i++ {
		if strings.TrimSpace(rec[i]) != "" {
			rr.probs.add(&rr.probs.Errors, &ParseError{File: rr.t.file, Line: rr.t.line, Column: i + 1, Field: rr.t.fieldName(i),
				Err: wrapMsg(ErrMalformed, fmt.Sprintf("%v: the row has %d fields but the header has %d: quote a value that contains the delimiter, e.g. \"Smith, Jones\"", ErrMalformed, len(rec), len(rr.t.header)))})
			return
		}
	}
}

func (rr *rowReader) get(col string) string {
	i := rr.idx[col]
	if i < 0 || i >= len(rr.rec) {
		return ""
	}
	return nfc(strings.TrimSpace(rr.rec[i]))
}

// nfc returns s in Unicode normalisation form C, so that "Café" typed with
// a composed é and with e plus a combining accent is one id. ASCII text is
// returned as it is, without allocating.
func nfc(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			if norm.NFC.IsNormalString(s) {
				return s
			}
			return norm.NFC.String(s)
		}
	}
	return s
}

func (rr *rowReader) fail(col string, err error) {
	rr.probs.add(&rr.probs.Errors, &ParseError{File: rr.t.file, Line: rr.t.line, Column: rr.idx[col] + 1, Field: col, Err: err})
}

func (rr *rowReader) number(col string) (float64, bool) {
	v, ok, err := ParseNumber(rr.get(col))
	if err != nil {
		rr.fail(col, err)
	}
	return v, ok
}

// money reads a value_gbp column: pounds, with £ and thousands
// separators allowed (see ParseMoney).
func (rr *rowReader) money(col string) (float64, bool) {
	v, ok, err := ParseMoney(rr.get(col))
	if err != nil {
		rr.fail(col, err)
	}
	return v, ok
}

func (rr *rowReader) dates() (start, end time.Time) {
	s, err := ParseDate(rr.get("start"))
	if err != nil {
		rr.fail("start", err)
	}
	e, err := ParseDate(rr.get("end"))
	if err != nil {
		rr.fail("end", err)
	}
	if !s.IsZero() && !e.IsZero() && e.Before(s) {
		rr.fail("end", wrapMsg(ErrEndBeforeStart, fmt.Sprintf("end %s is before start %s", e.Format(DateLayout), s.Format(DateLayout))))
	}
	return s, e
}

// attrs returns the row's extra columns (those no schema column claimed),
// or nil when they are all empty.
func (rr *rowReader) attrs() map[string]string {
	var m map[string]string
	if !rr.extrasDone {
		rr.extras, rr.extrasDone = rr.t.extras(rr.idx), true
	}
	key := rr.attrKey[:0]
	for _, i := range rr.extras {
		if i < len(rr.rec) && rr.rec[i] != "" {
			if m == nil {
				m = map[string]string{}
			}
			m[rr.t.header[i]] = nfc(rr.rec[i])
			key = append(append(append(key, rr.t.header[i]...), 0), rr.rec[i]...)
			key = append(key, 0)
		}
	}
	rr.attrKey = key
	if m == nil || !rr.shareAttrs {
		return m
	}
	// Rows with the same extra values share one map (a generated cluster
	// column: a thousand maps instead of a million). Readers never modify
	// attribute maps. The cache stops growing at maxSharedAttrs distinct
	// rows, so columns of unique values cost nothing extra.
	if shared, ok := rr.attrCache[string(key)]; ok {
		return shared
	}
	if rr.attrCache == nil {
		rr.attrCache = map[string]map[string]string{}
	}
	if len(rr.attrCache) < maxSharedAttrs {
		rr.attrCache[string(key)] = m
	}
	return m
}

// maxSharedAttrs bounds the distinct attribute maps rowReader.attrs shares.
const maxSharedAttrs = 1 << 16

// maxPopulation is more people than live on Earth: a larger population is
// a mistake (and would overflow the int64 it is stored in when huge).
const maxPopulation = 1e10

// growAfterRows is the row after which readOrganisations estimates the
// file's row count.
const growAfterRows = 1000

func readOrganisations(rr *rowReader, file string, net *graph.Network, probs *Problems) {
	if rr == nil {
		return
	}
	rows := 0
	rr.shareAttrs = true
	for rr.next() {
		rows++
		if rows == growAfterRows && rr.size > 0 && rr.t.r != nil {
			// Reserve room for the rest, estimated from the bytes the first
			// rows took: a million-row file then fills its slice and index
			// without a dozen regrowths.
			if off := rr.t.r.InputOffset(); off > 0 {
				net.Grow(int(float64(rr.size)/float64(off)*growAfterRows*1.02)-rows, 0)
			}
		}
		o := graph.Organisation{
			ID: rr.get("id"), Name: rr.get("name"), Sector: rr.vocab("sector"), Type: rr.vocab("type"),
			Region: rr.get("region"), Parent: rr.get("parent"),
		}
		if o.ID == "" {
			rr.fail("id", badValue("empty organisation id"))
			continue
		}
		if pop, ok := rr.number("population"); ok {
			if pop < 0 || pop != math.Trunc(pop) || pop > maxPopulation {
				rr.fail("population", badValue("%q: expected a whole number of people from 0 to %.0f", rr.get("population"), maxPopulation))
			}
			o.Population = int64(pop)
		}
		lat, okLat := rr.number("lat")
		lon, okLon := rr.number("lon")
		switch {
		case okLat != okLon:
			rr.fail("lat", badValue("lat and lon must be given together"))
		case okLat && (lat < -90 || lat > 90):
			rr.fail("lat", badValue("%v: latitude must be between -90 and 90", lat))
		case okLon && (lon < -180 || lon > 180):
			rr.fail("lon", badValue("%v: longitude must be between -180 and 180", lon))
		case okLat:
			o.Lat, o.Lon, o.HasLocation = lat, lon, true
		}
		o.Start, o.End = rr.dates()
		if s := rr.get("successor"); s != "" {
			for _, id := range strings.Split(s, ";") {
				if id = strings.TrimSpace(id); id != "" {
					o.Successors = append(o.Successors, id)
				}
			}
		}
		o.Attrs = rr.attrs()
		if err := net.AddOrganisation(o); err != nil {
			rr.fail("id", fmt.Errorf("%s is listed twice: %w", quoteID(o.ID), graph.ErrDuplicateID))
		}
	}
	if rows == 0 && len(probs.Errors) == 0 {
		probs.errorf(file, 1, "", fmt.Errorf("%w: header only, no organisations", ErrEmptyFile))
	}
	// Successors and parents must name organisations of the dataset.
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		for _, s := range o.Successors {
			if _, ok := net.Index(s); !ok {
				probs.warnf(file, 0, "successor", fmt.Errorf("organisation %s: successor %s is not in the dataset", quoteID(o.ID), quoteID(s)))
			}
		}
	}
}

func readPartnerships(rr *rowReader, file string, net *graph.Network, probs *Problems) {
	if rr == nil {
		return
	}
	for rr.next() {
		p, ok := rr.partnership()
		if !ok {
			// The row is reported already; its ends are still checked (as
			// a tie of weight 1, in a network that is then discarded) so
			// one pass lists every problem.
			p.Weight = 1
		}
		if err := net.AddPartnership(p); err != nil {
			col := "source"
			if errors.Is(err, graph.ErrUnknownOrganisation) && strings.HasPrefix(err.Error(), "target") {
				col = "target"
			}
			rr.fail(col, unknownOrgError(err, organisationsHintFor(file)))
		}
	}
}

// partnership reads the current row as a partnership; ok is false when the
// row is unusable (reported).
func (rr *rowReader) partnership() (p graph.Partnership, ok bool) {
	p = graph.Partnership{
		ID: rr.get("id"), Name: rr.get("name"), Source: rr.get("source"), Target: rr.get("target"),
		Kind: rr.vocab("kind"), ServiceArea: rr.get("service_area"), Programme: rr.get("programme"),
	}
	bad := false
	if w, ok := rr.number("weight"); ok {
		if err := checkWeight(w); err != nil {
			rr.fail("weight", err)
			bad = true
		}
		p.Weight = w
	}
	p.ValueGBP, p.HasValue = rr.money("value_gbp")
	if p.HasValue && p.ValueGBP < 0 {
		rr.fail("value_gbp", badValue("%v: a value must not be negative", p.ValueGBP))
	} else if p.HasValue && p.ValueGBP > MaxValueGBP {
		rr.fail("value_gbp", badValue("%v: a value must be at most %g", p.ValueGBP, MaxValueGBP))
	}
	p.Start, p.End = rr.dates()
	p.Attrs = rr.attrs()
	return p, !bad
}

const organisationsHint = "add it to " + OrganisationsFile

// organisationsHintFor says where an unknown organisation should be added,
// in the terms of the file's format.
func organisationsHintFor(file string) string {
	name, _, _ := strings.Cut(file, "[") // a workbook's file[sheet]
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx":
		return "add it to the organisations sheet"
	case ".json":
		return `add it to "organisations"`
	case ".graphml", ".gexf":
		return "add a node for it"
	}
	return organisationsHint
}

func unknownOrgError(err error, hint string) error {
	if end, ok := strings.CutSuffix(err.Error(), ` "": `+graph.ErrUnknownOrganisation.Error()); ok && errors.Is(err, graph.ErrUnknownOrganisation) {
		return badValue("empty %s: name the organisation at each end of the tie", end)
	}
	if errors.Is(err, graph.ErrUnknownOrganisation) {
		msg := strings.TrimSuffix(err.Error(), ": "+graph.ErrUnknownOrganisation.Error())
		// Quote the id again so that invisible differences show.
		if what, lit, ok := strings.Cut(msg, " "); ok {
			if id, uerr := strconv.Unquote(lit); uerr == nil {
				msg = what + " " + quoteID(id)
			}
		}
		return fmt.Errorf("%v (%s): %w", msg, hint, graph.ErrUnknownOrganisation)
	}
	return err
}

func readArrangements(rr *rowReader, file string, net *graph.Network, probs *Problems) {
	if rr == nil {
		return
	}
	for rr.next() {
		a := graph.Arrangement{
			ID: rr.get("id"), Name: rr.get("name"), Kind: rr.vocab("kind"),
			ServiceArea: rr.get("service_area"), Programme: rr.get("programme"),
		}
		if a.ID == "" {
			rr.fail("id", badValue("empty arrangement id"))
			continue
		}
		a.ValueGBP, a.HasValue = rr.money("value_gbp")
		if a.HasValue && (a.ValueGBP < 0 || a.ValueGBP > MaxValueGBP) {
			rr.fail("value_gbp", badValue("%v: a value must be from 0 to %g", a.ValueGBP, MaxValueGBP))
		}
		a.Start, a.End = rr.dates()
		a.Attrs = rr.attrs()
		if err := net.AddArrangement(a); err != nil {
			rr.fail("id", fmt.Errorf("%s is listed twice: %w", quoteID(a.ID), graph.ErrDuplicateID))
		}
	}
}

func readMembers(rr *rowReader, file string, net *graph.Network, probs *Problems) {
	if rr == nil {
		return
	}
	for rr.next() {
		m := graph.Membership{ArrangementID: rr.get("arrangement_id"), OrganisationID: rr.get("organisation_id"), Role: rr.get("role")}
		if err := net.AddMembership(m); err != nil {
			col := "organisation_id"
			switch {
			case errors.Is(err, graph.ErrUnknownArrangement):
				col = "arrangement_id"
				err = fmt.Errorf("%v (add it to %s)", err, ArrangementsFile)
			case errors.Is(err, graph.ErrDuplicateID):
				err = fmt.Errorf("%s is listed twice as a member of %s: %w", quoteID(m.OrganisationID), quoteID(m.ArrangementID), graph.ErrDuplicateID)
			}
			rr.fail(col, unknownOrgError(err, organisationsHintFor(file)))
		}
	}
	for i := 0; i < net.NumArrangements(); i++ {
		if len(net.ArrangementMembers(i)) < 2 {
			probs.warnf(file, 0, "arrangement_id", fmt.Errorf("arrangement %q has %d member(s): it makes no tie", net.Arrangement(i).ID, len(net.ArrangementMembers(i))))
		}
	}
}

// warnIsolated adds one warning naming how many organisations have no tie,
// with the first few ids.
func warnIsolated(net *graph.Network, file string, probs *Problems) {
	tied := make([]bool, net.NumOrganisations())
	for i := 0; i < net.NumPartnerships(); i++ {
		a, b := net.PartnershipEnds(i)
		tied[a], tied[b] = true, true
	}
	for i := 0; i < net.NumArrangements(); i++ {
		if m := net.ArrangementMembers(i); len(m) >= 2 {
			for _, o := range m {
				tied[o] = true
			}
		}
	}
	var ids []string
	count := 0
	for i, t := range tied {
		if !t {
			count++
			if len(ids) < 5 {
				ids = append(ids, net.Organisation(i).ID)
			}
		}
	}
	if count > 0 {
		more := ""
		if count > len(ids) {
			more = ", ..."
		}
		probs.warnf(file, 0, "", fmt.Errorf("%s no partnership or shared arrangement (isolated): %s%s", countNoun(count, "organisation has", "organisations have"), strings.Join(ids, ", "), more))
	}
}
