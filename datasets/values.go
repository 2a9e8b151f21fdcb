package datasets

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// DateLayout is the one date form partnet writes and the form its messages
// ask for.
const DateLayout = "2006-01-02"

// ParseDate reads a date written as YYYY-MM-DD, or as an ISO 8601 timestamp
// (2014-04-01T00:00:00Z, as 360Giving files write them) whose date part is
// taken, or day first with slashes and a four-digit year (15/06/2019,
// 1/4/2014), the UK convention spreadsheets use. Other forms are refused
// rather than guessed: two-digit years, dots, month names, and a slashed
// date whose second number cannot be a month (06/15/2019, month first).
// The empty string gives the zero time.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	t, err := time.Parse(DateLayout, s)
	if err == nil {
		return t, nil
	}
	if strings.Count(s, "/") == 2 {
		return parseDayFirst(s)
	}
	hint := ""
	if strings.ContainsAny(s, ".") {
		hint = " or day first with slashes, e.g. 01/04/2014"
	}
	return time.Time{}, wrapMsg(ErrBadDate, fmt.Sprintf("%q is not a date: expected YYYY-MM-DD, e.g. 2014-04-01%s", s, hint))
}

// parseDayFirst reads D/M/YYYY (day and month of one or two digits).
func parseDayFirst(s string) (time.Time, error) {
	parts := strings.Split(s, "/")
	bad := func(why string) (time.Time, error) {
		return time.Time{}, wrapMsg(ErrBadDate, fmt.Sprintf("%q is not a date: %s (slashed dates are read day first, DD/MM/YYYY, as in the UK; or write YYYY-MM-DD)", s, why))
	}
	num := func(p string, min, max int) (int, bool) {
		if p == "" || len(p) > max {
			return 0, false
		}
		n := 0
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return 0, false
			}
			n = n*10 + int(p[i]-'0')
		}
		return n, len(p) >= min
	}
	d, okD := num(parts[0], 1, 2)
	m, okM := num(parts[1], 1, 2)
	y, okY := num(parts[2], 4, 4)
	switch {
	case !okD || !okM:
		return bad("expected a day and a month of one or two digits")
	case !okY:
		return bad("expected a four-digit year")
	case m < 1 || m > 12:
		if d >= 1 && d <= 12 {
			return bad(fmt.Sprintf("there is no month %d (a month-first date?)", m))
		}
		return bad(fmt.Sprintf("there is no month %d", m))
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		return bad(fmt.Sprintf("there is no day %d in month %d of %d", d, m, y))
	}
	return t, nil
}

// ParseMoney reads a money amount in pounds: a plain decimal (see
// ParseNumber), optionally with a leading £ (after any sign) and commas
// separating thousands in groups of three (£1,200.50, 12,000). Other
// currency signs, decimal commas and badly grouped commas are refused.
func ParseMoney(s string) (v float64, ok bool, err error) {
	t := strings.TrimSpace(s)
	sign := ""
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
		sign, t = t[:1], t[1:]
	}
	t = strings.TrimSpace(strings.TrimPrefix(t, "£"))
	if strings.Contains(t, ",") {
		whole, frac, hasDot := strings.Cut(t, ".")
		groups := strings.Split(whole, ",")
		good := len(groups[0]) >= 1 && len(groups[0]) <= 3
		for _, g := range groups[1:] {
			good = good && len(g) == 3
		}
		if !good {
			return ParseNumber(s)
		}
		t = strings.Join(groups, "")
		if hasDot {
			t += "." + frac
		}
	}
	if t == "" || strings.ContainsAny(t, "£$€") {
		return ParseNumber(s)
	}
	v, ok, err = ParseNumber(sign + t)
	if err != nil {
		return ParseNumber(s) // the message about what was written
	}
	return v, ok, nil
}

// ParseNumber reads a plain decimal number: an optional sign, digits with
// an optional decimal point, and an optional exponent (1.5, -2, .5, 1e6,
// 2.5E-3). It refuses hexadecimal (0x1p10), digit separators (1_0, 1,200),
// currency signs, decimal commas, NaN and infinities, and numbers beyond
// float64's range, with a message saying what to write instead. The empty
// string gives ok = false and no error.
func ParseNumber(s string) (v float64, ok bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false, nil
	}
	if v, ok := parseDecimal(s); ok {
		return v, true, nil
	}
	_, perr := strconv.ParseFloat(s, 64)
	low := strings.ToLower(s)
	var why string
	switch {
	case strings.ContainsAny(s, "£$€"):
		why = "has a currency sign: write plain digits, e.g. 1200.50 for £1,200.50"
	case strings.Contains(s, ",") && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") && len(s)-strings.Index(s, ",") != 4:
		why = "has a decimal comma: write the decimal point as '.', e.g. 1.5"
	case strings.Contains(s, ","):
		why = "has a comma: write plain digits without thousands separators, e.g. 1200 (and '.' for decimals)"
	case strings.Contains(s, "_"):
		why = "has an underscore: write plain digits, e.g. 1000"
	case strings.HasPrefix(strings.TrimLeft(low, "+-"), "0x"):
		why = "is hexadecimal: write a plain decimal number, e.g. 1024"
	case strings.Contains(low, "nan") || strings.Contains(low, "inf"):
		why = "is not a finite number"
	case perr != nil && strings.Contains(perr.Error(), "range"):
		why = "is out of range"
	default:
		why = "is not a number"
	}
	return 0, false, wrapMsg(ErrBadNumber, fmt.Sprintf("%q %s", s, why))
}

// parseDecimal reads s when it is a plain decimal number (see ParseNumber)
// that is finite as a float64; it allocates nothing.
func parseDecimal(s string) (float64, bool) {
	if !isPlainDecimal(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// isPlainDecimal reports whether s is [+-]digits[.digits][(e|E)[+-]digits]
// with at least one digit before the exponent (".5" and "5." included).
func isPlainDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// Weights of a tie must lie in [MinWeight, MaxWeight]: a network of ten
// million ties at MaxWeight still sums to a finite strength, and distances
// (1/weight, for betweenness and closeness) stay finite at MinWeight.
const (
	MinWeight = 1e-9
	MaxWeight = 1e12
)

// checkWeight says what is wrong with a weight read from a file, or nil.
func checkWeight(w float64) error {
	switch {
	case w <= 0:
		return badValue("%v: a weight must be greater than 0 (leave it empty for 1)", w)
	case w < MinWeight || w > MaxWeight:
		return badValue("%v: a weight must be between %g and %g", w, MinWeight, MaxWeight)
	}
	return nil
}

// MaxValueGBP is the largest money value partnet reads: more than any
// public budget, and small enough that sums over millions of grants stay
// exact to the penny's order.
const MaxValueGBP = 1e15

func badValue(format string, args ...any) error {
	return wrapMsg(ErrBadValue, fmt.Sprintf(format, args...))
}
