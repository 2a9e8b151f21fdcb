package layout

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"

	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/parallel"
)

// Point is a position in the plane.
type Point struct {
	X float64
	Y float64
}

// Options tune ForceAtlas2. The zero value is ready to use: every zero
// field takes the default given beside it.
type Options struct {
	// Iterations of the force simulation per component (default 200).
	Iterations int
	// Seed for the initial positions (0 is a valid seed).
	Seed uint64
	// Scaling is ForceAtlas2's repulsion constant kr (default 2).
	Scaling float64
	// Gravity pulls every node towards its component's centre (default 1).
	Gravity float64
	// Theta is the Barnes-Hut accuracy: a quadtree cell of side s at
	// distance d is treated as one body when s/d < Theta (default 1.2, as
	// in Gephi). Smaller is slower and more exact.
	Theta float64
	// IgnoreWeights makes every tie attract equally; otherwise attraction
	// is proportional to the tie weight divided by the component's mean
	// positive tie weight, and a zero-weight tie does not attract.
	IgnoreWeights bool
	// Aspect is the width over the height of the rectangle the
	// components are packed into (default 1, a square): the drawing's
	// own shape, so it fills its frame.
	Aspect float64
	// Workers is how many goroutines share the force computation of a
	// large component (default GOMAXPROCS).
	Workers int
}

func (o Options) withDefaults() Options {
	if o.Iterations <= 0 {
		o.Iterations = 200
	}
	if o.Scaling <= 0 {
		o.Scaling = 2
	}
	if o.Gravity <= 0 {
		o.Gravity = 1
	}
	if !(o.Aspect > 0) || math.IsInf(o.Aspect, 0) {
		o.Aspect = 1
	}
	if o.Theta <= 0 {
		o.Theta = 1.2
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// ForceAtlas2 computes seeded, force-directed positions for the nodes of s:
// ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, "ForceAtlas2, a
// continuous graph layout algorithm for handy network visualization", PLoS
// ONE 9(6): e98679) with its degree-weighted repulsion
// kr(deg(u)+1)(deg(v)+1)/d, linear attraction w·d along ties, gravity
// kg(deg(u)+1) towards the centre and adaptive per-node speeds
// (swing/traction). Repulsion is approximated with a Barnes-Hut quadtree
// (Barnes & Hut 1986), so an iteration costs O(n log n + m); the per-node
// forces of a large component are shared among Workers goroutines.
//
// Each connected component is laid out on its own, scaled so its mean tie
// length is 1 (then a star's crowded leaves are moved out from their hub
// until they are leafGap apart; see spreadLeaves), and the components are
// packed in rows, largest first, so a disconnected network fills a compact
// rectangle (Options.Aspect wide for 1 high) instead of drifting apart.
// Isolated nodes each take a unit cell. The result is deterministic for a
// given seed and options, whatever the number of workers. On an empty
// snapshot it returns an empty slice. Zero-weight ties hold their
// component together (they define components) but do not attract.
//
// ForceAtlas2 returns ctx.Err() when ctx is done before it finishes.
func ForceAtlas2(ctx context.Context, s *graph.Snapshot, opts Options) ([]Point, error) {
	opts = opts.withDefaults()
	n := s.N()
	pos := make([]Point, n)
	if n == 0 {
		return pos, nil
	}
	comps := layoutComponents(s)
	// Large components first, one at a time with all workers; then the small
	// ones shared among workers, each single-threaded. Results go to
	// disjoint parts of pos, so the output does not depend on scheduling.
	var small [][]int32
	for _, c := range comps {
		if len(c) >= 2000 {
			if err := layoutComponent(ctx, s, c, pos, opts, opts.Workers); err != nil {
				return nil, err
			}
			continue
		}
		small = append(small, c)
	}
	errs := make([]error, len(small))
	parallel.Each(opts.Workers, len(small), func(k int) {
		// A cancelled ctx stops each remaining component at its first step.
		errs[k] = layoutComponent(ctx, s, small[k], pos, opts, 1)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	packComponents(comps, pos, opts.Aspect)
	return pos, nil
}

// layoutComponents returns the connected components of s, each as its
// sorted node list, ordered by size (largest first) then smallest node.
func layoutComponents(s *graph.Snapshot) [][]int32 {
	n := s.N()
	comp := make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	var out [][]int32
	stack := []int32{}
	for i := 0; i < n; i++ {
		if comp[i] >= 0 {
			continue
		}
		id := int32(len(out))
		members := []int32{int32(i)}
		comp[i] = id
		stack = append(stack[:0], int32(i))
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, v := range s.Neighbours(int(u)) {
				if comp[v] < 0 {
					comp[v] = id
					members = append(members, v)
					stack = append(stack, v)
				}
			}
		}
		slices.Sort(members)
		out = append(out, members)
	}
	slices.SortStableFunc(out, func(a, b []int32) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a[0], b[0]))
	})
	return out
}

// packComponents moves each component's layout (centred on the origin)
// into rows of a rectangle about aspect times as wide as it is tall, with a gap of 2
// (twice the mean tie length) between components.
func packComponents(comps [][]int32, pos []Point, aspect float64) {
	const gap = 2.0
	type box struct{ w, h, cx, cy float64 }
	boxes := make([]box, len(comps))
	var area float64
	for k, c := range comps {
		minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, u := range c {
			minX, maxX = math.Min(minX, pos[u].X), math.Max(maxX, pos[u].X)
			minY, maxY = math.Min(minY, pos[u].Y), math.Max(maxY, pos[u].Y)
		}
		boxes[k] = box{w: maxX - minX + gap, h: maxY - minY + gap, cx: (minX + maxX) / 2, cy: (minY + maxY) / 2}
		area += boxes[k].w * boxes[k].h
	}
	rowWidth := math.Max(math.Sqrt(area*aspect), boxes[0].w)
	var x, y, rowH float64
	for k, c := range comps {
		b := boxes[k]
		if x > 0 && x+b.w > rowWidth {
			x, y, rowH = 0, y+rowH, 0
		}
		dx, dy := x+b.w/2-b.cx, y+b.h/2-b.cy
		for _, u := range c {
			pos[u].X += dx
			pos[u].Y += dy
		}
		x += b.w
		rowH = math.Max(rowH, b.h)
	}
}

// layoutComponent runs ForceAtlas2 on one component and writes its
// positions, centred on the origin with mean tie length 1, into pos.
func layoutComponent(ctx context.Context, s *graph.Snapshot, nodes []int32, pos []Point, opts Options, workers int) error {
	n := len(nodes)
	switch n {
	case 1:
		pos[nodes[0]] = Point{}
		return nil
	case 2:
		pos[nodes[0]], pos[nodes[1]] = Point{X: -0.5}, Point{X: 0.5}
		return nil
	}
	f := newFA2(s, nodes, opts)
	for it := 0; it < opts.Iterations; it++ {
		if it%8 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("layout: %w", err)
			}
		}
		f.step(workers)
	}
	f.normalise()
	f.spreadLeaves()
	for k, u := range nodes {
		pos[u] = Point{X: f.x[k], Y: f.y[k]}
	}
	return nil
}

// fa2 is the state of a ForceAtlas2 run on one component, with nodes
// renumbered 0..n-1 in the component's order.
type fa2 struct {
	opts         Options
	offsets      []int
	adj          []int32
	w            []float64
	mass         []float64 // deg+1
	x, y         []float64
	fx, fy       []float64
	oldFx, oldFy []float64
	speed        float64
	speedEff     float64
	maxStep      float64
	tree         quadTree
}

func newFA2(s *graph.Snapshot, nodes []int32, opts Options) *fa2 {
	n := len(nodes)
	local := make(map[int32]int32, n)
	for k, u := range nodes {
		local[u] = int32(k)
	}
	f := &fa2{opts: opts, offsets: make([]int, n+1), mass: make([]float64, n),
		x: make([]float64, n), y: make([]float64, n), fx: make([]float64, n), fy: make([]float64, n),
		oldFx: make([]float64, n), oldFy: make([]float64, n), speed: 1, speedEff: 1}
	var wsum float64
	var wcount int
	for k, u := range nodes {
		row, ws := s.Neighbours(int(u)), s.Weights(int(u))
		for j, v := range row {
			f.adj = append(f.adj, local[v])
			f.w = append(f.w, ws[j])
			if ws[j] > 0 && !math.IsInf(ws[j], 0) {
				wsum += ws[j]
				wcount++
			}
		}
		f.offsets[k+1] = len(f.adj)
		f.mass[k] = float64(len(row) + 1)
	}
	mean := 1.0
	if wcount > 0 {
		mean = wsum / float64(wcount)
	}
	for j, wt := range f.w {
		switch {
		case opts.IgnoreWeights:
			f.w[j] = 1
		case wt > 0 && !math.IsInf(wt, 0) && !math.IsNaN(wt):
			f.w[j] = wt / mean
		default:
			f.w[j] = 0
		}
	}
	r := rand.New(rand.NewPCG(opts.Seed, uint64(nodes[0])))
	side := math.Sqrt(float64(n)) * 10
	f.maxStep = math.Max(10, side/10)
	for k := range f.x {
		f.x[k], f.y[k] = (r.Float64()-0.5)*side, (r.Float64()-0.5)*side
	}
	return f
}

// step computes every node's force and moves it with ForceAtlas2's
// adaptive speed.
func (f *fa2) step(workers int) {
	n := len(f.x)
	copy(f.oldFx, f.fx)
	copy(f.oldFy, f.fy)
	f.tree.build(f.x, f.y, f.mass)
	// Chunks of 500 nodes: a component of 2,000 or more (laid out with all
	// workers, see ForceAtlas2) is split among them.
	parallel.RowsOf(workers, n, 500, parallel.NoScratch, func(_ struct{}, lo, hi int) {
		for i := lo; i < hi; i++ {
			f.force(i)
		}
	})

	// Global speed from swing (erratic movement) and traction (useful
	// movement), as in ForceAtlas2 section "Adaptive speeds".
	var swing, traction float64
	for i := 0; i < n; i++ {
		sx, sy := f.fx[i]-f.oldFx[i], f.fy[i]-f.oldFy[i]
		swing += f.mass[i] * math.Hypot(sx, sy)
		tx, ty := f.fx[i]+f.oldFx[i], f.fy[i]+f.oldFy[i]
		traction += f.mass[i] * math.Hypot(tx, ty) / 2
	}
	jitter := 0.05 * math.Sqrt(float64(n))
	minJ := math.Sqrt(jitter)
	maxJ := 10.0
	if traction > 0 {
		jt := math.Max(minJ, math.Min(maxJ, jitter*traction/float64(n*n)))
		ratio := swing / traction
		if ratio > 2 {
			if f.speedEff > 0.05 {
				f.speedEff *= 0.5
			}
			jt = math.Max(jt, 1)
		}
		target := jt * f.speedEff * traction / math.Max(swing, 1e-12)
		if swing > jt*traction {
			if f.speedEff > 0.05 {
				f.speedEff *= 0.7
			}
		} else if f.speed < 1000 {
			f.speedEff *= 1.3
		}
		f.speed += math.Min(target-f.speed, 0.5*f.speed)
	}
	for i := 0; i < n; i++ {
		sx, sy := f.fx[i]-f.oldFx[i], f.fy[i]-f.oldFy[i]
		sw := f.mass[i] * math.Hypot(sx, sy)
		factor := f.speed / (1 + math.Sqrt(f.speed*sw))
		// Cap a node's step (a guard against a rare huge force between
		// nearly coincident nodes; ForceAtlas2 itself has no cap).
		if fl := math.Hypot(f.fx[i], f.fy[i]); fl*factor > f.maxStep {
			factor = f.maxStep / fl
		}
		f.x[i] += f.fx[i] * factor
		f.y[i] += f.fy[i] * factor
	}
}

// force sets the total force on node i: Barnes-Hut repulsion, attraction
// along its ties and gravity. It writes only fx[i] and fy[i].
func (f *fa2) force(i int) {
	rx, ry := f.tree.repulsion(i, f.x[i], f.y[i], f.mass[i], f.opts.Scaling, f.opts.Theta)
	for k := f.offsets[i]; k < f.offsets[i+1]; k++ {
		j := f.adj[k]
		// Linear attraction: F = w·d towards the neighbour.
		rx += f.w[k] * (f.x[j] - f.x[i])
		ry += f.w[k] * (f.y[j] - f.y[i])
	}
	if d := math.Hypot(f.x[i], f.y[i]); d > 0 {
		g := f.opts.Gravity * f.mass[i] / d
		rx -= g * f.x[i]
		ry -= g * f.y[i]
	}
	f.fx[i], f.fy[i] = rx, ry
}

// normalise centres the layout on the origin and scales it so the mean tie
// length is 1.
func (f *fa2) normalise() {
	n := float64(len(f.x))
	var mx, my float64
	for i := range f.x {
		mx += f.x[i]
		my += f.y[i]
	}
	mx, my = mx/n, my/n
	var total float64
	var ties int
	for i := range f.x {
		f.x[i] -= mx
		f.y[i] -= my
	}
	for i := range f.x {
		for k := f.offsets[i]; k < f.offsets[i+1]; k++ {
			j := int(f.adj[k])
			if j > i {
				total += math.Hypot(f.x[j]-f.x[i], f.y[j]-f.y[i])
				ties++
			}
		}
	}
	if ties == 0 || total == 0 || math.IsNaN(total) || math.IsInf(total, 0) {
		return
	}
	scale := float64(ties) / total
	for i := range f.x {
		f.x[i] *= scale
		f.y[i] *= scale
	}
}

const (
	// starLeaves is the fewest leaves (neighbours with no other tie) that
	// make a node a star's hub for spreadLeaves.
	starLeaves = 20
	// leafGap is the distance, in mean tie lengths, that spreadLeaves
	// keeps between a star's closest leaves (their 10th-percentile
	// nearest-neighbour distance).
	leafGap = 0.3
	// maxLeafSpread bounds how far spreadLeaves moves leaves out.
	maxLeafSpread = 8.0
)

// spreadLeaves keeps a star legible: a funder with hundreds of grantees
// that have no other tie. ForceAtlas2 packs such leaves in a disc around
// their hub about one tie length across (its degree-weighted repulsion
// and gravity balance there), so after normalise they sit about
// 2/sqrt(leaves) apart and, drawn beside the rest of the network, merge
// into one blot. For every hub with at least starLeaves leaves whose
// closest tenth are under leafGap apart, the leaves are moved out from the
// hub along their own directions, scaled until they are leafGap apart (at
// most maxLeafSpread times): the disc keeps its shape and order, the rest
// of the component does not move.
func (f *fa2) spreadLeaves() {
	n := len(f.x)
	for h := 0; h < n; h++ {
		var leaves []int
		for k := f.offsets[h]; k < f.offsets[h+1]; k++ {
			j := int(f.adj[k])
			if f.offsets[j+1]-f.offsets[j] == 1 {
				leaves = append(leaves, j)
			}
		}
		if len(leaves) < starLeaves {
			continue
		}
		xs, ys := make([]float64, len(leaves)), make([]float64, len(leaves))
		for k, j := range leaves {
			xs[k], ys[k] = f.x[j], f.y[j]
		}
		nn := nearestDistances(xs, ys)
		slices.Sort(nn)
		p10 := nn[len(nn)/10]
		if math.IsNaN(p10) || p10 >= leafGap {
			continue
		}
		scale := maxLeafSpread
		if p10 > 0 {
			scale = math.Min(maxLeafSpread, leafGap/p10)
		}
		for _, j := range leaves {
			f.x[j] = f.x[h] + (f.x[j]-f.x[h])*scale
			f.y[j] = f.y[h] + (f.y[j]-f.y[h])*scale
		}
	}
}

// nearestDistances returns each point's distance to its nearest other
// point: points sorted by x, each compared with its neighbours in x order
// until the x gap alone exceeds the best distance found.
func nearestDistances(x, y []float64) []float64 {
	n := len(x)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Or(cmp.Compare(x[a], x[b]), cmp.Compare(y[a], y[b]), cmp.Compare(a, b)) })
	out := make([]float64, n)
	for k, i := range order {
		best := math.Inf(1)
		for j := k + 1; j < n && x[order[j]]-x[i] < best; j++ {
			best = math.Min(best, math.Hypot(x[order[j]]-x[i], y[order[j]]-y[i]))
		}
		for j := k - 1; j >= 0 && x[i]-x[order[j]] < best; j-- {
			best = math.Min(best, math.Hypot(x[order[j]]-x[i], y[order[j]]-y[i]))
		}
		out[i] = best
	}
	return out
}
