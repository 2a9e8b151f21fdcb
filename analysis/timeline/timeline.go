package timeline

import (
	"context"
	"fmt"
	"time"

	"github.com/partnet/partnet/graph"
)

// ClusterFunc finds clusters in a snapshot: it returns a cluster label for
// every node. initial is a starting partition (one label per node, every
// node labelled) built from the previous date's clusters, or nil on the
// first date; a seeded Leiden started from it keeps labels stable from one
// date to the next.
type ClusterFunc func(ctx context.Context, s *graph.Snapshot, initial []int) ([]int, error)

// Options set what Measure computes. Dates is required; the zero
// value of everything else gives the defaults documented per field.
type Options struct {
	// Dates are the snapshot dates, increasing (see SeriesDates).
	Dates []time.Time
	// Weighting turns partnerships into tie weights (zero value: graph's
	// default).
	Weighting graph.Weighting
	// DropUndated leaves out partnerships and arrangements with no dates;
	// by default they count as active on every date.
	DropUndated bool
	// CarrySuccessors moves the ties of abolished organisations onto their
	// successors (see CarrySuccessors) before taking the snapshots.
	CarrySuccessors bool
	// Cluster, when not nil, is run on every snapshot and its clusters are
	// tracked across dates with Track.
	Cluster ClusterFunc
	Track   TrackOptions
	// Top is how many degree changes to list per period (0 means 10);
	// CentralTop how many organisations count as the most central (0 means
	// 10).
	Top, CentralTop int
	// Survival configures the survival table; a zero End means the last
	// snapshot date.
	Survival SurvivalOptions
}

// Result is how a network changed over a series of dates. JSON
// field names are a stable contract.
type Result struct {
	Dates     []string
	Weighting string
	// Undated counts partnerships and arrangements with no dates;
	// DropUndated says whether they were left out or counted as always
	// active.
	Undated         Undated
	DropUndated     bool
	CarrySuccessors bool
	Carried         *Carried
	Periods         []Period
	// Clusters is nil when no ClusterFunc was given.
	Clusters    *ClusterTracking
	Successions []Succession
	Survival    *SurvivalResult
}

// Measure takes a snapshot of net on each date (SnapshotAt), measures each
// (Period) against the one before, tracks clusters across them when
// opts.Cluster is set (TrackClusters; each date's clustering starts from
// the previous date's), and adds the successions (Successions) and
// partnership survival (Survival, censored at opts.Survival.End or the
// last date). Successions and survival are measured on net as given, even
// when ties are carried onto successors. An empty network gives periods
// of zeros. It checks ctx between dates.
func Measure(ctx context.Context, net *graph.Network, opts Options) (*Result, error) {
	if err := CheckDates(opts.Dates); err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	top, centralTop := opts.Top, opts.CentralTop
	if top <= 0 {
		top = 10
	}
	if centralTop <= 0 {
		centralTop = 10
	}
	res := &Result{Weighting: opts.Weighting.Describe(), Undated: CountUndated(net),
		DropUndated: opts.DropUndated, CarrySuccessors: opts.CarrySuccessors}
	for _, d := range opts.Dates {
		res.Dates = append(res.Dates, formatDay(d))
	}
	snapNet := net
	if opts.CarrySuccessors {
		carried, c, err := CarrySuccessors(net)
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		snapNet, res.Carried = carried, &c
	}
	var prev *periodState
	var parts [][]int
	var leaders []map[int]int // per date: cluster label -> its leading organisation
	for _, d := range opts.Dates {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		ds := SnapshotAt(snapNet, d, SnapshotOptions{Weighting: opts.Weighting, DropUndated: opts.DropUndated})
		var p Period
		p, prev = measurePeriod(snapNet, ds, prev, top, centralTop)
		res.Periods = append(res.Periods, p)
		if opts.Cluster == nil {
			continue
		}
		var last []int
		if len(parts) > 0 {
			last = parts[len(parts)-1]
		}
		labels, err := opts.Cluster(ctx, ds.Snapshot, seedPartition(last, ds.Orgs))
		if err != nil {
			return nil, fmt.Errorf("timeline: clusters on %s: %w", formatDay(d), err)
		}
		if len(labels) != ds.Snapshot.N() {
			return nil, fmt.Errorf("timeline: clusters on %s: %d labels for %d organisations", formatDay(d), len(labels), ds.Snapshot.N())
		}
		part := make([]int, snapNet.NumOrganisations())
		for g := range part {
			part[g] = -1
		}
		for i, g := range ds.Orgs {
			part[g] = labels[i]
		}
		parts = append(parts, part)
		leaders = append(leaders, clusterLeaders(ds, labels))
	}
	if opts.Cluster != nil {
		tr, err := TrackClusters(ctx, parts, opts.Track)
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		for t, cs := range tr.Clusters {
			res.Periods[t].Clusters = len(cs)
			for k := range cs {
				c := &cs[k]
				for _, g := range c.Members {
					c.MemberIDs = append(c.MemberIDs, snapNet.Organisation(g).ID)
				}
				c.Label = snapNet.Organisation(leaders[t][parts[t][c.Members[0]]]).Label()
			}
		}
		for k := range tr.Transitions {
			tr.Transitions[k].Date = res.Dates[tr.Transitions[k].Period]
		}
		res.Clusters = tr
	}
	res.Successions = Successions(net, opts.Weighting)
	so := opts.Survival
	if so.End.IsZero() {
		so.End = opts.Dates[len(opts.Dates)-1]
	}
	sv, err := Survival(ctx, net, so)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	res.Survival = sv
	return res, nil
}

// seedPartition labels each snapshot node with its organisation's cluster
// on the previous date (last, by full-network index), and every node
// without one with a fresh label of its own. last nil gives nil.
func seedPartition(last []int, orgs []int) []int {
	if last == nil {
		return nil
	}
	fresh := 0
	for _, c := range last {
		fresh = max(fresh, c+1)
	}
	out := make([]int, len(orgs))
	for i, g := range orgs {
		if c := last[g]; c >= 0 {
			out[i] = c
		} else {
			out[i] = fresh
			fresh++
		}
	}
	return out
}

// clusterLeaders returns, per cluster label, the organisation (full-network
// index) with the largest tie weight inside its cluster, then most ties
// inside, then lowest index.
func clusterLeaders(ds *DatedSnapshot, labels []int) map[int]int {
	s := ds.Snapshot
	type score struct {
		w    float64
		k, i int
	}
	best := map[int]score{}
	for i := 0; i < s.N(); i++ {
		var sc score
		sc.i = i
		ws := s.Weights(i)
		for k, j := range s.Neighbours(i) {
			if labels[j] == labels[i] {
				sc.w += ws[k]
				sc.k++
			}
		}
		b, ok := best[labels[i]]
		if !ok || sc.w > b.w || (sc.w == b.w && sc.k > b.k) {
			best[labels[i]] = sc
		}
	}
	out := make(map[int]int, len(best))
	for c, sc := range best {
		out[c] = ds.Orgs[sc.i]
	}
	return out
}
