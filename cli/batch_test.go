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

	resume := collectorForBatch(batchRead)
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
	resume := collectorForBatch(batchRead)
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
	resume := collectorForBatch(batchWrite)
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
	resume = collectorForBatch(batchWrite)
	if l := debug.SetMemoryLimit(-1); l != 1<<30 {
		t.Errorf("memory limit %d during a write batch, want the 1 GiB already set", l)
	}
	resume()
}
