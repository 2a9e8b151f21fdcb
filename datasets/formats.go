package datasets

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/partnet/partnet/graph"
)

// Format names a file format partnet reads or writes.
type Format string

// Formats. FormatDir is a dataset folder of CSV files.
const (
	FormatDir Format = "dir"
)

// Formats lists every format by name, for help text and errors.
func Formats() []Format {
	return []Format{FormatDir}
}

// FormatOf returns the format a path's extension names; a path with no
// extension is a folder.
func FormatOf(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case "":
		return FormatDir, nil
	}
	return "", fmt.Errorf("%s: %w %q (known: %s)", path, ErrUnknownFormat, ext, formatList())
}

// ParseFormat checks a format name given by the user (--to).
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("%w %q (known: %s)", ErrUnknownFormat, s, formatList())
}

func formatList() string {
	var names []string
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

func loadFile(path string, format Format) (*Dataset, error) {
	return nil, fmt.Errorf("%s: %w %q for a single file", path, ErrUnknownFormat, format)
}

// Write writes net to path in the given format, atomically (see
// internal/atomicfile): a failed write leaves no partial output.
func Write(net *graph.Network, path string, format Format) error {
	switch format {
	case FormatDir:
		return WriteDir(net, path)
	}
	return fmt.Errorf("%s: %w %q for writing", path, ErrUnknownFormat, format)
}
