package book

import (
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/messages"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// AddNote logs the note n (its id is filled in). A complaint opens a case.
func (b *Book) AddNote(n *notes.Note, opts ...Also) error {
	if err := b.checkNote(n.Text); err != nil {
		return err
	}
	return b.update(func(tx *store.Tx) error {
		if err := tx.AddNote(n); err != nil {
			return err
		}
		return finish(tx, opts)
	})
}

// AddPurchase records the purchase p. It starts the 0-3-3-3 rhythm of
// follow-ups and may make the client the top spender. Items or a store
// holding a control character are refused (ErrControlChar).
func (b *Book) AddPurchase(p *profile.Purchase, opts ...Also) error {
	if err := refuseTyped([]string{p.Items, p.Store}); err != nil {
		return err
	}
	return b.update(func(tx *store.Tx) error {
		if err := checkDay(p.Date); err != nil {
			return err
		}
		if err := tx.AddPurchase(p); err != nil {
			return err
		}
		return finish(tx, opts)
	})
}

// AddVisit books the expected visit a; a purpose holding a control
// character is refused (ErrControlChar).
func (b *Book) AddVisit(a *visits.Appointment, opts ...Also) error {
	if err := refuseTyped([]string{a.Purpose}); err != nil {
		return err
	}
	return b.update(func(tx *store.Tx) error {
		if err := checkDay(a.Day()); err != nil {
			return err
		}
		if err := tx.AddAppointment(a); err != nil {
			return err
		}
		return finish(tx, opts)
	})
}

// AddRequest opens the special request r; its text or note holding a
// control character (a note may hold line breaks and tabs) is refused
// (ErrControlChar).
func (b *Book) AddRequest(r *requests.Request) error {
	if err := refuseTyped([]string{r.What}, r.Note); err != nil {
		return err
	}
	return b.update(func(tx *store.Tx) error { return tx.AddRequest(r) })
}

// UpdateRequest moves request id to status, with note (when not empty)
// saying what happened; a request no longer open is stamped closed now,
// and one open again (reopened) loses its stamp. A note holding a control
// character other than a line break or a tab is refused (ErrControlChar).
func (b *Book) UpdateRequest(id string, status requests.Status, note string) (requests.Request, error) {
	var r requests.Request
	if err := refuseTyped(nil, note); err != nil {
		return r, err
	}
	err := b.update(func(tx *store.Tx) error {
		var err error
		if r, err = tx.Request(id); err != nil {
			return &Error{Key: i18n.ErrNoRequest, Args: []any{id}, Err: err}
		}
		r.Status = status
		if note != "" {
			r.Note = note
		}
		if !r.IsOpen() {
			r.Closed = b.now()
		} else {
			r.Closed = time.Time{}
		}
		return tx.UpdateRequest(&r)
	})
	return r, err
}

// LogMessage records a message sent to client id as a message note ("[kind]
// text" on one line), which resets the keep-in-touch clock, and returns the
// client's name. A thank-you message ticks the client's thank-you
// follow-ups due by today; a message written from a follow-up of its kind
// (Answers) ticks that follow-up, whatever its due day. A client who asked not to be contacted is
// refused (ErrMessageRefused), checked in the write: the flag may have
// been set since the message was composed.
func (b *Book) LogMessage(id string, kind messages.Kind, text, author string, opts ...Also) (string, error) {
	if err := b.checkNote(text); err != nil {
		return "", err
	}
	var a also
	for _, o := range opts {
		o(&a)
	}
	var name string
	err := b.update(func(tx *store.Tx) error {
		p, err := tx.Client(id)
		if err != nil {
			return goneErr(err)
		}
		if p.Consent.DoNotContact {
			return MessageRefused(p)
		}
		name = p.DisplayName()
		n := &notes.Note{ClientID: id, Kind: notes.Message, Text: "[" + string(kind) + "] " + OneLine(text), Author: author}
		if err := tx.AddNote(n); err != nil {
			return err
		}
		today := b.today()
		for _, t := range tx.ClientTasks(id) {
			answered := t.ID == a.task && t.ID != ""
			if k, ok := messages.ForTask(t.Kind); !ok || k != kind || !t.IsOpen() {
				continue
			}
			// The follow-up it was written from, or a thank-you due.
			if !answered && (kind != messages.ThankYou || t.DueOn().After(today)) {
				continue
			}
			if err := t.Complete(b.now()); err != nil {
				return err
			}
			if err := tx.UpdateTask(&t); err != nil {
				return err
			}
		}
		return nil
	})
	return name, err
}

// MessageRefused is the error for a message to p, who asked not to be
// contacted: it names p and, when known, the day it was recorded. It
// matches ErrMessageRefused.
func MessageRefused(p *profile.Profile) error {
	if p.Consent.RecordedAt.IsZero() {
		return &Error{Key: i18n.MsgRefused, Args: []any{p.DisplayName()}, ID: p.ID}
	}
	return &Error{Key: i18n.MsgRefusedSince, Args: []any{p.DisplayName(), civil.Of(p.Consent.RecordedAt).String()}, ID: p.ID}
}

// OneLine joins a message's lines for the note that records it.
func OneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// Removed is what the removal of a note or a purchase did besides: the
// open follow-ups it cancelled (a purchase's 0-3-3-3 rhythm and top
// spender's visit, a complaint's case).
type Removed struct {
	Client    string // the client's name
	Cancelled []tasks.Task
}

// DeleteNote removes note id, logged on the wrong client or by mistake,
// and returns it. Its client's figures (notes, last contact, visits) and
// the search no longer count it; the case a complaint note opened is
// cancelled while still open. The book file is compacted, so the note's
// bytes leave it: store.ErrNotCompacted when only that failed (the next
// writable open does it). ErrNoNote when the book has no such note.
func (b *Book) DeleteNote(id string) (notes.Note, Removed, error) {
	var n notes.Note
	var r Removed
	err := b.update(func(tx *store.Tx) error {
		old, err := tx.Note(id)
		if err != nil {
			return &Error{Key: i18n.ErrNoNote, Args: []any{id}, Err: err}
		}
		if sum, err := tx.Summary(old.ClientID); err == nil {
			r.Client = sum.DisplayName()
		}
		before := openTasks(tx, old.ClientID)
		if n, err = tx.DeleteNote(id); err != nil {
			return err
		}
		r.Cancelled = cancelledSince(tx, old.ClientID, before)
		return nil
	})
	if err == nil {
		err = b.compactRemoved()
	}
	return n, r, err
}

// DeletePurchase removes purchase id, logged by mistake, and returns it.
// The client's spend, tier and place in the spend ranking no longer count
// it; the follow-ups it made that are still open are cancelled (its
// 0-3-3-3 rhythm, unless another purchase of the same day keeps it, and a
// top spender's visit the client no longer earns, the new leader getting
// theirs). Done follow-ups stay as they were. The book file is compacted
// as for a note (store.ErrNotCompacted). ErrNoPurchase when the book has
// no such purchase.
func (b *Book) DeletePurchase(id string) (profile.Purchase, Removed, error) {
	var p profile.Purchase
	var r Removed
	err := b.update(func(tx *store.Tx) error {
		old, err := tx.Purchase(id)
		if err != nil {
			return &Error{Key: i18n.ErrNoPurchase, Args: []any{id}, Err: err}
		}
		if sum, err := tx.Summary(old.ClientID); err == nil {
			r.Client = sum.DisplayName()
		}
		before := openTasks(tx, old.ClientID)
		if p, err = tx.DeletePurchase(id); err != nil {
			return err
		}
		r.Cancelled = cancelledSince(tx, old.ClientID, before)
		return nil
	})
	if err == nil {
		err = b.compactRemoved()
	}
	return p, r, err
}

// compactRemoved compacts the book after a removal, so that the removed
// record's bytes leave the file, not only its index. It fails with
// store.ErrNotCompacted (the removal landed; the next writable open
// compacts).
func (b *Book) compactRemoved() error {
	return said(b.st.FinishErase())
}

// openTasks are the ids of a client's open follow-ups.
func openTasks(tx *store.Tx, clientID string) map[string]bool {
	open := map[string]bool{}
	for _, t := range tx.ClientTasks(clientID) {
		if t.IsOpen() {
			open[t.ID] = true
		}
	}
	return open
}

// cancelledSince are the client's follow-ups open before (openTasks) and
// cancelled now.
func cancelledSince(tx *store.Tx, clientID string, before map[string]bool) []tasks.Task {
	var out []tasks.Task
	for _, t := range tx.ClientTasks(clientID) {
		if before[t.ID] && t.Status == tasks.Cancelled {
			out = append(out, t)
		}
	}
	return out
}
