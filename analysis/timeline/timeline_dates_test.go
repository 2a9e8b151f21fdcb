package timeline

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func days(ts []time.Time) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Format(DateLayout)
	}
	return out
}

func TestParseInterval(t *testing.T) {
	cases := []struct {
		in   string
		want Interval
		err  bool
	}{
		{"", Interval{Years: 1}, false},
		{"1y", Interval{Years: 1}, false},
		{"6m", Interval{Months: 6}, false},
		{"2Y", Interval{Years: 2}, false},
		{"1y6m", Interval{Years: 1, Months: 6}, false},
		{"2w", Interval{Days: 14}, false},
		{"90d", Interval{Days: 90}, false},
		{"0y", Interval{}, true},
		{"y", Interval{}, true},
		{"12", Interval{}, true},
		{"1q", Interval{}, true},
		{"-1y", Interval{}, true},
	}
	for _, c := range cases {
		got, err := ParseInterval(c.in)
		if (err != nil) != c.err {
			t.Errorf("ParseInterval(%q) error = %v, want error %v", c.in, err, c.err)
			continue
		}
		if err != nil && !errors.Is(err, ErrBadInterval) {
			t.Errorf("ParseInterval(%q) error %v does not wrap ErrBadInterval", c.in, err)
		}
		if got != c.want {
			t.Errorf("ParseInterval(%q) = %+v, want %+v", c.in, got, c.want)
		}
		if err == nil && c.in != "" {
			if back, _ := ParseInterval(got.String()); back != got {
				t.Errorf("ParseInterval(%q).String() = %q does not read back", c.in, got.String())
			}
		}
	}
}

func TestSeriesDates(t *testing.T) {
	cases := []struct {
		name     string
		from, to string
		every    Interval
		want     []string
	}{
		{"yearly, end included", "2008-01-01", "2010-01-01", Interval{}, []string{"2008-01-01", "2009-01-01", "2010-01-01"}},
		{"yearly, end between", "2008-04-01", "2010-01-01", Interval{Years: 1}, []string{"2008-04-01", "2009-04-01"}},
		{"six months", "2019-01-01", "2020-01-01", Interval{Months: 6}, []string{"2019-01-01", "2019-07-01", "2020-01-01"}},
		// Counted from the start, not the previous date: 31 Jan + 1m is
		// 3 Mar (AddDate normalises 31 Feb), + 2m is 31 Mar, not 3 Apr.
		{"month ends do not drift", "2019-01-31", "2019-04-01", Interval{Months: 1}, []string{"2019-01-31", "2019-03-03", "2019-03-31"}},
		{"one date", "2019-01-01", "2019-01-01", Interval{Years: 2}, []string{"2019-01-01"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := SeriesDates(day(c.from), day(c.to), c.every)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(days(got), c.want) {
				t.Errorf("SeriesDates = %v, want %v", days(got), c.want)
			}
		})
	}
	if _, err := SeriesDates(day("2020-01-01"), day("2019-01-01"), Interval{}); err == nil {
		t.Error("from after to: no error")
	}
	if _, err := SeriesDates(day("1900-01-01"), day("2020-01-01"), Interval{Days: 1}); err == nil {
		t.Error("daily for 120 years: no error")
	}
}

func TestCheckDates(t *testing.T) {
	if err := CheckDates([]time.Time{day("2010-01-01"), day("2012-01-01")}); err != nil {
		t.Error(err)
	}
	for _, bad := range [][]time.Time{nil, {day("2012-01-01"), day("2010-01-01")}, {day("2012-01-01"), day("2012-01-01")}, {{}}} {
		if err := CheckDates(bad); err == nil {
			t.Errorf("CheckDates(%v): no error", bad)
		}
	}
}
