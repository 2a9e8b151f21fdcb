package topk

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSelect checks the bounded-heap selection against a full sort, with
// many ties on the primary key (broken by index, as ids break them in the
// report) and every k from none to more than there are.
func TestSelect(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 7, 100, 1000} {
		key := make([]int, n)
		for i := range key {
			key[i] = r.IntN(5)
		}
		order := func(a, b int) int { return cmp.Or(cmp.Compare(key[b], key[a]), cmp.Compare(a, b)) }
		idx := r.Perm(n)
		want := slices.Clone(idx)
		slices.SortFunc(want, order)
		for _, k := range []int{0, 1, 3, 20, n, n + 5} {
			got := Select(slices.Clone(idx), k, order)
			w := want[:min(k, n)]
			if !slices.Equal(got, w) && !(len(got) == 0 && len(w) == 0) {
				t.Errorf("n=%d k=%d: Select = %v, want %v", n, k, got, w)
			}
		}
	}
}
