package datasets

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzCorpusFolder fuzzes the CSV folder reader from the bad-input corpus:
// every case's four CSV files are seeds. ReadFS never panics; every
// problem is a *ParseError naming one of the files; a folder that reads
// without error survives a write-then-read round trip unchanged.
func FuzzCorpusFolder(f *testing.F) {
	entries, _ := os.ReadDir(corpusDir)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		read := func(name string) []byte {
			b, _ := os.ReadFile(filepath.Join(corpusDir, e.Name(), name))
			return b
		}
		f.Add(read(OrganisationsFile), read(PartnershipsFile), read(ArrangementsFile), read(MembersFile))
	}
	f.Add([]byte("id,name\na,A\nb,B\n"), []byte("source,target,weight,start,end,value_gbp\na,b,1.5,2014-04-01,2015-03-31,1200\n"), []byte(nil), []byte(nil))
	f.Fuzz(func(t *testing.T, orgs, ties, arrs, members []byte) {
		fsys := fstest.MapFS{OrganisationsFile: {Data: orgs}}
		for name, data := range map[string][]byte{PartnershipsFile: ties, ArrangementsFile: arrs, MembersFile: members} {
			if len(data) > 0 {
				fsys[name] = &fstest.MapFile{Data: data}
			}
		}
		net, probs, err := ReadFS(fsys, ".", "")
		for _, list := range [][]*ParseError{probs.Errors, probs.Warnings} {
			for _, pe := range list {
				if pe == nil || pe.Err == nil || pe.File == "" {
					t.Fatalf("problem without a file or cause: %#v", pe)
				}
			}
		}
		if err != nil {
			if net != nil {
				t.Fatal("a network and an error")
			}
			return
		}
		dir := t.TempDir()
		if err := WriteDir(net, dir); err != nil {
			t.Fatal(err)
		}
		back, _, err := ReadFS(os.DirFS(dir), ".", "")
		if err != nil {
			t.Fatalf("written dataset does not read back: %v", err)
		}
		if d := Diff(net, back); d != "" {
			t.Fatalf("round trip changed the data: %s", d)
		}
	})
}
