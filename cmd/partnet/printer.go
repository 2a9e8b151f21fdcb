package main

import "io"

// printer is a verb's output in its three shapes: text (through
// writeText, so data reaching a terminal is escaped), CSV and JSON. Each
// command fills the shapes it offers (its --format values) and prints
// through one call, so every verb chooses its output the same way.
type printer struct {
	Text, CSV, JSON func(io.Writer) error
}

// print writes the shape format names ("text" when it is neither json nor
// csv).
func (p printer) print(s *streams, format string) error {
	switch {
	case format == "json" && p.JSON != nil:
		return p.JSON(s.Out)
	case format == "csv" && p.CSV != nil:
		return p.CSV(s.Out)
	}
	return writeText(s.Out, p.Text)
}
