package store

import (
	"encoding/json"
	"fmt"
	"time"
)

// Draft is text being typed (a note, a form) saved so that a closed
// terminal or a crash loses nothing; it is offered back at the next start.
type Draft struct {
	Key      string          `json:"key"` // what it is for: "note:<client id>", "form:add"
	ClientID string          `json:"client_id,omitempty"`
	Text     string          `json:"text,omitempty"`
	Fields   json.RawMessage `json:"fields,omitempty"`
	Saved    time.Time       `json:"saved"`
}

// SaveDraft stores or replaces a draft under its key.
//
// A draft about a client no longer in the book (erased, handed on or
// merged away by another vipbook since it was typed) is refused with
// ErrNotFound: what was typed about an erased client goes with them.
func (tx *Tx) SaveDraft(d *Draft) error {
	if d.ClientID != "" && !tx.HasClient(d.ClientID) {
		return fmt.Errorf("draft %s: client %q: %w", d.Key, d.ClientID, ErrNotFound)
	}
	if d.Saved.IsZero() {
		d.Saved = tx.Now()
	}
	return putJSON(tx.bucket(bDrafts), []byte(d.Key), d)
}

// Drafts returns every saved draft.
func (tx *Tx) Drafts() ([]Draft, error) {
	var out []Draft
	err := tx.bucket(bDrafts).ForEach(func(_, v []byte) error {
		var d Draft
		if err := unmarshalRecord(v, &d); err != nil {
			return err
		}
		out = append(out, d)
		return nil
	})
	return out, err
}

// DeleteDraft removes a draft (it was saved as a note, or dismissed).
func (tx *Tx) DeleteDraft(key string) error { return tx.bucket(bDrafts).Delete([]byte(key)) }
