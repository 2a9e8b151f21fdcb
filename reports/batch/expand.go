package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Run is one point of a spec's cross product.
type Run struct {
	ID          string             `json:"run_id"`
	Dataset     DatasetSpec        `json:"dataset"`
	Date        string             `json:"date,omitempty"`
	Weighting   string             `json:"weighting"`
	KindWeights map[string]float64 `json:"kind_weights,omitempty"`
	Resolution  float64            `json:"resolution"`
	Seed        uint64             `json:"seed"`
	Tier        string             `json:"tier"`
}

// Expand returns every run of the spec in a fixed order: datasets, then
// dates, weightings, kind weights, resolutions, seeds and tiers, each in
// spec order. Run ids are built from the parameters, so the same spec
// always gives the same ids.
func Expand(spec *Spec) []Run {
	dates := spec.Dates
	if len(dates) == 0 {
		dates = []string{""}
	}
	var runs []Run
	for _, ds := range spec.Datasets {
		for _, d := range dates {
			for _, w := range spec.Weightings {
				for _, kw := range spec.KindWeights {
					for _, r := range spec.Resolutions {
						for _, s := range spec.Seeds {
							for _, t := range spec.Tiers {
								run := Run{Dataset: ds, Date: d, Weighting: w, KindWeights: kw, Resolution: r, Seed: s, Tier: t}
								run.ID = runID(run)
								runs = append(runs, run)
							}
						}
					}
				}
			}
		}
	}
	return runs
}

// runID names a run from its parameters: only characters safe in a path.
func runID(r Run) string {
	date := r.Date
	if date == "" {
		date = "all-dates"
	}
	parts := []string{
		sanitize(r.Dataset.Label), date, r.Weighting, "kw-" + kindWeightsTag(r.KindWeights),
		"r" + strconv.FormatFloat(r.Resolution, 'g', -1, 64), "s" + strconv.FormatUint(r.Seed, 10), r.Tier,
	}
	return sanitize(strings.Join(parts, "__"))
}

// kindWeightsTag is "default" for no overrides, else a short hash of the
// sorted overrides.
func kindWeightsTag(kw map[string]float64) string {
	if len(kw) == 0 {
		return "default"
	}
	keys := make([]string, 0, len(kw))
	for k := range kw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := sha256.New()
	for _, k := range keys {
		fmt.Fprintf(h, "%s=%g;", k, kw[k])
	}
	return hex.EncodeToString(h.Sum(nil))[:8]
}
