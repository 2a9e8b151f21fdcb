package timeline

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateLayout is the form dates take in timeline results: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// MaxDates bounds a date series, so a typo such as --every 1d over
// a century cannot ask for tens of thousands of snapshots.
const MaxDates = 1000

// ErrBadInterval is returned (wrapped) for an interval that cannot be read
// or is not positive.
var ErrBadInterval = errors.New("bad interval")

// Interval is a calendar step between snapshots: so many years, months and
// days. The zero Interval is not a valid step; DefaultInterval is one year.
type Interval struct {
	Years, Months, Days int
}

// DefaultInterval is the step used when none is given: one year.
var DefaultInterval = Interval{Years: 1}

// ParseInterval reads an interval written as a number and a unit, such as
// 1y, 6m, 2y, 90d or 2w (weeks are 7 days); several parts may be joined, as
// in 1y6m. The number must be positive; the empty string gives
// DefaultInterval.
func ParseInterval(s string) (Interval, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return DefaultInterval, nil
	}
	var iv Interval
	rest := s
	for rest != "" {
		k := 0
		for k < len(rest) && rest[k] >= '0' && rest[k] <= '9' {
			k++
		}
		if k == 0 || k == len(rest) {
			return Interval{}, fmt.Errorf("%q: want a number and a unit (y, m, w or d), e.g. 1y or 6m: %w", s, ErrBadInterval)
		}
		n, err := strconv.Atoi(rest[:k])
		if err != nil || n > 10000 {
			return Interval{}, fmt.Errorf("%q: number out of range: %w", s, ErrBadInterval)
		}
		switch rest[k] {
		case 'y':
			iv.Years += n
		case 'm':
			iv.Months += n
		case 'w':
			iv.Days += 7 * n
		case 'd':
			iv.Days += n
		default:
			return Interval{}, fmt.Errorf("%q: unknown unit %q: want y, m, w or d: %w", s, rest[k], ErrBadInterval)
		}
		rest = rest[k+1:]
	}
	if iv == (Interval{}) {
		return Interval{}, fmt.Errorf("%q: the interval must be longer than zero: %w", s, ErrBadInterval)
	}
	return iv, nil
}

// String writes the interval as ParseInterval reads it ("1y", "1y6m",
// "90d").
func (iv Interval) String() string {
	var b strings.Builder
	for _, p := range []struct {
		n    int
		unit string
	}{{iv.Years, "y"}, {iv.Months, "m"}, {iv.Days, "d"}} {
		if p.n != 0 {
			b.WriteString(strconv.Itoa(p.n))
			b.WriteString(p.unit)
		}
	}
	if b.Len() == 0 {
		return "0d"
	}
	return b.String()
}

// SeriesDates returns from, from+every, from+2*every, ... up to and
// including to. The k-th date is from.AddDate(k*Years, k*Months, k*Days),
// counted from from rather than from the previous date, so a series that
// starts on the 31st does not drift; AddDate normalises, so 31 January plus
// one month is 3 March (2 March in a leap year). A zero every means
// DefaultInterval. It fails when from is after to, when either is zero, or
// when the series would hold more than MaxDates dates.
func SeriesDates(from, to time.Time, every Interval) ([]time.Time, error) {
	if from.IsZero() || to.IsZero() {
		return nil, errors.New("date series: both ends are needed")
	}
	if from.After(to) {
		return nil, fmt.Errorf("date series: start %s is after end %s", from.Format(DateLayout), to.Format(DateLayout))
	}
	if every == (Interval{}) {
		every = DefaultInterval
	}
	if every.Years < 0 || every.Months < 0 || every.Days < 0 {
		return nil, fmt.Errorf("date series: step %s: %w", every, ErrBadInterval)
	}
	var out []time.Time
	for k := 0; ; k++ {
		d := from.AddDate(k*every.Years, k*every.Months, k*every.Days)
		if d.After(to) {
			break
		}
		if len(out) == MaxDates {
			return nil, fmt.Errorf("date series from %s to %s every %s: more than %d dates",
				from.Format(DateLayout), to.Format(DateLayout), every, MaxDates)
		}
		out = append(out, d)
	}
	return out, nil
}

// CheckDates checks a list of snapshot dates: at least one, none zero,
// strictly increasing, at most MaxDates.
func CheckDates(dates []time.Time) error {
	if len(dates) == 0 {
		return errors.New("no dates given")
	}
	if len(dates) > MaxDates {
		return fmt.Errorf("%d dates: more than %d", len(dates), MaxDates)
	}
	for k, d := range dates {
		if d.IsZero() {
			return fmt.Errorf("date %d is empty", k+1)
		}
		if k > 0 && !d.After(dates[k-1]) {
			return fmt.Errorf("dates must increase: %s comes after %s", d.Format(DateLayout), dates[k-1].Format(DateLayout))
		}
	}
	return nil
}

func formatDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}
