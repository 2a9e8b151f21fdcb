package topk

import "slices"

// Select returns the k best of idx under cmp (negative when a ranks before
// b), in rank order, without sorting the rest: a bounded heap of the k
// best so far whose root is the worst of them, so each of n candidates
// costs one comparison unless it displaces the root. For the report's
// twenty-row tables over a million organisations this replaces a full
// sort whose tie-breaking string comparisons took seconds. cmp must be a
// strict order (ties broken by id) so the result does not depend on the
// order of idx.
func Select(idx []int, k int, cmp func(a, b int) int) []int {
	if k <= 0 {
		return nil
	}
	h := make([]int, 0, min(k, len(idx)))
	// worse reports whether h[i] ranks after h[j]: the heap keeps the
	// worst kept candidate at h[0].
	worse := func(i, j int) bool { return cmp(h[i], h[j]) > 0 }
	down := func(i int) {
		for {
			c := 2*i + 1
			if c >= len(h) {
				return
			}
			if c+1 < len(h) && worse(c+1, c) {
				c++
			}
			if !worse(c, i) {
				return
			}
			h[i], h[c] = h[c], h[i]
			i = c
		}
	}
	for _, x := range idx {
		if len(h) < k {
			h = append(h, x)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !worse(i, p) {
					break
				}
				h[i], h[p] = h[p], h[i]
				i = p
			}
			continue
		}
		if cmp(x, h[0]) < 0 {
			h[0] = x
			down(0)
		}
	}
	slices.SortFunc(h, cmp)
	return h
}
