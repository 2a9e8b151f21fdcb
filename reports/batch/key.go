package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"

	"github.com/partnet/partnet/datasets"
)

// runKey is the SHA-256 of everything that determines a run's results:
// partnet's version, the run's entry of the spec (dataset source or
// generator, date, weighting, kind weights, resolution, seed, tier), the
// spec's kind filter and analyses, and the SHA-256 of every input file of
// its dataset. --resume reuses a finished run only when its recorded key
// equals the key the current spec and files give; anything else is run
// again.
func runKey(version string, run Run, kinds, analyses []string, inputs []datasets.Input) string {
	type file struct {
		Name   string `json:"name"`
		SHA256 string `json:"sha256"`
	}
	files := make([]file, len(inputs))
	for i, in := range inputs {
		// The base name: the dataset's path is already in run.Dataset.
		files[i] = file{filepath.Base(in.Name), in.SHA256}
	}
	// json.Marshal sorts map keys (the kind weights), so the key does not
	// depend on map order.
	data, err := json.Marshal(struct {
		Version  string   `json:"version"`
		Run      Run      `json:"run"`
		Kinds    []string `json:"kinds"`
		Analyses []string `json:"analyses"`
		Inputs   []file   `json:"inputs"`
	}{version, run, kinds, analyses, files})
	if err != nil {
		// Only plain strings and numbers go in; NaN cannot reach a spec.
		panic(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
