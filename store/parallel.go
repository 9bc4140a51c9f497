package store

// Decoding every summary of a large book is split into one contiguous part
// per CPU (decodeSummaries): the only parallel work of a whole-book read,
// kept inside the store that owns the bytes.

import (
	"runtime"
	"sync"
)

// parts runs fn on contiguous parts [lo, hi) of [0, n), one part per CPU
// but none smaller than minPart (so a small book stays on one goroutine),
// and waits for them. fn's k is the part's number, from 0; parts returns
// how many parts there were, so that results kept per part can be joined
// in order.
func parts(n, minPart int, fn func(k, lo, hi int)) int {
	count := partCount(n, minPart)
	if count == 1 {
		fn(0, 0, n)
		return 1
	}
	var wg sync.WaitGroup
	for k := range count {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(k, k*n/count, (k+1)*n/count)
		}()
	}
	wg.Wait()
	return count
}

// partCount is how many parts parts makes of n.
func partCount(n, minPart int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/max(minPart, 1)))
}
