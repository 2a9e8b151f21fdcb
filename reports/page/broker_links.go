package page

import (
	"cmp"
	"slices"

	"github.com/partnet/partnet/graph"
)

// brokerLink is the pair of groups an organisation links most: the groups
// of the two ends of the paths it brokers (two partners of its own that
// have no tie to each other), leaving out paths inside its own group.
type brokerLink struct {
	from, to string // from <= to
	paths    int    // unordered pairs of partners
}

// brokerLinks counts, for organisation i, the unordered pairs of its
// partners with no tie between them by the pair of their groups, and
// returns the pair with most (ties by group names). Pairs wholly inside
// i's own group (coordination) are left out. Cost: the sum of the
// partners' degrees, not the square of i's degree.
func brokerLinks(s *graph.Snapshot, groups []string, i int) (brokerLink, bool) {
	nb := s.Neighbours(i)
	mark := make(map[int32]bool, len(nb))
	count := map[string]int{} // group -> partners in it
	for _, j := range nb {
		if int(j) != i {
			mark[j] = true
		}
	}
	for j := range mark {
		count[groups[j]]++
	}
	// Tied pairs of partners, by group pair (each counted from both ends).
	closed := map[[2]string]int{}
	for j := range mark {
		for _, k := range s.Neighbours(int(j)) {
			if k != j && mark[k] {
				closed[ordered(groups[j], groups[k])]++
			}
		}
	}
	gs := make([]string, 0, len(count))
	for g := range count {
		gs = append(gs, g)
	}
	slices.Sort(gs)
	var best brokerLink
	found := false
	for x, a := range gs {
		for _, b := range gs[x:] {
			var pairs int
			if a == b {
				if a == groups[i] {
					continue
				}
				pairs = count[a] * (count[a] - 1) / 2
			} else {
				pairs = count[a] * count[b]
			}
			pairs -= closed[[2]string{a, b}] / 2
			if pairs > 0 && (!found || pairs > best.paths) {
				best, found = brokerLink{a, b, pairs}, true
			}
		}
	}
	return best, found
}

func ordered(a, b string) [2]string {
	if cmp.Less(b, a) {
		a, b = b, a
	}
	return [2]string{a, b}
}

// linkWords says in words which groups a broker links ("councils with
// third sector organisations", "third sector organisations with each
// other").
func linkWords(l brokerLink) string {
	if l.from == l.to {
		return label(l.from) + " organisations with each other"
	}
	return label(l.from) + " with " + label(l.to) + " organisations"
}
