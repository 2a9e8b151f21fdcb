package datasets

import (
	"bytes"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/partnet/partnet/graph"
)

// The fast path for partnerships.csv. A generated or exported dataset of
// millions of rows has only source, target, kind and weight columns, no
// quotes and ASCII ids; going through encoding/csv and a full
// graph.Partnership per row costs about ten times what the rows need. The
// fast path reads such a file in blocks, splits each block between the
// CPUs, looks ids up in the network's index (read-only, so safe in
// parallel) and records each row with Network.AddKindTie (24 bytes a row).
// Anything it does not expect (another column, a quote, text that is not
// UTF-8, an unknown organisation, a bad weight, a self tie, a long line)
// makes it give up: the caller truncates what it added and reads the file
// again with the general reader, which reports problems with their line
// and column exactly as before. The result is the same network either way.

// fastBlock is how much of the file one round of parallel parsing takes.
const fastBlock = 8 << 20

// fastPartnershipColumns are the only columns the fast path reads.
var fastPartnershipColumns = map[string]bool{"source": true, "target": true, "kind": true, "weight": true}

// fastRows is one worker's share of a block.
type fastRows struct {
	src, dst []int32
	w        []float64
	kind     []string // substrings of the block until added
	ok       bool
}

// readPartnershipsFast reads a plain partnerships.csv into net and reports
// whether it could; when it returns false the caller must call
// net.TruncatePartnerships with the count from before and read the file
// with the general reader. progress, when set, is called with the bytes
// read so far.
func readPartnershipsFast(r io.Reader, net *graph.Network, progress func(bytesRead int64)) bool {
	var size int64 // the file's size when known, to reserve room
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := st.Stat(); err == nil {
			size = info.Size()
		}
	}
	buf := make([]byte, 0, fastBlock+64<<10)
	var rd int64
	fill := func() (bool, error) {
		// Keep what is left, then read up to a full block.
		for len(buf) < fastBlock {
			n, err := r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			rd += int64(n)
			if err == io.EOF {
				return true, nil
			}
			if err != nil {
				return false, err
			}
		}
		return false, nil
	}
	eof, err := fill()
	if err != nil {
		return false
	}
	buf = bytes.TrimPrefix(buf, []byte{0xEF, 0xBB, 0xBF})
	head, rest := cutLine(buf)
	if len(rest) == 0 && !eof {
		return false // a header longer than a block: not a plain file
	}
	delim := edgeDelimiter(head)
	if delim == ' ' {
		delim = ','
	}
	cols, ok := fastHeader(string(head), delim)
	if !ok {
		return false
	}
	buf = append(buf[:0], rest...)
	// An intern table of the ids answers the lookups about twice as fast
	// as the network's map (keys inline in the slot: one cache line).
	ids := newInternTable(net.NumOrganisations())
	for i := 0; i < net.NumOrganisations(); i++ {
		if k, added := ids.intern(net.Organisation(i).ID); !added || int(k) != i {
			return false
		}
	}
	workers := min(runtime.GOMAXPROCS(0), 4)
	rows := 0
	for {
		if !eof {
			if eof, err = fill(); err != nil {
				return false
			}
		}
		body := buf
		var tail []byte
		if !eof {
			i := bytes.LastIndexByte(buf, '\n')
			if i < 0 {
				return false // one line longer than a block
			}
			body, tail = buf[:i+1], buf[i+1:]
		}
		if bytes.IndexByte(body, '"') >= 0 || bytes.IndexByte(body, 0) >= 0 {
			return false
		}
		parts := splitChunks(body, workers)
		res := make([]fastRows, len(parts))
		var wg sync.WaitGroup
		for i, p := range parts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res[i] = parseFastRows(p, delim, cols, ids)
			}()
		}
		wg.Wait()
		if first := rows == 0; first && size > 0 && len(body) > 0 {
			// Reserve the whole file's rows, estimated from the first
			// block, instead of doubling a slice of 24-byte rows.
			got := 0
			for i := range res {
				got += len(res[i].src)
			}
			net.Grow(0, int(float64(size)*float64(got)/float64(len(body))*1.02))
		}
		for i := range res {
			if !res[i].ok {
				return false
			}
			c := &res[i]
			for k := range c.src {
				if net.AddKindTie(int(c.src[k]), int(c.dst[k]), c.w[k], c.kind[k]) != nil {
					return false
				}
			}
			rows += len(c.src)
		}
		if progress != nil {
			progress(rd)
		}
		if eof {
			break
		}
		buf = append(buf[:0], tail...)
	}
	return rows > 0
}

// fastHeader maps the header's fields to the fast path's columns (source,
// target, kind, weight by name) and fails on any other or repeated column,
// or a header that needs aliases resolved.
func fastHeader(head string, delim byte) ([]string, bool) {
	if strings.IndexByte(head, '"') >= 0 || !utf8.ValidString(head) {
		return nil, false
	}
	fields := strings.Split(head, string(delim))
	seen := map[string]bool{}
	cols := make([]string, len(fields))
	for i, f := range fields {
		h := normHeader(f)
		if !fastPartnershipColumns[h] || seen[h] {
			return nil, false
		}
		seen[h] = true
		cols[i] = h
	}
	if !seen["source"] || !seen["target"] {
		return nil, false
	}
	return cols, true
}

// parseFastRows parses whole lines of b; ok is false at the first line the
// fast path does not handle.
func parseFastRows(b []byte, delim byte, cols []string, ids *internTable) fastRows {
	var c fastRows
	if len(b) == 0 {
		c.ok = true
		return c
	}
	s := unsafe.String(&b[0], len(b))
	est := bytes.Count(b, []byte{'\n'}) + 1
	c.src, c.dst = make([]int32, 0, est), make([]int32, 0, est)
	c.w, c.kind = make([]float64, 0, est), make([]string, 0, est)
	si, ti, ki, wi := -1, -1, -1, -1
	for i, h := range cols {
		switch h {
		case "source":
			si = i
		case "target":
			ti = i
		case "kind":
			ki = i
		case "weight":
			wi = i
		}
	}
	f := make([]string, len(cols))
	lastKind := ""
	for len(s) > 0 {
		var l string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			l, s = s[:i], s[i+1:]
		} else {
			l, s = s, ""
		}
		l = strings.TrimSuffix(l, "\r")
		if strings.IndexByte(l, '\r') >= 0 || len(l) > MaxFieldBytes {
			return c
		}
		if trimBlank(l) == "" {
			continue // blank line
		}
		n := 0
		for n < len(f) {
			i := strings.IndexByte(l, delim)
			if i < 0 {
				f[n] = l
				l = ""
				n++
				break
			}
			f[n], l = l[:i], l[i+1:]
			n++
			if n == len(f) {
				l = "\x00" + l // a field beyond the header: not handled here
			}
		}
		if n < len(f) || l != "" {
			return c
		}
		for i := range f {
			v := f[i]
			if len(v) > 0 && (asciiSpace(v[0]) || asciiSpace(v[len(v)-1]) || !isASCII(v)) {
				return c // trimming and other text are left to the general reader
			}
		}
		a := ids.find(f[si])
		if a < 0 {
			return c
		}
		bb := ids.find(f[ti])
		if bb < 0 || a == bb {
			return c
		}
		w := 0.0
		if wi >= 0 && f[wi] != "" {
			v, ok := parseDecimal(f[wi])
			if !ok || checkWeight(v) != nil {
				return c
			}
			w = v
		}
		kind := ""
		if ki >= 0 {
			kind = f[ki]
			if kind == lastKind {
				kind = lastKind
			} else if NormalizeVocabulary(kind) != kind || kind != "" && knownKinds[kind] == 0 {
				return c // the general reader normalises and warns
			} else {
				kind = strings.Clone(kind)
				lastKind = kind
			}
		}
		c.src = append(c.src, a)
		c.dst = append(c.dst, bb)
		c.w = append(c.w, w)
		c.kind = append(c.kind, kind)
	}
	c.ok = true
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
