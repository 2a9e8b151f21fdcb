package graph

import (
	"sort"
	"sync"

	"github.com/partnet/partnet/internal/parallel"
)

// Snapshot is an immutable, integer-indexed view of an undirected weighted
// network in compressed sparse rows: the neighbours of node i are
// Neighbours(i), sorted ascending, with their tie weights in Weights(i).
// Each undirected tie appears in both endpoints' rows. There are no self
// ties and no repeated pairs: repeated input pairs are merged by summing
// their weights.
//
// A Snapshot built by Network.Snapshot uses the network's organisation
// indices: node i is Network.Organisation(i). All of package analysis runs
// on snapshots. A Snapshot is safe for concurrent use.
type Snapshot struct {
	ids      []string
	offsets  []int
	adj      []int32
	w        []float64
	strength []float64
	total    float64

	indexOnce sync.Once
	index     map[string]int32

	// weighting is the weighting Network.Snapshot projected with; the
	// zero value (graph's default) for snapshots from BuildSnapshot.
	weighting Weighting
}

// Weighting returns the weighting the snapshot was built with: the one
// given to Network.Snapshot, or the zero value (newman, default kind
// weights) for a snapshot from BuildSnapshot, whose weights came ready
// made. Analyses that go back to the network for evidence weigh it with
// this, so a snapshot and its weighting cannot disagree.
func (s *Snapshot) Weighting() Weighting { return s.weighting }

// BuildSnapshot builds a snapshot of n nodes from parallel edge slices
// (src[k], dst[k], weight[k]); weight may be nil for all-ones. Self ties are
// dropped; repeated pairs are merged by summing weights. ids may be nil
// (nodes then have ids "0", "1", ...), otherwise it must have length n.
// Rows are sorted in parallel (internal/parallel).
func BuildSnapshot(n int, ids []string, src, dst []int32, weight []float64) *Snapshot {
	deg := make([]int, n+1)
	for k := range src {
		if src[k] != dst[k] {
			deg[src[k]]++
			deg[dst[k]]++
		}
	}
	offsets := make([]int, n+1)
	for i := 0; i < n; i++ {
		offsets[i+1] = offsets[i] + deg[i]
	}
	adj := make([]int32, offsets[n])
	w := make([]float64, offsets[n])
	cur := deg[:n]
	copy(cur, offsets[:n])
	for k := range src {
		a, b := src[k], dst[k]
		if a == b {
			continue
		}
		wt := 1.0
		if weight != nil {
			wt = weight[k]
		}
		adj[cur[a]], w[cur[a]] = b, wt
		cur[a]++
		adj[cur[b]], w[cur[b]] = a, wt
		cur[b]++
	}
	s := &Snapshot{ids: ids, offsets: offsets, adj: adj, w: w}
	s.sortAndMerge()
	return s
}

// sortAndMerge sorts each row by neighbour, merges repeated neighbours and
// compacts the arrays, then computes strengths.
func (s *Snapshot) sortAndMerge() {
	n := len(s.offsets) - 1
	newLen := make([]int, n)
	parallel.Rows(0, n, parallel.NoScratch, func(_ struct{}, lo, hi int) {
		for i := lo; i < hi; i++ {
			newLen[i] = sortMergeRow(s.adj[s.offsets[i]:s.offsets[i+1]], s.w[s.offsets[i]:s.offsets[i+1]])
		}
	})
	// Compact in place: the write position never passes the read position.
	pos := 0
	for i := 0; i < n; i++ {
		start := s.offsets[i]
		if pos != start {
			copy(s.adj[pos:], s.adj[start:start+newLen[i]])
			copy(s.w[pos:], s.w[start:start+newLen[i]])
		}
		s.offsets[i] = pos
		pos += newLen[i]
	}
	s.offsets[n] = pos
	if pos < len(s.adj) {
		s.adj = append([]int32(nil), s.adj[:pos]...)
		s.w = append([]float64(nil), s.w[:pos]...)
	}
	s.strength = make([]float64, n)
	for i := 0; i < n; i++ {
		var sum float64
		for _, x := range s.w[s.offsets[i]:s.offsets[i+1]] {
			sum += x
		}
		s.strength[i] = sum
		s.total += sum
	}
	s.total /= 2
}

// rowSorter sorts a row's neighbours, carrying their weights along.
type rowSorter struct {
	adj []int32
	w   []float64
}

func (r rowSorter) Len() int           { return len(r.adj) }
func (r rowSorter) Less(i, j int) bool { return r.adj[i] < r.adj[j] }
func (r rowSorter) Swap(i, j int) {
	r.adj[i], r.adj[j] = r.adj[j], r.adj[i]
	r.w[i], r.w[j] = r.w[j], r.w[i]
}

// SortRow sorts one adjacency row by neighbour index, moving each weight
// with its neighbour (w[k] belongs to adj[k]; the slices have equal
// length). Short rows use insertion sort. The order of repeated neighbours
// is unspecified. Analyses that relabel a snapshot's nodes use it to keep
// their rows in the snapshot's sorted form.
func SortRow(adj []int32, w []float64) {
	if len(adj) <= 24 {
		for i := 1; i < len(adj); i++ {
			for j := i; j > 0 && adj[j] < adj[j-1]; j-- {
				adj[j], adj[j-1] = adj[j-1], adj[j]
				w[j], w[j-1] = w[j-1], w[j]
			}
		}
		return
	}
	sort.Sort(rowSorter{adj, w})
}

// sortMergeRow sorts a row and merges repeated neighbours (summing their
// weights), returning the row's new length.
func sortMergeRow(adj []int32, w []float64) int {
	if len(adj) < 2 {
		return len(adj)
	}
	SortRow(adj, w)
	out := 0
	for k := 1; k < len(adj); k++ {
		if adj[k] == adj[out] {
			w[out] += w[k]
			continue
		}
		out++
		adj[out], w[out] = adj[k], w[k]
	}
	return out + 1
}

// N returns the number of nodes.
func (s *Snapshot) N() int { return len(s.offsets) - 1 }

// Ties returns the number of undirected ties (distinct pairs).
func (s *Snapshot) Ties() int { return len(s.adj) / 2 }

// Degree returns the number of distinct neighbours of node i.
func (s *Snapshot) Degree(i int) int { return s.offsets[i+1] - s.offsets[i] }

// Neighbours returns node i's neighbours, sorted ascending. Do not modify.
func (s *Snapshot) Neighbours(i int) []int32 { return s.adj[s.offsets[i]:s.offsets[i+1]] }

// Weights returns the tie weights aligned with Neighbours(i). Do not modify.
func (s *Snapshot) Weights(i int) []float64 { return s.w[s.offsets[i]:s.offsets[i+1]] }

// Strength returns the sum of node i's tie weights.
func (s *Snapshot) Strength(i int) float64 { return s.strength[i] }

// TotalWeight returns the sum of all tie weights (each tie counted once).
func (s *Snapshot) TotalWeight() float64 { return s.total }

// Weight returns the weight of the tie between i and j, or 0 when there is
// none. It is a binary search in i's row.
func (s *Snapshot) Weight(i, j int) float64 {
	row := s.Neighbours(i)
	k := sort.Search(len(row), func(k int) bool { return row[k] >= int32(j) })
	if k < len(row) && row[k] == int32(j) {
		return s.Weights(i)[k]
	}
	return 0
}

// ID returns node i's id.
func (s *Snapshot) ID(i int) string {
	if s.ids == nil {
		return itoa(i)
	}
	return s.ids[i]
}

// Index returns the node index of an id. The id index is built on first use.
func (s *Snapshot) Index(id string) (int, bool) {
	s.indexOnce.Do(func() {
		s.index = make(map[string]int32, s.N())
		for i := 0; i < s.N(); i++ {
			s.index[s.ID(i)] = int32(i)
		}
	})
	i, ok := s.index[id]
	return int(i), ok
}

// Offsets, Adjacency and AdjacencyWeights expose the raw rows for tight
// loops: node i's row is Adjacency()[Offsets()[i]:Offsets()[i+1]]. Do not
// modify them.
func (s *Snapshot) Offsets() []int { return s.offsets }

// Adjacency returns the concatenated neighbour rows; see Offsets.
func (s *Snapshot) Adjacency() []int32 { return s.adj }

// AdjacencyWeights returns the concatenated weight rows; see Offsets.
func (s *Snapshot) AdjacencyWeights() []float64 { return s.w }

// EachTie calls f once for each undirected tie, with i < j, in order of i
// then j.
func (s *Snapshot) EachTie(f func(i, j int, w float64)) {
	for i := 0; i < s.N(); i++ {
		row, ws := s.Neighbours(i), s.Weights(i)
		for k, j := range row {
			if int(j) > i {
				f(i, int(j), ws[k])
			}
		}
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	return string(b[p:])
}
