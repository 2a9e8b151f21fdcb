package palette

import (
	"slices"
	"testing"
)

// minPaletteDeltaE is the least CIELAB distance between two palette
// colours, or between one and the "no category" grey. About 2.3 is a just
// noticeable difference; 15 is clearly different colours side by side.
const minPaletteDeltaE = 15

func TestPaletteDistinct(t *testing.T) {
	p := palette()
	if len(p) != paletteSize {
		t.Fatalf("%d colours, want %d", len(p), paletteSize)
	}
	grey := toLab(hexRGB(NoCategory))
	least := 1e9
	for a := range p {
		la := toLab(hexRGB(p[a]))
		if d := deltaE(la, grey); d < minPaletteDeltaE {
			t.Errorf("%s is %.1f from the no-group grey", p[a], d)
		}
		for b := a + 1; b < len(p); b++ {
			d := deltaE(la, toLab(hexRGB(p[b])))
			least = min(least, d)
			if d < minPaletteDeltaE {
				t.Errorf("%s and %s are %.1f apart, want at least %d", p[a], p[b], d, minPaletteDeltaE)
			}
		}
	}
	t.Logf("40 colours, closest pair ΔE %.1f: %v", least, p)
	// Hand-checked conversion: sRGB white is L*=100, a*=b*=0; pure red
	// is L*=53.24, a*=80.09, b*=67.20 (CIE 1976, D65).
	if l := toLab([3]int{255, 255, 255}); l[0] < 99.9 || l[0] > 100.1 || l[1]*l[1]+l[2]*l[2] > 0.01 {
		t.Errorf("white is %v", l)
	}
	if l := toLab([3]int{255, 0, 0}); deltaE(l, [3]float64{53.24, 80.09, 67.20}) > 0.5 {
		t.Errorf("red is %v", l)
	}
}

func TestCategoryColours(t *testing.T) {
	got := Categories([]string{"a", "(not in a group)", "b", "(none)"})
	p := palette()
	want := []string{p[0], NoCategory, p[1], NoCategory}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
