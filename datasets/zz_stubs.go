package datasets

import (
	"io"

	"github.com/partnet/partnet/graph"
)

func is360GivingCSV([]byte) bool                                         { return false }
func is360GivingJSON([]byte) bool                                        { return false }
func Read360Giving(io.Reader, string) (*graph.Network, *Problems, error) { return nil, nil, nil }
func WriteDOT(io.Writer, *graph.Network) error                           { return nil }
