package reports

import (
	"fmt"
	"strings"
)

// Centralities the map can size nodes by.
var SizeMeasures = []string{"degree", "betweenness", "pagerank", "eigenvector"}

// ParseSizeBy checks a --size-by value.
func ParseSizeBy(s string) (string, error) {
	for _, m := range SizeMeasures {
		if s == m {
			return s, nil
		}
	}
	return "", fmt.Errorf("size by %q: want one of %s", s, strings.Join(SizeMeasures, ", "))
}
