package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// fillOf returns the share of the leaf pages of bucket name that its keys
// and values use.
func fillOf(t *testing.T, b *Book, name []byte) float64 {
	t.Helper()
	var f float64
	_ = b.db.View(func(tx *bolt.Tx) error {
		s := tx.Bucket(name).Stats()
		f = float64(s.LeafInuse) / float64(s.LeafAlloc)
		return nil
	})
	return f
}

// TestTimeIndexesFilled: notes logged one a transaction, each after the
// last, leave the note time index and the situation index with full
// pages (their keys only come at the end: bbolt's default split at half
// a page would leave each page half empty for good); a bulk load into an
// empty bucket fills its pages too. A note logged out of order (earlier
// than the last) still lands where it belongs.
func TestTimeIndexesFilled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.db")
	b, err := Init(path, Meta{Associate: "size"}, Options{Now: clock, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p := &profile.Profile{Name: "王小明"}
	if err := b.Update(func(tx *Tx) error { return tx.AddClient(p) }); err != nil {
		t.Fatal(err)
	}
	at := testNow.Add(-1000 * time.Hour)
	for i := range 500 {
		n := &notes.Note{ClientID: p.ID, Kind: notes.Situation, Text: fmt.Sprint("situation ", i), At: at.Add(time.Duration(i) * time.Minute)}
		if err := b.Update(func(tx *Tx) error { return tx.AddNote(n) }); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range [][]byte{bNoteTime, bSitTime} {
		if f := fillOf(t, b, name); f < 0.8 { // the last page partly filled
			t.Errorf("%s: pages %.0f%% full after notes logged in time order", name, 100*f)
		}
	}
	// Bulk: 3000 clients into the empty buckets of a new book.
	path2 := filepath.Join(t.TempDir(), "bulk.db")
	b2, err := Init(path2, Meta{Associate: "size"}, Options{Now: clock, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b2.Close()
	var ps []*profile.Profile
	for i := range 3000 {
		ps = append(ps, &profile.Profile{Name: fmt.Sprint("Client ", i), Phones: []profile.Phone{{Number: fmt.Sprintf("1380013%04d", i)}}})
	}
	if err := b2.Update(func(tx *Tx) error { return tx.AddClients(ps) }); err != nil {
		t.Fatal(err)
	}
	for _, name := range [][]byte{bSummaries, bPhones, bValue, bBrief} {
		if f := fillOf(t, b2, name); f < 0.9 {
			t.Errorf("%s: pages %.0f%% full after a bulk load into a new book", name, 100*f)
		}
	}
	// Out of order: found where it belongs.
	early := &notes.Note{ClientID: p.ID, Kind: notes.Situation, Text: "early", At: at.Add(-time.Hour)}
	if err := b.Update(func(tx *Tx) error { return tx.AddNote(early) }); err != nil {
		t.Fatal(err)
	}
	var first NoteRef
	_ = b.View(func(tx *Tx) error {
		if refs := tx.NoteRefsSince(at.Add(-2 * time.Hour)); len(refs) > 0 {
			first = refs[0]
		}
		return nil
	})
	if first.ID != early.ID {
		t.Fatalf("the earliest note's ref is %+v, want %s", first, early.ID)
	}
	b.Close()
	if rep, err := Check(path); err != nil || !rep.Sound() {
		t.Fatalf("check: %v %q", err, rep.Problems)
	}
}
