package datasets

import (
	"fmt"
	"slices"
	"strings"

	"github.com/partnet/partnet/graph"
)

// Sector, type and kind values are a vocabulary (docs/formats.md,
// "Normalisation"): lower case, words joined by underscores
// (shared_service, third_sector, london_borough). Readers normalise what
// people write to it: "Council", "Shared Service", "SHARED_SERVICE" and
// "shared-service" become council and shared_service, with one warning per
// spelling in each file. A sector outside council, third_sector, agency and
// private, or a kind without a default weight, is kept and warned about
// once: partnet cannot tell a new word from a typo.

// NormalizeVocabulary returns s lower-cased, with runs of spaces,
// hyphens and underscores turned into one underscore and none at either
// end: "Shared  Service" and "shared-service" give shared_service.
func NormalizeVocabulary(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c == ' ' || c == '-' || c == '\t' || c >= 0x80 ||
			c == '_' && (i == 0 || i == len(s)-1 || s[i-1] == '_') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '-', '_', '\t':
			sep = b.Len() > 0
			continue
		}
		if sep {
			b.WriteByte('_')
			sep = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

var knownSectors = map[string]bool{graph.SectorCouncil: true, graph.SectorThirdSector: true, graph.SectorAgency: true, graph.SectorPrivate: true}

// knownKinds are the kinds with a default weight.
var knownKinds = graph.DefaultKindWeights()

// knownKindList lists knownKinds sorted, for messages.
var knownKindList = func() string {
	ks := make([]string, 0, len(knownKinds))
	for k := range knownKinds {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return strings.Join(ks, ", ")
}()

// vocab reads a sector, type or kind column of the current row, normalised
// (see NormalizeVocabulary), warning once per file for each spelling
// changed and each sector or kind outside the vocabulary.
func (rr *rowReader) vocab(col string) string {
	raw := rr.get(col)
	v := NormalizeVocabulary(raw)
	if v == raw && (v == "" || col == "type" || col == "sector" && knownSectors[v] || col == "kind" && knownKinds[v] != 0) {
		return v
	}
	if rr.vocabSeen == nil {
		rr.vocabSeen = map[string]bool{}
	}
	if key := col + "\x00" + raw; v != raw && !rr.vocabSeen[key] {
		rr.vocabSeen[key] = true
		rr.warn(col, fmt.Errorf("%s read as %q (partnet's spelling)", quoteID(raw), v))
	}
	if key := col + "\x01" + v; v != "" && !rr.vocabSeen[key] {
		switch {
		case col == "sector" && !knownSectors[v]:
			rr.vocabSeen[key] = true
			rr.warn(col, fmt.Errorf("sector %s is not one partnet knows (council, third_sector, agency, private): kept as written; groups take councils only", quoteID(v)))
		case col == "kind" && knownKinds[v] == 0:
			rr.vocabSeen[key] = true
			rr.warn(col, fmt.Errorf("kind %s has no default weight: it weighs %g unless given one with --kind-weight %s=N (known kinds: %s)",
				quoteID(v), graph.DefaultKindWeight, v, knownKindList))
		}
	}
	return v
}

// warn adds a warning at the current row and column.
func (rr *rowReader) warn(col string, err error) {
	rr.probs.add(&rr.probs.Warnings, &ParseError{File: rr.t.file, Line: rr.t.line, Column: rr.idx[col] + 1, Field: col, Err: err})
}
