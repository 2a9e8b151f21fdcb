package graph

import "slices"

// StatutoryKinds are the partnership kinds whose membership is set by
// geography and law rather than chosen: shared statutory bodies and areas
// (fire, police, resilience forums), statutory partnerships (community
// safety partnerships) and combined authority areas. Findings about
// councils that "already worked together" count only other kinds; sharing
// these is reported on its own.
var StatutoryKinds = []string{"combined_authority", "statutory_body", "statutory_partnership"}

// IsStatutory reports whether kind is one of StatutoryKinds.
func IsStatutory(kind string) bool { return slices.Contains(StatutoryKinds, kind) }
