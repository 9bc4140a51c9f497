package store

import (
	"errors"
	"fmt"
	"testing"

	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
	"pgregory.net/rapid"
)

// searchRowFields is what a search reads of a summary (SearchRows).
func searchRowFields(s *profile.Summary) string {
	dates := make([]string, len(s.Dates))
	for i, d := range s.Dates {
		dates[i] = fmt.Sprintf("%s/%s/%v/%v/%v/%d", d.Kind, d.Label, d.When, d.Lunar, d.LeapMonth, d.LeadDays)
	}
	return fmt.Sprintf("%s|%s|%s|%s|%q|%q|%s|%s|%d|%v|%v|%v|%v|%q|%q|%q|%q|%q|%s|%q|%s", s.ID, s.Name, s.LatinName, s.SearchKeys,
		s.Phones, s.Tags, s.City, s.Tier, s.Status, s.DoNotContact, s.Special, s.Spends, s.VisitDays, dates,
		s.Sizes, s.Likes, s.Dislikes, s.Cards, s.Occupation, s.Family, s.Store)
}

// checkSearchRowsKept fails unless every client's search row is the one
// its summary gives and SearchRows reads from it what the whole summary
// says (checkKeptPerClient).
func checkSearchRowsKept(t fataler, b *Book, step string) {
	checkKeptPerClient(t, b, step, bSearchRow, "search row", encodeSearchRow, (*Tx).SearchRows, searchRowFields)
}

// checkKeptPerClient fails unless every client's record in the kept
// bucket name (what, in a failure) is the one its summary gives (encode)
// and read reads from it what the whole summary says (fields of the two
// alike), in the order asked, leaving out ids of no client.
func checkKeptPerClient(t fataler, b *Book, step string, name []byte, what string, encode func(*profile.Summary) []byte,
	read func(tx *Tx, ids []string) ([]profile.Summary, bool, error), fields func(*profile.Summary) string) {
	if err := b.View(func(tx *Tx) error {
		whole, err := tx.Summaries()
		if err != nil {
			return err
		}
		ids := []string{"nobody"}
		for i := len(whole) - 1; i >= 0; i-- {
			ids = append(ids, whole[i].ID)
		}
		got, ok, err := read(tx, ids)
		if err != nil || !ok {
			return fmt.Errorf("reading each %s: ok %v, %v", what, ok, err)
		}
		if len(got) != len(whole) {
			return fmt.Errorf("%d of %s for %d clients", len(got), what, len(whole))
		}
		for i := range got {
			w := &whole[len(whole)-1-i]
			if g, w := fields(&got[i]), fields(w); g != w {
				return fmt.Errorf("client %d, %s:\n got %s\nwant %s", i, what, g, w)
			}
			if raw := tx.bucket(name).Get([]byte(w.ID)); string(raw) != string(encode(w)) {
				return fmt.Errorf("the %s of %s is not its summary's", what, w.ID)
			}
		}
		if n := tx.bucket(name).Stats().KeyN; n != len(whole) {
			return fmt.Errorf("%d of %s kept for %d clients", n, what, len(whole))
		}
		return nil
	}); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// keptEqualsSummaries runs random writes (clients added one by one and in
// bulk, changed both ways, purchases, visits, notes, erased, merged) on
// a real book file, check after each, then asks check whether the book is
// sound.
func keptEqualsSummaries(t *testing.T, check func(t fataler, b *Book, step string)) {
	rapid.Check(t, func(rt *rapid.T) {
		w := newRandomWrites(t, rt)
		w.run(14, func(step string) { check(rt, w.b, step) })
		w.b.Close()
		rep, err := Check(w.path)
		if err != nil || !rep.Sound() {
			rt.Fatalf("check: %v %v", err, rep.Problems)
		}
	})
}

// TestKeptSearchRowsEqualSummaries: after any sequence of writes, every
// client's search row is the one its summary gives, SearchRows reads what
// the whole summary says, and check finds the book sound
// (keptEqualsSummaries).
func TestKeptSearchRowsEqualSummaries(t *testing.T) {
	keptEqualsSummaries(t, checkSearchRowsKept)
}

// TestCheckFindsSearchRowDamage: a search row that is not its summary's
// (changed behind the store's back), one missing and one of no client are
// each reported by check; check --repair (RepairIndexes) writes them
// again. A missing row is damage to SearchRows, not a client left out. A
// book without the rows (written before they came) reads summaries until
// its first writable open builds them.
func TestCheckFindsSearchRowDamage(t *testing.T) {
	b, path := newBook(t)
	var a, c *profile.Profile
	if err := b.Update(func(tx *Tx) error {
		a, c = &profile.Profile{Name: "王小明", Occupation: "律师"}, &profile.Profile{Name: "李娜"}
		if err := tx.AddClient(a); err != nil {
			return err
		}
		return tx.AddClient(c)
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	damageSeenFoundAndRepaired(t, path, bSearchRow, "search row:", func(i int, b *Book) {
		if i == 1 || i == 3 {
			if err := b.View(func(tx *Tx) error {
				_, _, err := tx.SearchRows([]string{a.ID, c.ID})
				return err
			}); !errors.Is(err, ErrDamaged) {
				t.Errorf("damage %d: SearchRows says %v, want damage", i, err)
			}
		}
	},
		func(bk *bolt.Bucket) error {
			s := profile.Summary{ID: a.ID, Name: "王小明", Occupation: "医生"}
			return bk.Put([]byte(a.ID), encodeSearchRow(&s))
		},
		func(bk *bolt.Bucket) error { return bk.Delete([]byte(c.ID)) },
		func(bk *bolt.Bucket) error { return bk.Put([]byte("nobody"), []byte{searchRowVersion}) },
		func(bk *bolt.Bucket) error { return bk.Put([]byte(a.ID), []byte{searchRowVersion, 9}) },
	)
	b, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	b = withoutIndex(t, b, bSearchRow, func(tx *Tx) string {
		if _, ok, err := tx.SearchRows([]string{a.ID}); ok || err != nil {
			return fmt.Sprintf("SearchRows of a book without search rows: ok %v, %v (want false: read SummariesOf)", ok, err)
		}
		return ""
	})
	checkSearchRowsKept(t, b, "first writable open")
	b.Close()
}
