package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// TestDeleteNoteRefusesOnDamagedPurchase: a note's removal works out the
// client's last contact again from the other notes and the purchases; a
// damaged purchase (its seal no longer matching) is damage the removal
// reports, as a damaged note is, not a purchase silently left out of the
// last contact written to the summary.
func TestDeleteNoteRefusesOnDamagedPurchase(t *testing.T) {
	b, _ := newBook(t)
	today := civil.Of(testNow)
	c := &profile.Profile{Name: "王小明"}
	old := &profile.Purchase{Date: today.AddDays(-30), Amount: 100, Items: "DAMAGEME scarf"}
	newer := &profile.Purchase{Date: today.AddDays(-10), Amount: 200, Items: "loafers"}
	n := &notes.Note{Kind: notes.Call, Text: "called about the fitting", At: testNow.Add(-time.Hour)}
	if err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(c); err != nil {
			return err
		}
		for _, p := range []*profile.Purchase{old, newer} {
			p.ClientID = c.ID
			if err := tx.AddPurchase(p); err != nil {
				return err
			}
		}
		n.ClientID = c.ID
		return tx.AddNote(n)
	}); err != nil {
		t.Fatal(err)
	}
	// The older purchase damaged: one letter of it changed, its seal kept.
	if err := b.db.Update(func(tx *bolt.Tx) error {
		key := tx.Bucket(bPurchaseIDs).Get([]byte(old.ID))
		v := bytes.Clone(tx.Bucket(bPurchases).Get(key))
		i := bytes.Index(v, []byte("DAMAGEME"))
		if i < 0 {
			t.Fatal("the purchase's items are not in its record")
		}
		v[i] = 'X'
		return tx.Bucket(bPurchases).Put(key, v)
	}); err != nil {
		t.Fatal(err)
	}
	err := b.Update(func(tx *Tx) error { _, err := tx.DeleteNote(n.ID); return err })
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("DeleteNote beside a damaged purchase: %v, want damage", err)
	}
	if err := b.View(func(tx *Tx) error {
		s, err := tx.Summary(c.ID)
		if err != nil {
			return err
		}
		if s.LastContact != today {
			t.Errorf("last contact %v after a refused removal, want %v", s.LastContact, today)
		}
		_, err = tx.Note(n.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

// TestDeleteNoteTextLeavesChangeLog: a note logged on the wrong client
// and removed in a book of a chain leaves no copy of its text in the
// change log the next sync sends: neither the unsent change that added
// it nor the removal carries it; the removal is logged, with the note's id.
func TestDeleteNoteTextLeavesChangeLog(t *testing.T) {
	n := &notes.Note{Kind: notes.Call, Text: "her sister's hospital stay, meant for 李娜"}
	removalLeavesNoTrace(t, "hospital", ChangeNoteRemoved,
		func(tx *Tx, client string) (string, error) {
			n.ClientID = client
			err := tx.AddNote(n)
			return n.ID, err
		},
		func(tx *Tx) error { _, err := tx.DeleteNote(n.ID); return err })
}

// TestDeletePurchaseItemsLeaveChangeLog: as a note's text, the items of
// a purchase removed before the chain heard of it do not reach the chain:
// the unsent change goes and the removal carries no items.
func TestDeletePurchaseItemsLeaveChangeLog(t *testing.T) {
	p := &profile.Purchase{Date: civil.Date{Year: 2026, Month: 11, Day: 20}, Amount: 1200000, Currency: "CNY", Items: "maternity dress MARKITEMS"}
	removalLeavesNoTrace(t, "MARKITEMS", ChangePurchaseRemoved,
		func(tx *Tx, client string) (string, error) {
			p.ClientID = client
			err := tx.AddPurchase(p)
			return p.ID, err
		},
		func(tx *Tx) error { _, err := tx.DeletePurchase(p.ID); return err })
}

// removalLeavesNoTrace adds a client and a record (add, which returns
// the record's id once added) to a book of a chain, removes the record
// (del), and checks that no change of the log carries mark and that the
// removal is logged as kind with the record's id.
func removalLeavesNoTrace(t *testing.T, mark, kind string, add func(tx *Tx, client string) (string, error), del func(tx *Tx) error) {
	t.Helper()
	b, _ := newBook(t)
	if err := b.JoinChain(Join{Store: "Tokyo", Associate: "lina"}); err != nil {
		t.Fatal(err)
	}
	c := &profile.Profile{Name: "王小明"}
	var id string
	if err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(c); err != nil {
			return err
		}
		var err error
		id, err = add(tx, c.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := b.Update(del); err != nil {
		t.Fatal(err)
	}
	if err := b.View(func(tx *Tx) error {
		chs, err := tx.Changes(0)
		if err != nil {
			return err
		}
		removed := false
		for _, ch := range chs {
			if bytes.Contains(ch.Data, []byte(mark)) {
				t.Errorf("change %d (%s) still carries the removed record's %q: %s", ch.Seq, ch.Kind, mark, ch.Data)
			}
			removed = removed || ch.Kind == kind && ch.EntityID == id
		}
		if !removed {
			t.Errorf("no removal of %s logged: %+v", id, chs)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestRemovedRecordsStayRemoved: a removed note or purchase leaves a
// tombstone (its id and the day, no text): adding it again with its id
// (a pull from the chain) is refused with ErrRemoved, importing it again
// (a later bundle, another book's older copy) skips it, a file's copy of
// the note's text on its day is known, and check counts the tombstones
// and reports a removed record found in the book again.
func TestRemovedRecordsStayRemoved(t *testing.T) {
	b, path := newBook(t)
	c := &profile.Profile{Name: "王小明"}
	other := &profile.Profile{Name: "李娜"}
	n := &notes.Note{Kind: notes.General, Text: "  TOMBMARK wrong client\r\n", At: testNow.Add(-time.Hour)}
	p := &profile.Purchase{Date: civil.Of(testNow), Amount: 5000, Items: "TOMBMARK scarf"}
	if err := b.Update(func(tx *Tx) error {
		for _, x := range []*profile.Profile{c, other} {
			if err := tx.AddClient(x); err != nil {
				return err
			}
		}
		n.ClientID, p.ClientID = c.ID, c.ID
		if err := tx.AddNote(n); err != nil {
			return err
		}
		return tx.AddPurchase(p)
	}); err != nil {
		t.Fatal(err)
	}
	oldNote, oldBuy := *n, *p
	if err := b.Update(func(tx *Tx) error {
		if _, err := tx.DeleteNote(n.ID); err != nil {
			return err
		}
		_, err := tx.DeletePurchase(p.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(tx *Tx) error {
		for _, id := range []string{n.ID, p.ID} {
			r, ok := tx.Removed(id)
			if !ok || r.Day != civil.Of(testNow).String() {
				t.Errorf("Removed(%s) = %+v, %v; want removed on %s", id, r, ok, civil.Of(testNow))
			}
		}
		if _, ok := tx.Removed("nosuchid"); ok {
			t.Error("Removed says a record never in the book was removed")
		}
		again := oldNote
		if err := tx.AddNote(&again); !errors.Is(err, ErrRemoved) {
			t.Errorf("AddNote of a removed note: %v, want ErrRemoved", err)
		}
		buy := oldBuy
		if err := tx.AddPurchase(&buy); !errors.Is(err, ErrRemoved) {
			t.Errorf("AddPurchase of a removed purchase: %v, want ErrRemoved", err)
		}
		added, err := tx.ImportNotes([]notes.Note{oldNote})
		if err != nil || added[c.ID] != 0 {
			t.Errorf("ImportNotes of a removed note added %v (%v), want nothing", added, err)
		}
		bought, err := tx.ImportPurchases([]profile.Purchase{oldBuy})
		if err != nil || bought[c.ID] != 0 {
			t.Errorf("ImportPurchases of a removed purchase added %v (%v), want nothing", bought, err)
		}
		for _, tc := range []struct {
			client, text string
			at           time.Time
			want         bool
		}{
			{c.ID, "TOMBMARK wrong client", oldNote.At, true},
			{c.ID, "TOMBMARK wrong client\n", time.Time{}, true},
			{c.ID, "TOMBMARK wrong client", oldNote.At.AddDate(0, 0, -3), false},
			{other.ID, "TOMBMARK wrong client", oldNote.At, false},
			{c.ID, "another note", oldNote.At, false},
		} {
			if got := tx.RemovedNoteText(tc.client, tc.text, tc.at); got != tc.want {
				t.Errorf("RemovedNoteText(%s, %q, %v) = %v, want %v", tc.client, tc.text, tc.at, got, tc.want)
			}
		}
		if got := tx.RemovedCount(); got != 2 {
			t.Errorf("RemovedCount = %d, want 2", got)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// A new note with a new id is of course taken.
	if err := b.Update(func(tx *Tx) error {
		return tx.AddNote(&notes.Note{ClientID: c.ID, Kind: notes.General, Text: "TOMBMARK wrong client"})
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	rep, err := Check(path)
	if err != nil || !rep.Sound() || rep.Removed != 2 {
		t.Fatalf("check: %+v, %v; want sound with 2 removed", rep, err)
	}
	// A removed note back in the book (written past the store) is a problem.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		var id []byte
		_ = tx.Bucket(bNoteIDs).ForEach(func(k, _ []byte) error { id = bytes.Clone(k); return nil })
		return tx.Bucket(bRemoved).Put(removedKey(string(id)), []byte(`{"kind":"note","day":"2026-01-02"}`))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	rep, err = Check(path)
	if err != nil || rep.Sound() || !strings.Contains(strings.Join(rep.Problems, "\n"), "was removed on 2026-01-02 but is in the book again") {
		t.Fatalf("check of a removed note back in the book: %+v, %v", rep.Problems, err)
	}
}

// TestEraseForgetsRemovedNoteTexts: the salted hashes of an erased
// client's removed notes leave the book with the client (a guess of a
// note's text and the client's id could otherwise be confirmed from the
// file, salt and all); another client's stay.
func TestEraseForgetsRemovedNoteTexts(t *testing.T) {
	b, _ := newBook(t)
	c := &profile.Profile{Name: "王小明"}
	other := &profile.Profile{Name: "李娜"}
	var ids []string
	if err := b.Update(func(tx *Tx) error {
		for _, x := range []*profile.Profile{c, other} {
			if err := tx.AddClient(x); err != nil {
				return err
			}
			n := &notes.Note{ClientID: x.ID, Kind: notes.General, Text: "ERASEMARK " + x.Name, At: testNow.Add(-time.Hour)}
			if err := tx.AddNote(n); err != nil {
				return err
			}
			ids = append(ids, n.ID)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(tx *Tx) error {
		for _, id := range ids {
			if _, err := tx.DeleteNote(id); err != nil {
				return err
			}
		}
		_, err := tx.EraseClient(c.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := b.View(func(tx *Tx) error {
		texts := 0
		_ = tx.tx.Bucket(bRemoved).ForEach(func(k, _ []byte) error {
			if bytes.HasPrefix(k, []byte("t:")) {
				texts++
			}
			return nil
		})
		if texts != 1 {
			t.Errorf("%d removed note texts kept after erasing one of two clients, want 1 (the other's)", texts)
		}
		if tx.RemovedNoteText(c.ID, "ERASEMARK 王小明", time.Time{}) {
			t.Error("the erased client's removed note text is still remembered")
		}
		if !tx.RemovedNoteText(other.ID, "ERASEMARK 李娜", time.Time{}) {
			t.Error("the other client's removed note text is forgotten")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestPoint4RemovedNoteStaysRemovedAfterMerge (issue 14 point 4, nothing
// comes back): a note removed from a client later merged into another
// (twice over: A into B, B into C) stays removed when a file brings its
// text back under the kept client; the kept client's erasure forgets all
// of it. Before, the tombstone stayed keyed by the merged-away client and
// the import took the note back.
func TestPoint4RemovedNoteStaysRemovedAfterMerge(t *testing.T) {
	b, _ := newBook(t)
	a, bb, c := &profile.Profile{Name: "王小明"}, &profile.Profile{Name: "王晓明"}, &profile.Profile{Name: "Wang Xiaoming"}
	at := testNow.Add(-time.Hour)
	var ids []string
	if err := b.Update(func(tx *Tx) error {
		for _, x := range []*profile.Profile{a, bb, c} {
			if err := tx.AddClient(x); err != nil {
				return err
			}
			n := &notes.Note{ClientID: x.ID, Kind: notes.General, Text: "MERGEMARK " + x.Name, At: at}
			if err := tx.AddNote(n); err != nil {
				return err
			}
			ids = append(ids, n.ID)
		}
		for _, id := range ids {
			if _, err := tx.DeleteNote(id); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	merge := func(keep *profile.Profile, other string) {
		t.Helper()
		if err := b.Update(func(tx *Tx) error {
			k, err := tx.Client(keep.ID)
			if err != nil {
				return err
			}
			_, err = tx.MergeClients(k, other)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	merge(bb, a.ID)
	merge(c, bb.ID)
	if err := b.View(func(tx *Tx) error {
		for _, x := range []*profile.Profile{a, bb, c} {
			text := "MERGEMARK " + x.Name
			if !tx.RemovedNoteText(c.ID, text, at) || !tx.RemovedNoteText(c.ID, text, time.Time{}) {
				t.Errorf("the removed note %q of a client merged into the kept one would come back under it", text)
			}
		}
		if tx.RemovedNoteText(c.ID, "MERGEMARK another text", time.Time{}) {
			t.Error("a text never removed is taken for a removed one")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(tx *Tx) error { _, err := tx.EraseClient(c.ID); return err }); err != nil {
		t.Fatal(err)
	}
	if err := b.View(func(tx *Tx) error {
		return tx.tx.Bucket(bRemoved).ForEach(func(k, _ []byte) error {
			if bytes.HasPrefix(k, []byte("t:")) || bytes.HasPrefix(k, []byte("m:")) {
				t.Errorf("after erasing the kept client the tombstones keep %q", k)
			}
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
}
