package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidateReportsSpellings: validate lists the sector and kind
// spellings it normalised and the kind without a weight (before, England
// with its sector written "Council" was called valid and then gave 0
// eligible organisations), and still exits 0: the data reads.
func TestValidateReportsSpellings(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"organisations.csv": "id,sector\na,Council\nb,council\nc,Third Sector\n",
		"partnerships.csv":  "source,target,kind\na,b,Shared Service\nb,c,SHARED_SERVICE\na,c,bake sale\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, _ := runCLI(t, "validate", dir)
	if code != exitOK {
		t.Fatalf("exit %d, want 0\n%s", code, out)
	}
	for _, want := range []string{
		`organisations.csv:2: column "sector": "Council" read as "council"`,
		`organisations.csv:4: column "sector": "Third Sector" read as "third_sector"`,
		`partnerships.csv:2: column "kind": "Shared Service" read as "shared_service"`,
		`partnerships.csv:3: column "kind": "SHARED_SERVICE" read as "shared_service"`,
		`partnerships.csv:4: column "kind": kind "bake_sale" has no default weight: it weighs 1`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("validate output lacks %q:\n%s", want, out)
		}
	}
}
