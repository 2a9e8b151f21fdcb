package groups

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/partnet/partnet/graph"
)

// Tier is a funding tier: a preset of group sizes and counts following the
// Transformation Challenge Award (2013), which funded a few large groups of
// councils combining services at scale and up to 30 smaller ones.
type Tier string

const (
	// TierLarge: 3 to 10 members, at most 4 groups; scale (combined
	// population) counts in the score.
	TierLarge Tier = "large"
	// TierSmall: 2 to 5 members, at most 30 groups.
	TierSmall Tier = "small"
	// TierCustom: sizes and count from the options (defaults 2 to 10
	// members, at most 10 groups).
	TierCustom Tier = "custom"
)

// Options configures Search. Zero values take the tier's defaults.
type Options struct {
	// Tier is large, small or custom; "" means custom.
	Tier Tier
	// MinSize and MaxSize bound the members per group; MaxGroups the
	// number of groups. Zero takes the tier's value.
	MinSize, MaxSize, MaxGroups int
	// Sectors and Types say which organisations may be members; nil
	// Sectors means councils only, nil Types any type.
	Sectors, Types []string
	// Exclude lists organisation ids never to place; Taken lists ids
	// already placed by another tier (see SearchTiers).
	Exclude, Taken []string
	// MustLink pairs are always in the same group or both left out;
	// CannotLink pairs are never in the same group.
	MustLink, CannotLink [][2]string
	// Adjacency lists pairs of organisation ids that share a border (an
	// adjacency.csv table). With it, compactness also counts bordering
	// pairs, and RequireAdjacent can be used.
	Adjacency [][2]string
	// RequireAdjacent (hard): every group is connected through shared
	// borders. It needs Adjacency.
	RequireAdjacent bool
	// MaxDistanceKm (hard, when > 0): no two members are further apart than
	// this, by great-circle distance between their lat/lon; organisations
	// without a location cannot then be members.
	MaxDistanceKm float64
	// PreferNear (soft) doubles the weight of compactness in the score.
	PreferNear bool
	// Resolutions are the Leiden resolutions candidate groups are drawn
	// from; nil means 0.5, 1, 2, 4 and 8.
	Resolutions []float64
	// Seeds is how many Leiden seeds per resolution (from Seed); zero
	// means 4.
	Seeds int
	Seed  uint64
	// Weighting is the weighting the snapshot was built with; evidence
	// weights use it.
	Weighting graph.Weighting
	// LeidenIterations bounds the Leiden iterations behind the candidates
	// (see LeidenOptions.Iterations); zero means to convergence. Large
	// networks use a small bound: the first iterations find nearly all of
	// the structure and on hundreds of thousands of eligible organisations
	// convergence can take dozens more.
	LeidenIterations int
	// ImproveLimit, when positive, improves by local moves only the best
	// ImproveLimit candidates of each run, ranked by their score before
	// improvement; the others stay candidates as they are. Zero improves
	// every candidate. A shortlist holds at most MaxGroups groups, so on
	// large networks a limit of a few times MaxGroups keeps the search
	// fast at little cost: a candidate far down the list would have to
	// gain more by local moves than those above it did.
	ImproveLimit int
	// ExactLimit: with at most this many eligible organisations the
	// search is exact (every valid group enumerated, best total score
	// found by dynamic programming). Zero means 12; negative turns the
	// exact method off.
	ExactLimit int
}

// tierDefaults returns min size, max size and max groups for a tier.
func tierDefaults(t Tier) (int, int, int) {
	switch t {
	case TierLarge:
		return 3, 10, 4
	case TierSmall:
		return 2, 5, 30
	}
	return 2, 10, 10
}

// Group is one candidate group in the shortlist.
type Group struct {
	// Rank is 1 for the best; ID is tier-rank ("large-1").
	Rank int
	ID   string
	// Members are organisation indices, ascending by id.
	Members []int
	Score   Score
	// Evidence lists the partnerships and shared arrangements inside the
	// group.
	Evidence []graph.Evidence
	// Weakest is the member least tied to the rest; WeakestWeight its tie
	// weight to the other members; WeakestShare the share of its whole
	// collaboration that weight is; WeakestPartner its strongest partner
	// inside (-1 if none).
	Weakest        int
	WeakestWeight  float64
	WeakestShare   float64
	WeakestPartner int
	// Backbone is the group's maximum spanning forest, strongest first:
	// its last tie is the weakest link holding the group together.
	// Connected says whether it is one tree.
	Backbone  []BackboneTie
	Connected bool
	// Appearances counts the (resolution, seed) runs whose candidates
	// include this group or one close to it (Jaccard >= 0.75); Runs is how
	// many runs there were. A group found in most runs does not hinge on
	// one setting.
	Appearances, Runs int
}

// Result is a tier's shortlist.
type Result struct {
	Tier                        Tier
	MinSize, MaxSize, MaxGroups int
	Groups                      []Group
	// Eligible is the number of organisations that could be placed.
	Eligible int
	// Method is "exact" or "heuristic"; Note states what that means.
	Method, Note string
	// CompactnessWeight is the weight compactness had in the score:
	// WeightCompactness, doubled with PreferNear.
	CompactnessWeight float64
}

// Search proposes candidate groups of organisations (councils by default)
// for a funding round, ranked by Score, under the constraints in
// opts. s must be net.Snapshot(opts.Weighting) (or of the same network
// filtered the same way). No organisation is in two groups, every group's
// size is within range and every hard rule holds.
//
// Search: candidates come from Leiden clusters (Traag, Waltman & van Eck
// 2019, package community) of the eligible organisations at several
// resolutions and seeds; clusters that are too
// large are split (Leiden at a higher resolution, then greedy peeling),
// too-small ones grown along their strongest ties, each repaired to meet
// the rules, then improved by local moves (add, drop, swap) while the
// score rises. The best disjoint candidates are chosen greedily and
// improved again. This is a heuristic: it finds good groups, not provably
// the best set. With at most ExactLimit eligible organisations the search
// is exact instead: it maximises the total score of at most MaxGroups
// disjoint valid groups. Each group scores
// Total = 40 Collaboration + 20 Cohesion + 15 Density + 10 Compactness +
// 15 Scale - 10 WeakestLink (see Score for each part's formula).
//
// An empty network, or one with no eligible organisations, gives no
// groups; organisations with no ties inside a group score zero on
// collaboration, and zero-weight ties count as ties of weight zero.
func Search(ctx context.Context, net *graph.Network, s *graph.Snapshot, opts Options) (*Result, error) {
	p, err := newGroupProblem(net, s, opts)
	if err != nil {
		return nil, fmt.Errorf("groups: %w", err)
	}
	res := &Result{Tier: p.tier, MinSize: p.minSize, MaxSize: p.maxSize, MaxGroups: p.maxGroups, Eligible: len(p.orgs),
		CompactnessWeight: WeightCompactness}
	if opts.PreferNear {
		res.CompactnessWeight *= 2
	}
	runs, err := p.candidateRuns(ctx)
	if err != nil {
		return nil, fmt.Errorf("groups: %w", err)
	}
	var chosen [][]int
	limit := opts.ExactLimit
	if limit == 0 {
		limit = 12
	}
	if len(p.orgs) <= limit && limit > 0 {
		chosen = p.exact()
		res.Method = "exact"
		res.Note = "exact: every valid group was scored and the set of at most MaxGroups disjoint groups with the highest total score chosen"
	} else {
		chosen = p.selectGreedy(runs)
		res.Method = "heuristic"
		res.Note = "heuristic: groups grown from Leiden clusters and improved by local moves; good, not provably optimal"
	}
	for _, g := range chosen {
		res.Groups = append(res.Groups, p.describe(g, runs))
	}
	sort.SliceStable(res.Groups, func(a, b int) bool {
		ga, gb := res.Groups[a], res.Groups[b]
		if ga.Score.Total != gb.Score.Total {
			return ga.Score.Total > gb.Score.Total
		}
		return net.Organisation(ga.Members[0]).ID < net.Organisation(gb.Members[0]).ID
	})
	members := make([][]int, len(res.Groups))
	for i := range res.Groups {
		members[i] = res.Groups[i].Members
	}
	evidence := net.EvidenceWithin(members, opts.Weighting)
	for i := range res.Groups {
		res.Groups[i].Rank = i + 1
		res.Groups[i].ID = fmt.Sprintf("%s-%d", p.tier, i+1)
		res.Groups[i].Evidence = evidence[i]
		if err := p.addBackbone(&res.Groups[i]); err != nil {
			return nil, fmt.Errorf("groups: %w", err)
		}
	}
	return res, nil
}

// SearchTiers runs Search for several tiers in order, so that an
// organisation placed in one tier's shortlist is not offered again in a
// later one (each later tier's Taken gets the earlier members).
func SearchTiers(ctx context.Context, net *graph.Network, s *graph.Snapshot, tiers []Options) ([]*Result, error) {
	var taken []string
	out := make([]*Result, 0, len(tiers))
	for _, o := range tiers {
		o.Taken = append(slices.Clone(o.Taken), taken...)
		r, err := Search(ctx, net, s, o)
		if err != nil {
			return nil, err
		}
		for _, g := range r.Groups {
			for _, m := range g.Members {
				taken = append(taken, net.Organisation(m).ID)
			}
		}
		out = append(out, r)
	}
	return out, nil
}
