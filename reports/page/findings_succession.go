package page

import "strconv"

// Prior ties among a succession's predecessors (SuccessionRow.PriorTies).
const (
	priorChosen    = "chosen"
	priorStatutory = "statutory only"
	priorNone      = "none"
)

// priorTies says whether the predecessors worked together beyond shared
// statutory bodies and areas, shared only those, or shared nothing.
func priorTies(row SuccessionRow) string {
	switch {
	case row.PairsChosen > 0:
		return priorChosen
	case row.PairsJoined > 0:
		return priorStatutory
	}
	return priorNone
}

// addSuccessionFindings counts the successions whose predecessors had
// worked together beyond shared statutory areas, those that only shared
// statutory areas, and cites as an example a chosen partnership with the
// predecessors it joined, naming only those.
func addSuccessionFindings(f *finder, r *Report) {
	if len(r.Successions) == 0 {
		return
	}
	counts := map[string]int{}
	var example *SuccessionRow
	var exTie *precedingTie
	for k := range r.Successions {
		s := &r.Successions[k]
		counts[s.PriorTies]++
		for t := range s.ties {
			pt := &s.ties[t]
			if pt.statutory {
				continue
			}
			if exTie == nil || len(pt.members) > len(exTie.members) {
				example, exTie = s, pt
			}
		}
	}
	n := len(r.Successions)
	chosen, statutory := counts[priorChosen], counts[priorStatutory]
	txt := phrasef("%v %s abolished ones. In %v of these successions some of the predecessors had already worked together beyond shared statutory areas (a shared service, shared management, joint plan or another partnership they chose)",
		fromRows(strconv.Itoa(n), "successions"), pluralWord(n, "organisation replaced", "organisations replaced"),
		fromRows(strconv.Itoa(chosen), "successions", "prior_ties", priorChosen))
	if example != nil {
		txt = phrasef("%v, for example %v in %s before they became part of %s", txt, nameList(exTie.members), name(exTie.text), name(example.Successor))
	}
	if statutory > 0 {
		txt = phrasef("%v; in %v more they shared only statutory bodies or areas (fire, police, resilience, community safety or combined authority)",
			txt, fromRows(strconv.Itoa(statutory), "successions", "prior_ties", priorStatutory))
	}
	f.add("%v.", txt)
}
