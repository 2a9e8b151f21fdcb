package reports

import "testing"

func TestBetweennessSamples(t *testing.T) {
	// sources x ties stays within 10^8: 100 sources up to 1M ties, then
	// 10^8 / ties, never fewer than 10.
	cases := []struct{ ties, want int }{
		{0, 100}, {50_000, 100}, {1_000_000, 100}, {2_000_000, 50}, {9_529_089, 10}, {50_000_000, 10},
	}
	for _, c := range cases {
		if got := betweennessSamples(c.ties); got != c.want {
			t.Errorf("betweennessSamples(%d) = %d, want %d", c.ties, got, c.want)
		}
	}
}
