// Package parallel splits work over a book's clients into one contiguous
// part per CPU. The briefing's whole-book passes (decoding the summaries,
// valuing the clients for the tiers, finding the lapsed) each use it; they
// live in three packages, so the split lives here once.
package parallel

import (
	"runtime"
	"sync"
)

// Parts runs fn on contiguous parts [lo, hi) of [0, n), one part per CPU
// but none smaller than minPart (so a small book stays on one goroutine),
// and waits for them. fn's k is the part's number, from 0; Parts returns
// how many parts there were, so that results kept per part can be joined
// in order.
func Parts(n, minPart int, fn func(k, lo, hi int)) int {
	parts := Count(n, minPart)
	if parts == 1 {
		fn(0, 0, n)
		return 1
	}
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(k, k*n/parts, (k+1)*n/parts)
		}()
	}
	wg.Wait()
	return parts
}

// Count is how many parts Parts makes of n.
func Count(n, minPart int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/max(minPart, 1)))
}
