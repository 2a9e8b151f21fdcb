// Package datasets reads and writes partnet datasets and builds
// graph.Networks from them.
//
// A dataset is a folder (or an fs.FS) holding organisations.csv and at least
// one of partnerships.csv or arrangements.csv + members.csv, with an
// optional dataset.yaml (title, description, source, licence). Headers are
// matched case-insensitively with common aliases; files may be UTF-8 with or
// without a byte order mark, UTF-16 with one, or Windows-1252 (converted, with
// a warning); comma, semicolon or tab separated; LF or CRLF line ends; quoted
// fields may hold newlines. Columns partnet does not know become string
// attributes keyed by their normalised header.
//
// Every problem is reported as a *ParseError naming file, line and column,
// and a reader reports every problem it finds in one pass (up to
// MaxProblems), so a spreadsheet can be fixed at once. ParseErrors unwrap to
// the sentinels below and to graph's (graph.ErrDuplicateID,
// graph.ErrUnknownOrganisation, graph.ErrSelfTie, ...).
//
// The embedded default dataset, "england", is available through Load with
// "embedded:england" or an empty name.
package datasets
