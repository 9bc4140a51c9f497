package store_test

import (
	"os"
	"testing"
	"time"

	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
)

const benchClients = 100_000

// BenchmarkListSummaries measures reading every client's summary from a
// 100k-client book (what the client list and the search load).
func BenchmarkListSummaries(b *testing.B) {
	path := demobench.Path(b, benchClients)
	book, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	b.ResetTimer()
	for b.Loop() {
		err := book.View(func(tx *store.Tx) error {
			sums, err := tx.Summaries()
			if len(sums) != benchClients {
				b.Fatalf("got %d summaries", len(sums))
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLogNote measures logging one note durably (fsync on commit) in a
// 100k-client book with a million notes, every kept index written with
// it: p50 and p99 of the wall time and the CPU per note.
func BenchmarkLogNote(b *testing.B) {
	path := demobench.Copy(b, benchClients)
	book, err := store.Open(path, store.Options{Now: demobench.Now})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	var id string
	_ = book.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		id = sums[len(sums)/2].ID
		return err
	})
	note := func() {
		err := book.Update(func(tx *store.Tx) error {
			return tx.AddNote(&notes.Note{ClientID: id, Kind: notes.Preference, Text: "likes jade bracelets", At: time.Now()})
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	note() // the day's first write moves the kept spend ranking to the day
	var lat demobench.Latency
	b.ResetTimer()
	for b.Loop() {
		lat.Time(note)
	}
	b.StopTimer()
	lat.Report(b)
}

// BenchmarkBookFileSize reports the size of the 100k-client demo book.
func BenchmarkBookFileSize(b *testing.B) {
	path := demobench.Path(b, benchClients)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
	}
	b.ReportMetric(float64(st.Size())/(1<<20), "MiB")
}

// BenchmarkOpen measures opening the 100k-client book for writing (what
// every command and the app do) and closing it again.
func BenchmarkOpen(b *testing.B) {
	path := demobench.Copy(b, benchClients)
	for _, ro := range []bool{false, true} {
		name := "writable"
		if ro {
			name = "readonly"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				book, err := store.Open(path, store.Options{ReadOnly: ro})
				if err != nil {
					b.Fatal(err)
				}
				book.Close()
			}
		})
	}
}

// BenchmarkSearchKept measures a search from the kept index on the
// 100k-client demo book, the book open: the lookups, the summaries of the
// clients found and their order (search.Found), without the tiers of the
// rows (which still read every client's value record).
func BenchmarkSearchKept(b *testing.B) {
	path := demobench.Path(b, benchClients)
	book, err := store.Open(path, store.Options{ReadOnly: true, Now: demobench.Now})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	for _, q := range []string{"王小", "wangx", "0013", "藏青", "size:shoes=40 likes:silk"} {
		b.Run(q, func(b *testing.B) {
			hits := 0
			for b.Loop() {
				err := book.View(func(tx *store.Tx) error {
					ids, _ := tx.SearchKept(q)
					sums, err := tx.SummariesOf(ids)
					hits = len(search.Found(sums, q, search.Options{Today: demobench.Today}))
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(hits), "hits")
		})
	}
}
