package page

import (
	"fmt"
	"slices"
	"strings"
)

// Finding is one headline finding: a sentence in plain English and, for
// every number it states, the table cell (or count of rows) that holds
// the number, so that findings and tables cannot disagree unnoticed
// (TestFindingsAgreeWithTables reads the written tables back).
type Finding struct {
	Text   string  `json:"text"`
	Claims []Claim `json:"claims"`
	// names are the data (organisation, group and partnership names)
	// quoted in Text, in order; numbers inside them are not claims.
	names []string
}

// String is the sentence, so templates print a Finding as its text.
func (f Finding) String() string { return f.Text }

// Claim is one number a finding states and where the report's tables
// (Report.Tables, written by WriteTables) hold it.
type Claim struct {
	// Number is the number as the sentence writes it ("28", "1.0%").
	Number string `json:"number"`
	// Table is the table's name (figures, clusters, ...).
	Table string `json:"table"`
	// Where selects the row: column name -> value; empty selects every
	// row (a one-row table's only row).
	Where map[string]string `json:"where,omitempty"`
	// Column is the column holding the number; with Count "rows" it is
	// empty.
	Column string `json:"column,omitempty"`
	// Count is "" (the cell's number), "rows" (the number of rows
	// selected) or "items" (the number of "; "-separated items in the
	// cell).
	Count string `json:"count,omitempty"`
}

// stated is a number stated in a finding with its source; written through
// %v it prints as its text.
type stated struct{ c Claim }

func (n stated) String() string { return n.c.Number }

// cell states the number text held in table's column at the row where.
func fromCell(text, table, column string, where ...string) stated {
	return stated{Claim{Number: text, Table: table, Column: column, Where: pairs(where)}}
}

// rows states text as the number of rows of table matching where.
func fromRows(text, table string, where ...string) stated {
	return stated{Claim{Number: text, Table: table, Count: "rows", Where: pairs(where)}}
}

// items states text as the number of items in a list cell.
func fromItems(text, table, column string, where ...string) stated {
	return stated{Claim{Number: text, Table: table, Column: column, Count: "items", Where: pairs(where)}}
}

// figure states text as the value of the key figure labelled label.
func fromFigure(text, label string) stated { return fromCell(text, "figures", "value", "label", label) }

func pairs(kv []string) map[string]string {
	if len(kv) == 0 {
		return nil
	}
	m := map[string]string{}
	for k := 0; k+1 < len(kv); k += 2 {
		m[kv[k]] = kv[k+1]
	}
	return m
}

// name marks a string argument as data (a name quoted in the sentence).
type name string

// finder collects findings. add formats like fmt.Sprintf; stated arguments
// become the finding's claims and name arguments its quoted data, in
// order.
type finder struct{ out []Finding }

func (f *finder) add(format string, args ...any) {
	var fd Finding
	collect(&fd, args)
	fd.Text = fmt.Sprintf(format, args...)
	f.out = append(f.out, fd)
}

func collect(fd *Finding, args []any) {
	for _, a := range args {
		switch v := a.(type) {
		case stated:
			fd.Claims = append(fd.Claims, v.c)
		case name:
			fd.names = append(fd.names, string(v))
		case phrase:
			fd.Claims = append(fd.Claims, v.claims...)
			fd.names = append(fd.names, v.names...)
		}
	}
}

// phrase is a piece of a finding built on its own (a list of names with
// their numbers), carrying its claims and names.
type phrase struct {
	text   string
	claims []Claim
	names  []string
}

func (p phrase) String() string { return p.text }

// phrasef formats a phrase as add formats a finding.
func phrasef(format string, args ...any) phrase {
	var fd Finding
	collect(&fd, args)
	return phrase{text: fmt.Sprintf(format, args...), claims: fd.Claims, names: fd.names}
}

// list joins phrases in English ("A, B and C").
func list(ps []phrase) phrase {
	var out phrase
	var texts []string
	for _, p := range ps {
		texts = append(texts, p.text)
		out.claims = append(out.claims, p.claims...)
		out.names = append(out.names, p.names...)
	}
	if len(texts) <= 1 {
		out.text = strings.Join(texts, "")
	} else {
		out.text = strings.Join(texts[:len(texts)-1], ", ") + " and " + texts[len(texts)-1]
	}
	return out
}

// nameList is list over plain names.
func nameList(ns []string) phrase {
	ps := make([]phrase, len(ns))
	for i, n := range ns {
		ps[i] = phrasef("%s", name(n))
	}
	return list(ps)
}

// findingRow and claimRow are the findings and their claims as tables.
type findingRow struct {
	Finding int    `json:"finding"`
	Text    string `json:"text"`
}

type claimRow struct {
	Finding int    `json:"finding"`
	Number  string `json:"number"`
	Table   string `json:"table"`
	// Where is "column=value" conditions joined with " & ".
	Where  string `json:"where"`
	Column string `json:"column"`
	Count  string `json:"count"`
}

func findingTables(fs []Finding) ([]findingRow, []claimRow) {
	fr, cr := []findingRow{}, []claimRow{}
	for k, f := range fs {
		fr = append(fr, findingRow{k + 1, f.Text})
		for _, c := range f.Claims {
			var where []string
			for col, v := range c.Where {
				where = append(where, col+"="+v)
			}
			slices.Sort(where)
			cr = append(cr, claimRow{k + 1, c.Number, c.Table, strings.Join(where, " & "), c.Column, c.Count})
		}
	}
	return fr, cr
}
