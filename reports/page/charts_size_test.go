package page

import "testing"

// The largest dot shrinks with the number of organisations, so a dense
// map's dots do not hide its ties: 240/sqrt(n), between 8 and 24 pixels.
func TestNodeSizeCap(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want float64
	}{
		{0, 24}, {34, 24}, {100, 24}, {400, 12}, {900, 8}, {10000, 8},
	} {
		if got := nodeSizeCap(tc.n); got != tc.want {
			t.Errorf("nodeSizeCap(%d) = %g, want %g", tc.n, got, tc.want)
		}
	}
}
