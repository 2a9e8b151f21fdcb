package reports

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
)

func TestSafeCell(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"Trafford Council", "Trafford Council"},
		{"=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")"},
		{"=1+2", "'=1+2"},
		{"+44 161 912 1212", "'+44 161 912 1212"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0"},
		{"\r=1", "'\r=1"},
		{"-1.5", "-1.5"},
		{"+2", "+2"},
		{"-1e-3", "-1e-3"},
		{"-Inf", "'-Inf"},
		{"-NaN", "'-NaN"},
		{"-0x1p-2", "'-0x1p-2"},
		{"-1_000", "'-1_000"},
		{"a=b", "a=b"},
		{"'quoted", "'quoted"},
		{"<script>alert(1)</script>", "<script>alert(1)</script>"},
	}
	for _, c := range cases {
		if got := SafeCell(c.in); got != c.want {
			t.Errorf("SafeCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Hostile names survive a guarded write as one field each, quoted where
// needed, and read back (less the guard's quote) unchanged.
func TestCSVWriterHostileNames(t *testing.T) {
	names := []string{
		"=cmd|' /C calc'!A0", "line one\nline two", `say "hi", then leave`, "<b>bold</b>",
		"{{.}}", "\u202egnp.exe", "bell\a and null\x00", strings.Repeat("long ", 100000),
	}
	var b strings.Builder
	w := NewCSVWriter(&b)
	for _, n := range names {
		if err := w.Write([]string{"id", n, "-0.25"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(names) {
		t.Fatalf("%d records, want %d", len(recs), len(names))
	}
	for i, r := range recs {
		if len(r) != 3 || r[2] != "-0.25" {
			t.Errorf("record %d = %q", i, r)
			continue
		}
		want := names[i]
		if strings.HasPrefix(want, "=") {
			want = "'" + want
		}
		if r[1] != want {
			t.Errorf("record %d name = %.40q, want %.40q", i, r[1], want)
		}
	}
}

func ExampleNewCSVWriter() {
	w := NewCSVWriter(os.Stdout)
	w.Write([]string{"id", "name", "ei_index"})
	w.Write([]string{"E08000009", "=HYPERLINK(\"http://x.example\")", "-0.4"})
	w.Write([]string{"GB-CHC-1", "@Home Trust", "0.25"})
	w.Flush()
	// Output:
	// id,name,ei_index
	// E08000009,"'=HYPERLINK(""http://x.example"")",-0.4
	// GB-CHC-1,'@Home Trust,0.25
}
