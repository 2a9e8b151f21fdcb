package reports

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/graph"
)

// PotentialFormula documents the potential score.
const PotentialFormula = "score = 40 shared_partners (Adamic-Adar / largest among candidates) + 20 shared_areas (statutory areas shared, 3 or more = 1) + 30 border (shared border, or a district and its county) + 10 same_type; each part 0 to 1"

// PotentialView is the "who could work together next" report (groups
// --mode potential). JSON field names are snake_case and only ever added
// to.
type PotentialView struct {
	Dataset string `json:"dataset"`
	Mode    string `json:"mode"`
	// At is the round's day, YYYY-MM-DD ("" when the data has no dates).
	At string `json:"at"`
	// Adjacency says where shared borders came from ("" when none).
	Adjacency string `json:"adjacency"`
	Formula   string `json:"score_formula"`
	Note      string `json:"note"`
	Eligible  int    `json:"eligible"`
	// Candidates are the eligible pairs with evidence not yet sharing
	// management or a service; AlreadySharing those that do (not proposed).
	Candidates     int `json:"candidates"`
	AlreadySharing int `json:"already_sharing"`
	// BroadAreas: statutory areas too wide to count as shared (more than
	// groups.MaxAreaMembers eligible members).
	BroadAreas int                  `json:"broad_areas"`
	Pairs      []PotentialPairView  `json:"pairs"`
	Groups     []PotentialGroupView `json:"groups"`
}

// PotentialPairView is one proposed pair and its evidence.
type PotentialPairView struct {
	Rank    int            `json:"rank"`
	Members []GroupMember  `json:"members"`
	Score   float64        `json:"score"`
	Parts   PotentialParts `json:"parts"`
	Points  PotentialParts `json:"points"`
	// AdamicAdar is the raw shared-partner index.
	AdamicAdar   float64 `json:"adamic_adar"`
	SharesBorder bool    `json:"shares_border"`
	// Inside: one is the other's parent (a district and its county),
	// which earns the border part too.
	Inside bool `json:"inside"`
	// DistanceKm is null when either has no location.
	DistanceKm     *float64             `json:"distance_km"`
	SharedPartners []PotentialPartner   `json:"shared_partners"`
	SharedAreas    []PotentialAreaShare `json:"shared_areas"`
}

// PotentialParts are the potential score's named parts (or their points).
type PotentialParts struct {
	SharedPartners float64 `json:"shared_partners"`
	SharedAreas    float64 `json:"shared_areas"`
	Border         float64 `json:"border"`
	SameType       float64 `json:"same_type"`
}

// PotentialPartner is a partner both organisations of a pair work with;
// Partners is how many partners it has (the fewer, the more it tells).
type PotentialPartner struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Sector   string `json:"sector"`
	Partners int    `json:"partners"`
}

// PotentialAreaShare is a statutory area (fire, police, resilience,
// combined authority) both belong to.
type PotentialAreaShare struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// PotentialGroupView is a group of three whose three pairs all rank.
type PotentialGroupView struct {
	Rank    int           `json:"rank"`
	Members []GroupMember `json:"members"`
	Score   float64       `json:"score"`
	// PairRanks are the ranks of its three pairs among all candidates.
	PairRanks []int `json:"pair_ranks"`
}

// NewPotentialView builds the report from Potential's result on net.
func NewPotentialView(dataset string, net *graph.Network, adjacency string, r *groups.PotentialResult) *PotentialView {
	v := &PotentialView{Dataset: dataset, Mode: "potential", Adjacency: adjacency, Formula: PotentialFormula, Note: r.Note,
		Eligible: r.Eligible, Candidates: r.Candidates, AlreadySharing: r.Sharing, BroadAreas: r.BroadAreas,
		Pairs: []PotentialPairView{}, Groups: []PotentialGroupView{}}
	if !r.At.IsZero() {
		v.At = r.At.Format("2006-01-02")
	}
	for _, p := range r.Pairs {
		pv := PotentialPairView{Rank: p.Rank, Members: []GroupMember{member(net, p.A), member(net, p.B)}, Score: p.Score,
			Parts: PotentialParts{p.Parts.Partners, p.Parts.Areas, p.Parts.Border, p.Parts.SameType},
			Points: PotentialParts{groups.PotentialWeightPartners * p.Parts.Partners, groups.PotentialWeightAreas * p.Parts.Areas,
				groups.PotentialWeightBorder * p.Parts.Border, groups.PotentialWeightType * p.Parts.SameType},
			AdamicAdar: p.AdamicAdar, SharesBorder: p.Border, Inside: p.Inside,
			SharedPartners: []PotentialPartner{}, SharedAreas: []PotentialAreaShare{}}
		if !math.IsNaN(p.DistanceKm) {
			d := p.DistanceKm
			pv.DistanceKm = &d
		}
		for k, w := range p.Partners {
			o := net.Organisation(w)
			pv.SharedPartners = append(pv.SharedPartners, PotentialPartner{ID: o.ID, Name: o.Name, Sector: o.Sector, Partners: p.PartnerDegrees[k]})
		}
		for _, a := range p.Areas {
			ar := net.Arrangement(a)
			pv.SharedAreas = append(pv.SharedAreas, PotentialAreaShare{ID: ar.ID, Name: ar.Name, Kind: ar.Kind})
		}
		v.Pairs = append(v.Pairs, pv)
	}
	for _, g := range r.Groups {
		gv := PotentialGroupView{Rank: g.Rank, Score: g.Score, PairRanks: g.Pairs[:]}
		for _, m := range g.Members {
			gv.Members = append(gv.Members, member(net, m))
		}
		v.Groups = append(v.Groups, gv)
	}
	return v
}

func member(net *graph.Network, i int) GroupMember {
	o := net.Organisation(i)
	return GroupMember{ID: o.ID, Name: o.Name, Type: o.Type, Region: o.Region}
}

// PotentialCSVColumns are the columns of WritePotentialCSV, in order.
var PotentialCSVColumns = []string{"kind", "rank", "members", "member_names", "score",
	"shared_partners", "shared_areas", "border", "same_type", "adamic_adar", "shares_border", "inside", "distance_km",
	"shared_partner_ids", "shared_partner_names", "shared_area_names", "pair_ranks"}

// WritePotentialCSV writes one row per pair (kind "pair") then one per
// group of three (kind "group", with the ranks of its pairs), in rank
// order, with the PotentialCSVColumns header. Lists are joined with ";";
// empty cells mean not known (distance without locations) or not
// applicable (a group's parts). Numbers have 6 decimals.
func WritePotentialCSV(w io.Writer, v *PotentialView) error {
	rows := [][]string{PotentialCSVColumns}
	for _, p := range v.Pairs {
		var pid, pname, aname []string
		for _, s := range p.SharedPartners {
			pid, pname = append(pid, s.ID), append(pname, s.Name)
		}
		for _, a := range p.SharedAreas {
			aname = append(aname, a.Name)
		}
		ids, names := memberLists(p.Members)
		rows = append(rows, []string{"pair", strconv.Itoa(p.Rank), ids, names, ftoa(p.Score),
			ftoa(p.Parts.SharedPartners), ftoa(p.Parts.SharedAreas), ftoa(p.Parts.Border), ftoa(p.Parts.SameType),
			ftoa(p.AdamicAdar), strconv.FormatBool(p.SharesBorder), strconv.FormatBool(p.Inside), optF(p.DistanceKm),
			strings.Join(pid, ";"), strings.Join(pname, ";"), strings.Join(aname, ";"), ""})
	}
	for _, g := range v.Groups {
		ids, names := memberLists(g.Members)
		ranks := make([]string, len(g.PairRanks))
		for i, r := range g.PairRanks {
			ranks[i] = strconv.Itoa(r)
		}
		rows = append(rows, []string{"group", strconv.Itoa(g.Rank), ids, names, ftoa(g.Score),
			"", "", "", "", "", "", "", "", "", "", "", strings.Join(ranks, ";")})
	}
	cw := NewCSVWriter(w) // cells guarded against formula injection
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("potential csv: %w", err)
	}
	return nil
}

// memberLabel is a member's name, or its id when it has none.
func memberLabel(m GroupMember) string {
	if m.Name != "" {
		return m.Name
	}
	return m.ID
}

func memberLists(ms []GroupMember) (string, string) {
	ids, names := make([]string, len(ms)), make([]string, len(ms))
	for i, m := range ms {
		ids[i], names[i] = m.ID, m.Name
	}
	return strings.Join(ids, ";"), strings.Join(names, ";")
}

// WritePotentialText writes the pairs as a table, each with its evidence,
// then the groups of three.
func WritePotentialText(w io.Writer, v *PotentialView) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Who could work together next in %s", Plain(v.Dataset))
	if v.At != "" {
		fmt.Fprintf(&b, ", as on %s", v.At)
	}
	b.WriteString("\n")
	b.WriteString("Score (0-100) = 40 x shared partners (Adamic-Adar: partners in common, each counting 1/ln of its own\n" +
		"  number of partners, divided by the largest among candidates) + 20 x shared statutory areas (fire, police,\n" +
		"  resilience, combined authority; 3 or more count in full) + 30 x shared border (or a district and its\n" +
		"  county) + 10 x same type. Pairs already sharing management or a service are not proposed.\n")
	if v.Adjacency != "" {
		fmt.Fprintf(&b, "Shared borders from %s.\n", Plain(v.Adjacency))
	} else {
		b.WriteString("No border table: the border part is 0 for every pair.\n")
	}
	fmt.Fprintf(&b, "%s; %s already share management or a service (not proposed); %s.\n",
		plural(v.Eligible, "eligible organisation", "eligible organisations"), plural(v.AlreadySharing, "pair", "pairs"),
		plural(v.Candidates, "candidate pair", "candidate pairs"))
	if v.BroadAreas > 0 {
		fmt.Fprintf(&b, "%d statutory areas with more than %d eligible members were not counted as shared areas.\n", v.BroadAreas, groups.MaxAreaMembers)
	}
	b.WriteString("\n")
	if len(v.Pairs) == 0 {
		// An empty table says nothing; say why there is nothing to rank.
		switch {
		case v.Eligible < 2:
			b.WriteString("No pair to propose: a pair needs 2 eligible organisations (choose sectors with --members).\n")
		default:
			b.WriteString("No pair to propose: every pair of eligible organisations already shares management or a service, or has nothing in common to score.\n")
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "rank\tscore\tpartners\tareas\tborder\ttype\tkm\tpair")
	for _, p := range v.Pairs {
		km := "-"
		if p.DistanceKm != nil {
			km = tnum(*p.DistanceKm)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s + %s\n", p.Rank, tnum(p.Score), tnum(p.Parts.SharedPartners), tnum(p.Parts.SharedAreas), tnum(p.Parts.Border), tnum(p.Parts.SameType), km, Plain(memberLabel(p.Members[0])), Plain(memberLabel(p.Members[1])))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, p := range v.Pairs {
		fmt.Fprintf(&b, "\n%d. %s (%s) + %s (%s)  score %s\n", p.Rank, Plain(memberLabel(p.Members[0])), Plain(p.Members[0].ID), Plain(memberLabel(p.Members[1])), Plain(p.Members[1].ID), tnum(p.Score))
		fmt.Fprintf(&b, "   score: shared partners %s + shared areas %s + border %s + same type %s\n", tnum(p.Points.SharedPartners), tnum(p.Points.SharedAreas), tnum(p.Points.Border), tnum(p.Points.SameType))
		if len(p.SharedPartners) > 0 {
			names := make([]string, 0, 8)
			for _, s := range p.SharedPartners[:min(8, len(p.SharedPartners))] {
				label := s.Name
				if label == "" {
					label = s.ID
				}
				names = append(names, fmt.Sprintf("%s (%d partners)", Plain(label), s.Partners))
			}
			more := ""
			if len(p.SharedPartners) > 8 {
				more = fmt.Sprintf(" and %d more", len(p.SharedPartners)-8)
			}
			fmt.Fprintf(&b, "   %s (Adamic-Adar %s): %s%s\n", plural(len(p.SharedPartners), "shared partner", "shared partners"), tnum(p.AdamicAdar), strings.Join(names, "; "), more)
		}
		if len(p.SharedAreas) > 0 {
			names := make([]string, len(p.SharedAreas))
			for i, a := range p.SharedAreas {
				names[i] = Plain(a.Name)
			}
			fmt.Fprintf(&b, "   shared statutory areas: %s\n", strings.Join(names, "; "))
		}
		if p.SharesBorder {
			b.WriteString("   shares a border\n")
		}
		if p.Inside {
			b.WriteString("   one lies inside the other (a district and its county)\n")
		}
	}
	if len(v.Groups) > 0 {
		b.WriteString("\nGroups of three whose three pairs are all candidates (score = mean of the pairs' scores):\n")
		for _, g := range v.Groups {
			names := make([]string, len(g.Members))
			for i, m := range g.Members {
				names[i] = Plain(memberLabel(m))
			}
			fmt.Fprintf(&b, "%d. %s  score %s  (pairs ranked %d, %d, %d)\n", g.Rank, strings.Join(names, ", "), tnum(g.Score), g.PairRanks[0], g.PairRanks[1], g.PairRanks[2])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
