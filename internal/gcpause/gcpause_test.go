package gcpause

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestPauseNestsAndRestores: collection stays off while any pause holds,
// the soft limit guards meanwhile, and the settings from before come back
// when the last pause ends (a resume called twice counts once).
func TestPauseNestsAndRestores(t *testing.T) {
	prevPct := debug.SetGCPercent(150)
	prevLim := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(prevPct); debug.SetMemoryLimit(prevLim) })

	r1 := Pause()
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Fatalf("collection not paused: GC percent %d", p)
	}
	if l := debug.SetMemoryLimit(-1); l < Burst || l > Burst+heapInUse()+64<<20 {
		t.Fatalf("memory limit %d while paused, want the heap in use (%d) and %d more", l, heapInUse(), Burst)
	}
	r2 := Pause()
	r1()
	r1()
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Fatalf("the first resume ended the second pause: GC percent %d", p)
	}
	r2()
	if p := debug.SetGCPercent(150); p != 150 {
		t.Fatalf("GC percent %d after the last resume, want 150", p)
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Fatalf("memory limit %d after the last resume, want none", l)
	}
}

// TestPauseKeepsTheEnvironmentsLimit: a limit set by GOMEMLIMIT (or the
// program) is kept, not replaced by a burst above the heap.
func TestPauseKeepsTheEnvironmentsLimit(t *testing.T) {
	prevLim := debug.SetMemoryLimit(256 << 20)
	t.Cleanup(func() { debug.SetMemoryLimit(prevLim) })
	resume := Pause()
	if l := debug.SetMemoryLimit(-1); l != 256<<20 {
		t.Errorf("limit %d while paused, want the 256 MiB already set", l)
	}
	resume()
}
