package analysis

import (
	"fmt"

	"github.com/partnet/partnet/graph"
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
// ties of the end degrees, reading rows in order). Weights are ignored; isolates and leaves broker
// nothing.
func Brokerage(s *graph.Snapshot, groups []string) ([]BrokerageRoles, error) {
	label, _, err := groupIndex(s, groups)
	if err != nil {
		return nil, fmt.Errorf("brokerage: %w", err)
	}
	n := s.N()
	out := make([]BrokerageRoles, n)
	parallelRows(n, func() []int { return nil }, func(rowLabel []int, lo, hi int) {
		for b := lo; b < hi; b++ {
			row := s.Neighbours(b)
			if len(row) < 2 {
				continue
			}
			rowLabel = rowLabel[:0]
			for _, c := range row {
				rowLabel = append(rowLabel, label[c])
			}
			r := &out[b]
			gb := label[b]
			for ai, a := range row {
				ga := rowLabel[ai]
				// Walk b's and a's sorted rows together: the partners c of b
				// that a is not tied to are the open two-paths a - b - c.
				arow := s.Neighbours(int(a))
				k := 0
				for ci, c := range row {
					for k < len(arow) && arow[k] < c {
						k++
					}
					if c == a || k < len(arow) && arow[k] == c {
						continue
					}
					gc := rowLabel[ci]
					switch {
					case ga == gb && gb == gc:
						r.Coordinator++
					case ga == gc:
						r.Itinerant++
					case ga == gb:
						r.Representative++
					case gb == gc:
						r.Gatekeeper++
					default:
						r.Liaison++
					}
				}
			}
		}
	})
	return out, nil
}
