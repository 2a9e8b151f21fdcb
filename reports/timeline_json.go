package reports

import (
	"io"

	"github.com/partnet/partnet/analysis/timeline"
)

// The JSON form of partnet timeline (--format json). The field names are
// the output contract (docs/output-contract.md): snake_case, only ever
// added to. They live here, not on analysis/timeline's types, so that the
// analysis can change its types without changing the output.

// TimelineView is a timeline.Result as JSON.
type TimelineView struct {
	Dates           []string             `json:"dates"`
	Weighting       string               `json:"weighting"`
	Undated         TimelineUndatedView  `json:"undated"`
	DropUndated     bool                 `json:"drop_undated"`
	CarrySuccessors bool                 `json:"carry_successors"`
	Carried         *TimelineCarriedView `json:"carried,omitempty"`
	Periods         []TimelinePeriodView `json:"periods"`
	Clusters        *ClusterTrackingView `json:"clusters"`
	Successions     []SuccessionView     `json:"successions"`
	Survival        *SurvivalResultView  `json:"survival"`
}

// TimelineUndatedView counts the partnerships and arrangements with and
// without dates.
type TimelineUndatedView struct {
	Partnerships      int `json:"partnerships"`
	Arrangements      int `json:"arrangements"`
	DatedPartnerships int `json:"dated_partnerships"`
	DatedArrangements int `json:"dated_arrangements"`
}

// TimelineCarriedView counts what --carry-successors moved.
type TimelineCarriedView struct {
	Partnerships int `json:"partnerships"`
	Memberships  int `json:"memberships"`
}

// TimelinePeriodView is one snapshot date's measures.
type TimelinePeriodView struct {
	Date                string                    `json:"date"`
	Organisations       int                       `json:"organisations"`
	OrganisationsJoined int                       `json:"organisations_joined"`
	OrganisationsLeft   int                       `json:"organisations_left"`
	Ties                int                       `json:"ties"`
	TiesFormed          int                       `json:"ties_formed"`
	TiesEnded           int                       `json:"ties_ended"`
	Density             float64                   `json:"density"`
	WeightedDensity     float64                   `json:"weighted_density"`
	Components          int                       `json:"components"`
	LargestComponent    int                       `json:"largest_component"`
	Isolated            int                       `json:"isolated"`
	AverageClustering   float64                   `json:"average_clustering"`
	Clusters            int                       `json:"clusters"`
	SectorDensity       []BlockDensityView        `json:"sector_density"`
	DegreeChanges       []DegreeChangeView        `json:"degree_changes"`
	NewlyCentral        []CentralOrganisationView `json:"newly_central"`
}

// BlockDensityView is the density between (or within) two sectors.
type BlockDensityView struct {
	SectorA         string  `json:"sector_a"`
	SectorB         string  `json:"sector_b"`
	Ties            int     `json:"ties"`
	Pairs           int     `json:"pairs"`
	Density         float64 `json:"density"`
	WeightedDensity float64 `json:"weighted_density"`
}

// DegreeChangeView is an organisation whose number of ties changed.
type DegreeChangeView struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Before int    `json:"before"`
	After  int    `json:"after"`
	Change int    `json:"change"`
}

// CentralOrganisationView is a newly central organisation.
type CentralOrganisationView struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Rank     int     `json:"rank"`
	Degree   int     `json:"degree"`
	Strength float64 `json:"strength"`
}

// ClusterTrackingView is the clusters tracked across dates.
type ClusterTrackingView struct {
	Threshold   float64                `json:"threshold"`
	MinSize     int                    `json:"min_size"`
	Clusters    [][]TrackedClusterView `json:"clusters"`
	Transitions []TransitionView       `json:"transitions"`
}

// TrackedClusterView is one cluster on one date.
type TrackedClusterView struct {
	ID        int      `json:"id"`
	Size      int      `json:"size"`
	MemberIDs []string `json:"members,omitempty"`
	Label     string   `json:"label,omitempty"`
}

// TransitionView is what happened to clusters between two dates.
type TransitionView struct {
	Period int               `json:"period"`
	Date   string            `json:"date,omitempty"`
	Kind   string            `json:"kind"`
	From   []int             `json:"from"`
	To     []int             `json:"to"`
	Links  []ClusterLinkView `json:"links"`
}

// ClusterLinkView is the overlap of two clusters on consecutive dates.
type ClusterLinkView struct {
	From    int     `json:"from"`
	To      int     `json:"to"`
	Shared  int     `json:"shared"`
	Jaccard float64 `json:"jaccard"`
}

// SuccessionView is one successor and what joined its predecessors.
type SuccessionView struct {
	Successor     string             `json:"successor"`
	SuccessorName string             `json:"successor_name"`
	Date          string             `json:"date"`
	Predecessors  []PredecessorView  `json:"predecessors"`
	Preceding     []PrecedingTieView `json:"preceding"`
	Pairs         int                `json:"pairs"`
	PairsJoined   int                `json:"pairs_joined"`
	PairsChosen   int                `json:"pairs_chosen"`
}

// PredecessorView is one predecessor of a successor.
type PredecessorView struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	End        string   `json:"end"`
	Successors []string `json:"successors"`
}

// PrecedingTieView is a partnership or arrangement that joined
// predecessors before the succession.
type PrecedingTieView struct {
	Record      string   `json:"record"`
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	ServiceArea string   `json:"service_area"`
	Start       string   `json:"start"`
	End         string   `json:"end"`
	KindWeight  float64  `json:"kind_weight"`
	Members     []string `json:"members"`
}

// SurvivalResultView is the survival of partnerships and arrangements.
type SurvivalResultView struct {
	End             string              `json:"end"`
	Subjects        int                 `json:"subjects"`
	NoStart         int                 `json:"no_start"`
	StartedAfterEnd int                 `json:"started_after_end"`
	Invalid         int                 `json:"invalid"`
	Groups          []SurvivalGroupView `json:"groups"`
}

// SurvivalGroupView is one group's survival curve (its fields inline, as
// the curve's).
type SurvivalGroupView struct {
	By    string `json:"by"`
	Value string `json:"value"`
	SurvivalCurveView
	EndedByAbolition int                   `json:"ended_by_abolition"`
	Horizons         []HorizonSurvivalView `json:"horizons"`
}

// SurvivalCurveView is a Kaplan-Meier curve.
type SurvivalCurveView struct {
	N           int                `json:"n"`
	Events      int                `json:"events"`
	Censored    int                `json:"censored"`
	MedianYears *float64           `json:"median_years"`
	Steps       []SurvivalStepView `json:"steps"`
}

// SurvivalStepView is one step of a survival curve.
type SurvivalStepView struct {
	Days     int     `json:"days"`
	Years    float64 `json:"years"`
	AtRisk   int     `json:"at_risk"`
	Events   int     `json:"events"`
	Censored int     `json:"censored"`
	Survival float64 `json:"survival"`
}

// HorizonSurvivalView is the survival at one horizon.
type HorizonSurvivalView struct {
	Years    float64  `json:"years"`
	Survival *float64 `json:"survival"`
}

// WriteTimelineJSON writes r as partnet timeline --format json.
func WriteTimelineJSON(w io.Writer, r *timeline.Result) error {
	return WriteJSON(w, NewTimelineView(r))
}

// mapSlice converts each element of xs with f, keeping nil as nil (null
// in JSON) and empty as empty ([]).
func mapSlice[T, V any](xs []T, f func(T) V) []V {
	if xs == nil {
		return nil
	}
	out := make([]V, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// NewTimelineView builds the JSON form of r.
func NewTimelineView(r *timeline.Result) *TimelineView {
	if r == nil {
		return nil
	}
	v := &TimelineView{Dates: r.Dates, Weighting: r.Weighting, Undated: TimelineUndatedView(r.Undated),
		DropUndated: r.DropUndated, CarrySuccessors: r.CarrySuccessors,
		Periods:     mapSlice(r.Periods, periodView),
		Successions: mapSlice(r.Successions, successionView)}
	if r.Carried != nil {
		c := TimelineCarriedView(*r.Carried)
		v.Carried = &c
	}
	if ct := r.Clusters; ct != nil {
		v.Clusters = &ClusterTrackingView{Threshold: ct.Threshold, MinSize: ct.MinSize,
			Clusters: mapSlice(ct.Clusters, func(cs []timeline.TrackedCluster) []TrackedClusterView {
				return mapSlice(cs, func(c timeline.TrackedCluster) TrackedClusterView {
					return TrackedClusterView{ID: c.ID, Size: c.Size, MemberIDs: c.MemberIDs, Label: c.Label}
				})
			}),
			Transitions: mapSlice(ct.Transitions, func(t timeline.Transition) TransitionView {
				return TransitionView{Period: t.Period, Date: t.Date, Kind: string(t.Kind), From: t.From, To: t.To,
					Links: mapSlice(t.Links, func(l timeline.ClusterLink) ClusterLinkView { return ClusterLinkView(l) })}
			})}
	}
	if s := r.Survival; s != nil {
		v.Survival = &SurvivalResultView{End: s.End, Subjects: s.Subjects, NoStart: s.NoStart,
			StartedAfterEnd: s.StartedAfterEnd, Invalid: s.Invalid,
			Groups: mapSlice(s.Groups, func(g timeline.SurvivalGroup) SurvivalGroupView {
				return SurvivalGroupView{By: g.By, Value: g.Value,
					SurvivalCurveView: SurvivalCurveView{N: g.N, Events: g.Events, Censored: g.Censored, MedianYears: g.MedianYears,
						Steps: mapSlice(g.Steps, func(s timeline.SurvivalStep) SurvivalStepView { return SurvivalStepView(s) })},
					EndedByAbolition: g.EndedByAbolition,
					Horizons:         mapSlice(g.Horizons, func(h timeline.HorizonSurvival) HorizonSurvivalView { return HorizonSurvivalView(h) })}
			})}
	}
	return v
}

func periodView(p timeline.Period) TimelinePeriodView {
	return TimelinePeriodView{Date: p.Date, Organisations: p.Organisations, OrganisationsJoined: p.OrganisationsJoined,
		OrganisationsLeft: p.OrganisationsLeft, Ties: p.Ties, TiesFormed: p.TiesFormed, TiesEnded: p.TiesEnded,
		Density: p.Density, WeightedDensity: p.WeightedDensity, Components: p.Components,
		LargestComponent: p.LargestComponent, Isolated: p.Isolated, AverageClustering: p.AverageClustering,
		Clusters:      p.Clusters,
		SectorDensity: mapSlice(p.SectorDensity, func(b timeline.BlockDensity) BlockDensityView { return BlockDensityView(b) }),
		DegreeChanges: mapSlice(p.DegreeChanges, func(d timeline.DegreeChange) DegreeChangeView { return DegreeChangeView(d) }),
		NewlyCentral: mapSlice(p.NewlyCentral, func(c timeline.CentralOrganisation) CentralOrganisationView {
			return CentralOrganisationView(c)
		})}
}

func successionView(s timeline.Succession) SuccessionView {
	return SuccessionView{Successor: s.Successor, SuccessorName: s.SuccessorName, Date: s.Date,
		Predecessors: mapSlice(s.Predecessors, func(p timeline.Predecessor) PredecessorView { return PredecessorView(p) }),
		Preceding: mapSlice(s.Preceding, func(t timeline.PrecedingTie) PrecedingTieView {
			return PrecedingTieView{Record: t.Record, ID: t.ID, Name: t.Name, Kind: t.Kind, ServiceArea: t.ServiceArea,
				Start: t.Start, End: t.End, KindWeight: t.KindWeight, Members: t.Members}
		}),
		Pairs: s.Pairs, PairsJoined: s.PairsJoined, PairsChosen: s.PairsChosen}
}
