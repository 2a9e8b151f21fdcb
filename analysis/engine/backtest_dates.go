package engine

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/partnet/partnet/graph"
)

// ErrNoDates says the data has no dated partnership or arrangement, so no
// backtest can tell what began after a day T.
var ErrNoDates = errors.New("no partnership or arrangement has a start date")

// BacktestDates returns the days T for a backtest on net when the user
// gave none. The defaults stand when each lies after the data's first
// start year and before its last, so that something was known on T and
// something began after it; otherwise (data from other years, such as a
// funder's grants from 2013 to 2024) they adapt to 1 April of the years a
// quarter, half and three quarters of the way through the data's start
// years, and note says what was chosen. An error when the data has no
// start dates or they all fall in one year.
func BacktestDates(net *graph.Network) (dates []time.Time, note string, err error) {
	first, last, ok := StartYears(net)
	if !ok {
		return nil, "", fmt.Errorf("a backtest needs dated partnerships: %w", ErrNoDates)
	}
	fits := true
	var defaults []string
	for _, t := range DefaultBacktestDates() {
		defaults = append(defaults, t.Format(time.DateOnly))
		dates = append(dates, t)
		if t.Year() < first || t.Year() >= last {
			fits = false
		}
	}
	if fits {
		return dates, "", nil
	}
	if last-first < 2 {
		return nil, "", fmt.Errorf("a backtest needs start dates over at least three years to propose on a day between them; the data's run from %d to %d: %w", first, last, ErrNoDates)
	}
	dates = dates[:0]
	var shown []string
	for q := 1; q <= 3; q++ {
		y := first + (last-first)*q/4
		if y <= first {
			y = first + 1
		}
		t := time.Date(y, time.April, 1, 0, 0, 0, 0, time.UTC)
		if len(dates) > 0 && !t.After(dates[len(dates)-1]) {
			continue
		}
		dates = append(dates, t)
		shown = append(shown, t.Format(time.DateOnly))
	}
	note = fmt.Sprintf("the data's partnerships start from %d to %d, outside the default days (%s): proposing on %s instead (--dates to choose)",
		first, last, strings.Join(defaults, ", "), strings.Join(shown, ", "))
	return dates, note, nil
}
