package reports

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/partnet/partnet/analysis/groups"
	"github.com/partnet/partnet/graph"
)

// GroupsView is the candidate-groups report, one entry per tier in the
// order the tiers were chosen. JSON field names are snake_case and only
// ever added to.
type GroupsView struct {
	Dataset   string `json:"dataset"`
	Weighting string `json:"weighting"`
	// Adjacency says where shared borders came from ("" when none).
	Adjacency string `json:"adjacency"`
	Formula   string `json:"score_formula"`
	// At is the day of the round (YYYY-MM-DD; "" for undated data) and
	// AtSource where it came from ("given", "latest date in the data").
	At       string           `json:"at"`
	AtSource string           `json:"at_source"`
	Tiers    []GroupsTierView `json:"tiers"`
}

// GroupsTierView is one tier's shortlist.
type GroupsTierView struct {
	Tier      string `json:"tier"`
	MinSize   int    `json:"min_size"`
	MaxSize   int    `json:"max_size"`
	MaxGroups int    `json:"max_groups"`
	Eligible  int    `json:"eligible"`
	Method    string `json:"method"`
	Note      string `json:"note"`
	// Selection is "exact" or "within X of the bound"; Total is the
	// shortlist's total score, Bound an upper bound on any shortlist's
	// total from the same candidates (SelectionGap = Bound - Total);
	// Candidates how many candidates it was chosen from.
	Selection    string      `json:"selection"`
	Total        float64     `json:"total_score"`
	Bound        float64     `json:"score_bound"`
	SelectionGap float64     `json:"selection_gap"`
	Candidates   int         `json:"candidates"`
	Groups       []GroupView `json:"groups"`
}

// GroupView is one ranked group.
type GroupView struct {
	Tier    string        `json:"tier"`
	Rank    int           `json:"rank"`
	GroupID string        `json:"group_id"`
	Members []GroupMember `json:"members"`
	Score   float64       `json:"score"`
	// Parts are the score parts, each in [0, 1]; Points what each added to
	// (or, for weakest_link, took from) the score.
	Parts  GroupParts `json:"parts"`
	Points GroupParts `json:"points"`
	// The raw figures behind the parts.
	InsideWeight   float64       `json:"inside_weight"`
	Ties           int           `json:"ties"`
	MeanDistanceKm *float64      `json:"mean_distance_km"`
	BorderShare    *float64      `json:"border_share"`
	Population     int64         `json:"population"`
	Weakest        *GroupWeakest `json:"weakest"`
	// Appearances of the (resolution, seed) runs produced this group or
	// one close to it; Sensitivity is their share and SensitivityLabel
	// says robust (>= 0.8), fairly stable (>= 0.5) or sensitive.
	Appearances      int     `json:"appearances"`
	Runs             int     `json:"runs"`
	Sensitivity      float64 `json:"sensitivity"`
	SensitivityLabel string  `json:"sensitivity_label"`
	// Connected says whether the group's partnerships join all members.
	Connected bool            `json:"connected"`
	Evidence  []GroupEvidence `json:"evidence"`
	// CompactnessKnown is false when neither distance (every member
	// located) nor shared borders are known: compactness then scores 0.
	// Unlocated lists the members without a location.
	CompactnessKnown bool     `json:"compactness_known"`
	Unlocated        []string `json:"unlocated"`
}

// GroupParts are the named score parts (or their points).
type GroupParts struct {
	Collaboration float64 `json:"collaboration"`
	Cohesion      float64 `json:"cohesion"`
	Density       float64 `json:"density"`
	Compactness   float64 `json:"compactness"`
	Scale         float64 `json:"scale"`
	WeakestLink   float64 `json:"weakest_link"`
	Depth         float64 `json:"depth"`
}

// GroupMember is a member of a group.
type GroupMember struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Region string `json:"region"`
}

// GroupWeakest is the member least tied to the rest, and why.
type GroupWeakest struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	TieWeight   float64 `json:"tie_weight"`
	Share       float64 `json:"share"`
	PartnerID   string  `json:"partner_id"`
	PartnerName string  `json:"partner_name"`
	Reason      string  `json:"reason"`
}

// GroupEvidence is a partnership between two members, or an arrangement
// (shared body, joint plan, shared management) several members belong to.
type GroupEvidence struct {
	Source      string   `json:"source"` // "partnership" or "arrangement"
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	ServiceArea string   `json:"service_area"`
	Programme   string   `json:"programme"`
	ValueGBP    *float64 `json:"value_gbp"`
	// Weight is the tie weight it adds between each pair of MemberIDs.
	Weight      float64  `json:"weight"`
	MemberIDs   []string `json:"member_ids"`
	MemberNames []string `json:"member_names"`
	// AllMembers is how many organisations the arrangement has in all
	// (2 for a partnership).
	AllMembers int `json:"all_members"`
}

// GroupsFormula documents the score.
const GroupsFormula = "score = 40 collaboration + 15 cohesion + 10 density + 10 depth + 10 compactness (20 with prefer-near) + 15 scale (large tier only) - 10 weakest_link; each part 0 to 1; compactness 0 when unknown"

// NewGroupsView builds the report from groups.SearchTiers' results on net.
// The weighting shown is the one the results were scored with.
func NewGroupsView(dataset string, net *graph.Network, adjacency string, results []*groups.Result) *GroupsView {
	v := &GroupsView{Dataset: dataset, Weighting: groups.EffectiveWeighting(graph.Weighting{}).Describe(), Adjacency: adjacency, Formula: GroupsFormula, Tiers: []GroupsTierView{}}
	for _, r := range results {
		if r.Weighting != "" {
			v.Weighting = r.Weighting
		}
		if !r.At.IsZero() {
			v.At = r.At.Format(time.DateOnly)
		}
		v.AtSource = r.AtSource
		t := GroupsTierView{Tier: string(r.Tier), MinSize: r.MinSize, MaxSize: r.MaxSize, MaxGroups: r.MaxGroups,
			Eligible: r.Eligible, Method: r.Method, Note: r.Note, Selection: r.Selection, Total: r.Total, Bound: r.Bound,
			SelectionGap: r.Bound - r.Total, Candidates: r.Candidates, Groups: []GroupView{}}
		for _, g := range r.Groups {
			t.Groups = append(t.Groups, groupView(net, r, g))
		}
		v.Tiers = append(v.Tiers, t)
	}
	return v
}

func groupView(net *graph.Network, r *groups.Result, g groups.Group) GroupView {
	sc := g.Score
	gv := GroupView{Tier: string(r.Tier), Rank: g.Rank, GroupID: g.ID, Score: sc.Total,
		Parts: GroupParts{Collaboration: sc.Collaboration, Cohesion: sc.Cohesion, Density: sc.Density,
			Compactness: sc.Compactness, Scale: sc.Scale, WeakestLink: sc.WeakestLink, Depth: sc.Depth},
		Points: GroupParts{Collaboration: groups.WeightCollaboration * sc.Collaboration, Cohesion: groups.WeightCohesion * sc.Cohesion,
			Density: groups.WeightDensity * sc.Density, Compactness: r.CompactnessWeight * sc.Compactness,
			Scale: groups.WeightScale * sc.Scale, WeakestLink: 0 - groups.WeightWeakestLink*sc.WeakestLink + 0,
			Depth: groups.WeightDepth * sc.Depth},
		InsideWeight: sc.InsideWeight, Ties: sc.Ties, Population: sc.Population,
		Appearances: g.Appearances, Runs: g.Runs, Connected: g.Connected, Evidence: []GroupEvidence{},
		CompactnessKnown: sc.CompactnessKnown, Unlocated: []string{}}
	for _, u := range g.Unlocated {
		gv.Unlocated = append(gv.Unlocated, net.Organisation(u).ID)
	}
	if !math.IsNaN(sc.MeanDistanceKm) {
		d := sc.MeanDistanceKm
		gv.MeanDistanceKm = &d
	}
	if !math.IsNaN(sc.BorderShare) {
		b := sc.BorderShare
		gv.BorderShare = &b
	}
	for _, m := range g.Members {
		o := net.Organisation(m)
		gv.Members = append(gv.Members, GroupMember{ID: o.ID, Name: orgName(net, m), Type: o.Type, Region: o.Region})
	}
	if g.Runs > 0 {
		gv.Sensitivity = float64(g.Appearances) / float64(g.Runs)
	}
	switch {
	case gv.Sensitivity >= 0.8:
		gv.SensitivityLabel = "robust"
	case gv.Sensitivity >= 0.5:
		gv.SensitivityLabel = "fairly stable"
	default:
		gv.SensitivityLabel = "sensitive"
	}
	if g.Weakest >= 0 {
		wk := &GroupWeakest{ID: net.Organisation(g.Weakest).ID, Name: orgName(net, g.Weakest), TieWeight: g.WeakestWeight, Share: g.WeakestShare}
		if g.WeakestPartner >= 0 {
			wk.PartnerID, wk.PartnerName = net.Organisation(g.WeakestPartner).ID, orgName(net, g.WeakestPartner)
		}
		wk.Reason = weakestReason(wk)
		gv.Weakest = wk
	}
	for _, e := range g.Evidence {
		gv.Evidence = append(gv.Evidence, evidenceView(net, e))
	}
	sortEvidence(gv.Evidence)
	return gv
}

// weakestReason says in words why a member is the weakest.
func weakestReason(wk *GroupWeakest) string {
	if wk.TieWeight == 0 {
		return "no partnership or shared arrangement with the other members"
	}
	s := fmt.Sprintf("least tied to the rest: tie weight %.2f, %.0f%% of its collaboration", wk.TieWeight, 100*wk.Share)
	if wk.PartnerName != "" {
		s += "; strongest partner inside: " + wk.PartnerName
	}
	return s
}

func evidenceView(net *graph.Network, e graph.Evidence) GroupEvidence {
	var ev GroupEvidence
	if e.Partnership >= 0 {
		p := net.Partnership(e.Partnership)
		ev = GroupEvidence{Source: "partnership", ID: p.ID, Name: p.Name, Kind: p.Kind, ServiceArea: p.ServiceArea, Programme: p.Programme, AllMembers: 2}
		if p.HasValue {
			x := p.ValueGBP
			ev.ValueGBP = &x
		}
	} else {
		a := net.Arrangement(e.Arrangement)
		ev = GroupEvidence{Source: "arrangement", ID: a.ID, Name: a.Name, Kind: a.Kind, ServiceArea: a.ServiceArea, Programme: a.Programme,
			AllMembers: len(net.ArrangementMembers(e.Arrangement))}
		if a.HasValue {
			x := a.ValueGBP
			ev.ValueGBP = &x
		}
	}
	ev.Weight = e.Weight
	for _, m := range e.Members {
		ev.MemberIDs = append(ev.MemberIDs, net.Organisation(m).ID)
		ev.MemberNames = append(ev.MemberNames, orgName(net, m))
	}
	return ev
}

// sortEvidence puts the strongest ties first: by the weight each adds
// per pair of members (so shared services and shared management come
// before fire and police areas shared with many others), then by how many
// members it joins, kind, name and id.
func sortEvidence(ev []GroupEvidence) {
	sort.SliceStable(ev, func(a, b int) bool {
		x, y := ev[a], ev[b]
		if x.Weight != y.Weight {
			return x.Weight > y.Weight
		}
		if len(x.MemberIDs) != len(y.MemberIDs) {
			return len(x.MemberIDs) > len(y.MemberIDs)
		}
		if x.Kind != y.Kind {
			return x.Kind < y.Kind
		}
		if x.Name != y.Name {
			return x.Name < y.Name
		}
		return x.ID < y.ID
	})
}
