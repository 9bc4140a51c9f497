package demobench

import (
	"slices"
	"syscall"
	"testing"
	"time"
)

// Latency collects the wall time and the process's CPU time of each
// operation of a benchmark, for its p50 and p99 and the CPU per op: on a
// loaded machine the wall times are the load's, the CPU what the
// operation itself cost.
type Latency struct {
	wall []time.Duration
	cpu  time.Duration
}

// Time runs op and records what it took.
func (l *Latency) Time(op func()) {
	c0, t0 := cpuTime(), time.Now()
	op()
	l.wall = append(l.wall, time.Since(t0))
	l.cpu += cpuTime() - c0
}

// Report reports the p50 and p99 of the wall times (ms-p50, ms-p99) and
// the mean CPU time per op (cpu-ms/op).
func (l *Latency) Report(b *testing.B) {
	if len(l.wall) == 0 {
		return
	}
	ws := slices.Sorted(slices.Values(l.wall))
	at := func(q int) float64 { return float64(ws[min(len(ws)-1, len(ws)*q/100)].Microseconds()) / 1000 }
	b.ReportMetric(at(50), "ms-p50")
	b.ReportMetric(at(99), "ms-p99")
	b.ReportMetric(float64(l.cpu.Microseconds())/1000/float64(len(ws)), "cpu-ms/op")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
