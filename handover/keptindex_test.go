package handover

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/store"
)

// TestImportKeepsEveryIndex: a bundle shaped like a real book (the demo
// book: notes, purchases, tasks, requests, appointments, every field the
// search index keeps), imported into a new book and into one that already
// has clients, leaves every kept index written and right: check finds the
// book sound with nothing missing (the import writes the search keys and
// the days of purchases at its end, in key order), and the kept index
// finds the clients, by name and by a word of their notes.
func TestImportKeepsEveryIndex(t *testing.T) {
	today := civil.MustParse("2026-11-24")
	now := func() time.Time { return today.In(time.Local).Add(9 * time.Hour) }
	src := filepath.Join(t.TempDir(), "demo.db")
	if _, err := demo.WriteFile(src, demo.Options{Clients: 120, Seed: 1, Today: today, Loc: time.Local}, now); err != nil {
		t.Fatal(err)
	}
	a, err := store.Open(src, store.Options{Now: now})
	must(t, err)
	defer a.Close()
	path := export(t, a, allIDs(t, a), ExportOptions{To: "Wang Fang"})
	var name, word string
	must(t, a.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		name = sums[7].Name
		ns, err := tx.Notes(sums[7].ID)
		if len(ns) > 0 {
			word = ns[0].Text
		}
		return err
	}))
	if word == "" {
		t.Fatal("the demo client has no note")
	}
	newBook := func() *store.Book {
		b, err := store.Init(filepath.Join(t.TempDir(), "book.db"), store.Meta{Associate: "Wang Fang"}, store.Options{Now: now})
		must(t, err)
		return b
	}
	existing, _, _ := receiver(t)
	for _, b := range []*store.Book{newBook(), existing} {
		f, err := os.Open(path)
		must(t, err)
		rep, err := ApplyFile(b, f, pass, ImportOptions{Despite: true}, false)
		f.Close()
		must(t, err)
		if rep.New < 110 || rep.Added.Notes < 500 || rep.Added.Purchases < 200 {
			t.Fatalf("imported %+v", rep)
		}
		must(t, b.View(func(tx *store.Tx) error {
			for _, q := range []string{name, word} {
				if ids, ok := tx.SearchKept(q); !ok || len(ids) == 0 {
					t.Errorf("the kept index finds nothing for %q after the import", q)
				}
			}
			return nil
		}))
		b.Close()
		chk, err := store.Check(b.Path())
		if err != nil || !chk.Sound() || len(chk.Notices) > 0 {
			t.Fatalf("check after the import: %v, %v (notices %v)", chk.Problems, err, chk.Notices)
		}
	}
}
