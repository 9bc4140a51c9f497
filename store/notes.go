package store

import (
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

func timeBytes(t time.Time) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(t.UnixNano()))
	return b[:]
}

func noteKey(clientID string, at time.Time, id string) []byte {
	return join([]byte(clientID), append(timeBytes(at), id...))
}

func noteTimeKey(at time.Time, id string) []byte { return append(timeBytes(at), id...) }

// AddNote logs a note on a client. It gives the note an id and a time when
// it has none, and moves the client's last-contact and last-visit days.
// A note whose id is already in the book is left as it is and reported with
// ErrDuplicate (a handover imported twice adds nothing); one the book
// removed, with ErrRemoved.
func (tx *Tx) AddNote(n *notes.Note) error {
	if err := n.Validate(); err != nil {
		return err
	}
	if !tx.HasClient(n.ClientID) {
		return fmt.Errorf("client %q: %w", n.ClientID, ErrNotFound)
	}
	if n.ID == "" {
		n.ID = tx.newID(bNoteIDs, longIDLen)
	} else if tx.bucket(bNoteIDs).Get([]byte(n.ID)) != nil {
		return fmt.Errorf("note %s: %w", n.ID, ErrDuplicate)
	} else if _, gone := tx.Removed(n.ID); gone {
		return fmt.Errorf("note %s: %w", n.ID, ErrRemoved)
	}
	if n.At.IsZero() {
		n.At = tx.Now()
	}
	if n.Author == "" {
		n.Author = tx.book.meta.Associate
	}
	key := noteKey(n.ClientID, n.At, n.ID)
	if err := putSealed(tx.bucket(bNotes), key, n); err != nil {
		return err
	}
	if err := putAppending(tx.bucket(bNoteTime), noteTimeKey(n.At, n.ID), []byte(n.ClientID)); err != nil {
		return err
	}
	if err := tx.putSituation(n, n.ClientID); err != nil {
		return err
	}
	if err := tx.bucket(bNoteIDs).Put([]byte(n.ID), key); err != nil {
		return err
	}
	if err := tx.indexNote(n); err != nil {
		return err
	}
	day := civil.Of(n.At)
	err := tx.touchSummary(n.ClientID, func(s *profile.Summary) {
		s.NoteCount++
		if day.After(s.LastNote) {
			s.LastNote = day
		}
		if n.Kind.IsContact() && day.After(s.LastContact) {
			s.LastContact = day
		}
		if n.Kind == notes.Visit && !containsDate(s.VisitDays, day) {
			s.VisitDays = append(s.VisitDays, day)
			sortDates(s.VisitDays)
		}
	})
	if err != nil {
		return err
	}
	if err := tx.logNote(n); err != nil {
		return err
	}
	if h := tx.book.hooks.NoteAdded; h != nil {
		return h(tx, n.ID)
	}
	return nil
}

func containsDate(ds []civil.Date, d civil.Date) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// Note returns one note by id.
func (tx *Tx) Note(id string) (notes.Note, error) {
	var n notes.Note
	key := tx.bucket(bNoteIDs).Get([]byte(id))
	if key == nil {
		return n, fmt.Errorf("note %q: %w", id, ErrNotFound)
	}
	return n, getJSON(tx.bucket(bNotes), key, &n)
}

// Notes returns a client's notes, newest first.
func (tx *Tx) Notes(clientID string) ([]notes.Note, error) {
	var out []notes.Note
	err := scanPrefix(tx.bucket(bNotes), prefix(clientID), func(k, v []byte) error {
		var n notes.Note
		if err := unmarshalRecord(v, &n); err != nil {
			return recordDamage("note", k, v, err)
		}
		out = append(out, n)
		return nil
	})
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, err
}

// NotesSince returns every note logged at or after since, oldest first,
// reading only those notes (the time index spares a scan of the book).
// When kinds are given, only notes of those kinds are decoded and returned.
func (tx *Tx) NotesSince(since time.Time, kinds ...notes.Kind) ([]notes.Note, error) {
	var out []notes.Note
	c := tx.bucket(bNoteTime).Cursor()
	nb := tx.bucket(bNotes)
	for k, v := c.Seek(timeBytes(since)); k != nil; k, v = c.Next() {
		key := join(v, k)
		raw := nb.Get(key)
		if raw == nil {
			continue
		}
		if len(kinds) > 0 && !rawKindIn(raw, kinds) {
			continue
		}
		var n notes.Note
		if err := unmarshalRecord(raw, &n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// rawKindIn peeks at the kind of an encoded note without decoding it.
func rawKindIn(raw []byte, kinds []notes.Kind) bool {
	s := string(raw)
	for _, k := range kinds {
		if strings.Contains(s, `"kind":"`+string(k)+`"`) {
			return true
		}
	}
	return false
}

// NoteCount returns how many notes the book holds.
func (tx *Tx) NoteCount() int { return tx.bucket(bNoteIDs).Stats().KeyN }
