package reports

import (
	"math"
	"slices"

	"github.com/partnet/partnet/graph"
)

// blockCounts counts ties within and between the groups of an attribute
// (one value per node) and divides by the possible pairs: n_a·n_b between
// two groups, n_a(n_a-1)/2 within one (NaN within a group of one). Groups
// are sorted by value. Weights are ignored. It is the report's own count,
// used when the caller supplies no block matrix.
func blockCounts(s *graph.Snapshot, groups []string) *BlockView {
	names := slices.Clone(groups)
	slices.Sort(names)
	names = slices.Compact(names)
	idx := make(map[string]int, len(names))
	for k, g := range names {
		idx[g] = k
	}
	b := &BlockView{Groups: names, Sizes: make([]int, len(names)), Ties: make([][]int, len(names)), Density: make([][]float64, len(names))}
	for k := range names {
		b.Ties[k] = make([]int, len(names))
		b.Density[k] = make([]float64, len(names))
	}
	for _, g := range groups {
		b.Sizes[idx[g]]++
	}
	s.EachTie(func(i, j int, _ float64) {
		a, c := idx[groups[i]], idx[groups[j]]
		b.Ties[a][c]++
		if a != c {
			b.Ties[c][a]++
		}
	})
	for a := range names {
		for c := range names {
			pairs := float64(b.Sizes[a]) * float64(b.Sizes[c])
			if a == c {
				pairs = float64(b.Sizes[a]) * float64(b.Sizes[a]-1) / 2
			}
			b.Density[a][c] = math.NaN()
			if pairs > 0 {
				b.Density[a][c] = float64(b.Ties[a][c]) / pairs
			}
		}
	}
	return b
}

// eiFromBlocks computes Krackhardt and Stern's E-I index, (E-I)/(E+I), for
// the network and per group from tie counts. A group's E counts ties with
// one end in it and its I counts each internal tie once per member, so its
// index is (E-2I)/(E+2I); its expected value, for a complete network, is
// (n-2n_g+1)/(n-1). The network's expected value is (P_E-P_I)/(P_E+P_I)
// from the possible pairs between and within groups. Undefined values are
// NaN.
func eiFromBlocks(b *BlockView) ([]EIRow, *EIRow) {
	n := 0
	for _, sz := range b.Sizes {
		n += sz
	}
	var rows []EIRow
	all := EIRow{Group: "all", Size: n}
	var pe, pi float64
	for a := range b.Groups {
		row := EIRow{Group: b.Groups[a], Size: b.Sizes[a], Internal: b.Ties[a][a]}
		for c := range b.Groups {
			if c != a {
				row.External += b.Ties[a][c]
				if c > a {
					all.External += b.Ties[a][c]
					pe += float64(b.Sizes[a]) * float64(b.Sizes[c])
				}
			}
		}
		all.Internal += b.Ties[a][a]
		pi += float64(b.Sizes[a]) * float64(b.Sizes[a]-1) / 2
		row.Index = ratio(float64(row.External-2*row.Internal), float64(row.External+2*row.Internal))
		row.Expected = ratio(float64(n-2*row.Size+1), float64(n-1))
		rows = append(rows, row)
	}
	all.Index = ratio(float64(all.External-all.Internal), float64(all.External+all.Internal))
	all.Expected = ratio(pe-pi, pe+pi)
	return rows, &all
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}
