package palette

import (
	"fmt"
	"math"
	"sync"
)

// Colours for categories (candidate groups, clusters, sectors) on the
// network map and the map of council areas.
//
// paletteSize colours are chosen once, deterministically, by greedy
// farthest-point selection in CIELAB (Lab distance ΔE*ab, CIE 1976) from
// the 4,096 colours of a 16-level RGB grid: each next colour is the
// candidate farthest from every colour already chosen and from the grey
// that marks "no category". Candidates that are too pale to see on white
// (L* > 82), too dark to tell apart (L* < 30) or too grey (chroma < 30)
// are left out. TestPaletteDistinct checks the result: every pair and the
// grey are at least minPaletteDeltaE apart.
const (
	paletteSize = 40
	// NoCategory is the colour of "not in a group", "(none)" and the
	// like: a light grey (L* 82) that recedes behind the groups' colours
	// and that no palette colour is near.
	NoCategory = "#cccccc"
)

var palette = sync.OnceValue(func() []string {
	type cand struct {
		hex string
		lab [3]float64
	}
	var cands []cand
	for r := 0; r < 16; r++ {
		for g := 0; g < 16; g++ {
			for b := 0; b < 16; b++ {
				rgb := [3]int{r * 17, g * 17, b * 17}
				lab := toLab(rgb)
				if lab[0] < 30 || lab[0] > 82 || math.Hypot(lab[1], lab[2]) < 30 {
					continue
				}
				cands = append(cands, cand{fmt.Sprintf("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]), lab})
			}
		}
	}
	grey := toLab(hexRGB(NoCategory))
	// dist[k] is candidate k's distance to the nearest chosen colour (or
	// the grey).
	dist := make([]float64, len(cands))
	for k, c := range cands {
		dist[k] = deltaE(c.lab, grey)
	}
	// Start from a clear blue, then farthest-first.
	first := 0
	for k, c := range cands {
		if c.hex == "#2266cc" {
			first = k
		}
	}
	out := make([]string, 0, paletteSize)
	next := first
	for len(out) < paletteSize {
		chosen := cands[next]
		out = append(out, chosen.hex)
		best := -1
		for k, c := range cands {
			dist[k] = math.Min(dist[k], deltaE(c.lab, chosen.lab))
			if best < 0 || dist[k] > dist[best] {
				best = k
			}
		}
		next = best
	}
	return out
})

// Categories returns the colour of each of names: NoCategory for a name
// IsNone accepts, else the palette in order (cycling past paletteSize,
// which only a legend of more than 40 groups needs). No names give an
// empty list.
func Categories(names []string) []string {
	out := make([]string, len(names))
	p := palette()
	k := 0
	for i, n := range names {
		if IsNone(n) {
			out[i] = NoCategory
			continue
		}
		out[i] = p[k%len(p)]
		k++
	}
	return out
}

// IsNone reports whether a category name means "none of them".
func IsNone(name string) bool {
	switch name {
	case "(none)", "(not in a group)", "(smaller groups)", "(other clusters)":
		return true
	}
	return false
}

func hexRGB(h string) [3]int {
	var r, g, b int
	fmt.Sscanf(h, "#%02x%02x%02x", &r, &g, &b)
	return [3]int{r, g, b}
}

// toLab converts sRGB (0-255) to CIELAB under D65.
func toLab(rgb [3]int) [3]float64 {
	var lin [3]float64
	for k, c := range rgb {
		v := float64(c) / 255
		if v <= 0.04045 {
			lin[k] = v / 12.92
		} else {
			lin[k] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	x := (0.4124*lin[0] + 0.3576*lin[1] + 0.1805*lin[2]) / 0.95047
	y := 0.2126*lin[0] + 0.7152*lin[1] + 0.0722*lin[2]
	z := (0.0193*lin[0] + 0.1192*lin[1] + 0.9505*lin[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return [3]float64{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}
