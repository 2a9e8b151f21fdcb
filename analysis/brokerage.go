package analysis

import (
	"fmt"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
)

// BrokerageRoles counts the brokerage roles of one organisation (R. V.
// Gould, R. M. Fernandez, "Structures of mediation", Sociological
// Methodology 19 (1989) 89-126). A broker b mediates a two-path a - b - c
// whose ends a and c are not tied. With g(x) the group of x:
//
//	Coordinator    g(a) = g(b) = g(c)
//	Itinerant      g(a) = g(c) != g(b)   (consultant)
//	Representative g(a) = g(b) != g(c)
//	Gatekeeper     g(a) != g(b) = g(c)
//	Liaison        g(a), g(b), g(c) all different
//
// Gould and Fernandez define the roles on directed ties. partnet's ties are
// undirected, so each is read as a pair of opposite directed ties, as
// statnet's brokerage() does with a symmetric network: every unordered
// pair {a, c} gives two ordered paths a->b->c and c->b->a. Hence
// Coordinator, Itinerant and Liaison counts are even, and Representative
// always equals Gatekeeper (one direction of a path is the other role).
type BrokerageRoles struct {
	Coordinator    int
	Itinerant      int
	Representative int
	Gatekeeper     int
	Liaison        int
}

// Total is the number of brokered ordered paths.
func (r BrokerageRoles) Total() int {
	return r.Coordinator + r.Itinerant + r.Representative + r.Gatekeeper + r.Liaison
}

// Brokerage counts Gould-Fernandez roles per node with respect to the
// attribute values in groups (one per node; the empty string is a group
// like any other). It fails when len(groups) is not s.N(). Cost O(sum over
// ties of the end degrees). Weights are ignored;
// isolates and leaves broker nothing.
func Brokerage(s *graph.Snapshot, groups []string) ([]BrokerageRoles, error) {
	label, _, err := groupIndex(s, groups)
	if err != nil {
		return nil, fmt.Errorf("brokerage: %w", err)
	}
	n := s.N()
	out := make([]BrokerageRoles, n)
	groupsN := 0
	for _, l := range label {
		groupsN = max(groupsN, l+1)
	}
	type scratch struct {
		count, touched []int
		mark           []int32 // mark[c] = b+1 when c is a partner of the current b
	}
	// Every ordered pair (a, c) of b's partners is counted by formula from
	// how many partners each group holds; the pairs that are tied (closed
	// triangles, which broker nothing) are then found by marking b's
	// partners and reading each partner's row, and taken off. Only closed
	// pairs are classified one by one, so a node of degree d costs
	// O(d + sum of its partners' degrees) instead of O(d^2) pairs.
	parallel.Rows(0, n, func() *scratch { return &scratch{count: make([]int, groupsN), mark: make([]int32, n)} }, func(sc *scratch, lo, hi int) {
		for b := lo; b < hi; b++ {
			row := s.Neighbours(b)
			d := len(row)
			if d < 2 {
				continue
			}
			gb := label[b]
			for _, c := range row {
				l := label[c]
				if sc.count[l] == 0 {
					sc.touched = append(sc.touched, l)
				}
				sc.count[l]++
			}
			same := sc.count[gb]
			other := d - same
			r := BrokerageRoles{Coordinator: same * (same - 1), Representative: same * other, Gatekeeper: other * same}
			for _, l := range sc.touched {
				if l != gb {
					k := sc.count[l]
					r.Itinerant += k * (k - 1)
					r.Liaison += k * (other - k)
				}
				sc.count[l] = 0
			}
			sc.touched = sc.touched[:0]
			for _, c := range row {
				sc.mark[c] = int32(b) + 1
			}
			for _, a := range row {
				ga := label[a]
				for _, c := range s.Neighbours(int(a)) {
					if sc.mark[c] != int32(b)+1 || c == a {
						continue
					}
					switch gc := label[c]; {
					case ga == gb && gb == gc:
						r.Coordinator--
					case ga == gc:
						r.Itinerant--
					case ga == gb:
						r.Representative--
					case gb == gc:
						r.Gatekeeper--
					default:
						r.Liaison--
					}
				}
			}
			out[b] = r
		}
	})
	return out, nil
}
