package datasets

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed embedded
var embeddedFS embed.FS

// DefaultDataset is the embedded dataset commands use when given none.
const DefaultDataset = "england"

// EmbeddedNames lists the embedded datasets in name order.
func EmbeddedNames() []string {
	entries, _ := fs.ReadDir(embeddedFS, "embedded")
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// Embedded returns the files of an embedded dataset as an fs.FS rooted at
// its folder, and whether it exists.
func Embedded(name string) (fs.FS, bool) {
	sub, err := fs.Sub(embeddedFS, "embedded/"+name)
	if err != nil {
		return nil, false
	}
	if _, err := fs.Stat(sub, OrganisationsFile); err != nil {
		return nil, false
	}
	return sub, true
}
