package graph

import (
	"sort"
	"time"
)

// Sectors an organisation may belong to. Other values are accepted and
// carried as given.
const (
	SectorCouncil     = "council"
	SectorThirdSector = "third_sector"
	SectorAgency      = "agency"
	SectorPrivate     = "private"
)

// Organisation is a node: a council, a third-sector body, an agency or a
// private firm. Zero values mean "not known": an empty string, a zero
// population, HasLocation false, a zero Start or End.
type Organisation struct {
	ID     string
	Name   string
	Sector string
	// Type is e.g. county, district, unitary, metropolitan_district,
	// london_borough, combined_authority for councils; fire_authority,
	// police for agencies; charity, mutual for the third sector.
	Type   string
	Region string
	// Parent is the id of a containing organisation (a district's county).
	Parent     string
	Population int64
	// Lat and Lon are WGS84 degrees; they mean something only when
	// HasLocation is true.
	Lat, Lon    float64
	HasLocation bool
	Start, End  time.Time
	// Successors are the ids of the organisations that replaced this one when
	// it was abolished.
	Successors []string
	// Attrs holds every other column, keyed by its lower-case header.
	Attrs map[string]string
}

// Label returns the name, or the id when the name is empty.
func (o *Organisation) Label() string {
	if o.Name != "" {
		return o.Name
	}
	return o.ID
}

// ActiveOn reports whether the organisation existed on day d. A zero Start or
// End is open; both ends are inclusive.
func (o *Organisation) ActiveOn(d time.Time) bool { return activeOn(o.Start, o.End, d) }

// Attr returns a named attribute: one of the built-in fields (id, name,
// sector, type, region, parent) or an extra column.
func (o *Organisation) Attr(name string) string {
	switch name {
	case "id":
		return o.ID
	case "name":
		return o.Name
	case "sector":
		return o.Sector
	case "type":
		return o.Type
	case "region":
		return o.Region
	case "parent":
		return o.Parent
	}
	return o.Attrs[name]
}

// Partnership is a recorded tie between two organisations. Weight is the
// tie's base weight before the kind weight is applied; zero means 1.
type Partnership struct {
	ID          string
	Name        string
	Source      string
	Target      string
	Kind        string
	ServiceArea string
	Programme   string
	Weight      float64
	Start, End  time.Time
	// ValueGBP is the money involved (a grant's amount); HasValue says
	// whether it was given.
	ValueGBP float64
	HasValue bool
	Attrs    map[string]string
}

// ActiveOn reports whether the partnership was active on day d (open ends
// count as active; both ends inclusive).
func (p *Partnership) ActiveOn(d time.Time) bool { return activeOn(p.Start, p.End, d) }

// Arrangement is a project, shared service or body with many members. It is
// projected into ties between each pair of its members.
type Arrangement struct {
	ID          string
	Name        string
	Kind        string
	ServiceArea string
	Programme   string
	Start, End  time.Time
	ValueGBP    float64
	HasValue    bool
	Attrs       map[string]string
}

// ActiveOn reports whether the arrangement was active on day d.
func (a *Arrangement) ActiveOn(d time.Time) bool { return activeOn(a.Start, a.End, d) }

// Membership places an organisation in an arrangement.
type Membership struct {
	ArrangementID  string
	OrganisationID string
	Role           string
}

// Metadata describes a dataset (from dataset.yaml).
type Metadata struct {
	Title       string `json:"title,omitempty" yaml:"title,omitempty"`
	Description string `json:"description,omitempty" yaml:"description,omitempty"`
	Source      string `json:"source,omitempty" yaml:"source,omitempty"`
	Licence     string `json:"licence,omitempty" yaml:"licence,omitempty"`
}

func activeOn(start, end, d time.Time) bool {
	if !start.IsZero() && d.Before(start) {
		return false
	}
	if !end.IsZero() && d.After(end) {
		return false
	}
	return true
}

// overlaps reports whether [start, end] (open ends allowed) meets [from, to].
func overlaps(start, end, from, to time.Time) bool {
	if !to.IsZero() && !start.IsZero() && start.After(to) {
		return false
	}
	if !from.IsZero() && !end.IsZero() && end.Before(from) {
		return false
	}
	return true
}

// SortedKeys returns the keys of an attribute map in order.
func SortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
