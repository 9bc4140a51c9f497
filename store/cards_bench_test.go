package store_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// benchCardClients is how many clients, each with a membership card, the
// card lookup benchmark's book holds (the demo books hold no card).
const benchCardClients = 50_000

// cardBook writes a book of n clients into tb's temporary directory, each
// with a phone and a membership card numbered VIP-NNNNNNNN, and returns
// its path.
func cardBook(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "book.db")
	book, err := store.Init(path, store.Meta{Associate: "李娜"}, store.Options{Now: demobench.Now, NoSync: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer book.Close()
	const batch = 5_000
	for start := 0; start < n; start += batch {
		var ps []*profile.Profile
		for i := start; i < min(n, start+batch); i++ {
			ps = append(ps, &profile.Profile{Name: fmt.Sprintf("Client %d", i),
				Phones: []profile.Phone{{Number: fmt.Sprintf("+86 139 %08d", i)}},
				Cards:  []profile.Card{{Program: "Maison", Number: fmt.Sprintf("VIP-%08d", i*7919%100_000_000)}}})
		}
		if err := book.Update(func(tx *store.Tx) error { return tx.AddClients(ps) }); err != nil {
			tb.Fatal(err)
		}
	}
	return path
}

// BenchmarkCardLookup measures what the kept index reads to find clients
// by part of a membership card's number in a 50k-client book where each
// client holds a card: a number typed as text (what the app's / asks on
// each keystroke holding a digit) and a card: filter, read-only as vipbook
// search opens the book.
func BenchmarkCardLookup(b *testing.B) {
	path := cardBook(b, benchCardClients)
	book, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	for _, q := range []string{"3", "31676", "VIP 0003167", "card:0316", "card:00031676 client"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				err := book.View(func(tx *store.Tx) error {
					if _, ok := tx.SearchKept(q); !ok {
						b.Fatalf("%q: the kept index cannot look it up", q)
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
