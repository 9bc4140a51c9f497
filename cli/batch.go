package cli

import (
	"math"
	"runtime"
	"runtime/debug"
)

// batchBurst is how far the heap may grow while a batch command has the
// collector paused, when the environment set no memory limit (GOMEMLIMIT).
const batchBurst = 1 << 30

// writeLimit is the soft memory limit of a batch write (a handover, an
// import), when the environment set none and the command expects to hold
// less than half of it.
const writeLimit = 300 << 20

// batchKind says how a batch command uses memory, for collectorForBatch.
type batchKind int

const (
	// batchRead is a command that reads a whole book at once and prints
	// what it found (report, tiers).
	batchRead batchKind = iota
	// batchWrite is a command that holds a whole history in memory for
	// one big transaction (handover export and import).
	batchWrite
)

// collectorForBatch is the one place vipbook turns the process-wide
// collector: for a command that reads or writes a whole book in one burst
// and then exits, never for the app. Collection resumes as it was when the
// returned resume is called.
//
// A read (batchRead) allocates its result at once (a 100k-client report:
// every summary, about 140 MB, all of it live until the command prints
// it), so a collection in the middle frees nothing yet costs its marking
// and the write barriers of every pointer stored meanwhile (`vipbook
// brief` at 100k, when it read every summary: 0.40 s with the default
// collector, 0.21 s without; since it reads the brief records kept for
// it, it runs with the default collector): collection is paused, and a soft memory limit (GOMEMLIMIT if set, else batchBurst
// above the heap in use) still makes the collector run should a book be
// far larger.
//
// A write (batchWrite) allocates far more than it keeps (a 10k-client
// handover: 1.2 GB): paused, it ran into the soft limit and took a third
// longer than with the default collector set lazier (GC percent 400), which
// it gets instead (BENCHMARKS.md, handover), under a soft memory limit
// (GOMEMLIMIT if set, else the limit passed, else writeLimit): a lazy
// collector alone let the process grow to 1.26 GB (issue 14 point 11: at
// most 400 MB; BENCHMARKS.md). The 10k demo book's import peaked at 393-431 MB because
// its live heap passed writeLimit while its notes were loaded (their
// search postings, 317 MiB live), so the collector ran without pause; it
// keeps under 260 MiB live since, and peaks near 330 MB (BENCHMARKS.md,
// "The 10k demo-book import, phase by phase"). Its first 256 MiB are the
// passphrase's key derivation (scrypt), freed before the first client.
//
// An import of a file (`vipbook import`) is a batch write too, with the
// soft limit it passes (limit; importLimit works it out from the file and
// the book): a fixed limit below the live heap makes the collector run
// without pause (a 30k-card file, 22.5 MB: 12.5-13.2 s CPU under 300 MiB
// against 5.3-5.6 s with the default collector), one far above it only
// lets the heap grow (c10k.vcf peaked at 290-300 MB under 300 MiB, at
// 214 MB under 1.4 times what it holds, for the same CPU: BENCHMARKS.md,
// "bbolt's PutSorted").
//
// Each was measured against its removal (BENCHMARKS.md, "The batch
// machinery, each against its removal"): the paused read saves 6-16% CPU
// at 100k; the write knob saves 18-20% CPU and 250 MB on export, and on
// the 10k import, whose memory exceeds writeLimit, it costs three times
// the CPU.
func collectorForBatch(kind batchKind, limit int64) (resume func()) {
	if kind == batchWrite {
		percent := debug.SetGCPercent(400)
		was := debug.SetMemoryLimit(-1) // reads it
		if was == math.MaxInt64 {
			if limit <= 0 {
				limit = writeLimit
			}
			debug.SetMemoryLimit(limit)
		}
		return func() {
			debug.SetMemoryLimit(was)
			debug.SetGCPercent(percent)
		}
	}
	percent := debug.SetGCPercent(-1)
	was := debug.SetMemoryLimit(-1) // reads it
	if was == math.MaxInt64 {
		debug.SetMemoryLimit(heapInUse() + batchBurst)
	}
	return func() {
		debug.SetMemoryLimit(was)
		debug.SetGCPercent(percent)
	}
}

// heapInUse is the memory the heap holds now, live or not yet collected
// (runtime.MemStats.HeapAlloc: runtime/metrics would give the same, but
// its package init costs every process, even --version, 0.2 ms).
func heapInUse() int64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
