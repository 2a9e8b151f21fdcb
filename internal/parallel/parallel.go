package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Chunk is how many rows a worker of Rows takes at a time: small enough to
// balance uneven degrees, large enough that handing out chunks costs
// nothing.
const Chunk = 2048

// Workers returns how many goroutines a loop over items uses: want when
// positive, else GOMAXPROCS capped at 2 (the team's shared machines), and
// never more than there are items (at least 1).
func Workers(want, items int) int {
	w := want
	if w <= 0 {
		w = min(runtime.GOMAXPROCS(0), 2)
	}
	return max(1, min(w, items))
}

// Rows calls fn(scratch, lo, hi) over [0, n) in chunks of Chunk on up to
// Workers(want, chunks) goroutines, each worker with its own scratch made
// by newScratch. fn must compute each row's result from that row alone, so
// the result does not depend on which worker ran which chunk. Below four
// chunks, or with one worker, everything runs on the calling goroutine.
func Rows[S any](want, n int, newScratch func() S, fn func(scratch S, lo, hi int)) {
	RowsOf(want, n, Chunk, newScratch, fn)
}

// RowsOf is Rows with chunks of the given size, for loops whose rows are
// costly (a layout's force on one node walks a quadtree): it runs in
// parallel from four chunks up.
func RowsOf[S any](want, n, chunk int, newScratch func() S, fn func(scratch S, lo, hi int)) {
	chunk = max(chunk, 1)
	workers := Workers(want, (n+chunk-1)/chunk)
	if workers < 2 || n < 4*chunk {
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
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				fn(sc, lo, min(lo+chunk, n))
			}
		}()
	}
	wg.Wait()
}

// NoScratch is the scratch of a Rows loop that needs none.
func NoScratch() struct{} { return struct{}{} }

// Each calls fn(i) for every i in [0, n), handing the indices out in order
// to Workers(want, n) goroutines; it returns when all calls have returned.
// fn must write only memory of its own index, so the result does not depend
// on the number of workers.
func Each(want, n int, fn func(i int)) {
	workers := Workers(want, n)
	if workers < 2 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// Ticker returns a function to call once per unit of work done (from any
// goroutine); it reports to progress about every 1% of total. With progress
// nil it does nothing.
func Ticker(total int, progress func(done, total int)) func() {
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
