package page

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/partnet/partnet/analysis/community"
	"github.com/partnet/partnet/analysis/layout"
	"github.com/partnet/partnet/graph"
	"github.com/partnet/partnet/internal/palette"
)

// networkAspect is the network map's width over its height (the page's
// 1100 px by the chart's 640 px): the layout packs components into that
// shape so the drawing fills the chart.
const networkAspect = 1100.0 / 640

const (
	// summaryGroups is the most groups drawn on a summary map; smaller ones
	// are merged into one node.
	summaryGroups = 100
	// summaryTop is how many top organisations a summary map adds, each
	// with its summaryTopTies strongest ties.
	summaryTop     = 100
	summaryTopTies = 3
)

// networkView draws every organisation when the network is within the
// node budget, and a summary (groups plus the top organisations and their
// strongest ties) above it.
func networkView(ctx context.Context, net *graph.Network, s *graph.Snapshot, groups []string, src Source, cent *centrality, membership []int32, clusterNames []string) (NetworkView, error) {
	c, cname := cent.value, cent.name
	if s.N() > src.NodeBudget {
		part, names, kind := membership, clusterNames, "cluster"
		if part == nil {
			part, names = partitionOf(groups)
			kind = src.By
		}
		order := make([]int, s.N())
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(c[b], c[a]) })
		v, err := summaryView(ctx, net, s, part, names, kind, order[:min(summaryTop, len(order))], src.Seed)
		if err != nil {
			return NetworkView{}, err
		}
		v.Note = fmt.Sprintf("The network has %d organisations, more than the %d a browser can draw one by one, so the map shows one node per %s (sized by organisations) and the %d organisations with the highest %s with their strongest ties. Every organisation is in the tables.",
			s.N(), src.NodeBudget, kind, min(summaryTop, s.N()), cname)
		return *v, nil
	}
	pos, err := layout.ForceAtlas2(ctx, s, layout.Options{Seed: src.Seed, Aspect: networkAspect})
	if err != nil {
		return NetworkView{}, err
	}
	v := NetworkView{SizeBy: cname}
	_, gnames := partitionOf(groups)
	v.Colourings = []Colouring{{Name: src.By, Categories: gnames, Colours: palette.Categories(gnames)}}
	gidx := indexOf(gnames)
	if membership != nil {
		cats := append(slices.Clone(clusterNames), "(none)")
		v.Colourings = append(v.Colourings, Colouring{Name: "cluster", Categories: cats, Colours: palette.Categories(cats)})
	}
	v.Nodes = make([]MapNode, s.N())
	for i := range v.Nodes {
		o := net.Organisation(i)
		colour := []int{gidx[groups[i]]}
		if membership != nil {
			k := int(membership[i])
			if k < 0 {
				k = len(clusterNames)
			}
			colour = append(colour, k)
		}
		v.Nodes[i] = MapNode{ID: o.ID, Name: o.Label(), X: pos[i].X, Y: pos[i].Y, Size: c[i], Colour: colour,
			Tooltip: orgTooltip(o, s.Degree(i), cname, c[i])}
	}
	s.EachTie(func(i, j int, w float64) { v.Ties = append(v.Ties, MapTie{Source: i, Target: j, Weight: w}) })
	return v, nil
}

func orgTooltip(o *graph.Organisation, degree int, cname string, c float64) string {
	lines := []string{o.Label(), "id: " + o.ID}
	for _, kv := range [][2]string{{"sector", o.Sector}, {"type", o.Type}, {"region", o.Region}} {
		if kv[1] != "" {
			lines = append(lines, kv[0]+": "+kv[1])
		}
	}
	lines = append(lines, fmt.Sprintf("ties: %d", degree))
	if cname != "degree" {
		lines = append(lines, fmt.Sprintf("%s: %.4g", cname, c))
	}
	return strings.Join(lines, "\n")
}

// partitionOf numbers the distinct values of groups in sorted order.
func partitionOf(groups []string) ([]int32, []string) {
	names := slices.Clone(groups)
	slices.Sort(names)
	names = slices.Compact(names)
	idx := indexOf(names)
	part := make([]int32, len(groups))
	for i, g := range groups {
		part[i] = int32(idx[g])
	}
	return part, names
}

func indexOf(names []string) map[string]int {
	m := make(map[string]int, len(names))
	for k, n := range names {
		m[n] = k
	}
	return m
}

// summaryView draws one node per group of part (the summaryGroups largest;
// the rest merged) from community.SummaryGraph, ties between groups summed,
// plus the organisations in top with their strongest ties, each linked to
// its group's node.
func summaryView(ctx context.Context, net *graph.Network, s *graph.Snapshot, part []int32, names []string, kind string, top []int, seed uint64) (*NetworkView, error) {
	membership := make([]int, len(part))
	for i, p := range part {
		membership[i] = int(p)
	}
	sum := community.SummaryGraph(s, membership)
	sizes := make([]int, len(names))
	internal := make([]float64, len(names))
	copy(sizes, sum.Sizes)
	copy(internal, sum.Internal)
	order := make([]int, len(names))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(sizes[b], sizes[a]) })
	// node[k] is the summary node of group k.
	node := make([]int32, len(names))
	v := &NetworkView{Summary: true, SizeBy: "size: organisations (" + kind + ") or ties (organisation)"}
	cats := []string{}
	for rank, k := range order {
		if sizes[k] == 0 {
			node[k] = -1
			continue
		}
		if rank >= summaryGroups {
			node[k] = int32(summaryGroups)
			continue
		}
		node[k] = int32(len(v.Nodes))
		cats = append(cats, names[k])
		v.Nodes = append(v.Nodes, MapNode{ID: kind + ":" + names[k], Name: names[k], Size: float64(sizes[k]),
			Colour: []int{len(cats) - 1}, Tooltip: fmt.Sprintf("%s %s\n%d organisations\ntie weight inside %.4g", kind, names[k], sizes[k], internal[k])})
	}
	if len(order) > summaryGroups {
		rest := 0
		for _, k := range order[summaryGroups:] {
			rest += sizes[k]
		}
		cats = append(cats, "(smaller groups)")
		v.Nodes = append(v.Nodes, MapNode{ID: kind + ":(smaller)", Name: "(smaller groups)", Size: float64(rest),
			Colour: []int{len(cats) - 1}, Tooltip: fmt.Sprintf("%d smaller groups\n%d organisations", len(order)-summaryGroups, rest)})
	}
	v.Colourings = []Colouring{{Name: kind, Categories: cats, Colours: palette.Categories(cats)}}
	groupOf := func(i int) int32 {
		if part[i] < 0 {
			return -1
		}
		return node[part[i]]
	}
	var src, dst []int32
	var w []float64
	if sum.Graph != nil {
		sum.Graph.EachTie(func(a, b int, wt float64) {
			x, y := node[a], node[b]
			if x >= 0 && y >= 0 && x != y {
				src, dst, w = append(src, x), append(dst, y), append(w, wt)
			}
		})
	}
	// Top organisations and the ends of their strongest ties.
	orgNode := map[int]int32{}
	addOrg := func(i int) int32 {
		if k, ok := orgNode[i]; ok {
			return k
		}
		o := net.Organisation(i)
		k := int32(len(v.Nodes))
		orgNode[i] = k
		colour := 0
		if g := groupOf(i); g >= 0 {
			colour = v.Nodes[g].Colour[0]
			src, dst, w = append(src, k), append(dst, g), append(w, 1)
		}
		v.Nodes = append(v.Nodes, MapNode{ID: o.ID, Name: o.Label(), Size: float64(s.Degree(i)), Colour: []int{colour},
			Tooltip: orgTooltip(o, s.Degree(i), "degree", 0)})
		return k
	}
	type orgTie struct {
		a, b int
		w    float64
	}
	var orgTies []orgTie
	for _, i := range top {
		addOrg(i)
		row, ws := s.Neighbours(i), s.Weights(i)
		idx := make([]int, len(row))
		for k := range idx {
			idx[k] = k
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Or(cmp.Compare(ws[b], ws[a]), cmp.Compare(row[a], row[b])) })
		for _, k := range idx[:min(summaryTopTies, len(idx))] {
			j := int(row[k])
			addOrg(j)
			orgTies = append(orgTies, orgTie{i, j, ws[k]})
		}
	}
	for _, t := range orgTies {
		src, dst, w = append(src, orgNode[t.a]), append(dst, orgNode[t.b]), append(w, t.w)
	}
	sg := graph.BuildSnapshot(len(v.Nodes), nil, src, dst, w)
	pos, err := layout.ForceAtlas2(ctx, sg, layout.Options{Seed: seed, Aspect: networkAspect})
	if err != nil {
		return nil, err
	}
	for k := range v.Nodes {
		v.Nodes[k].X, v.Nodes[k].Y = pos[k].X, pos[k].Y
	}
	sg.EachTie(func(i, j int, wt float64) { v.Ties = append(v.Ties, MapTie{Source: i, Target: j, Weight: wt}) })
	return v, nil
}
