package analysis

import (
	"errors"
	"fmt"
	"slices"

	"github.com/partnet/partnet/graph"
)

// ErrAttributeLength is returned when an attribute column does not have one
// value per node.
var ErrAttributeLength = errors.New("attribute column length differs from the number of organisations")

// groupIndex maps each node's attribute value to a group number; groups
// are numbered in sorted order of value (the empty string, if present,
// first).
func groupIndex(s *graph.Snapshot, groups []string) (label []int, names []string, err error) {
	if len(groups) != s.N() {
		return nil, nil, fmt.Errorf("%d values for %d organisations: %w", len(groups), s.N(), ErrAttributeLength)
	}
	seen := map[string]bool{}
	for _, g := range groups {
		if !seen[g] {
			seen[g] = true
			names = append(names, g)
		}
	}
	slices.Sort(names)
	num := make(map[string]int, len(names))
	for i, g := range names {
		num[g] = i
	}
	label = make([]int, len(groups))
	for i, g := range groups {
		label[i] = num[g]
	}
	return label, names, nil
}
