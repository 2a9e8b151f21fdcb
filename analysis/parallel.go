package analysis

import (
	"sync"
	"sync/atomic"
)

// rowChunk is how many nodes a worker of parallelRows takes at a time:
// small enough to balance uneven degrees, large enough that handing out
// chunks costs nothing.
const rowChunk = 2048

// parallelRows calls fn(lo, hi) over [0, n) in chunks on up to two
// goroutines (workerCount), each worker with its own scratch made by
// newScratch. fn must compute each node's result from that node's row
// alone, so the result does not depend on which worker ran which chunk:
// the callers (PageRank and eigenvector iterations, constraint, effective
// size, brokerage) give identical output on one core or two. Below a few
// chunks everything runs on the calling goroutine.
func parallelRows[S any](n int, newScratch func() S, fn func(scratch S, lo, hi int)) {
	workers := workerCount(0, (n+rowChunk-1)/rowChunk)
	if workers < 2 || n < 4*rowChunk {
		fn(newScratch(), 0, n)
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := newScratch()
			for {
				lo := int(next.Add(rowChunk)) - rowChunk
				if lo >= n {
					return
				}
				fn(sc, lo, min(lo+rowChunk, n))
			}
		}()
	}
	wg.Wait()
}

// noScratch is the scratch of a parallelRows loop that needs none.
func noScratch() struct{} { return struct{}{} }

// progressTicker returns a function to call once per unit of work done
// (from any goroutine); it reports to progress about every 1% of total.
// With progress nil it does nothing.
func progressTicker(total int, progress func(done, total int)) func() {
	if progress == nil {
		return func() {}
	}
	var done atomic.Int64
	var mu sync.Mutex
	step := int64(max(1, total/100))
	return func() {
		d := done.Add(1)
		if d%step == 0 || d == int64(total) {
			mu.Lock()
			progress(int(d), total)
			mu.Unlock()
		}
	}
}
