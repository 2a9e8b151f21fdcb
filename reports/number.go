package reports

import (
	"math"
	"strconv"
	"strings"
)

// NumDigits is the number of significant digits every number in partnet's
// text and CSV output keeps, and NumDecimals the most decimal places
// (JSON keeps full precision).
const (
	NumDigits   = 6
	NumDecimals = 12
)

// Num formats x as every text and CSV printer writes a measured value: to
// NumDigits significant digits and at most NumDecimals decimals, in plain
// decimal notation (never an exponent), trailing zeros and a trailing
// point dropped, the integer part never rounded (1234567.8 is 1234568),
// and -0 written 0. A magnitude below 5e-13 is written 0: it is finer
// than the tolerance of partnet's iterative measures (1e-10 to 1e-12), so
// its digits would not be results; JSON keeps it. So 2/3 is
// 0.666667, 0.000123456789 is 0.000123457, 12.5 is 12.5 and 3 is 3. NaN and
// infinities have no number: Num returns missing for them (each printer
// says what it writes: "" in CSV, "-" in text).
func Num(x float64, missing string) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return missing
	}
	if x == 0 {
		return "0"
	}
	// Decimals so that NumDigits significant digits show: the first
	// significant digit is at 10^e.
	e := int(math.Floor(math.Log10(math.Abs(x))))
	dec := min(max(0, NumDigits-1-e), NumDecimals)
	s := strconv.FormatFloat(x, 'f', dec, 64)
	// Rounding can carry into a new leading digit (9.999999 -> 10.00000):
	// one decimal too many then, which the trim below removes when zero.
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

// Pct formats a share (0.25) as a percentage with Num's precision
// ("25%").
func Pct(share float64, missing string) string {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return missing
	}
	return Num(100*share, missing) + "%"
}

// tnum is Num for text tables and prose (missing: "-").
func tnum(x float64) string { return Num(x, "-") }
