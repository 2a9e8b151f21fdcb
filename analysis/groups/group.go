package groups

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

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

// Options configures Groups. Zero values take the tier's defaults.
type Options struct {
	// Tier is large, small or custom; "" means custom.
	Tier Tier
	// MinSize and MaxSize bound the members per group; MaxGroups the
	// number of groups. Zero takes the tier's value.
	MinSize, MaxSize, MaxGroups int
	// Sectors and Types say which organisations may be members; nil
	// Sectors means councils only (unless AnySector), nil Types any type.
	Sectors, Types []string
	// AnySector makes organisations of every sector (and none) eligible;
	// Sectors is then ignored. For data that records no sectors.
	AnySector bool
	// Exclude lists organisation ids never to place; Taken lists ids
	// already placed by another tier (see GroupTiers).
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
	// Weighting is how the round's partnerships and arrangements become
	// tie weights: the search projects its own snapshot of the round with
	// EffectiveWeighting(Weighting) (its kind weights, or KindWeights when
	// it has none), and weighs evidence with the same.
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
	// FrontierLimit, when positive, bounds the organisations outside a
	// group that each local move tries: the FrontierLimit most tied to it.
	// Zero tries every neighbour (slow around a hub with thousands of
	// partners).
	FrontierLimit int
	// ExactLimit: with at most this many eligible organisations the
	// search is exact (every valid group enumerated, best total score
	// found by dynamic programming). Zero means 12; negative turns the
	// exact method off.
	ExactLimit int
	// At is the day of the round: organisations, partnerships and
	// arrangements active on that day (open ends count as active) are
	// the ones considered, so an abolished council is eligible only
	// before its end date and its successor only from its start date.
	// Zero means the data's latest date (LatestDate); a network with no
	// dates at all is taken as it is.
	At time.Time
	// CountAllTies makes cohesion and the weakest member's share count a
	// member's ties to every organisation except third-sector bodies; by
	// default they count only ties to organisations of the member sectors
	// (for councils, other councils). Grants never count.
	CountAllTies bool
	// SelectionWork bounds the branch-and-bound search that picks the
	// shortlist from the candidate pool, in candidates examined; zero
	// means DefaultSelectionWork.
	// When the bound is reached the result states its gap to the upper
	// bound.
	SelectionWork int
	// PoolLimit bounds the candidates drawn from arrangements, shared
	// management and shared service ties, and their unions; zero means
	// DefaultPoolLimit.
	PoolLimit int
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
	// weight to the other members; WeakestShare the share of its joint
	// working with peers (see Options.CountAllTies) that weight is; WeakestPartner its strongest partner
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
	// Unlocated are the members without a location: with any, the
	// distance part of compactness is unknown (never taken as near).
	Unlocated []int
}

// Result is a tier's shortlist.
type Result struct {
	Tier                        Tier
	MinSize, MaxSize, MaxGroups int
	Groups                      []Group
	// Eligible is the number of organisations that could be placed.
	Eligible int
	// Method is "exact" (every valid group scored) or "pool" (the best
	// set chosen from a pool of candidates); Note states what that means.
	Method, Note string
	// Weighting describes the tie weights the groups were scored with
	// (the snapshot's, graph.Weighting.Describe).
	Weighting string
	// At is the day of the round (zero when the data has no dates);
	// AtSource says where it came from: "given" or "latest date in the
	// data" (or "undated data").
	At       time.Time
	AtSource string
	// Selection states how good the chosen set is: "exact" when no other
	// set of disjoint candidates within the rules scores more in total,
	// otherwise "within X of the bound". Total is the chosen set's total
	// score, Bound an upper bound on any set's total (equal to Total when
	// exact), Candidates the size of the pool selected from.
	Selection    string
	Total, Bound float64
	Candidates   int
	// PoolNote says which candidate sources fed the pool and whether a
	// limit cut any of them.
	PoolNote string
	// CompactnessWeight is the weight compactness had in the score:
	// WeightCompactness, doubled with PreferNear.
	CompactnessWeight float64
}

// Groups proposes candidate groups of organisations (councils by default)
// for a funding round, ranked by Score, under the constraints in
// opts. No organisation is in two groups, every group's size is within
// range and every hard rule holds.
//
// The round: only organisations, partnerships and arrangements active on
// opts.At (default: the data's latest date) count, and grants are left
// out (they are funding, not joint working). The search builds its own
// snapshot of that round under opts.Weighting with KindWeights when
// the weighting gives no kind weights; s is not used and may be nil.
//
// Candidates: every arrangement with 2 to MaxSize eligible members, every
// connected set of up to 5 eligible organisations joined by shared
// management or shared service ties, unions of those that fit the tier,
// and groups grown from Leiden clusters at several resolutions and seeds,
// improved by local moves. Selection: the set of at most MaxGroups
// disjoint candidates with the highest total score, by branch and bound
// (exact unless SelectionWork is spent, when Selection states the gap
// to an upper bound). With at most ExactLimit eligible organisations every
// valid group is a candidate and the selection is exact over all of them.
//
// An empty network, or one with no eligible organisations, gives no
// groups; organisations with no ties inside a group score zero on
// collaboration, and zero-weight ties count as ties of weight zero.
func Search(ctx context.Context, net *graph.Network, s *graph.Snapshot, opts Options) (*Result, error) {
	return newRound(net, opts).groups(ctx, opts)
}

// round is the network as it stood on one day, grants left out, with its
// snapshot under the group weighting.
type round struct {
	net      *graph.Network
	mask     roundMask
	at       time.Time
	atSource string
	w        graph.Weighting
	s        *graph.Snapshot
}

func newRound(net *graph.Network, opts Options) *round {
	r := &round{net: net, at: opts.At, atSource: "given", w: EffectiveWeighting(opts.Weighting)}
	if r.at.IsZero() {
		r.at, r.atSource = LatestDate(net), "latest date in the data"
		if r.at.IsZero() {
			r.atSource = "undated data"
		}
	}
	r.mask = newRoundMask(net, r.at)
	r.s = roundSnapshot(net, r.mask, r.w)
	return r
}

func (r *round) fits(opts Options) bool {
	return (opts.At.IsZero() || opts.At.Equal(r.at)) && EffectiveWeighting(opts.Weighting).Describe() == r.w.Describe()
}

func (r *round) groups(ctx context.Context, opts Options) (*Result, error) {
	p, err := newGroupProblem(r, opts)
	if err != nil {
		return nil, fmt.Errorf("groups: %w", err)
	}
	res := &Result{Tier: p.tier, MinSize: p.minSize, MaxSize: p.maxSize, MaxGroups: p.maxGroups, Eligible: len(p.orgs),
		CompactnessWeight: WeightCompactness, At: r.at, AtSource: r.atSource,
		Weighting: r.w.Describe()}
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
		res.Method, res.Selection = "exact", "exact"
		res.Note = fmt.Sprintf("exact: every valid group was scored and the set of at most %d disjoint groups with the highest total score chosen", p.maxGroups)
		for _, g := range chosen {
			res.Total += p.score(g).Total
		}
		res.Bound = res.Total
	} else {
		pool, note := p.candidatePool(runs)
		sel := p.selectExact(pool, opts.SelectionWork)
		chosen = sel.groups
		res.Method, res.Candidates, res.PoolNote = "pool", len(pool), note
		res.Total, res.Bound = sel.total, sel.bound
		res.Selection = sel.statement()
		res.Note = fmt.Sprintf("%d candidates (%s); selection %s", len(pool), note, res.Selection)
	}
	for _, g := range chosen {
		res.Groups = append(res.Groups, p.describe(g, runs))
	}
	sort.SliceStable(res.Groups, func(a, b int) bool {
		ga, gb := res.Groups[a], res.Groups[b]
		if ga.Score.Total != gb.Score.Total {
			return ga.Score.Total > gb.Score.Total
		}
		return r.net.Organisation(ga.Members[0]).ID < r.net.Organisation(gb.Members[0]).ID
	})
	for i := range res.Groups {
		g := &res.Groups[i]
		g.Rank = i + 1
		g.ID = fmt.Sprintf("%s-%d", p.tier, i+1)
		if err := p.addBackbone(g); err != nil {
			return nil, fmt.Errorf("groups: %w", err)
		}
	}
	members := make([][]int, len(res.Groups))
	for i := range res.Groups {
		members[i] = res.Groups[i].Members
	}
	evidence := roundEvidence(r.net, members, r.at, r.w)
	for i := range res.Groups {
		res.Groups[i].Evidence = evidence[i]
	}
	return res, nil
}

// SearchTiers runs Search for several tiers in order, so that an
// organisation placed in one tier's shortlist is not offered again in a
// later one (each later tier's Taken gets the earlier members). Tiers of
// the same day and weighting share one round.
func SearchTiers(ctx context.Context, net *graph.Network, s *graph.Snapshot, tiers []Options) ([]*Result, error) {
	var taken []string
	out := make([]*Result, 0, len(tiers))
	var r *round
	for _, o := range tiers {
		o.Taken = append(slices.Clone(o.Taken), taken...)
		if r == nil || !r.fits(o) {
			r = newRound(net, o)
		}
		res, err := r.groups(ctx, o)
		if err != nil {
			return nil, err
		}
		for _, g := range res.Groups {
			for _, m := range g.Members {
				taken = append(taken, net.Organisation(m).ID)
			}
		}
		out = append(out, res)
	}
	return out, nil
}
