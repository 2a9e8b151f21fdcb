package timeline

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// DefaultTrackThreshold is the Jaccard overlap a cluster must exceed to
// match a cluster on the next date when TrackOptions.Threshold is zero.
const DefaultTrackThreshold = 0.3

// TransitionKind names what happened to clusters between two dates.
type TransitionKind string

// The transitions of Greene, Doyle & Cunningham (2010): continuation,
// expansion, contraction, splitting, merging, birth and death.
const (
	Continues TransitionKind = "continues"
	Grows     TransitionKind = "grows"
	Shrinks   TransitionKind = "shrinks"
	Splits    TransitionKind = "splits"
	Merges    TransitionKind = "merges"
	Appears   TransitionKind = "appears"
	Dissolves TransitionKind = "dissolves"
)

// TrackOptions set how clusters are matched across dates. The zero value
// uses DefaultTrackThreshold and tracks clusters of two or more members.
type TrackOptions struct {
	// Threshold is θ: clusters on consecutive dates match when their
	// Jaccard overlap |A∩B|/|A∪B| is greater than θ. 0 means
	// DefaultTrackThreshold; it must be below 1.
	Threshold float64
	// MinSize leaves out clusters with fewer members (a lone organisation
	// is not a cluster worth tracking). 0 means 2.
	MinSize int
}

// TrackedCluster is one cluster on one date. ID is its lineage: a cluster
// that continues, grows or shrinks keeps its predecessor's ID, as does the
// best-overlapping part of a split and the merge of several clusters (it
// keeps the ID of the predecessor it overlaps most); new clusters get new
// IDs, counting up from 1 in order of appearance.
type TrackedCluster struct {
	ID   int
	Size int
	// Members are organisation indices in the full network, ascending.
	Members []int
	// MemberIDs and Label are filled in by Measure: member ids in index
	// order, and the name of the member with most ties inside the cluster.
	MemberIDs []string
	Label     string
}

// ClusterLink is a match between a cluster on the previous date and one on
// the current date.
type ClusterLink struct {
	From    int
	To      int
	Shared  int
	Jaccard float64
}

// Transition is one event between the previous date and Date. From and To
// are cluster IDs on the previous and on the current date; Links are the
// matches behind the event (none for appears and dissolves).
type Transition struct {
	Period int
	Date   string
	Kind   TransitionKind
	From   []int
	To     []int
	Links  []ClusterLink
}

// ClusterTracking is the result of TrackClusters: the clusters on each
// date and the transitions between consecutive dates.
type ClusterTracking struct {
	Threshold   float64
	MinSize     int
	Clusters    [][]TrackedCluster
	Transitions []Transition
}

// TrackClusters matches the clusters of consecutive partitions and labels
// what happened to them, after Greene, Doyle & Cunningham, "Tracking the
// evolution of communities in dynamic social networks", ASONAM 2010.
//
// parts[t][g] is the cluster label of organisation g (an index into the
// full network) on date t, or a negative number when g is absent; labels
// are arbitrary and need not agree between dates. Clusters with fewer than
// MinSize members are ignored. A cluster A on date t-1 matches B on date t
// when Jaccard(A, B) = |A∩B| / |A∪B| > θ (TrackOptions.Threshold, default
// 0.3; the paper leaves θ to the user). Then, for each pair of dates:
//   - a cluster on t-1 with no match dissolves (the paper's death);
//   - a cluster on t with no match appears (birth);
//   - a cluster on t-1 matching two or more clusters on t splits;
//   - a cluster on t matching two or more on t-1 is where they merge;
//   - a one-to-one match continues when the sizes are equal, grows when
//     the later cluster is larger and shrinks when it is smaller
//     (continuation, expansion, contraction).
//
// The paper matches against the "front" of each dynamic community, so a
// community may skip dates; this follows it with no skipping allowed: a
// cluster unmatched on the next date dies. Clusters on the first date
// start lineages and produce no transition. Transitions are ordered by
// date, then by the smallest cluster ID involved, then by kind. No
// partitions, or only one, give no transitions; an empty partition gives
// no clusters on that date, so everything before it dissolves.
func TrackClusters(ctx context.Context, parts [][]int, opts TrackOptions) (*ClusterTracking, error) {
	theta, minSize := opts.Threshold, opts.MinSize
	if theta == 0 {
		theta = DefaultTrackThreshold
	}
	if theta < 0 || theta >= 1 {
		return nil, fmt.Errorf("track clusters: threshold %v: want 0 <= θ < 1", theta)
	}
	if minSize <= 0 {
		minSize = 2
	}
	res := &ClusterTracking{Threshold: theta, MinSize: minSize, Clusters: make([][]TrackedCluster, len(parts))}
	next := 1
	var prevLabel []int // organisation -> index into previous date's clusters
	for t, part := range parts {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("track clusters: %w", err)
		}
		cur, label := groupClusters(part, minSize)
		if t == 0 {
			for k := range cur {
				cur[k].ID = next
				next++
			}
		} else {
			links := matchClusters(res.Clusters[t-1], prevLabel, cur, label, theta)
			next = assignLineage(res.Clusters[t-1], cur, links, next)
			res.Transitions = append(res.Transitions, transitions(t, res.Clusters[t-1], cur, links)...)
		}
		res.Clusters[t], prevLabel = cur, label
	}
	return res, nil
}

// groupClusters collects the clusters of one partition with at least
// minSize members, largest first then by smallest member, and returns for
// each organisation the index of its cluster (or -1).
func groupClusters(part []int, minSize int) ([]TrackedCluster, []int) {
	byLabel := map[int][]int{}
	for g, c := range part {
		if c >= 0 {
			byLabel[c] = append(byLabel[c], g)
		}
	}
	var out []TrackedCluster
	for _, m := range byLabel {
		if len(m) >= minSize {
			out = append(out, TrackedCluster{Size: len(m), Members: m}) // members ascending: g increases
		}
	}
	slices.SortFunc(out, func(a, b TrackedCluster) int {
		return cmp.Or(cmp.Compare(b.Size, a.Size), cmp.Compare(a.Members[0], b.Members[0]))
	})
	label := make([]int, len(part))
	for g := range label {
		label[g] = -1
	}
	for k, c := range out {
		for _, g := range c.Members {
			label[g] = k
		}
	}
	return out, label
}

type match struct {
	prev, cur int
	shared    int
	jaccard   float64
}

// matchClusters returns every pair of clusters whose Jaccard overlap
// exceeds theta, best first (then by previous and current index).
func matchClusters(prev []TrackedCluster, prevLabel []int, cur []TrackedCluster, curLabel []int, theta float64) []match {
	shared := map[[2]int]int{}
	for g := 0; g < min(len(prevLabel), len(curLabel)); g++ {
		if prevLabel[g] >= 0 && curLabel[g] >= 0 {
			shared[[2]int{prevLabel[g], curLabel[g]}]++
		}
	}
	var out []match
	for k, n := range shared {
		union := prev[k[0]].Size + cur[k[1]].Size - n
		if j := float64(n) / float64(union); j > theta {
			out = append(out, match{prev: k[0], cur: k[1], shared: n, jaccard: j})
		}
	}
	slices.SortFunc(out, func(a, b match) int {
		return cmp.Or(cmp.Compare(b.jaccard, a.jaccard), cmp.Compare(a.prev, b.prev), cmp.Compare(a.cur, b.cur))
	})
	return out
}

// assignLineage gives each current cluster its best match's ID, each
// previous ID going to at most one current cluster, and new IDs to the
// rest in cluster order. It returns the next unused ID.
func assignLineage(prev, cur []TrackedCluster, links []match, next int) int {
	used := make([]bool, len(prev))
	for _, m := range links {
		if cur[m.cur].ID == 0 && !used[m.prev] {
			cur[m.cur].ID = prev[m.prev].ID
			used[m.prev] = true
		}
	}
	for k := range cur {
		if cur[k].ID == 0 {
			cur[k].ID = next
			next++
		}
	}
	return next
}

var transitionOrder = map[TransitionKind]int{Continues: 0, Grows: 1, Shrinks: 2, Splits: 3, Merges: 4, Appears: 5, Dissolves: 6}

// transitions labels the events between two dates from their matches.
func transitions(t int, prev, cur []TrackedCluster, links []match) []Transition {
	out := make([][]match, len(prev))
	in := make([][]match, len(cur))
	for _, m := range links {
		out[m.prev] = append(out[m.prev], m)
		in[m.cur] = append(in[m.cur], m)
	}
	link := func(m match) ClusterLink {
		return ClusterLink{From: prev[m.prev].ID, To: cur[m.cur].ID, Shared: m.shared, Jaccard: m.jaccard}
	}
	var ev []Transition
	for i := range prev {
		switch ms := out[i]; {
		case len(ms) == 0:
			ev = append(ev, Transition{Period: t, Kind: Dissolves, From: []int{prev[i].ID}, To: []int{}, Links: []ClusterLink{}})
		case len(ms) >= 2:
			e := Transition{Period: t, Kind: Splits, From: []int{prev[i].ID}}
			for _, m := range ms {
				e.To = append(e.To, cur[m.cur].ID)
				e.Links = append(e.Links, link(m))
			}
			ev = append(ev, e)
		case len(in[ms[0].cur]) == 1:
			m := ms[0]
			kind := Continues
			if d := cur[m.cur].Size - prev[i].Size; d > 0 {
				kind = Grows
			} else if d < 0 {
				kind = Shrinks
			}
			ev = append(ev, Transition{Period: t, Kind: kind, From: []int{prev[i].ID}, To: []int{cur[m.cur].ID}, Links: []ClusterLink{link(m)}})
		}
	}
	for j := range cur {
		switch ms := in[j]; {
		case len(ms) == 0:
			ev = append(ev, Transition{Period: t, Kind: Appears, From: []int{}, To: []int{cur[j].ID}, Links: []ClusterLink{}})
		case len(ms) >= 2:
			e := Transition{Period: t, Kind: Merges, To: []int{cur[j].ID}}
			for _, m := range ms {
				e.From = append(e.From, prev[m.prev].ID)
				e.Links = append(e.Links, link(m))
			}
			ev = append(ev, e)
		}
	}
	for k := range ev {
		slices.Sort(ev[k].From)
		slices.Sort(ev[k].To)
		slices.SortFunc(ev[k].Links, func(a, b ClusterLink) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	}
	first := func(e Transition) int {
		ids := append(append([]int(nil), e.From...), e.To...)
		return slices.Min(ids)
	}
	slices.SortFunc(ev, func(a, b Transition) int {
		return cmp.Or(cmp.Compare(first(a), first(b)), cmp.Compare(transitionOrder[a.Kind], transitionOrder[b.Kind]))
	})
	return ev
}
