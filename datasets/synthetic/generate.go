package synthetic

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/graph"
)

// Limits on a generated network, checked before anything is written.
const (
	MaxOrganisations = 10_000_000
	MaxTies          = 100_000_000
)

// Options describe a synthetic planted-partition network (a
// stochastic block model with equal blocks). Zero values take the
// documented defaults.
type Options struct {
	// Organisations is the number of nodes; 0 means 1000. At least 2, at
	// most MaxOrganisations.
	Organisations int
	// Ties is the number of partnership rows; 0 means 5 per organisation.
	// At most MaxTies and at most the number of pairs. A pair may be
	// drawn twice: it is then two partnerships that a snapshot sums into one
	// tie (about Ties^2 K / Organisations^2 of them, negligible when sparse).
	Ties int64
	// Clusters is the number of planted clusters; 0 means one per 100
	// organisations (at least 2, at most 1000). Organisation i belongs to
	// cluster i*Clusters/Organisations: clusters are contiguous runs of ids
	// of equal size (within one).
	Clusters int
	// Mixing is the fraction of ties whose far end is drawn from the whole
	// network rather than the near end's cluster; 0 means 0.1, a negative
	// value means none (every tie inside a cluster).
	Mixing float64
	// Seed seeds the PCG generators; 0 means 1. The same options give the
	// same bytes.
	Seed uint64
	// Progress, when set, is called with ties written so far and the total,
	// every 65536 ties and at the end.
	Progress func(done, total int64)
}

// Defaults for zero Options fields: organisations, ties per organisation
// and the mixing share.
const (
	DefaultOrganisations = 1000
	DefaultTiesPerOrg    = 5
	DefaultMixing        = 0.1
)

// Validate reports options that Generate would refuse (sizes out of range,
// more ties than pairs, a mixing share outside 0..1).
func (o Options) Validate() error {
	_, err := o.withDefaults()
	return err
}

// withDefaults fills zero values and checks the sizes.
func (o Options) withDefaults() (Options, error) {
	if o.Organisations == 0 {
		o.Organisations = DefaultOrganisations
	}
	if o.Ties == 0 {
		o.Ties = int64(o.Organisations) * DefaultTiesPerOrg
	}
	if o.Clusters == 0 {
		o.Clusters = min(max(o.Organisations/100, 2), 1000, o.Organisations)
	}
	switch {
	case o.Mixing == 0:
		o.Mixing = DefaultMixing
	case o.Mixing < 0:
		o.Mixing = 0
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	n := int64(o.Organisations)
	switch {
	case o.Organisations < 2:
		return o, fmt.Errorf("generate: %d organisations: need at least 2", o.Organisations)
	case o.Organisations > MaxOrganisations:
		return o, fmt.Errorf("generate: %d organisations: %w (at most %d)", o.Organisations, datasets.ErrTooLarge, MaxOrganisations)
	case o.Ties < 0:
		return o, fmt.Errorf("generate: %d ties: must not be negative", o.Ties)
	case o.Ties > MaxTies:
		return o, fmt.Errorf("generate: %d ties: %w (at most %d)", o.Ties, datasets.ErrTooLarge, MaxTies)
	case o.Ties > n*(n-1)/2:
		return o, fmt.Errorf("generate: %d ties among %d organisations: more than the %d pairs", o.Ties, n, n*(n-1)/2)
	case o.Clusters < 1 || o.Clusters > o.Organisations:
		return o, fmt.Errorf("generate: %d clusters: need between 1 and the number of organisations (%d)", o.Clusters, o.Organisations)
	case o.Mixing > 1 || math.IsNaN(o.Mixing):
		return o, fmt.Errorf("generate: mixing %v: must be between 0 and 1", o.Mixing)
	case o.Clusters == o.Organisations && o.Mixing == 0:
		return o, errors.New("generate: one organisation per cluster and no mixing leaves no tie to draw")
	}
	return o, nil
}

// generator draws organisations and ties one at a time, so a network of
// any size streams to disk in constant memory.
type generator struct {
	o       Options
	orgRand *rand.Rand
	tieRand *rand.Rand
	centres [][2]float64
	width   int
}

var (
	genRegions = []string{"North East", "North West", "Yorkshire and The Humber", "East Midlands",
		"West Midlands", "East of England", "London", "South East", "South West"}
	genSectors = []struct {
		sector string
		types  []string
		share  float64
	}{
		{graph.SectorCouncil, []string{"district", "unitary", "county", "metropolitan_district"}, 0.2},
		{graph.SectorThirdSector, []string{"charity", "community_group", "social_enterprise"}, 0.55},
		{graph.SectorAgency, []string{"health", "police", "fire_authority"}, 0.15},
		{graph.SectorPrivate, []string{"company"}, 0.10},
	}
	genKinds = []struct {
		kind  string
		share float64
	}{{"shared_service", 0.15}, {"joint_plan", 0.25}, {"grant", 0.35}, {"statutory_body", 0.25}}
)

func newGenerator(o Options) *generator {
	g := &generator{o: o,
		orgRand: rand.New(rand.NewPCG(o.Seed, 1)),
		tieRand: rand.New(rand.NewPCG(o.Seed, 2)),
		width:   len(strconv.Itoa(o.Organisations - 1)),
	}
	cr := rand.New(rand.NewPCG(o.Seed, 3))
	g.centres = make([][2]float64, o.Clusters)
	for c := range g.centres {
		// Cluster centres scattered over England.
		g.centres[c] = [2]float64{50.6 + 4*cr.Float64(), -3.2 + 3.6*cr.Float64()}
	}
	return g
}

// cluster returns organisation i's planted cluster.
func (g *generator) cluster(i int) int {
	return int(int64(i) * int64(g.o.Clusters) / int64(g.o.Organisations))
}

// clusterStart returns the first organisation of cluster c.
func (g *generator) clusterStart(c int) int {
	n, k := int64(g.o.Organisations), int64(g.o.Clusters)
	return int((int64(c)*n + k - 1) / k)
}

// appendID appends organisation i's id, "org-" and i zero-padded.
func (g *generator) appendID(b []byte, i int) []byte {
	b = append(b, "org-"...)
	for w := len(strconv.Itoa(i)); w < g.width; w++ {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(i), 10)
}

// organisation draws organisation i (call in order 0, 1, 2, ...).
func (g *generator) organisation(i int) graph.Organisation {
	r := g.orgRand
	c := g.cluster(i)
	o := graph.Organisation{ID: string(g.appendID(nil, i)), Region: genRegions[c%len(genRegions)]}
	o.Name = "Organisation " + strconv.Itoa(i)
	u := r.Float64()
	s := genSectors[len(genSectors)-1]
	for _, x := range genSectors {
		if u < x.share {
			s = x
			break
		}
		u -= x.share
	}
	o.Sector, o.Type = s.sector, s.types[r.IntN(len(s.types))]
	if s.sector == graph.SectorCouncil {
		// Log-normal around 140,000 people.
		o.Population = int64(math.Round(math.Exp(11.85 + 0.5*r.NormFloat64())))
	}
	lat := g.centres[c][0] + 0.12*r.NormFloat64()
	lon := g.centres[c][1] + 0.18*r.NormFloat64()
	o.Lat, o.Lon, o.HasLocation = math.Round(lat*1e5)/1e5, math.Round(lon*1e5)/1e5, true
	o.Attrs = map[string]string{"cluster": strconv.Itoa(c)}
	return o
}

// tie draws one tie: near end uniform, far end in its cluster with
// probability 1-Mixing, otherwise anywhere; never a self tie.
func (g *generator) tie() (a, b int, kind string, w float64) {
	r := g.tieRand
	n := g.o.Organisations
	for {
		a = r.IntN(n)
		if r.Float64() < g.o.Mixing {
			b = r.IntN(n)
		} else {
			c := g.cluster(a)
			lo, hi := g.clusterStart(c), g.clusterStart(c+1)
			b = lo + r.IntN(hi-lo)
		}
		if a != b {
			break
		}
	}
	u := r.Float64()
	kind = genKinds[len(genKinds)-1].kind
	for _, k := range genKinds {
		if u < k.share {
			kind = k.kind
			break
		}
		u -= k.share
	}
	// Weights 1 to 3 in steps of 0.5.
	w = 1 + 0.5*float64(r.IntN(5))
	return a, b, kind, w
}

// Generate builds a planted-partition network in memory (see
// Options) and returns it with each organisation's planted
// cluster. It holds every tie, so for large sizes prefer WriteDir or
// WriteEdgeList, which stream.
func Generate(opts Options) (*graph.Network, []int, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, nil, err
	}
	g := newGenerator(o)
	net := graph.NewNetwork()
	net.Meta = g.metadata()
	clusters := make([]int, o.Organisations)
	for i := 0; i < o.Organisations; i++ {
		if err := net.AddOrganisation(g.organisation(i)); err != nil {
			return nil, nil, err
		}
		clusters[i] = g.cluster(i)
	}
	for k := int64(0); k < o.Ties; k++ {
		a, b, kind, w := g.tie()
		p := graph.Partnership{Source: net.Organisation(a).ID, Target: net.Organisation(b).ID, Kind: kind, Weight: w}
		if err := net.AddPartnership(p); err != nil {
			return nil, nil, err
		}
		if o.Progress != nil && (k+1)%65536 == 0 {
			o.Progress(k+1, o.Ties)
		}
	}
	if o.Progress != nil {
		o.Progress(o.Ties, o.Ties)
	}
	return net, clusters, nil
}

func (g *generator) metadata() graph.Metadata {
	o := g.o
	return graph.Metadata{
		Title: fmt.Sprintf("Synthetic planted partition: %d organisations, %d ties, %d clusters", o.Organisations, o.Ties, o.Clusters),
		Description: fmt.Sprintf("Generated by partnet (seed %d, mixing %v). Each organisation's planted cluster is its cluster attribute. Not real data.",
			o.Seed, o.Mixing),
		Source:  "partnet generate",
		Licence: "CC0",
	}
}
