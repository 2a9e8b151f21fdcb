package timeline

import (
	"cmp"
	"slices"
	"time"

	"github.com/partnet/partnet/graph"
)

// Succession is an organisation that replaced one or more abolished
// organisations (those whose Successors name it), and the partnerships that
// joined the abolished organisations before it began: the shared
// management teams and shared services that came before a merger. JSON
// field names are a stable contract.
type Succession struct {
	Successor string
	// SuccessorName is empty when the successor is not in the data.
	SuccessorName string
	// Date is the successor's start date or, when it has none, the day
	// after the last predecessor ended; empty when neither is known.
	Date         string
	Predecessors []Predecessor
	// Preceding are the partnerships and arrangements that joined two or
	// more of the predecessors and had started before Date (undated ones
	// included), strongest kind first (by kind weight), then by start date
	// and id.
	Preceding []PrecedingTie
	// Pairs is the number of predecessor pairs, PairsJoined how many of
	// them some preceding partnership or arrangement joined.
	Pairs       int
	PairsJoined int
	// PairsChosen counts the pairs joined by a partnership or arrangement
	// of a kind that is not statutory (graph.IsStatutory): joint working
	// the predecessors chose, beyond sharing a statutory body or area.
	PairsChosen int
}

// Predecessor is an abolished organisation. Successors lists every
// organisation that replaced it (more than one when it was split).
type Predecessor struct {
	ID         string
	Name       string
	End        string
	Successors []string
}

// PrecedingTie is a partnership or arrangement among predecessors.
type PrecedingTie struct {
	// Record is "partnership" or "arrangement".
	Record      string
	ID          string
	Name        string
	Kind        string
	ServiceArea string
	Start       string
	End         string
	KindWeight  float64
	// Members are the predecessors it joined, by id.
	Members []string
	start   time.Time
}

// Successions finds every organisation named as a successor in net, with
// its predecessors and the partnerships and arrangements (under weighting
// w, for the kind weights that order them) that joined two or more of the
// predecessors before the succession. It reads only the data: abolished
// organisations are those with a non-empty Successors list. Successions
// are ordered by date (undated last), then successor id. It scans the
// partnerships and arrangements once. A network without successors gives
// an empty list.
func Successions(net *graph.Network, w graph.Weighting) []Succession {
	groupOf := map[string]int{}
	var out []Succession
	var preds [][]int // per succession: predecessor indices
	inGroup := map[int][]int{}
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		for _, s := range o.Successors {
			g, ok := groupOf[s]
			if !ok {
				g = len(out)
				groupOf[s] = g
				out = append(out, Succession{Successor: s})
				preds = append(preds, nil)
				if so := net.OrganisationByID(s); so != nil {
					out[g].SuccessorName = so.Name
				}
			}
			if !slices.Contains(preds[g], i) {
				preds[g] = append(preds[g], i)
				inGroup[i] = append(inGroup[i], g)
			}
		}
	}
	dates := make([]time.Time, len(out))
	for g := range out {
		dates[g] = successionDate(net, out[g].Successor, preds[g])
		out[g].Date = formatDay(dates[g])
		for _, i := range preds[g] {
			o := net.Organisation(i)
			out[g].Predecessors = append(out[g].Predecessors, Predecessor{ID: o.ID, Name: o.Name, End: formatDay(o.End), Successors: o.Successors})
		}
		k := len(preds[g])
		out[g].Pairs = k * (k - 1) / 2
	}
	before := func(g int, start time.Time) bool {
		return start.IsZero() || dates[g].IsZero() || start.Before(dates[g])
	}
	add := func(g int, t PrecedingTie, members []int) {
		for _, m := range members {
			t.Members = append(t.Members, net.Organisation(m).ID)
		}
		out[g].Preceding = append(out[g].Preceding, t)
	}
	for i := 0; i < net.NumPartnerships(); i++ {
		a, b := net.PartnershipEnds(i)
		for _, g := range inGroup[a] {
			if !slices.Contains(inGroup[b], g) {
				continue
			}
			p := net.Partnership(i)
			if before(g, p.Start) {
				add(g, PrecedingTie{Record: "partnership", ID: p.ID, Name: p.Name, Kind: p.Kind, ServiceArea: p.ServiceArea,
					Start: formatDay(p.Start), End: formatDay(p.End), KindWeight: w.KindWeight(p.Kind), start: p.Start}, []int{min(a, b), max(a, b)})
			}
		}
	}
	for ai := 0; ai < net.NumArrangements(); ai++ {
		members := map[int][]int{}
		for _, m := range net.ArrangementMembers(ai) {
			for _, g := range inGroup[int(m)] {
				members[g] = append(members[g], int(m))
			}
		}
		a := net.Arrangement(ai)
		for g, ms := range members {
			if len(ms) >= 2 && before(g, a.Start) {
				slices.Sort(ms)
				add(g, PrecedingTie{Record: "arrangement", ID: a.ID, Name: a.Name, Kind: a.Kind, ServiceArea: a.ServiceArea,
					Start: formatDay(a.Start), End: formatDay(a.End), KindWeight: w.KindWeight(a.Kind), start: a.Start}, ms)
			}
		}
	}
	for g := range out {
		finishSuccession(&out[g])
	}
	slices.SortFunc(out, func(a, b Succession) int {
		if (a.Date == "") != (b.Date == "") {
			if a.Date == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Successor, b.Successor))
	})
	return out
}

// successionDate is the successor's start, or the day after its last
// predecessor ended.
func successionDate(net *graph.Network, successor string, preds []int) time.Time {
	if so := net.OrganisationByID(successor); so != nil && !so.Start.IsZero() {
		return so.Start
	}
	var last time.Time
	for _, i := range preds {
		if e := net.Organisation(i).End; e.After(last) {
			last = e
		}
	}
	if last.IsZero() {
		return last
	}
	return last.AddDate(0, 0, 1)
}

// finishSuccession sorts the predecessors and preceding ties and counts
// the predecessor pairs they join.
func finishSuccession(s *Succession) {
	slices.SortFunc(s.Predecessors, func(a, b Predecessor) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(s.Preceding, func(a, b PrecedingTie) int {
		return cmp.Or(cmp.Compare(b.KindWeight, a.KindWeight), a.start.Compare(b.start), cmp.Compare(a.ID, b.ID),
			cmp.Compare(a.Record, b.Record), slices.Compare(a.Members, b.Members))
	})
	joined, chosen := map[[2]string]bool{}, map[[2]string]bool{}
	for _, t := range s.Preceding {
		for x := range t.Members {
			for y := x + 1; y < len(t.Members); y++ {
				pair := [2]string{t.Members[x], t.Members[y]}
				joined[pair] = true
				if !graph.IsStatutory(t.Kind) {
					chosen[pair] = true
				}
			}
		}
	}
	s.PairsJoined, s.PairsChosen = len(joined), len(chosen)
	if s.Preceding == nil {
		s.Preceding = []PrecedingTie{}
	}
}
