package store

import (
	"sync/atomic"
	"testing"
)

// TestPartsCoverOnce: every index is in exactly one part, the parts are
// numbered from 0 and in order, and a small n stays in one part.
func TestPartsCoverOnce(t *testing.T) {
	for _, c := range []struct{ n, min int }{{0, 10}, {5, 10}, {100, 10}, {1001, 7}, {50_000, 16 << 10}} {
		seen := make([]int32, c.n)
		var calls atomic.Int32
		los := map[int]int{}
		var his = map[int]int{}
		var mu = make(chan struct{}, 1)
		got := parts(c.n, c.min, func(k, lo, hi int) {
			calls.Add(1)
			mu <- struct{}{}
			los[k], his[k] = lo, hi
			<-mu
			for i := lo; i < hi; i++ {
				atomic.AddInt32(&seen[i], 1)
			}
		})
		if int(calls.Load()) != got || got != partCount(c.n, c.min) {
			t.Errorf("n=%d: %d calls, %d parts, partCount %d", c.n, calls.Load(), got, partCount(c.n, c.min))
		}
		for i, v := range seen {
			if v != 1 {
				t.Fatalf("n=%d: index %d seen %d times", c.n, i, v)
			}
		}
		for k := 1; k < got; k++ {
			if los[k] != his[k-1] {
				t.Errorf("n=%d: part %d starts at %d, part %d ended at %d", c.n, k, los[k], k-1, his[k-1])
			}
		}
		if c.n < c.min && got != 1 {
			t.Errorf("n=%d below the minimum part %d split in %d", c.n, c.min, got)
		}
	}
}
