package store

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// checkSituationsKept fails unless the kept index of the situation notes
// gives the situations among every note of the time index, in order.
func checkSituationsKept(t fataler, b *Book, step string) {
	if err := b.View(func(tx *Tx) error {
		kept, ok := tx.SituationRefsSince(time.Time{})
		if !ok {
			t.Fatalf("%s: no index of the situation notes", step)
		}
		var want []NoteRef
		for _, r := range tx.NoteRefsSince(time.Time{}) {
			n, err := tx.Note(r.ID)
			if err != nil {
				return err
			}
			if n.Kind == notes.Situation {
				want = append(want, r)
			}
		}
		if !slices.EqualFunc(kept, want, func(a, b NoteRef) bool { return a.At.Equal(b.At) && a.ID == b.ID && a.ClientID == b.ClientID }) {
			t.Fatalf("%s: situations indexed %v, want %v", step, kept, want)
		}
		return nil
	}); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// TestCheckFindsSituationDamage: the index of the situation notes follows
// notes added singly and imported, moved by a merge, deleted and erased
// with their client; an entry lost, one of a note that is no situation
// and a stray one are each reported by check, and check --repair
// (RepairIndexes) mends them. A book without the index (written before it
// came) is read the other way while read-only and gets it at its first
// writable open.
func TestCheckFindsSituationDamage(t *testing.T) {
	b, path := newBook(t)
	var a, c *profile.Profile
	var gone notes.Note
	at := func(h int) time.Time { return testNow.Add(time.Duration(h) * time.Hour) }
	if err := b.Update(func(tx *Tx) error {
		a, c = &profile.Profile{Name: "王小明"}, &profile.Profile{Name: "李娜"}
		for _, p := range []*profile.Profile{a, c} {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		for i, k := range []notes.Kind{notes.Situation, notes.General, notes.Situation} {
			n := &notes.Note{ClientID: a.ID, Kind: k, Text: "new baby", At: at(-i)}
			if err := tx.AddNote(n); err != nil {
				return err
			}
			gone = *n
		}
		_, err := tx.ImportNotes([]notes.Note{{ClientID: c.ID, Kind: notes.Situation, Text: "moving", At: at(-5)},
			{ClientID: c.ID, Kind: notes.Call, Text: "called", At: at(-6)}})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	checkSituationsKept(t, b, "added")
	if err := b.Update(func(tx *Tx) error { _, err := tx.DeleteNote(gone.ID); return err }); err != nil {
		t.Fatal(err)
	}
	checkSituationsKept(t, b, "deleted")
	b.Close()
	damageFoundAndRepaired(t, path, bSitTime, "sittime:",
		func(bk *bolt.Bucket) error {
			k, _ := bk.Cursor().First()
			return bk.Delete(k)
		},
		func(bk *bolt.Bucket) error { return bk.Put(noteTimeKey(gone.At, gone.ID), []byte(a.ID)) },
		func(bk *bolt.Bucket) error { return bk.Put(noteTimeKey(at(-9), "nonote"), []byte(c.ID)) },
	)
	b, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(tx *Tx) error {
		keep, err := tx.Client(c.ID)
		if err != nil {
			return err
		}
		_, err = tx.MergeClients(keep, a.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	checkSituationsKept(t, b, "merged")
	b = withoutIndex(t, b, bSitTime, func(tx *Tx) string {
		if _, ok := tx.SituationRefsSince(time.Time{}); ok {
			return "a book without the index gave situations from it"
		}
		return ""
	})
	defer b.Close()
	checkSituationsKept(t, b, "built at the first writable open")
}

// damageFoundAndRepaired applies each damage in turn to bucket of the
// closed book at path, behind the store's back; check must report a
// problem starting with prefix, and check --repair (RepairIndexes) must
// leave the book sound.
func damageFoundAndRepaired(t *testing.T, path string, bucket []byte, prefix string, damages ...func(bk *bolt.Bucket) error) {
	t.Helper()
	damageSeenFoundAndRepaired(t, path, bucket, prefix, nil, damages...)
}

// damageSeenFoundAndRepaired is damageFoundAndRepaired that also calls
// seen, when not nil, with the damaged book still open, before check
// (what a reader says of damage i).
func damageSeenFoundAndRepaired(t *testing.T, path string, bucket []byte, prefix string, seen func(i int, b *Book), damages ...func(bk *bolt.Bucket) error) {
	t.Helper()
	for i, damage := range damages {
		b, err := Open(path, Options{Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.db.Update(func(tx *bolt.Tx) error { return damage(tx.Bucket(bucket)) }); err != nil {
			t.Fatal(err)
		}
		if seen != nil {
			seen(i, b)
		}
		b.Close()
		rep, err := Check(path)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Sound() || !slices.ContainsFunc(rep.Problems, func(p string) bool { return strings.HasPrefix(p, prefix) }) {
			t.Fatalf("damage %d: check found the damaged %s sound: %q", i, bucket, rep.Problems)
		}
		if err := RepairIndexes(path); err != nil {
			t.Fatal(err)
		}
		if rep, err := Check(path); err != nil || !rep.Sound() {
			t.Fatalf("damage %d: after RepairIndexes: %v %v", i, err, rep.Problems)
		}
	}
}

// withoutIndex drops bucket (a kept index) from the open book b and closes
// it, as a book written before the index came; in a read-only open, wrong
// (when it says something) must not see an answer taken from the missing
// index; the book is then opened writable (which builds the index again)
// and returned.
func withoutIndex(t *testing.T, b *Book, bucket []byte, wrong func(tx *Tx) string) *Book {
	t.Helper()
	path := b.Path()
	if err := b.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucket) }); err != nil {
		t.Fatal(err)
	}
	b.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.View(func(tx *Tx) error {
		if w := wrong(tx); w != "" {
			t.Error(w)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ro.Close()
	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	return b
}
