package chainsync

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/store"
)

// benchBook writes a demo book of n clients (10 notes each on average,
// with their purchases, follow-ups and requests) and joins it to a fresh
// chain database. CHAINSYNC_BENCH_BOOK names a book to copy instead
// (such as a copy of the cached 10k demo book).
func benchBook(b *testing.B, n int) (*testBook, *testChain) {
	b.Helper()
	c := newChain(b)
	pg, db := c.pg, c.db
	role := c.associate(b, fmt.Sprintf("bench%d", n), "Shanghai", false)
	path := filepath.Join(b.TempDir(), "book.db")
	if src := os.Getenv("CHAINSYNC_BENCH_BOOK"); src != "" {
		// A book already written (e.g. a copy of the cached 10k demo
		// book): the benchmark copies it and spares the minutes of
		// generating one on a shared machine.
		copyFile(b, src, path)
	} else {
		now := func() time.Time { return day0 }
		if _, err := demo.WriteFile(path, demo.Options{Clients: n, Seed: 1, Today: civil.Of(day0), Loc: time.UTC}, now); err != nil {
			b.Fatal(err)
		}
	}
	st, err := store.Open(path, store.Options{Now: time.Now})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	tb := &testBook{st: st, path: path, role: role, pw: Password{Text: fmt.Sprintf("pw-bench%d", n)}, now: day0}
	if _, err := Join(ctxT(b), st, pg.DSN(db, role, ""), tb.pw, "Shanghai", ""); err != nil {
		b.Fatal(err)
	}
	return tb, c
}

// copyFile copies the book at src to dst.
func copyFile(b *testing.B, src, dst string) {
	b.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o600); err != nil {
		b.Fatal(err)
	}
}

// cpuMeter reports, per operation, the processor time of this process
// (the book's side) and of the test's PostgreSQL (the server's side),
// user and system: on a machine shared with other work the wall time
// says little, these say what the sync itself costs.
type cpuMeter struct {
	c            *testChain
	self, server time.Duration
}

func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (m *cpuMeter) start() { m.self, m.server = m.self-selfCPU(), m.server-m.c.pg.CPU() }
func (m *cpuMeter) stop()  { m.self, m.server = m.self+selfCPU(), m.server+m.c.pg.CPU() }

func (m *cpuMeter) report(b *testing.B) {
	b.ReportMetric(m.self.Seconds()/float64(b.N), "book-cpu-s/op")
	b.ReportMetric(m.server.Seconds()/float64(b.N), "server-cpu-s/op")
}

// BenchmarkFirstSync10k: the first sync of a 10,000-client book (every
// client with its notes, purchases, follow-ups and requests). Target ≤ 10 s.
func BenchmarkFirstSync10k(b *testing.B) {
	var m cpuMeter
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		tb, c := benchBook(b, 10000)
		m.c = c
		pending := 0
		tb.st.View(func(tx *store.Tx) error { pending = tx.Pending(); return nil })
		m.start()
		b.StartTimer()
		r, err := Sync(ctxT(b), tb.st, tb.pw, time.Now, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		m.stop()
		if r.Pending != 0 || r.Pushed != pending {
			b.Fatalf("pushed %d of %d, %d left", r.Pushed, pending, r.Pending)
		}
		b.ReportMetric(float64(pending), "changes")
		b.StartTimer()
	}
	m.report(b)
}

// BenchmarkIncrementalSync100: a sync that sends 100 new notes of a
// 10,000-client book already synced. Target ≤ 200 ms.
func BenchmarkIncrementalSync100(b *testing.B) {
	tb, c := benchBook(b, 10000)
	m := cpuMeter{c: c}
	if _, err := Sync(ctxT(b), tb.st, tb.pw, time.Now, nil); err != nil {
		b.Fatal(err)
	}
	var ids []string
	tb.st.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		for _, s := range sums[:100] {
			ids = append(ids, s.ID)
		}
		return err
	})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := tb.st.Update(func(tx *store.Tx) error {
			for k, id := range ids {
				if err := tx.AddNote(&notes.Note{ClientID: id, Kind: notes.Call, Text: fmt.Sprintf("call %d/%d", i, k)}); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		m.start()
		b.StartTimer()
		r, err := Sync(ctxT(b), tb.st, tb.pw, time.Now, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		m.stop()
		if r.Pushed != 100 {
			b.Fatalf("pushed %d", r.Pushed)
		}
		b.StartTimer()
	}
	m.report(b)
}
