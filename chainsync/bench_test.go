package chainsync

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/store"
)

// benchBook writes a demo book of n clients (10 notes each on average,
// with their purchases, follow-ups and requests) and joins it to a fresh
// chain database.
func benchBook(b *testing.B, n int) (*testBook, *testChain) {
	b.Helper()
	c := newChain(b)
	pg, db := c.pg, c.db
	role := c.associate(b, fmt.Sprintf("bench%d", n), "Shanghai", false)
	path := filepath.Join(b.TempDir(), "book.db")
	now := func() time.Time { return day0 }
	if _, err := demo.WriteFile(path, demo.Options{Clients: n, Seed: 1, Today: civil.Of(day0), Loc: time.UTC}, now); err != nil {
		b.Fatal(err)
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

// BenchmarkFirstSync10k: the first sync of a 10,000-client book (every
// client with its notes, purchases, follow-ups and requests). Target ≤ 10 s.
func BenchmarkFirstSync10k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		tb, _ := benchBook(b, 10000)
		pending := 0
		tb.st.View(func(tx *store.Tx) error { pending = tx.Pending(); return nil })
		b.StartTimer()
		r, err := Sync(ctxT(b), tb.st, tb.pw, time.Now)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if r.Pending != 0 || r.Pushed != pending {
			b.Fatalf("pushed %d of %d, %d left", r.Pushed, pending, r.Pending)
		}
		b.ReportMetric(float64(pending), "changes")
		b.StartTimer()
	}
}

// BenchmarkIncrementalSync100: a sync that sends 100 new notes of a
// 10,000-client book already synced. Target ≤ 200 ms.
func BenchmarkIncrementalSync100(b *testing.B) {
	tb, _ := benchBook(b, 10000)
	if _, err := Sync(ctxT(b), tb.st, tb.pw, time.Now); err != nil {
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
		b.StartTimer()
		r, err := Sync(ctxT(b), tb.st, tb.pw, time.Now)
		if err != nil {
			b.Fatal(err)
		}
		if r.Pushed != 100 {
			b.Fatalf("pushed %d", r.Pushed)
		}
	}
}
