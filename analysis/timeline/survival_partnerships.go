package timeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/partnet/partnet/graph"
)

// SurvivalOptions set how partnership survival is measured.
type SurvivalOptions struct {
	// End is the analysis end date: partnerships still going then are
	// censored there, and ones starting after it are left out. It is
	// required (never read from the clock, so results are reproducible).
	End time.Time
	// By lists the groupings besides "all": any of kind, service_area,
	// programme and record (partnership or arrangement). Nil means kind
	// and service_area.
	By []string
	// Horizons are the times, in years, at which survival is reported.
	// Nil means 1, 2, 5 and 10 years.
	Horizons []float64
}

// SurvivalGroup is the Kaplan-Meier estimate for one group of
// partnerships and arrangements, e.g. By "kind", Value "shared_service".
type SurvivalGroup struct {
	By    string
	Value string
	SurvivalCurve
	// EndedByAbolition counts events that were the end of the
	// organisations rather than a recorded end date.
	EndedByAbolition int
	Horizons         []HorizonSurvival
}

// HorizonSurvival is the estimated share lasting longer than Years;
// Survival is nil when Years is past the group's follow-up.
type HorizonSurvival struct {
	Years    float64
	Survival *float64
}

// SurvivalResult is the survival of every dated partnership and
// arrangement, overall and by group.
type SurvivalResult struct {
	End string
	// Subjects were measured; NoStart had no start date, StartedAfterEnd
	// began after End, and Invalid ended before they began: all three are
	// left out.
	Subjects        int
	NoStart         int
	StartedAfterEnd int
	Invalid         int
	Groups          []SurvivalGroup
}

type subject struct {
	obs       Observation
	abolished bool
	group     map[string]string
}

// Survival estimates how long partnerships and arrangements last, by
// Kaplan-Meier (see KaplanMeier), overall and by the groupings in opts.By.
// Each partnership or arrangement with a start date on or before End is a
// subject. It ends at the earliest of its recorded end date and the end of
// its organisations: a partnership cannot outlive either of its two
// organisations, and an arrangement ends when fewer than two of its
// members still exist (so a shared management team ends when its councils
// merge; such ends are counted in EndedByAbolition). An end after End, or
// none, is censored at End. Times are whole days, reported in years of
// 365.25 days. Groups are "all" first, then each grouping in order, its
// values by size (largest first) then name; an empty value reads "(none)".
// A network with no dated partnerships gives one empty "all" group.
func Survival(ctx context.Context, net *graph.Network, opts SurvivalOptions) (*SurvivalResult, error) {
	if opts.End.IsZero() {
		return nil, errors.New("survival: no end date given")
	}
	by := opts.By
	if by == nil {
		by = []string{"kind", "service_area"}
	}
	for _, b := range by {
		if !slices.Contains([]string{"kind", "service_area", "programme", "record"}, b) {
			return nil, fmt.Errorf("survival: unknown grouping %q: want kind, service_area, programme or record", b)
		}
	}
	horizons := opts.Horizons
	if horizons == nil {
		horizons = []float64{1, 2, 5, 10}
	}
	res := &SurvivalResult{End: formatDay(opts.End)}
	var subs []subject
	add := func(record, kind, area, prog string, start, end, orgEnd time.Time) {
		switch {
		case start.IsZero():
			res.NoStart++
			return
		case start.After(opts.End):
			res.StartedAfterEnd++
			return
		}
		s := subject{group: map[string]string{"record": record, "kind": kind, "service_area": area, "programme": prog}}
		stop := end
		if !orgEnd.IsZero() && (stop.IsZero() || orgEnd.Before(stop)) {
			stop, s.abolished = orgEnd, true
		}
		if stop.IsZero() || stop.After(opts.End) {
			stop, s.abolished = opts.End, false
		} else {
			s.obs.Event = true
		}
		if stop.Before(start) {
			res.Invalid++
			return
		}
		s.obs.Days = int(stop.Sub(start).Hours()/24 + 0.5)
		subs = append(subs, s)
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("survival: %w", ctx.Err())
		}
		p := net.Partnership(i)
		a, b := net.PartnershipEnds(i)
		add("partnership", p.Kind, p.ServiceArea, p.Programme, p.Start, p.End,
			lastMembersEnd(net, []int32{int32(a), int32(b)}))
	}
	for ai := 0; ai < net.NumArrangements(); ai++ {
		a := net.Arrangement(ai)
		add("arrangement", a.Kind, a.ServiceArea, a.Programme, a.Start, a.End, lastMembersEnd(net, net.ArrangementMembers(ai)))
	}
	res.Subjects = len(subs)
	all, err := survivalGroup("all", "all", subs, horizons)
	if err != nil {
		return nil, err
	}
	res.Groups = append(res.Groups, all)
	for _, b := range by {
		values := map[string][]subject{}
		for _, s := range subs {
			v := s.group[b]
			if v == "" {
				v = "(none)"
			}
			values[v] = append(values[v], s)
		}
		var gs []SurvivalGroup
		for v, members := range values {
			g, err := survivalGroup(b, v, members, horizons)
			if err != nil {
				return nil, err
			}
			gs = append(gs, g)
		}
		slices.SortFunc(gs, func(x, y SurvivalGroup) int { return cmp.Or(cmp.Compare(y.N, x.N), cmp.Compare(x.Value, y.Value)) })
		res.Groups = append(res.Groups, gs...)
	}
	return res, nil
}

func survivalGroup(by, value string, subs []subject, horizons []float64) (SurvivalGroup, error) {
	obs := make([]Observation, len(subs))
	g := SurvivalGroup{By: by, Value: value}
	for i, s := range subs {
		obs[i] = s.obs
		if s.abolished {
			g.EndedByAbolition++
		}
	}
	c, err := KaplanMeier(obs)
	if err != nil {
		return g, fmt.Errorf("survival of %s %s: %w", by, value, err)
	}
	g.SurvivalCurve = c
	for _, h := range horizons {
		hs := HorizonSurvival{Years: h}
		if v, ok := c.At(h); ok {
			hs.Survival = &v
		}
		g.Horizons = append(g.Horizons, hs)
	}
	return g, nil
}

// lastMembersEnd returns the date after which fewer than two of the given
// organisations exist: the second-latest end date, with no end counting as
// never. It is zero when at least two never end, or fewer than two are
// given.
func lastMembersEnd(net *graph.Network, members []int32) time.Time {
	if len(members) < 2 {
		return time.Time{}
	}
	var latest, second time.Time // the two latest ends; zero = never ends
	open := 0
	for _, m := range members {
		e := net.Organisation(int(m)).End
		if e.IsZero() {
			open++
			continue
		}
		if e.After(latest) {
			latest, second = e, latest
		} else if e.After(second) {
			second = e
		}
	}
	switch open {
	case 0:
		return second
	case 1:
		return latest
	}
	return time.Time{}
}
