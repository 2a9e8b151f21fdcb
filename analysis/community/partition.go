package community

import (
	"slices"
	"sort"

	"github.com/partnet/partnet/graph"
)

// Communities lists the members of each community of a membership vector
// (labels 0..k-1; a negative label leaves a node out), each list
// ascending. Community c is at index c; an unused label gives an empty
// list.
func Communities(membership []int) [][]int {
	k := 0
	for _, c := range membership {
		k = max(k, c+1)
	}
	out := make([][]int, k)
	for v, c := range membership {
		if c >= 0 {
			out[c] = append(out[c], v)
		}
	}
	return out
}

// renumber makes labels dense in order of first appearance, in place, and
// returns how many there are. Two partitions are equal exactly when their
// renumbered label vectors are equal.
func renumber(labels []int32) int32 {
	if len(labels) == 0 {
		return 0
	}
	hi := slices.Max(labels)
	m := make([]int32, hi+1)
	for i := range m {
		m[i] = -1
	}
	next := int32(0)
	for v, l := range labels {
		if m[l] < 0 {
			m[l] = next
			next++
		}
		labels[v] = m[l]
	}
	return next
}

// denseLabels returns a renumbered copy of labels.
func denseLabels(labels []int32) []int32 {
	out := append([]int32(nil), labels...)
	renumber(out)
	return out
}

// samePartition reports whether two renumbered label vectors describe the
// same partition.
func samePartition(a, b []int32) bool { return slices.Equal(a, b) }

// relabelBySize renumbers labels in place (which must be >= 0) so that
// community 0 is the largest, ties broken by the smallest id (shorter ids
// first) among the members, and returns the number of communities.
func relabelBySize(s *graph.Snapshot, labels []int) int {
	if len(labels) == 0 {
		return 0
	}
	k := slices.Max(labels) + 1
	size := make([]int, k)
	first := make([]string, k) // the smallest member id
	for v, c := range labels {
		size[c]++
		if id := s.ID(v); size[c] == 1 || idLess(id, first[c]) {
			first[c] = id
		}
	}
	order := make([]int, 0, k)
	for c := 0; c < k; c++ {
		if size[c] > 0 {
			order = append(order, c)
		}
	}
	sort.Slice(order, func(x, y int) bool {
		a, b := order[x], order[y]
		if size[a] != size[b] {
			return size[a] > size[b]
		}
		return idLess(first[a], first[b])
	})
	m := make([]int, k)
	for rank, c := range order {
		m[c] = rank
	}
	for v, c := range labels {
		labels[v] = m[c]
	}
	return len(order)
}
