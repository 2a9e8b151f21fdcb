package layout

import "math"

// quadTree is a Barnes-Hut quadtree over weighted points (Barnes & Hut
// 1986, "A hierarchical O(N log N) force-calculation algorithm", Nature
// 324). Cells are stored in flat slices and reused between builds, so a
// layout iteration allocates nothing once the tree has grown.
type quadTree struct {
	cells []qcell
}

// qcell is one cell, kept in one struct (about one cache line) because the
// force traversal reads all of its fields together.
type qcell struct {
	mx, my float64 // mass-weighted coordinate sums, then centre of mass
	mass   float64 // total mass in the cell
	cx, cy float64 // cell centre
	half   float64 // half side
	child  [4]int32
	// body is the point held by a leaf (>= 0), leafEmpty for an empty
	// leaf, or internalCell. A leaf at maxDepth may hold several points
	// merged into one body; body then names the first.
	body int32
}

const (
	leafEmpty    = -1
	internalCell = -2
	maxDepth     = 40
)

func (t *quadTree) reset() { t.cells = t.cells[:0] }

func (t *quadTree) newCell(cx, cy, half float64) int32 {
	t.cells = append(t.cells, qcell{cx: cx, cy: cy, half: half, child: [4]int32{-1, -1, -1, -1}, body: leafEmpty})
	return int32(len(t.cells) - 1)
}

// build inserts every point; x, y and mass are aligned.
func (t *quadTree) build(x, y, mass []float64) {
	t.reset()
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range x {
		minX, maxX = math.Min(minX, x[i]), math.Max(maxX, x[i])
		minY, maxY = math.Min(minY, y[i]), math.Max(maxY, y[i])
	}
	half := math.Max(maxX-minX, maxY-minY)/2 + 1e-9
	t.newCell((minX+maxX)/2, (minY+maxY)/2, half)
	for i := range x {
		t.insert(int32(i), x, y, mass)
	}
	for c := range t.cells {
		if cl := &t.cells[c]; cl.mass > 0 {
			cl.mx /= cl.mass
			cl.my /= cl.mass
		}
	}
}

func (t *quadTree) quadrant(c int32, px, py float64) int {
	q := 0
	if px >= t.cells[c].cx {
		q |= 1
	}
	if py >= t.cells[c].cy {
		q |= 2
	}
	return q
}

func (t *quadTree) childCell(c int32, q int) int32 {
	p := t.cells[c]
	if p.child[q] >= 0 {
		return p.child[q]
	}
	h := p.half / 2
	cx, cy := p.cx-h, p.cy-h
	if q&1 != 0 {
		cx = p.cx + h
	}
	if q&2 != 0 {
		cy = p.cy + h
	}
	k := t.newCell(cx, cy, h)
	t.cells[c].child[q] = k
	return k
}

func (t *quadTree) insert(i int32, x, y, mass []float64) {
	c := int32(0)
	px, py, m := x[i], y[i], mass[i]
	for depth := 0; ; depth++ {
		cl := &t.cells[c]
		switch b := cl.body; {
		case b == internalCell:
			cl.mass += m
			cl.mx += m * px
			cl.my += m * py
			c = t.childCell(c, t.quadrant(c, px, py))
		case b == leafEmpty:
			cl.body = i
			cl.mass, cl.mx, cl.my = m, m*px, m*py
			return
		default:
			if depth >= maxDepth {
				// Points this close are merged into one body.
				cl.mass += m
				cl.mx += m * px
				cl.my += m * py
				return
			}
			// Split the leaf: push its body down, then continue with i.
			cl.body = internalCell
			bm, bx, by := cl.mass, cl.mx/cl.mass, cl.my/cl.mass
			cl.mass += m
			cl.mx += m * px
			cl.my += m * py
			k := t.childCell(c, t.quadrant(c, bx, by)) // may move t.cells
			kc := &t.cells[k]
			kc.body = b
			kc.mass, kc.mx, kc.my = bm, bm*bx, bm*by
			c = t.childCell(c, t.quadrant(c, px, py))
		}
	}
}

// repulsion returns the ForceAtlas2 repulsion on point i at (px, py) with
// mass m: the sum over other bodies of kr·m·m'/d along the line joining
// them, with distant cells taken as one body at their centre of mass.
func (t *quadTree) repulsion(i int, px, py, m, kr, theta float64) (fx, fy float64) {
	var stack [4 * maxDepth * 2]int32
	top := 0
	stack[top] = 0
	top++
	for top > 0 {
		top--
		cl := &t.cells[stack[top]]
		if cl.mass == 0 {
			continue
		}
		dx, dy := px-cl.mx, py-cl.my
		d2 := dx*dx + dy*dy
		b := cl.body
		if b == internalCell && 4*cl.half*cl.half >= theta*theta*d2 {
			for _, k := range cl.child {
				if k >= 0 {
					stack[top] = k
					top++
				}
			}
			continue
		}
		if b == int32(i) || d2 == 0 {
			// Itself (or a body merged with it at the same point).
			continue
		}
		f := kr * m * cl.mass / d2
		fx += dx * f
		fy += dy * f
	}
	return fx, fy
}
