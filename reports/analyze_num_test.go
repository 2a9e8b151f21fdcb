package reports

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendNum: the one-pass formatter writes what the documented rule
// gives, FormatFloat(ParseFloat(FormatFloat(f, 'g', 12)), 'g', -1) with
// zero unsigned and NaN/Inf as null, on edge cases and a million random
// values over 40 orders of magnitude.
func TestAppendNum(t *testing.T) {
	want := func(f float64) string {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return "null"
		}
		return strconv.FormatFloat(roundSig(f), 'g', -1, 64)
	}
	cases := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 1e-4, 9.99999999999e-5, 0.000099999999999949,
		1e-5, 123456, 999999, 999999.9999995, 1e6, 1234567, 1e21, 1e-300, 5e-324, math.MaxFloat64,
		0.30000000000000004, 2.76963345092e-15, 1.0 / 3, -2.0 / 3, 100, 100000, 0.000123, 12.5,
		math.NaN(), math.Inf(1), math.Inf(-1)}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 1000000; i++ {
		f := math.Pow(10, rng.Float64()*40-20) * (rng.Float64() + 0.5)
		if i%2 == 1 {
			f = -f
		}
		if i%7 == 0 {
			f = math.Round(f*1000) / 1000
		}
		cases = append(cases, f)
	}
	for _, f := range cases {
		if got, w := string(appendNum(nil, f)), want(f); got != w {
			t.Fatalf("appendNum(%v) = %q, want %q", f, got, w)
		}
	}
}
