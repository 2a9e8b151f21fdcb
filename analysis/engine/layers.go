package engine

import (
	"fmt"
	"strings"

	"github.com/partnet/partnet/graph"
)

// LayerSplit is the layer rule's decision for a network.
type LayerSplit struct {
	// Split is true when the report analyses the layers separately; it
	// needs both layers to hold ties.
	Split bool
	// Reason says why or why not, in words; Dominant is the
	// organisation whose funding ties triggered it (-1 when the network's
	// share did), by index in the full network.
	Reason   string
	Dominant int
	Counts   graph.LayerCounts
	// Full is the network as given; Collaboration and Funding its layers
	// (nil when not split).
	Full, Collaboration, Funding *graph.Network
}

// SplitLayers applies the layer rule (LayerShare, LayerOrgShare,
// LayerOrgMin in defaults.go) to net. Without a split the report analyses
// net whole. docs/methods.md ("Layers and findings that hold") documents
// it.
func SplitLayers(net *graph.Network) *LayerSplit {
	return splitLayers(net, false)
}

// splitLayers is SplitLayers; with decideOnly it applies the rule and
// gives the reason without building the layers.
func splitLayers(net *graph.Network, decideOnly bool) *LayerSplit {
	c := net.CountLayers()
	ls := &LayerSplit{Dominant: -1, Counts: c, Full: net}
	kinds := strings.Join(graph.FundingKinds, ", ")
	switch {
	case c.Funding == 0:
		ls.Reason = fmt.Sprintf("No tie is funding (%s), so there is no funding layer.", kinds)
		return ls
	case c.Collaboration == 0:
		ls.Reason = fmt.Sprintf("Every tie is funding (%s): there is no joint working to analyse apart, so the report analyses the funding network whole.", kinds)
		return ls
	}
	ls.Reason = fmt.Sprintf("Joint working and funding are analysed together: funding (%s) does not dominate the ties. The layer rule splits them when funding makes up more than %.0f%% of all ties, or more than %.0f%% of the ties of one organisation with at least %d funding ties.",
		kinds, 100*LayerShare, 100*LayerOrgShare, LayerOrgMin)
	switch {
	case float64(c.Funding) > LayerShare*float64(c.Ties):
		ls.Reason = fmt.Sprintf("Grants and other funding make up %d of the %d ties", c.Funding, c.Ties)
	default:
		best := -1
		for i, f := range c.OrgFunding {
			if f >= LayerOrgMin && float64(f) > LayerOrgShare*float64(c.OrgTies[i]) &&
				(best < 0 || f > c.OrgFunding[best]) {
				best = i
			}
		}
		if best < 0 {
			return ls
		}
		ls.Dominant = best
		ls.Reason = fmt.Sprintf("Funding makes up %d of the %d ties of %s", c.OrgFunding[best], c.OrgTies[best], net.Organisation(best).Label())
	}
	ls.Split = true
	if decideOnly {
		return ls
	}
	ls.Collaboration, ls.Funding = net.Layers(c)
	return ls
}

// layerNote is the note analyze and clusters give when the layer rule
// would split net: they measure the network whole, so one funder's grants
// shape their rankings and clusters (England: Trafford's 323 grantees make
// it the top broker); the report analyses the layers apart.
func layerNote(r *Run) {
	ls := splitLayers(r.Network, true)
	if !ls.Split {
		return
	}
	r.note("%s: these measures take funding and joint working together (partnet report analyses them apart; --kinds to keep only some kinds of tie)", ls.Reason)
}

// Analysed is the network the report analyses: the collaboration layer
// when split, else the whole network.
func (ls *LayerSplit) Analysed() *graph.Network {
	if ls.Split {
		return ls.Collaboration
	}
	return ls.Full
}
