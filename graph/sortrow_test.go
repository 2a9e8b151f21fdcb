package graph

import (
	"slices"
	"testing"
)

func TestSortRow(t *testing.T) {
	long := make([]int32, 40)
	longW := make([]float64, 40)
	for k := range long {
		long[k] = int32(39 - k)
		longW[k] = float64(39-k) / 10
	}
	tests := []struct {
		name string
		adj  []int32
		w    []float64
	}{
		{"empty", nil, nil},
		{"short", []int32{5, 1, 3}, []float64{0.5, 0.1, 0.3}},
		{"long (sort.Sort path)", long, longW},
	}
	for _, tt := range tests {
		SortRow(tt.adj, tt.w)
		if !slices.IsSorted(tt.adj) {
			t.Errorf("%s: SortRow left %v unsorted", tt.name, tt.adj)
		}
		for k, v := range tt.adj {
			if tt.w[k] != float64(v)/10 {
				t.Errorf("%s: weight of neighbour %d = %g, want %g (weights must follow)", tt.name, v, tt.w[k], float64(v)/10)
			}
		}
	}
}
