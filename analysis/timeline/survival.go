package timeline

import (
	"cmp"
	"errors"
	"slices"
)

// DaysPerYear converts survival times in days to years.
const DaysPerYear = 365.25

// Observation is one subject of a survival analysis: how long it was
// followed (Days) and whether it ended then (Event) or was still going
// (right-censored).
type Observation struct {
	Days  int
	Event bool
}

// SurvivalStep is the Kaplan-Meier estimate just after one distinct time
// at which something happened.
type SurvivalStep struct {
	Days  int
	Years float64
	// AtRisk were still followed just before Days; Events ended at Days;
	// Censored stopped being followed at Days while still going.
	AtRisk   int
	Events   int
	Censored int
	// Survival is the estimated probability of lasting longer than Days.
	Survival float64
}

// SurvivalCurve is a Kaplan-Meier estimate.
type SurvivalCurve struct {
	N        int
	Events   int
	Censored int
	// MedianYears is the median survival: the first time at which the
	// estimate falls to 0.5 or below; nil when it never does (more than
	// half are still going at the end of follow-up).
	MedianYears *float64
	Steps       []SurvivalStep
}

// KaplanMeier returns the Kaplan-Meier product-limit estimate (Kaplan &
// Meier 1958, "Nonparametric estimation from incomplete observations",
// JASA 53:457-481) of the survival function from right-censored
// observations:
//
//	S(t) = Π_{t_i <= t} (1 - d_i / n_i)
//
// over the distinct event times t_i, where d_i ended at t_i and n_i were
// at risk (followed at least until t_i). A subject censored at the same
// time as an event counts as at risk for it (events come first, the usual
// convention). The median is the smallest t with S(t) <= 0.5, as in
// lifelines (R's survfit instead averages the two times when S stays at
// exactly 0.5 over an interval). No observations give an empty curve with a
// nil median. Negative times are an error.
func KaplanMeier(obs []Observation) (SurvivalCurve, error) {
	sorted := slices.Clone(obs)
	slices.SortFunc(sorted, func(a, b Observation) int { return cmp.Compare(a.Days, b.Days) })
	c := SurvivalCurve{N: len(obs), Steps: []SurvivalStep{}}
	if len(sorted) > 0 && sorted[0].Days < 0 {
		return c, errors.New("kaplan-meier: negative survival time")
	}
	atRisk, s := len(sorted), 1.0
	for k := 0; k < len(sorted); {
		step := SurvivalStep{Days: sorted[k].Days, Years: float64(sorted[k].Days) / DaysPerYear, AtRisk: atRisk}
		for ; k < len(sorted) && sorted[k].Days == step.Days; k++ {
			if sorted[k].Event {
				step.Events++
			} else {
				step.Censored++
			}
		}
		if step.Events > 0 {
			s *= 1 - float64(step.Events)/float64(atRisk)
		}
		step.Survival = s
		c.Events += step.Events
		c.Censored += step.Censored
		atRisk -= step.Events + step.Censored
		c.Steps = append(c.Steps, step)
		if c.MedianYears == nil && s <= 0.5 {
			y := step.Years
			c.MedianYears = &y
		}
	}
	return c, nil
}

// At returns the estimate of surviving longer than the given number of
// years, and false when that is past the last time observed (the estimate
// is undefined there, unless it had already reached 0) or the curve is
// empty.
func (c SurvivalCurve) At(years float64) (float64, bool) {
	if len(c.Steps) == 0 {
		return 0, false
	}
	s := 1.0
	for _, st := range c.Steps {
		if st.Years > years {
			return s, true
		}
		s = st.Survival
	}
	return s, s == 0 || c.Steps[len(c.Steps)-1].Years == years
}
