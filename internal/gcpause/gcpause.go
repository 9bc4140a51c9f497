// Package gcpause defers garbage collection while vipbook reads a whole
// book at once (the briefing, the report, the tiers). Such a read
// allocates its result in one burst (a 100k-client book: about 180 MB, all
// of it live until the read ends); collecting during the burst finds
// nothing to free, yet costs the marking and the write barriers of every
// pointer stored meanwhile, which doubled the time of `vipbook brief`.
// With collection paused, a soft memory limit (GOMEMLIMIT if set, else
// Burst above the heap in use) still makes the collector run should a
// book be far larger.
//
// It is its own package because the command line and the terminal UI both
// use it and neither domain package should touch the runtime's settings.
package gcpause

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Burst is how far the heap may grow while collection is paused, when the
// environment set no memory limit.
const Burst = 1 << 30

var (
	mu      sync.Mutex
	holders int
	percent int
	limit   int64
)

// Pause stops garbage collection until the returned resume is called.
// Pauses may overlap (a refresh while the first read runs): collection
// resumes, with the settings from before the first, when the last one ends.
func Pause() (resume func()) {
	mu.Lock()
	defer mu.Unlock()
	if holders == 0 {
		percent = debug.SetGCPercent(-1)
		limit = debug.SetMemoryLimit(-1) // reads it
		if limit == math.MaxInt64 {
			debug.SetMemoryLimit(heapInUse() + Burst)
		}
	}
	holders++
	var once sync.Once
	return func() { once.Do(release) }
}

func release() {
	mu.Lock()
	defer mu.Unlock()
	holders--
	if holders == 0 {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}
}

// heapInUse is the memory the heap holds now, live or not yet collected.
func heapInUse() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}
