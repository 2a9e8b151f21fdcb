package page

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/partnet/partnet/internal/atomicfile"
	"github.com/partnet/partnet/reports"
)

// Table is one named table of the report's results: a slice of structs
// whose JSON tags name the columns.
type Table struct {
	Name string
	Rows any
}

type blockRow struct {
	From    string  `json:"from"`
	To      string  `json:"to"`
	Ties    int     `json:"ties"`
	Density float64 `json:"density"`
}

// WriteTables writes each table as NAME.csv and NAME.json into dir (made
// if missing), each file atomically. NaN is an empty CSV cell and a JSON
// null; list cells are joined with "; ".
func WriteTables(dir string, r *Report) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	for _, t := range r.Tables() {
		if err := atomicfile.WriteFile(filepath.Join(dir, t.Name+".csv"), func(w io.Writer) error { return writeCSV(w, t.Rows) }); err != nil {
			return fmt.Errorf("tables: %w", err)
		}
		if err := atomicfile.WriteFile(filepath.Join(dir, t.Name+".json"), func(w io.Writer) error { return writeTableJSON(w, t.Rows) }); err != nil {
			return fmt.Errorf("tables: %w", err)
		}
	}
	return nil
}

func columns(typ reflect.Type) []string {
	var cols []string
	for i := 0; i < typ.NumField(); i++ {
		tag := strings.Split(typ.Field(i).Tag.Get("json"), ",")[0]
		if tag == "-" {
			tag = ""
		}
		cols = append(cols, tag)
	}
	return cols
}

func writeCSV(w io.Writer, rows any) error {
	v := reflect.ValueOf(rows)
	typ := v.Type().Elem()
	cols := columns(typ)
	cw := csv.NewWriter(w)
	var header []string
	for _, c := range cols {
		if c != "" {
			header = append(header, c)
		}
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for k := 0; k < v.Len(); k++ {
		var rec []string
		for i, c := range cols {
			if c != "" {
				rec = append(rec, reports.SafeCell(csvCell(v.Index(k).Field(i))))
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvCell(f reflect.Value) string {
	switch f.Kind() {
	case reflect.Float64:
		x := f.Float()
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ""
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case reflect.Slice:
		parts := make([]string, f.Len())
		for k := range parts {
			parts[k] = csvCell(f.Index(k))
		}
		return strings.Join(parts, "; ")
	case reflect.Struct:
		if fig, ok := f.Interface().(Figure); ok {
			return fig.Label + "=" + fig.Value
		}
	}
	return fmt.Sprint(f.Interface())
}

// writeTableJSON writes rows as a JSON array of objects, with NaN and
// infinities as null.
func writeTableJSON(w io.Writer, rows any) error {
	v := reflect.ValueOf(rows)
	out := make([]map[string]any, v.Len())
	cols := columns(v.Type().Elem())
	for k := range out {
		m := map[string]any{}
		for i, c := range cols {
			if c == "" {
				continue
			}
			f := v.Index(k).Field(i)
			if f.Kind() == reflect.Float64 && (math.IsNaN(f.Float()) || math.IsInf(f.Float(), 0)) {
				m[c] = nil
				continue
			}
			m[c] = f.Interface()
		}
		out[k] = m
	}
	return reports.WriteJSON(w, out)
}
