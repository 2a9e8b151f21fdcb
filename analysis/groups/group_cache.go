package groups

import "math"

// Caches behind the group score, built once per problem: the search scores
// hundreds of thousands of candidate groups, and profiling the England
// run showed most of its time in haversine trigonometry and in the maps
// score used to look members up (see NOTES-groupscli.md).

// distMatrixLimit is the largest number of eligible organisations for
// which every pairwise distance is precomputed (8 MB of float64 at the
// limit); above it distances come from unit vectors.
const distMatrixLimit = 1000

// earthRadiusKm is the mean Earth radius used by Haversine.
const earthRadiusKm = 6371.0088

// buildGeo caches each eligible organisation's position as a unit vector
// and, for small problems, the whole distance matrix.
func (p *groupProblem) buildGeo() {
	n := len(p.orgs)
	p.located = make([]bool, n)
	p.unit = make([][3]float64, n)
	p.pop = make([]int64, n)
	rad := math.Pi / 180
	for l, o := range p.orgs {
		org := p.net.Organisation(o)
		p.pop[l] = org.Population
		if !org.HasLocation {
			continue
		}
		p.hasGeo = true
		p.located[l] = true
		lat, lon := org.Lat*rad, org.Lon*rad
		p.unit[l] = [3]float64{math.Cos(lat) * math.Cos(lon), math.Cos(lat) * math.Sin(lon), math.Sin(lat)}
	}
	if n <= distMatrixLimit && p.hasGeo {
		p.dist = make([]float64, n*n)
		for a := 0; a < n; a++ {
			for b := a + 1; b < n; b++ {
				d := p.chordDistance(a, b)
				p.dist[a*n+b], p.dist[b*n+a] = d, d
			}
		}
	}
	p.pos = make([]int32, n)
	for i := range p.pos {
		p.pos[i] = -1
	}
}

// chordDistance is the great-circle distance from the chord between the
// two unit vectors: 2R asin(|u-v|/2), the same quantity as Haversine
// (sqrt of the haversine term is half the chord) with one asin and no
// sines or cosines. +Inf when either organisation has no location.
func (p *groupProblem) chordDistance(a, b int) float64 {
	if !p.located[a] || !p.located[b] {
		return math.Inf(1)
	}
	u, v := p.unit[a], p.unit[b]
	dx, dy, dz := u[0]-v[0], u[1]-v[1], u[2]-v[2]
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(dx*dx+dy*dy+dz*dz)/2))
}

// distance is the great-circle distance in km between two local nodes;
// +Inf when either has no location.
func (p *groupProblem) distance(a, b int) float64 {
	if p.dist != nil {
		if !p.located[a] || !p.located[b] {
			return math.Inf(1)
		}
		return p.dist[a*len(p.orgs)+b]
	}
	return p.chordDistance(a, b)
}

// markGroup sets p.pos for the members of g (their index in g) and
// returns a function that clears it again. The score and the local moves
// use it in place of a map; it is not safe for concurrent use.
func (p *groupProblem) markGroup(g []int) func() {
	for i, m := range g {
		p.pos[m] = int32(i)
	}
	return func() {
		for _, m := range g {
			p.pos[m] = -1
		}
	}
}
