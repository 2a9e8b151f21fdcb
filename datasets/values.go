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
// taken. Day-first and month-first forms such as 01/04/2014 are refused:
// they are ambiguous. The empty string gives the zero time.
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
	hint := ""
	if strings.ContainsAny(s, "/.") {
		hint = " (day-first and month-first dates such as 01/04/2014 are ambiguous)"
	}
	return time.Time{}, wrapMsg(ErrBadDate, fmt.Sprintf("%q is not a date: expected YYYY-MM-DD, e.g. 2014-04-01%s", s, hint))
}

// ParseNumber reads a plain decimal number with a point for decimals. It
// refuses currency signs, thousands separators, decimal commas, NaN and
// infinities with a message saying what to write instead. The empty string
// gives ok = false and no error.
func ParseNumber(s string) (v float64, ok bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false, nil
	}
	v, perr := strconv.ParseFloat(s, 64)
	if perr == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
		return v, true, nil
	}
	low := strings.ToLower(s)
	var why string
	switch {
	case strings.ContainsAny(s, "£$€"):
		why = "has a currency sign: write plain digits, e.g. 1200.50 for £1,200.50"
	case strings.Contains(s, ",") && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") && len(s)-strings.Index(s, ",") != 4:
		why = "has a decimal comma: write the decimal point as '.', e.g. 1.5"
	case strings.Contains(s, ","):
		why = "has a comma: write plain digits without thousands separators, e.g. 1200 (and '.' for decimals)"
	case strings.Contains(low, "nan") || strings.Contains(low, "inf"):
		why = "is not a finite number"
	case perr != nil && strings.Contains(perr.Error(), "range"):
		why = "is out of range"
	default:
		why = "is not a number"
	}
	return 0, false, wrapMsg(ErrBadNumber, fmt.Sprintf("%q %s", s, why))
}

func badValue(format string, args ...any) error {
	return wrapMsg(ErrBadValue, fmt.Sprintf(format, args...))
}
