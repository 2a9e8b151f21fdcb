package docscheck

import (
	"bufio"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// maxReadmeLines is the README's budget: what partnet is, the set-up
// commands, a quick start per user, the commands, exit codes and links;
// everything else lives in docs/.
const maxReadmeLines = 300

// readmeExample is the tested Example whose code the README's Go quick
// start shows.
const readmeExample = "reports/batch/example_researcher_test.go"

// TestReadme checks the real repository: the README's length, links in
// every Markdown file, no link out of README.md and docs/.
func TestReadme(t *testing.T) {
	root := repoRoot(t)
	b, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), "\n"); n > maxReadmeLines {
		t.Errorf("README.md has %d lines, want at most %d: move detail into docs/", n, maxReadmeLines)
	}
	for _, p := range check(t, root) {
		t.Error(p)
	}
}

// TestCheckCatchesBadLinks runs the check on a small tree holding wrong
// and right links and expects exactly the wrong ones.
func TestCheckCatchesBadLinks(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/x\n",
		"README.md": "# Title\n\n## Set up `now`\n\n" +
			"[ok](docs/a.md) [ok](docs/a.md#the-embedded-england-dataset) [ok](#set-up-now) [ok](docs/)\n" +
			"[bad](docs/missing.md) [bad](docs/a.md#no-such-heading) [bad](#nowhere)\n" +
			"[bad](../outside/x.md) [bad](https://example.com/) see http://example.com too\n" +
			"`[not a link](nowhere.md)`\n\n```\n[not a link](nowhere.md)\n# not a heading\n```\n",
		"docs/a.md": "# A\n\n## The embedded `england` dataset\n\n## Twice\n\n## Twice\n\n" +
			"[ok](#twice-1) [ok](../README.md#title) [ok](<b.md>)\n[ref]: ../../escape.md\n",
		"docs/b.md":       "# B\n",
		"data/SOURCES.md": "Source: https://example.org/data (licence attribution) [bad](missing.csv)\n",
	}
	for name, text := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := check(t, root)
	want := []string{
		"README.md:6: link docs/missing.md: no such file",
		"README.md:6: link docs/a.md#no-such-heading: docs/a.md has no heading #no-such-heading",
		"README.md:6: link #nowhere: README.md has no heading #nowhere",
		"README.md:7: link ../outside/x.md: leads outside the repository",
		"README.md:7: link https://example.com/: leads outside the repository",
		"README.md:7: names https://example.com/: README.md and docs/ link nothing outside the repository",
		"README.md:7: names http://example.com: README.md and docs/ link nothing outside the repository",
		"data/SOURCES.md:1: link missing.csv: no such file",
		"docs/a.md:10: link ../../escape.md: leads outside the repository",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("check found\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestReadmeGoIsTestedExample checks that every line of the README's Go
// quick start is a line of the Example that go test runs, so the snippet
// compiles and prints what it says.
func TestReadmeGoIsTestedExample(t *testing.T) {
	root := repoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(readmeExample)))
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(example), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	block := fencedBlock(string(readme), "go")
	if len(block) == 0 {
		t.Fatal("README.md has no ```go block")
	}
	for _, l := range block {
		if l = strings.TrimSpace(l); l != "" && !have[l] {
			t.Errorf("README.md's Go quick start line %q is not in %s: keep the two the same", l, readmeExample)
		}
	}
}

// TestReadmeTestCommandIsCI checks that the test command the README gives
// newcomers is the one .ci/run runs.
func TestReadmeTestCommandIsCI(t *testing.T) {
	root := repoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	const cmd = "go test ./..."
	if !slices.Contains(strings.Split(string(ci), "\n"), cmd) {
		t.Errorf(".ci/run has no line %q", cmd)
	}
	found := false
	for _, l := range fencedBlock(string(readme), "sh") {
		if strings.HasPrefix(strings.TrimSpace(l), cmd) {
			found = true
		}
	}
	if !found {
		t.Errorf("README.md's shell blocks do not give %q", cmd)
	}
}

// repoRoot is the folder holding go.mod, above the test's folder.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = up
	}
}

// check returns every problem with the Markdown files under root, sorted
// by file and line.
func check(t *testing.T, root string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".md") {
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	docs := map[string]*doc{}
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		docs[name] = parse(string(b))
	}
	var problems []string
	for _, name := range names {
		strict := name == "README.md" || strings.HasPrefix(name, "docs/")
		for _, l := range docs[name].links {
			if p := checkLink(root, name, l.target, strict, docs); p != "" {
				problems = append(problems, fmt.Sprintf("%s:%d: link %s: %s", name, l.line, l.target, p))
			}
		}
		if strict {
			for _, u := range docs[name].urls {
				problems = append(problems, fmt.Sprintf("%s:%d: names %s: README.md and docs/ link nothing outside the repository", name, u.line, u.target))
			}
		}
	}
	return problems
}

var scheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// checkLink says what is wrong with one link target of file name, or "".
func checkLink(root, name, target string, strict bool, docs map[string]*doc) string {
	target = strings.TrimSuffix(strings.TrimPrefix(target, "<"), ">")
	if scheme.MatchString(target) || strings.HasPrefix(target, "//") {
		if strict {
			return "leads outside the repository"
		}
		return ""
	}
	path, frag, _ := strings.Cut(target, "#")
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	rel := name
	if path != "" {
		base := filepath.Dir(filepath.FromSlash(name))
		if strings.HasPrefix(path, "/") {
			base = ""
		}
		joined := filepath.Clean(filepath.Join(base, filepath.FromSlash(strings.TrimPrefix(path, "/"))))
		if joined == ".." || strings.HasPrefix(joined, ".."+string(filepath.Separator)) {
			return "leads outside the repository"
		}
		if _, err := os.Stat(filepath.Join(root, joined)); err != nil {
			return "no such file"
		}
		rel = filepath.ToSlash(joined)
	}
	if frag == "" {
		return ""
	}
	d, ok := docs[rel]
	if !ok {
		return "" // an anchor into a file that is not Markdown: not checked
	}
	if !d.anchors[strings.ToLower(frag)] {
		return fmt.Sprintf("%s has no heading #%s", rel, frag)
	}
	return ""
}

type ref struct {
	line   int
	target string
}

// doc is what the check needs of one Markdown file.
type doc struct {
	anchors map[string]bool
	links   []ref // relative and absolute link targets, outside code
	urls    []ref // http(s) addresses anywhere, code included
}

var (
	atxHeading = regexp.MustCompile(`^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$`)
	inlineLink = regexp.MustCompile(`\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)`)
	refLink    = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*(\S+)`)
	bareURL    = regexp.MustCompile(`https?://[^\s)>\]"'` + "`" + `]+`)
	linkText   = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
)

// parse finds a Markdown file's heading anchors (as GitHub makes them),
// its links (outside fenced code and code spans) and any http(s) address.
func parse(text string) *doc {
	d := &doc{anchors: map[string]bool{}}
	seen := map[string]int{}
	fence := ""
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		for _, u := range bareURL.FindAllString(line, -1) {
			d.urls = append(d.urls, ref{n, u})
		}
		trimmed := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if m := atxHeading.FindStringSubmatch(line); m != nil {
			s := slug(m[1])
			if k := seen[s]; k > 0 {
				d.anchors[fmt.Sprintf("%s-%d", s, k)] = true
			} else {
				d.anchors[s] = true
			}
			seen[s]++
		}
		plain := stripCode(line)
		for _, m := range inlineLink.FindAllStringSubmatch(plain, -1) {
			d.links = append(d.links, ref{n, m[1]})
		}
		if m := refLink.FindStringSubmatch(plain); m != nil {
			d.links = append(d.links, ref{n, m[1]})
		}
	}
	return d
}

// slug is GitHub's anchor for a heading: the text of links and code kept,
// lower case, letters, digits, '-' and '_' kept, spaces made '-', the rest
// dropped.
func slug(heading string) string {
	heading = linkText.ReplaceAllString(heading, "$1")
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// stripCode blanks the code spans of a line (a run of n backticks up to the
// next run of exactly n), so that nothing inside them counts as a link.
func stripCode(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		if line[i] != '`' {
			b.WriteByte(line[i])
			i++
			continue
		}
		n := 0
		for i+n < len(line) && line[i+n] == '`' {
			n++
		}
		end := -1
		for j := i + n; j < len(line); {
			if line[j] != '`' {
				j++
				continue
			}
			k := 0
			for j+k < len(line) && line[j+k] == '`' {
				k++
			}
			if k == n {
				end = j + k
				break
			}
			j += k
		}
		if end < 0 {
			b.WriteString(line[i : i+n])
			i += n
			continue
		}
		b.WriteString("code")
		i = end
	}
	return b.String()
}

// fencedBlock returns the lines of every fenced block whose info string is
// lang, in order.
func fencedBlock(text, lang string) []string {
	var out []string
	in := false
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case !in && t == "```"+lang:
			in = true
		case in && t == "```":
			in = false
		case in:
			out = append(out, l)
		}
	}
	return out
}
