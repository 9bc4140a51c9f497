package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestCollectorForBatchRead: collection stays off until resume, a soft
// limit guards meanwhile, and the settings from before come back.
func TestCollectorForBatchRead(t *testing.T) {
	prevPct := debug.SetGCPercent(150)
	prevLim := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(prevPct); debug.SetMemoryLimit(prevLim) })

	resume := collectorForBatch(batchRead, 0)
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Fatalf("collection not paused: GC percent %d", p)
	}
	if l := debug.SetMemoryLimit(-1); l < batchBurst || l > batchBurst+heapInUse()+64<<20 {
		t.Fatalf("memory limit %d while paused, want the heap in use (%d) and %d more", l, heapInUse(), batchBurst)
	}
	resume()
	if p := debug.SetGCPercent(150); p != 150 {
		t.Fatalf("GC percent %d after resume, want 150", p)
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Fatalf("memory limit %d after resume, want none", l)
	}
}

// TestCollectorForBatchReadKeepsTheEnvironmentsLimit: a limit set by
// GOMEMLIMIT (or the program) is kept, not replaced by a burst above the
// heap.
func TestCollectorForBatchReadKeepsTheEnvironmentsLimit(t *testing.T) {
	prevLim := debug.SetMemoryLimit(256 << 20)
	t.Cleanup(func() { debug.SetMemoryLimit(prevLim) })
	resume := collectorForBatch(batchRead, 0)
	if l := debug.SetMemoryLimit(-1); l != 256<<20 {
		t.Errorf("limit %d while paused, want the 256 MiB already set", l)
	}
	resume()
}

// TestCollectorForBatchWrite: a write batch runs with GC percent 400
// under the soft memory limit writeLimit (issue 14 point 11); the percent
// and the limit from before come back, and a limit the environment set
// (GOMEMLIMIT) is kept.
func TestCollectorForBatchWrite(t *testing.T) {
	prevPct := debug.SetGCPercent(150)
	prevLim := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(prevPct); debug.SetMemoryLimit(prevLim) })
	resume := collectorForBatch(batchWrite, 0)
	if p := debug.SetGCPercent(-1); p != 400 {
		t.Fatalf("GC percent %d during a write batch, want 400", p)
	}
	debug.SetGCPercent(400)
	if l := debug.SetMemoryLimit(-1); l != writeLimit {
		t.Fatalf("memory limit %d during a write batch, want %d", l, writeLimit)
	}
	resume()
	if p := debug.SetGCPercent(150); p != 150 {
		t.Fatalf("GC percent %d after resume, want 150", p)
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Fatalf("memory limit %d after resume, want none", l)
	}
	debug.SetMemoryLimit(1 << 30)
	resume = collectorForBatch(batchWrite, 0)
	if l := debug.SetMemoryLimit(-1); l != 1<<30 {
		t.Errorf("memory limit %d during a write batch, want the 1 GiB already set", l)
	}
	resume()
}

// TestCollectorForBatchWriteGrowsWithWhatItHolds: a write that expects to
// hold more than half of writeLimit (a large import) gets twice what it
// expects as its soft limit, so the collector does not run without pause
// below its live heap (a 30k-card import took 2.5 times the CPU under a
// fixed 300 MiB); one that expects less keeps writeLimit.
func TestCollectorForBatchWriteGrowsWithWhatItHolds(t *testing.T) {
	prevPct := debug.SetGCPercent(100)
	prevLim := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(prevPct); debug.SetMemoryLimit(prevLim) })
	for _, c := range []struct{ expect, want int64 }{
		{0, writeLimit},
		{writeLimit / 2, writeLimit},
		{450 << 20, 900 << 20},
	} {
		resume := collectorForBatch(batchWrite, c.expect)
		if l := debug.SetMemoryLimit(-1); l != c.want {
			t.Errorf("expecting %d MiB: limit %d MiB, want %d MiB", c.expect>>20, l>>20, c.want>>20)
		}
		resume()
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Fatalf("memory limit %d after resume, want none", l)
	}
}

// TestImportHoldsEstimate: what an import expects to hold grows with its
// file (the soft limit must not sit below the live heap of a big import).
func TestImportHoldsEstimate(t *testing.T) {
	if got := importHolds(22_525_773); got < 400<<20 {
		t.Errorf("a 22.5 MB file (30k vCards, 440 MB live) is expected to hold %d MiB", got>>20)
	}
	if got := importHolds(0); got != 0 {
		t.Errorf("an empty file is expected to hold %d", got)
	}
}
