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
	if err := b.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bSitTime) }); err != nil {
		t.Fatal(err)
	}
	b.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.View(func(tx *Tx) error {
		if _, ok := tx.SituationRefsSince(time.Time{}); ok {
			t.Error("a book without the index gave situations from it")
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
	defer b.Close()
	checkSituationsKept(t, b, "built at the first writable open")
}

// damageFoundAndRepaired applies each damage in turn to bucket of the
// closed book at path, behind the store's back; check must report a
// problem starting with prefix, and check --repair (RepairIndexes) must
// leave the book sound.
func damageFoundAndRepaired(t *testing.T, path string, bucket []byte, prefix string, damages ...func(bk *bolt.Bucket) error) {
	t.Helper()
	for i, damage := range damages {
		b, err := Open(path, Options{Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.db.Update(func(tx *bolt.Tx) error { return damage(tx.Bucket(bucket)) }); err != nil {
			t.Fatal(err)
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
