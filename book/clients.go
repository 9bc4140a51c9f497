package book

import (
	"errors"
	"fmt"
	"slices"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// Also is something a write does in its own transaction beside what it
// writes: DropDraft.
type Also func(*also)

type also struct {
	draft   string
	release func()
	despite bool   // save a client who looks like one in the book (Despite)
	task    string // the follow-up a message answers (Answers)
}

// Answers says the message LogMessage records answers the follow-up id
// (the one it was written from): that follow-up is ticked with it when it
// is open and of the message's kind, whatever its due day.
func Answers(id string) Also {
	return func(a *also) { a.task = id }
}

// DropDraft lets the draft under key go with the write that saves what it
// held: release, when not nil, is called inside the transaction just
// before the draft is deleted, so that a keeper of drafts flushing in a
// write transaction of its own comes wholly before or wholly after it.
func DropDraft(key string, release func()) Also {
	return func(a *also) { a.draft, a.release = key, release }
}

// finish does what the options ask, in tx.
func finish(tx *store.Tx, opts []Also) error {
	var a also
	for _, o := range opts {
		o(&a)
	}
	if a.draft == "" {
		return nil
	}
	if a.release != nil {
		a.release()
	}
	if err := tx.DeleteDraft(a.draft); err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	return nil
}

// phoneTaken returns ErrPhoneTaken when one of the phones of p is already
// the number of a client other than self; only the numbers not in before
// (the phones as they were) are checked, so a book that already
// holds two clients with one number can still change either.
func phoneTaken(tx *store.Tx, p *profile.Profile, before []profile.Phone, self string) error {
	for _, ph := range p.Phones {
		if slices.ContainsFunc(before, func(o profile.Phone) bool { return o.Number == ph.Number }) {
			continue
		}
		for _, other := range tx.FindByPhone(ph.Number) {
			if other == self {
				continue
			}
			name := other
			if s, err := tx.Summary(other); err == nil {
				name = s.DisplayName()
			}
			return &Error{Key: i18n.ErrPhoneTaken, Args: []any{profile.FormatPhone(ph.Number, tx.Book().Meta().CountryCode), name}, ID: other}
		}
	}
	return nil
}

// AddClient adds the client p (its id is filled in), refusing a phone that
// is already another client's (ErrPhoneTaken: the phone alone must find
// one client), and a client who looks like one already in the book (the
// same name with another phone, the same e-mail, WeChat or card: a
// *DuplicateError, ErrLikelyDuplicate) unless opts hold Despite. A client referred by another thanks the referrer.
func (b *Book) AddClient(p *profile.Profile, opts ...Also) error {
	return b.update(func(tx *store.Tx) error {
		if err := b.checkProfile(p, nil); err != nil {
			return err
		}
		if err := phoneTaken(tx, p, nil, ""); err != nil {
			return err
		}
		if err := refuseDuplicates(tx, p, nil, opts); err != nil {
			return err
		}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		// Added by hand: the associate re-adds a client who was erased on
		// purpose, so the tombstone goes (imports skip it instead).
		if err := tx.Unbury(p, ""); err != nil {
			return err
		}
		return finish(tx, opts)
	})
}

// UpdateClient applies edit to the stored profile of client id and writes
// it back, refusing a phone the edit adds that is another client's
// (ErrPhoneTaken), and a name, e-mail, WeChat or card the edit brings that
// another client has (*DuplicateError) unless opts hold Despite. An error of edit is returned as it is, and nothing is
// written. Setting do-not-contact cancels the client's open contact tasks;
// setting who referred the client thanks the referrer.
func (b *Book) UpdateClient(id string, edit func(p *profile.Profile) error, opts ...Also) (*profile.Profile, error) {
	var out *profile.Profile
	err := b.update(func(tx *store.Tx) error {
		p, err := tx.Client(id)
		if err != nil {
			return goneErr(err)
		}
		p.MigrateFamily() // a household birthday kept the app's old way
		before := slices.Clone(p.Phones)
		was := *p
		was.Dates = slices.Clone(p.Dates)
		if err := edit(p); err != nil {
			return err
		}
		if err := b.checkProfile(p, &was); err != nil {
			return err
		}
		if err := phoneTaken(tx, p, before, id); err != nil {
			return err
		}
		if err := refuseDuplicates(tx, p, &was, opts); err != nil {
			return err
		}
		if err := tx.UpdateClient(p); err != nil {
			return err
		}
		out = p
		return finish(tx, opts)
	})
	return out, err
}

// goneErr says a record missing from the book as ErrGone.
func goneErr(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return &Error{Key: i18n.ErrGone, Err: err}
	}
	return fmt.Errorf("reading the book: %w", err)
}
