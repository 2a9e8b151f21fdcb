package datasets

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/partnet/partnet/graph"
)

// ErrUnknownKind says a kind asked for (--kinds, a batch spec's
// filters.kinds) is not the kind of any partnership or arrangement.
var ErrUnknownKind = errors.New("no partnership or arrangement has this kind")

// CheckKinds spells each of kinds as the readers spell the data's kinds
// (NormalizeVocabulary: "Shared Service" is shared_service) and refuses
// one that no partnership or arrangement of net has, listing those it
// has: a typo such as shared_servic used to keep no tie at all, silently.
func CheckKinds(net *graph.Network, kinds []string) ([]string, error) {
	if len(kinds) == 0 {
		return kinds, nil
	}
	seen := map[string]bool{}
	for i := 0; i < net.NumPartnerships(); i++ {
		seen[net.PartnershipKind(i)] = true
	}
	for i := 0; i < net.NumArrangements(); i++ {
		seen[net.Arrangement(i).Kind] = true
	}
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = NormalizeVocabulary(k)
		if seen[out[i]] {
			continue
		}
		have := make([]string, 0, len(seen))
		for h := range seen {
			if h == "" {
				h = "(none)"
			}
			have = append(have, h)
		}
		sort.Strings(have)
		return nil, fmt.Errorf("%q: %w (kinds in the data: %s)", k, ErrUnknownKind, strings.Join(have, ", "))
	}
	return out, nil
}

// countNoun is "1 one" or "n many" (messages once read "1 council(s) have").
func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
