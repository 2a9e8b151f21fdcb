package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/partnet/partnet/graph"
)

// missingBorders returns the organisations that could be members (their
// sector in sectors, their type in types when given) that have no row in
// the border table adj, in dataset order.
func missingBorders(net *graph.Network, adj [][2]string, sectors, types []string) []int {
	has := make(map[string]bool, 2*len(adj))
	for _, p := range adj {
		has[p[0]], has[p[1]] = true, true
	}
	var out []int
	for i := 0; i < net.NumOrganisations(); i++ {
		o := net.Organisation(i)
		if has[o.ID] || (len(sectors) > 0 && !slices.Contains(sectors, o.Sector)) || (len(types) > 0 && !slices.Contains(types, o.Type)) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// warnMissingBorders says on stderr how many possible members the border
// table leaves out (so --require-adjacent cannot place them), naming the
// first five.
//
// When the members are councils of any type, the border table's own check
// (datasets.CheckAdjacency) has already warned of every council with no
// row, so this says nothing more.
func warnMissingBorders(s *streams, net *graph.Network, adj [][2]string, from string, sectors, types []string) {
	if len(types) == 0 && len(sectors) == 1 && sectors[0] == graph.SectorCouncil {
		return
	}
	miss := missingBorders(net, adj, sectors, types)
	if len(miss) == 0 || s.Quiet {
		return
	}
	names := make([]string, 0, 5)
	for _, i := range miss[:min(5, len(miss))] {
		o := net.Organisation(i)
		names = append(names, fmt.Sprintf("%s (%s)", o.Label(), o.ID))
	}
	more := ""
	if len(miss) > 5 {
		more = fmt.Sprintf(" and %d more", len(miss)-5)
	}
	tprintf(s.ErrOut, "partnet: warning: %d organisations that could be members have no border row in %s, so --require-adjacent cannot place them: %s%s\n",
		len(miss), from, strings.Join(names, ", "), more)
}
