package analysis

import (
	"fmt"
	"math"

	"github.com/partnet/partnet/graph"
)

// BlockMatrix is the density of ties within and between the groups of an
// attribute (sector, type, region, cluster). All matrices are indexed
// [a][b] by group number, symmetric, with the diagonal holding the
// within-group figures.
type BlockMatrix struct {
	Groups []string // group values, sorted (the empty value, if any, first)
	Sizes  []int    // organisations per group
	Ties   [][]int  // ties between groups a and b; within a on the diagonal
	// Pairs is the number of possible ties: n_a n_b between two groups,
	// n_a(n_a-1)/2 within one.
	Pairs [][]int
	// Density is Ties/Pairs; NaN where there are no possible pairs (within
	// a group of one).
	Density [][]float64
	// Weight is the summed tie weight, WeightedDensity Weight/Pairs.
	Weight          [][]float64
	WeightedDensity [][]float64
}

// Blocks computes the block density matrix of s for the attribute values
// in groups (one per node). It fails when len(groups) is not s.N(). On the
// empty graph it returns an empty matrix; a network without ties has every
// density 0 (NaN within singleton groups).
func Blocks(s *graph.Snapshot, groups []string) (*BlockMatrix, error) {
	label, names, err := groupIndex(s, groups)
	if err != nil {
		return nil, fmt.Errorf("block density: %w", err)
	}
	k := len(names)
	b := &BlockMatrix{Groups: names, Sizes: make([]int, k)}
	for _, l := range label {
		b.Sizes[l]++
	}
	b.Ties, b.Pairs = intMatrix(k), intMatrix(k)
	b.Density, b.Weight, b.WeightedDensity = floatMatrix(k), floatMatrix(k), floatMatrix(k)
	s.EachTie(func(i, j int, w float64) {
		x, y := label[i], label[j]
		b.Ties[x][y]++
		b.Weight[x][y] += w
		if x != y {
			b.Ties[y][x]++
			b.Weight[y][x] += w
		}
	})
	for x := 0; x < k; x++ {
		for y := 0; y < k; y++ {
			if x == y {
				b.Pairs[x][y] = b.Sizes[x] * (b.Sizes[x] - 1) / 2
			} else {
				b.Pairs[x][y] = b.Sizes[x] * b.Sizes[y]
			}
			if p := float64(b.Pairs[x][y]); p > 0 {
				b.Density[x][y] = float64(b.Ties[x][y]) / p
				b.WeightedDensity[x][y] = b.Weight[x][y] / p
			} else {
				b.Density[x][y] = math.NaN()
				b.WeightedDensity[x][y] = math.NaN()
			}
		}
	}
	return b, nil
}

func intMatrix(k int) [][]int {
	m := make([][]int, k)
	for i := range m {
		m[i] = make([]int, k)
	}
	return m
}

func floatMatrix(k int) [][]float64 {
	m := make([][]float64, k)
	for i := range m {
		m[i] = make([]float64, k)
	}
	return m
}
