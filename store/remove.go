package store

import (
	"fmt"
	"slices"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
)

// Kinds of change for a record removed from the book (a note logged on
// the wrong client, a purchase logged by mistake). Data: the record as it
// was, so the chain keeps it marked removed.
const (
	ChangeNoteRemoved     = "note_removed"
	ChangePurchaseRemoved = "purchase_removed"
)

// DeleteNote removes note id from the book and returns it: its indexes
// (by id, by time, the kept search keys its words gave its client), and
// what it made of its client's summary (the count of notes, the last
// note, the last contact, a visit's day) go with it. A note that was sent
// to a chain is logged as removed; a private one never left the book. The
// book keeps its tombstone (its id, the day, a salted hash of its text):
// nothing brings it back. The book owes a compaction (OweCompaction) from
// then on, so that the note's bytes leave the file.
func (tx *Tx) DeleteNote(id string) (notes.Note, error) {
	n, err := tx.Note(id)
	if err != nil {
		return n, err
	}
	key := tx.bucket(bNoteIDs).Get([]byte(id))
	if err := tx.bucket(bNotes).Delete(key); err != nil {
		return n, err
	}
	if err := tx.bucket(bNoteTime).Delete(noteTimeKey(n.At, n.ID)); err != nil {
		return n, err
	}
	if err := tx.deleteSituation(n.At, n.ID); err != nil {
		return n, err
	}
	if err := tx.bucket(bNoteIDs).Delete([]byte(id)); err != nil {
		return n, err
	}
	rest, err := tx.Notes(n.ClientID)
	if err != nil {
		return n, err
	}
	if err := tx.unindexNote(&n, rest); err != nil {
		return n, err
	}
	day := civil.Of(n.At)
	var ps []profile.Purchase // read only when the last contact moves
	if n.Kind.IsContact() {
		if ps, err = tx.Purchases(n.ClientID); err != nil {
			return n, err
		}
	}
	err = tx.touchSummary(n.ClientID, func(s *profile.Summary) {
		s.NoteCount = max(s.NoteCount-1, 0)
		if s.LastNote == day {
			s.LastNote = civil.Date{}
			for _, o := range rest {
				if d := civil.Of(o.At); d.After(s.LastNote) {
					s.LastNote = d
				}
			}
		}
		if n.Kind.IsContact() && s.LastContact == day {
			s.LastContact = lastContact(rest, ps)
		}
		if n.Kind == notes.Visit && !slices.ContainsFunc(rest, func(o notes.Note) bool {
			return o.Kind == notes.Visit && civil.Of(o.At) == day
		}) {
			s.VisitDays = slices.DeleteFunc(s.VisitDays, func(d civil.Date) bool { return d == day })
		}
	})
	if err != nil {
		return n, err
	}
	if !n.Private {
		// The text of a note logged on the wrong client does not leave
		// the book once removed: the unsent change that would carry it
		// goes, and the removal carries the note without it.
		if err := tx.dropUnsentRecord(ChangeNote, n.ID); err != nil {
			return n, err
		}
		gone := n
		gone.Text = ""
		if err := tx.logChange(ChangeNoteRemoved, n.ClientID, n.ID, &gone); err != nil {
			return n, err
		}
	}
	if err := tx.remember(RemovedNote, n.ID, n.ClientID, n.Text, n.At); err != nil {
		return n, err
	}
	// The note's bytes stay in the file's free pages until it is
	// compacted: Book.FinishErase does it, or the next writable open.
	if err := tx.OweCompaction(); err != nil {
		return n, err
	}
	if h := tx.book.hooks.NoteRemoved; h != nil {
		return n, h(tx, &n)
	}
	return n, nil
}

// unindexNote takes the kept search keys of note n away from its client,
// but those another of its notes (rest) still gives.
func (tx *Tx) unindexNote(n *notes.Note, rest []notes.Note) error {
	if err := tx.flushDeferred(); err != nil {
		return err
	}
	fw := tx.bucket(bSearch)
	if fw == nil {
		return nil
	}
	gone := search.NoteTokens(n.Text)
	if len(gone) == 0 {
		return nil
	}
	kept := map[string]bool{}
	for i := range rest {
		for _, t := range search.NoteTokens(rest[i].Text) {
			kept[t] = true
		}
	}
	for _, t := range gone {
		if kept[t] {
			continue
		}
		if err := postingRemove(fw, t, srcNotes, n.ClientID); err != nil {
			return err
		}
	}
	return nil
}

// lastContact is the last day of a contact with a client: its latest
// contact note (of ns, the client's notes) or purchase (of ps, its
// purchases).
func lastContact(ns []notes.Note, ps []profile.Purchase) civil.Date {
	var last civil.Date
	for _, o := range ns {
		if d := civil.Of(o.At); o.Kind.IsContact() && d.After(last) {
			last = d
		}
	}
	for _, p := range ps {
		if p.Date.After(last) {
			last = p.Date
		}
	}
	return last
}

// DeletePurchase removes purchase id from the book and returns it; the
// client's spend (and so the tier, the kept spend ranking and the days
// of purchases) and last contact no longer count it. A purchase sent to a
// chain is logged as removed. The book keeps its tombstone (its id and the
// day): nothing brings it back. The book owes a compaction, as for a note.
func (tx *Tx) DeletePurchase(id string) (profile.Purchase, error) {
	p, err := tx.Purchase(id)
	if err != nil {
		return p, err
	}
	key := tx.bucket(bPurchaseIDs).Get([]byte(id))
	if err := tx.bucket(bPurchases).Delete(key); err != nil {
		return p, err
	}
	if err := tx.bucket(bPurchaseIDs).Delete([]byte(id)); err != nil {
		return p, err
	}
	ns, err := tx.Notes(p.ClientID)
	if err != nil {
		return p, err
	}
	ps, err := tx.Purchases(p.ClientID) // the rest
	if err != nil {
		return p, err
	}
	err = tx.touchSummary(p.ClientID, func(s *profile.Summary) {
		if i := slices.IndexFunc(s.Spends, func(x profile.Spend) bool {
			return x.Date == p.Date && x.Amount == p.Amount
		}); i >= 0 {
			s.Spends = slices.Delete(s.Spends, i, i+1)
		}
		if s.LastContact == p.Date {
			s.LastContact = lastContact(ns, ps)
		}
	})
	if err != nil {
		return p, fmt.Errorf("purchase %s: %w", id, err)
	}
	// As a removed note's text, what a purchase logged by mistake said
	// (its items) does not leave the book once removed: the unsent change
	// that would carry it goes, and the removal carries the day, the
	// amount and the currency the chain's spend leaves out.
	if err := tx.dropUnsentRecord(ChangePurchase, p.ID); err != nil {
		return p, err
	}
	gone := p
	gone.Items = ""
	if err := tx.logChange(ChangePurchaseRemoved, p.ClientID, p.ID, &gone); err != nil {
		return p, err
	}
	if err := tx.remember(RemovedPurchase, p.ID, "", "", time.Time{}); err != nil {
		return p, err
	}
	if err := tx.OweCompaction(); err != nil { // as a note's, see DeleteNote
		return p, err
	}
	if h := tx.book.hooks.PurchaseRemoved; h != nil {
		return p, h(tx, &p)
	}
	return p, nil
}
