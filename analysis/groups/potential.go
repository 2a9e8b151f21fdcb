package groups

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/partnet/partnet/graph"
)

// Weights of the parts of the potential score (points out of 100). They
// were set from the literature on why councils share services before any
// backtest was run, and are not tuned to the backtest (see
// docs/methods.md, "Potential partners").
const (
	PotentialWeightPartners = 40 // shared partners: Adamic-Adar, scaled by the round's largest
	PotentialWeightAreas    = 20 // shared statutory areas (fire, police, resilience, combined authority), up to 3
	PotentialWeightBorder   = 30 // a shared border, or one lies inside the other (a district in its county)
	PotentialWeightType     = 10 // the same type (two districts, two London boroughs)
)

// PotentialAreasCap is the number of shared statutory areas that earns the
// whole areas part.
const PotentialAreasCap = 3

// MaxAreaMembers bounds the eligible members of a statutory area counted
// as shared by each pair of them: an area wider than this (a national
// body) says little about any one pair and would cost the square of its
// size. Such areas are left out of the areas part and the result's Note
// says how many.
const MaxAreaMembers = 2000

// Kinds of tie the potential score reads. Shared management and shared
// services are joint working already; statutory areas are places set by
// law that councils share; grants are funding, not joint working, and are
// left out of the round.
var (
	SharedKinds    = []string{"shared_management", "shared_service"}
	StatutoryKinds = []string{"statutory_body", "statutory_partnership", "combined_authority"}
)

// PotentialOptions configures Potential. Zero values take the defaults
// documented on each field.
type PotentialOptions struct {
	// At is the day of the round: organisations, partnerships and
	// arrangements active then, as in the ready round. Zero means the
	// data's latest date (LatestDate); undated ties count as active on
	// every day.
	At time.Time
	// Sectors and Types say which organisations may be proposed; nil
	// Sectors means councils (everyone when no organisation has a
	// sector), nil Types any type.
	Sectors, Types []string
	// Exclude lists organisation ids never to propose.
	Exclude []string
	// Adjacency lists pairs of organisation ids that share a border. Without
	// it the border part is 0 for every pair (and the result says so).
	Adjacency [][2]string
	// Pairs is how many pairs to list (0: DefaultPotentialPairs; negative:
	// every candidate).
	Pairs int
	// Groups is how many groups of three to list (0: DefaultPotentialGroups;
	// negative: none).
	Groups int
}

// PotentialParts are a pair's score parts, each between 0 and 1.
type PotentialParts struct {
	Partners float64 // Adamic-Adar / the largest among candidate pairs
	Areas    float64 // shared statutory areas / PotentialAreasCap, at most 1
	Border   float64 // 1 if the two share a border or one lies inside the other
	SameType float64 // 1 if the two have the same (non-empty) type
}

// PotentialPair is one proposed pair, with its evidence.
type PotentialPair struct {
	Rank int
	// A and B are organisation indices in the network given to Potential,
	// A's id before B's.
	A, B  int
	Score float64
	Parts PotentialParts
	// AdamicAdar is the raw index on the round's partnership network.
	AdamicAdar float64
	// Partners are the shared partners (organisation indices), the most
	// telling first: fewest partners of their own, then by id;
	// PartnerDegrees how many partners each has in the round.
	Partners, PartnerDegrees []int
	// Areas are the statutory areas both belong to (arrangement indices in
	// the network given to Potential), by name.
	Areas []int
	// Border says whether the two share a border (false without a table);
	// Inside whether one is the other's parent (a district and its county).
	Border, Inside bool
	// DistanceKm is the great-circle distance between them; NaN when
	// either has no location.
	DistanceKm float64
}

// PotentialGroup is a group of three whose three pairs are all candidates.
type PotentialGroup struct {
	Rank int
	// Members are organisation indices, ascending by id.
	Members []int
	// Score is the mean of the three pairs' scores.
	Score float64
	// Pairs are the three pairs' ranks among all candidate pairs (1-based).
	Pairs [3]int
}

// PotentialResult is the answer to "who could work together next".
type PotentialResult struct {
	// At is the round's day (zero when nothing in the data is dated).
	At time.Time
	// Eligible is the number of organisations that could be proposed;
	// Candidates the number of eligible pairs not already sharing
	// management or services that have any evidence (a shared partner, a
	// shared area or a border).
	Eligible, Candidates int
	// Sharing is the number of eligible pairs that already share
	// management or a service on At, and so are not proposed.
	Sharing int
	Pairs   []PotentialPair
	Groups  []PotentialGroup
	// BroadAreas is how many statutory areas had more than MaxAreaMembers
	// eligible members and were left out of the areas part.
	BroadAreas int
	// AllEligible: Sectors was nil and no organisation has a sector, so
	// every organisation could be proposed (not only councils).
	AllEligible bool
	// HasBorders says whether an adjacency table was given; Note states
	// what the result rests on.
	HasBorders bool
	Note       string
}

// DefaultPotentialPairs and DefaultPotentialGroups are how many pairs and
// groups of three Potential lists when PotentialOptions.Pairs or Groups is
// zero (the engine names them engine.DefaultPotentialPairs and
// engine.DefaultPotentialGroups and passes them explicitly).
const (
	DefaultPotentialPairs  = 30
	DefaultPotentialGroups = 10
)

// ErrPotentialOptions is returned for options Potential cannot use.
var ErrPotentialOptions = errors.New("invalid potential options")

// Potential ranks pairs of eligible organisations that do not yet share
// management or a service on the round's day by what predicts joint
// working, and lists groups of three whose pairs all rank. Score (0-100) =
// 40 x shared partners (the Adamic-Adar index on the round's partnership
// network, grants and statutory areas left out, divided by the largest
// among candidates) + 20
// x shared statutory areas (fire, police, resilience, combined authority;
// 3 or more earn it all) + 30 x shared border (or one lies inside the
// other: a district and its county) + 10 x same type. Pairs are ranked by
// score, then nearest first (pairs without a location last), then by ids;
// only pairs with a shared partner, a shared area, a border or one inside
// the other are candidates.
//
// An empty network, or one with fewer than two eligible organisations,
// gives no pairs. Every tie counts once whatever its weight (a tie of
// weight zero too).
func Potential(ctx context.Context, net *graph.Network, opts PotentialOptions) (*PotentialResult, error) {
	all, err := potentialCandidates(ctx, net, opts)
	if err != nil {
		return nil, err
	}
	res := all.result
	n := opts.Pairs
	if n == 0 {
		n = DefaultPotentialPairs
	}
	if n < 0 || n > len(all.pairs) {
		n = len(all.pairs)
	}
	res.Pairs = all.pairs[:n]
	all.evidence(res.Pairs)
	g := opts.Groups
	if g == 0 {
		g = DefaultPotentialGroups
	}
	if g > 0 {
		res.Groups = all.triangles(g)
	}
	return res, nil
}

// candidates is every candidate pair of a round, ranked, with what is
// needed to explain them.
type candidates struct {
	net    *graph.Network // the caller's network
	round  *graph.Network
	snap   *graph.Snapshot
	toNet  []int // round index -> net index
	fromNt map[int]int
	areas  map[[2]int][]int // round pair -> statutory arrangements (round indices)
	border map[[2]int]bool  // round pair
	pairs  []PotentialPair  // ranked; A, B are net indices
	result *PotentialResult
	// sharing holds the eligible round pairs already sharing management
	// or a service.
	sharing                 map[[2]int]bool
	sectors, types, exclude []string
}

// isEligible reports whether o may be proposed.
func (c *candidates) isEligible(o *graph.Organisation) bool {
	return slices.Contains(c.sectors, o.Sector) && (len(c.types) == 0 || slices.Contains(c.types, o.Type)) &&
		!slices.Contains(c.exclude, o.ID)
}

func potentialCandidates(ctx context.Context, net *graph.Network, opts PotentialOptions) (*candidates, error) {
	at := opts.At
	if at.IsZero() {
		at = LatestDate(net)
	}
	for _, id := range opts.Exclude {
		if _, ok := net.Index(id); !ok {
			return nil, fmt.Errorf("potential: exclude: no organisation %q: %w", id, ErrPotentialOptions)
		}
	}
	round, toNet := potentialRound(net, at)
	c := &candidates{net: net, round: round, snap: partnerNetwork(round).Snapshot(graph.Weighting{}), toNet: toNet,
		fromNt: map[int]int{}, areas: map[[2]int][]int{}, border: map[[2]int]bool{}}
	for r, i := range toNet {
		c.fromNt[i] = r
	}
	sectors := opts.Sectors
	anySector := false
	if sectors == nil {
		sectors = []string{graph.SectorCouncil}
		for i := 0; i < round.NumOrganisations() && !anySector; i++ {
			anySector = round.Organisation(i).Sector != ""
		}
		if !anySector {
			sectors = []string{""} // no sectors in the data: everyone is eligible
		}
	}
	c.sectors, c.types, c.exclude = sectors, opts.Types, opts.Exclude
	eligible := make([]bool, round.NumOrganisations())
	nEligible := 0
	for i := range eligible {
		eligible[i] = c.isEligible(round.Organisation(i))
		if eligible[i] {
			nEligible++
		}
	}
	sharing := c.sharingPairs(eligible)
	c.sharing = sharing
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	broad := 0
	for ai := 0; ai < round.NumArrangements(); ai++ {
		if !slices.Contains(StatutoryKinds, round.Arrangement(ai).Kind) {
			continue
		}
		n := 0
		for _, m := range round.ArrangementMembers(ai) {
			if eligible[m] {
				n++
			}
		}
		if n > MaxAreaMembers {
			broad++
			continue
		}
		eachPair(round.ArrangementMembers(ai), eligible, func(p [2]int) { c.areas[p] = append(c.areas[p], ai) })
	}
	for _, p := range opts.Adjacency {
		a, okA := round.Index(p[0])
		b, okB := round.Index(p[1])
		if okA && okB && a != b && eligible[a] && eligible[b] {
			c.border[orderedPair(a, b)] = true
		}
	}
	aa := adamicAdarAmong(c.snap, eligible)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	keys := map[[2]int]bool{}
	for p := range aa {
		keys[p] = true
	}
	for p := range c.areas {
		keys[p] = true
	}
	for p := range c.border {
		keys[p] = true
	}
	for i := range eligible {
		if j, ok := round.Index(round.Organisation(i).Parent); ok && j != i && eligible[i] && eligible[j] {
			keys[orderedPair(i, j)] = true
		}
	}
	maxAA := 0.0
	for p := range keys {
		if !sharing[p] {
			maxAA = max(maxAA, aa[p])
		}
	}
	for p := range keys {
		if sharing[p] {
			continue
		}
		a, b := round.Organisation(p[0]), round.Organisation(p[1])
		parts := PotentialParts{Areas: math.Min(float64(len(c.areas[p]))/PotentialAreasCap, 1)}
		if maxAA > 0 {
			parts.Partners = aa[p] / maxAA
		}
		inside := a.Parent == b.ID || b.Parent == a.ID
		if c.border[p] || inside {
			parts.Border = 1
		}
		if a.Type != "" && a.Type == b.Type {
			parts.SameType = 1
		}
		pp := PotentialPair{A: toNet[p[0]], B: toNet[p[1]], Parts: parts, AdamicAdar: aa[p], Border: c.border[p], Inside: inside,
			Score: PotentialWeightPartners*parts.Partners + PotentialWeightAreas*parts.Areas +
				PotentialWeightBorder*parts.Border + PotentialWeightType*parts.SameType,
			DistanceKm: distanceKm(a, b)}
		if a.ID > b.ID {
			pp.A, pp.B = pp.B, pp.A
		}
		c.pairs = append(c.pairs, pp)
	}
	sort.Slice(c.pairs, func(x, y int) bool {
		px, py := c.pairs[x], c.pairs[y]
		if px.Score != py.Score {
			return px.Score > py.Score
		}
		// Equal scores: nearer first (an unknown distance last), then ids.
		if dx, dy := px.DistanceKm, py.DistanceKm; dx != dy && !(math.IsNaN(dx) && math.IsNaN(dy)) {
			return math.IsNaN(dy) || dx < dy
		}
		if ax, ay := net.Organisation(px.A).ID, net.Organisation(py.A).ID; ax != ay {
			return ax < ay
		}
		return net.Organisation(px.B).ID < net.Organisation(py.B).ID
	})
	for i := range c.pairs {
		c.pairs[i].Rank = i + 1
	}
	c.result = &PotentialResult{At: at, Eligible: nEligible, Candidates: len(c.pairs), Sharing: len(sharing),
		HasBorders: len(opts.Adjacency) > 0}
	c.result.BroadAreas = broad
	c.result.AllEligible = opts.Sectors == nil && !anySector
	c.result.Note = potentialNote(c.result)
	if broad > 0 {
		c.result.Note += fmt.Sprintf("; %d statutory areas with more than %d eligible members were not counted as shared areas", broad, MaxAreaMembers)
	}
	return c, nil
}

func potentialNote(r *PotentialResult) string {
	var b strings.Builder
	b.WriteString("potential: pairs not yet sharing management or a service, ranked by shared partners (Adamic-Adar), shared statutory areas, a shared border and the same type")
	if r.AllEligible {
		b.WriteString("; the data has no sectors, so every organisation is eligible")
	}
	if !r.HasBorders {
		b.WriteString("; no border table, so the border part is 0 for every pair")
	}
	return b.String()
}

// sharingPairs returns the eligible pairs (round indices) that share
// management or a service in the round.
func (c *candidates) sharingPairs(eligible []bool) map[[2]int]bool {
	out := map[[2]int]bool{}
	for i := 0; i < c.round.NumPartnerships(); i++ {
		if !slices.Contains(SharedKinds, c.round.PartnershipKind(i)) {
			continue
		}
		a, b := c.round.PartnershipEnds(i)
		if a != b && eligible[a] && eligible[b] {
			out[orderedPair(a, b)] = true
		}
	}
	for ai := 0; ai < c.round.NumArrangements(); ai++ {
		if slices.Contains(SharedKinds, c.round.Arrangement(ai).Kind) {
			eachPair(c.round.ArrangementMembers(ai), eligible, func(p [2]int) { out[p] = true })
		}
	}
	return out
}
