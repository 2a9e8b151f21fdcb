package parallel

import (
	"runtime"
	"sync"
	"testing"
)

func TestWorkers(t *testing.T) {
	procs := min(runtime.GOMAXPROCS(0), 2)
	tests := []struct {
		name        string
		want, items int
		out         int
	}{
		{"explicit", 3, 10, 3},
		{"capped by items", 8, 2, 2},
		{"default", 0, 100, procs},
		{"no items", 0, 0, 1},
	}
	for _, tt := range tests {
		if got := Workers(tt.want, tt.items); got != tt.out {
			t.Errorf("%s: Workers(%d, %d) = %d, want %d", tt.name, tt.want, tt.items, got, tt.out)
		}
	}
}

// TestRowsCoversEachRowOnce runs Rows over sizes below and above the
// parallel threshold and checks every row is visited exactly once.
func TestRowsCoversEachRowOnce(t *testing.T) {
	for _, n := range []int{0, 1, 4*Chunk - 1, 4*Chunk + 7, 10 * Chunk} {
		for _, want := range []int{0, 1, 2, 3} {
			seen := make([]int, n)
			var mu sync.Mutex
			scratches := 0
			Rows(want, n, func() []int {
				mu.Lock()
				scratches++
				mu.Unlock()
				return make([]int, 1)
			}, func(sc []int, lo, hi int) {
				for i := lo; i < hi; i++ {
					seen[i]++
				}
			})
			for i, c := range seen {
				if c != 1 {
					t.Fatalf("Rows(%d, %d): row %d visited %d times, want 1", want, n, i, c)
				}
			}
			if scratches < 1 || scratches > max(want, 2) {
				t.Errorf("Rows(%d, %d): %d scratches", want, n, scratches)
			}
		}
	}
}

func TestEachCoversEachIndexOnce(t *testing.T) {
	for _, want := range []int{0, 1, 2, 4} {
		seen := make([]int, 1000)
		Each(want, len(seen), func(i int) { seen[i]++ })
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("Each(%d): index %d visited %d times, want 1", want, i, c)
			}
		}
	}
}

func TestTicker(t *testing.T) {
	var calls [][2]int
	tick := Ticker(250, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	for i := 0; i < 250; i++ {
		tick()
	}
	// Every 2 (250/100) and the last: 125 reports, the last (250, 250).
	if len(calls) != 125 || calls[len(calls)-1] != [2]int{250, 250} {
		t.Errorf("Ticker(250) reported %d times, last %v; want 125, [250 250]", len(calls), calls[len(calls)-1])
	}
	Ticker(10, nil)() // no progress: a no-op
}

// TestRowsOfSmallChunks checks RowsOf with a chunk that does not divide n.
func TestRowsOfSmallChunks(t *testing.T) {
	for _, n := range []int{0, 5, 11, 12, 1001} {
		seen := make([]int, n)
		var mu sync.Mutex
		RowsOf(2, n, 3, NoScratch, func(_ struct{}, lo, hi int) {
			if hi-lo > 3 && n >= 12 {
				t.Errorf("RowsOf(n=%d, chunk 3): chunk [%d, %d) longer than 3", n, lo, hi)
			}
			mu.Lock()
			for i := lo; i < hi; i++ {
				seen[i]++
			}
			mu.Unlock()
		})
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("RowsOf(n=%d): row %d visited %d times, want 1", n, i, c)
			}
		}
	}
}
