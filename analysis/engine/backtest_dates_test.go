package engine

import (
	"errors"
	"testing"
	"time"

	"github.com/partnet/partnet/graph"
)

// TestBacktestDates: the England default days stand when they lie inside
// the data's start years; other data gets days a quarter, half and three
// quarters through its years (worked by hand below); undated data is an
// error rather than a table of 0/0.
func TestBacktestDates(t *testing.T) {
	day := func(y int) time.Time { return time.Date(y, 4, 1, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		name   string
		starts []int // start year of each partnership (0: undated)
		want   []int // years of the days T (1 April)
		note   bool
		err    bool
	}{
		{"england span keeps defaults", []int{2003, 2010, 2025}, []int{2012, 2014, 2016}, false, false},
		// 2013..2024: 2013+11/4=2015, 2013+22/4=2018, 2013+33/4=2021.
		{"grants 2013-2024", []int{2013, 2024}, []int{2015, 2018, 2021}, true, false},
		// 2017..2020: 2017+3/4=2017 -> 2018, 2017+6/4=2018 (dropped), 2017+9/4=2019.
		{"short span", []int{2017, 2020}, []int{2018, 2019}, true, false},
		{"undated", []int{0, 0}, nil, false, true},
		{"one year", []int{2019, 2019, 2020}, nil, false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := graph.NewNetwork()
			for i, y := range c.starts {
				a, z := string(rune('a'+i)), string(rune('A'+i))
				for _, id := range []string{a, z} {
					if err := b.AddOrganisation(graph.Organisation{ID: id}); err != nil {
						t.Fatal(err)
					}
				}
				p := graph.Partnership{Source: a, Target: z, Weight: 1}
				if y != 0 {
					p.Start = day(y)
				}
				if err := b.AddPartnership(p); err != nil {
					t.Fatal(err)
				}
			}
			net := b
			got, note, err := BacktestDates(net)
			if (err != nil) != c.err || (err != nil && !errors.Is(err, ErrNoDates)) {
				t.Fatalf("err = %v, want error %v", err, c.err)
			}
			if (note != "") != c.note {
				t.Errorf("note %q, want one: %v", note, c.note)
			}
			if len(got) != len(c.want) {
				t.Fatalf("dates %v, want years %v", got, c.want)
			}
			for i, y := range c.want {
				if !got[i].Equal(day(y)) {
					t.Errorf("date %d = %v, want %d-04-01", i, got[i], y)
				}
			}
		})
	}
}
