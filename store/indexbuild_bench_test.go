package store_test

import (
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/store"
	bolt "go.etcd.io/bbolt"
)

// keptIndexBuckets are the buckets of the indexes the book keeps on write
// (search, value records, spend ranking, brief records): what a book
// written before them lacks.
var keptIndexBuckets = []string{"search", "searchrev", "value", "rank", "rankrev", "spendday", "brief"}

// BenchmarkIndexBuild100k measures the one-time build of the kept indexes
// at the first writable open of a 100k-client book written before them:
// the cached demo book is copied, its kept indexes dropped, and the copy
// opened for writing. It reports the CPU of the open (user + system), the
// peak Go heap in use while it ran (sampled every 20 ms) and the
// process's peak resident set (the book's mapped pages included).
func BenchmarkIndexBuild100k(b *testing.B) {
	if testing.Short() {
		b.Skip("100k book")
	}
	var cpu, heap float64
	for b.Loop() {
		b.StopTimer()
		path := demobench.Copy(b, benchClients)
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := db.Update(func(tx *bolt.Tx) error {
			for _, name := range keptIndexBuckets {
				if err := tx.DeleteBucket([]byte(name)); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		stop := heapPeak()
		c0 := cpuTime()
		b.StartTimer()
		book, err := store.Open(path, store.Options{Now: demobench.Now})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += (cpuTime() - c0).Seconds()
		heap = max(heap, float64(stop())/(1<<20))
		book.Close()
		b.StartTimer()
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
	b.ReportMetric(heap, "heap-peak-MiB")
	b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MiB")
}

// cpuTime is the process's user and system CPU so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// heapPeak samples the Go heap in use every 20 ms until stop is called,
// which returns the most seen.
func heapPeak() (stop func() uint64) {
	var mu sync.Mutex
	var most uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			mu.Lock()
			most = max(most, ms.HeapInuse)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return most
	}
}
