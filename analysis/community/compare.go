package community

import (
	"fmt"
	"math"
	"sort"
)

// Agreement says how closely two partitions of the same organisations
// agree.
type Agreement struct {
	// NMI is the normalised mutual information 2 I(A;B) / (H(A) + H(B))
	// (Danon et al. 2005; igraph's "nmi", scikit-learn's arithmetic
	// normalisation): 1 for identical partitions, near 0 for unrelated
	// ones. When both partitions put everything in one group it is 1.
	NMI float64
	// ARI is the adjusted Rand index (Hubert & Arabie 1985): the share of
	// pairs of organisations on which the partitions agree, corrected for
	// chance; 1 for identical partitions, about 0 for random ones, and
	// negative below chance. It is 1 when both partitions are trivial in
	// the same way (all together, or all apart).
	ARI float64
	// Organisations is the number compared (those labelled in both).
	Organisations int
}

// Compare measures the agreement between partitions a and b, given as one
// label per organisation. Labels are any integers; a negative label means
// "not known" and leaves the organisation out of the comparison (for
// example an organisation with no region). It fails when the lengths
// differ. With fewer than two organisations compared both measures are 1.
func Compare(a, b []int) (Agreement, error) {
	if len(a) != len(b) {
		return Agreement{}, fmt.Errorf("compare partitions: %d labels against %d", len(a), len(b))
	}
	type pair struct{ x, y int }
	joint := map[pair]int{}
	ca, cb := map[int]int{}, map[int]int{}
	n := 0
	for i := range a {
		if a[i] < 0 || b[i] < 0 {
			continue
		}
		joint[pair{a[i], b[i]}]++
		ca[a[i]]++
		cb[b[i]]++
		n++
	}
	out := Agreement{Organisations: n, NMI: 1, ARI: 1}
	if n < 2 {
		return out, nil
	}
	// Sum in a fixed order so the floats do not depend on map order.
	jc := sortedCounts(joint, func(p pair) [2]int { return [2]int{p.x, p.y} })
	ac := sortedCounts(ca, func(k int) [2]int { return [2]int{k, 0} })
	bc := sortedCounts(cb, func(k int) [2]int { return [2]int{k, 0} })

	N := float64(n)
	entropy := func(counts []int) float64 {
		var h float64
		for _, c := range counts {
			p := float64(c) / N
			h -= p * math.Log(p)
		}
		return h
	}
	ha, hb := entropy(ac), entropy(bc)
	var mi float64
	keys := make([]pair, 0, len(joint))
	for p := range joint {
		keys = append(keys, p)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].x != keys[j].x {
			return keys[i].x < keys[j].x
		}
		return keys[i].y < keys[j].y
	})
	for _, p := range keys {
		nij := float64(joint[p])
		mi += nij / N * math.Log(nij*N/(float64(ca[p.x])*float64(cb[p.y])))
	}
	switch {
	case ha+hb == 0:
		out.NMI = 1
	default:
		out.NMI = 2 * mi / (ha + hb)
	}

	choose2 := func(c int) float64 { return float64(c) * float64(c-1) / 2 }
	var sumJ, sumA, sumB float64
	for _, c := range jc {
		sumJ += choose2(c)
	}
	for _, c := range ac {
		sumA += choose2(c)
	}
	for _, c := range bc {
		sumB += choose2(c)
	}
	expected := sumA * sumB / choose2(n)
	maxIndex := (sumA + sumB) / 2
	if maxIndex == expected {
		out.ARI = 1
	} else {
		out.ARI = (sumJ - expected) / (maxIndex - expected)
	}
	return out, nil
}

// sortedCounts returns a count map's values ordered by key.
func sortedCounts[K comparable](m map[K]int, key func(K) [2]int) []int {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		a, b := key(ks[i]), key(ks[j])
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		return a[1] < b[1]
	})
	out := make([]int, len(ks))
	for i, k := range ks {
		out[i] = m[k]
	}
	return out
}

// LabelsFromColumn turns an attribute column (such as
// Network.AttrColumn("region")) into partition labels for Compare: equal
// values share a label, labels are numbered in sorted value order, and an
// empty value gives -1 (not known).
func LabelsFromColumn(col []string) []int {
	values := map[string]int{}
	for _, v := range col {
		if v != "" {
			values[v] = 0
		}
	}
	names := make([]string, 0, len(values))
	for v := range values {
		names = append(names, v)
	}
	sort.Strings(names)
	for i, v := range names {
		values[v] = i
	}
	out := make([]int, len(col))
	for i, v := range col {
		if v == "" {
			out[i] = -1
		} else {
			out[i] = values[v]
		}
	}
	return out
}
