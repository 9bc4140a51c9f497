package store

import (
	"bytes"
	"errors"
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
	b, _ := newBook(t)
	if err := b.JoinChain(Join{Store: "Tokyo", Associate: "lina"}); err != nil {
		t.Fatal(err)
	}
	const text = "her sister's hospital stay, meant for 李娜"
	c := &profile.Profile{Name: "王小明"}
	n := &notes.Note{Kind: notes.Call, Text: text}
	if err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(c); err != nil {
			return err
		}
		n.ClientID = c.ID
		return tx.AddNote(n)
	}); err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(tx *Tx) error { _, err := tx.DeleteNote(n.ID); return err }); err != nil {
		t.Fatal(err)
	}
	if err := b.View(func(tx *Tx) error {
		chs, err := tx.Changes(0)
		if err != nil {
			return err
		}
		removed := false
		for _, ch := range chs {
			if bytes.Contains(ch.Data, []byte("hospital")) {
				t.Errorf("change %d (%s) still carries the removed note's text: %s", ch.Seq, ch.Kind, ch.Data)
			}
			removed = removed || ch.Kind == ChangeNoteRemoved && ch.EntityID == n.ID
		}
		if !removed {
			t.Errorf("no removal of note %s logged: %+v", n.ID, chs)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestDeletePurchaseItemsLeaveChangeLog: as a note's text, the items of
// a purchase removed before the chain heard of it do not reach the chain:
// the unsent change goes and the removal carries no items.
func TestDeletePurchaseItemsLeaveChangeLog(t *testing.T) {
	b, _ := newBook(t)
	if err := b.JoinChain(Join{Store: "Tokyo", Associate: "lina"}); err != nil {
		t.Fatal(err)
	}
	c := &profile.Profile{Name: "王小明"}
	p := &profile.Purchase{Date: civil.Date{Year: 2026, Month: 11, Day: 20}, Amount: 1200000, Currency: "CNY", Items: "maternity dress MARKITEMS"}
	if err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(c); err != nil {
			return err
		}
		p.ClientID = c.ID
		return tx.AddPurchase(p)
	}); err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(tx *Tx) error { _, err := tx.DeletePurchase(p.ID); return err }); err != nil {
		t.Fatal(err)
	}
	if err := b.View(func(tx *Tx) error {
		chs, err := tx.Changes(0)
		if err != nil {
			return err
		}
		removed := false
		for _, ch := range chs {
			if bytes.Contains(ch.Data, []byte("MARKITEMS")) {
				t.Errorf("change %d (%s) still carries the removed purchase's items: %s", ch.Seq, ch.Kind, ch.Data)
			}
			removed = removed || ch.Kind == ChangePurchaseRemoved && ch.EntityID == p.ID
		}
		if !removed {
			t.Errorf("no removal of purchase %s logged: %+v", p.ID, chs)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}
