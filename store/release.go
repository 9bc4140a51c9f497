package store

import (
	"encoding/json"
	"fmt"
	"time"
)

// HandoverLine is what a giving book keeps of one handover it made: when,
// to whom, the bundle's id, how many clients, and whether they were
// released. It names no client: a released client's data leaves the book
// with the bundle, and the book keeps only that it handed N clients to a
// colleague on a day.
type HandoverLine struct {
	At       time.Time `json:"at"`
	To       string    `json:"to,omitempty"`
	Bundle   string    `json:"bundle"`
	Clients  int       `json:"clients"`
	Released bool      `json:"released,omitempty"`
}

// kHandovers, in the meta bucket, holds the book's handover lines (a JSON
// array, oldest first).
var kHandovers = []byte("handovers")

// Handovers returns the handovers the book made, oldest first.
func (tx *Tx) Handovers() []HandoverLine {
	var out []HandoverLine
	if raw := tx.bucket(bMeta).Get(kHandovers); raw != nil {
		_ = json.Unmarshal(raw, &out)
	}
	return out
}

// LogHandover adds a line to the book's handovers.
func (tx *Tx) LogHandover(h HandoverLine) error {
	all := append(tx.Handovers(), h)
	return putJSON(tx.bucket(bMeta), kHandovers, all)
}

// ReleaseClient removes everything the book holds about a client that a
// handover released to a colleague, as EraseClient does, but keeps no
// tombstone (the client did not ask to be forgotten and may come back in
// a bundle) and tells the chain nothing. The bytes leave the file at the
// compaction OweCompaction asks for. It returns how many records went.
func (tx *Tx) ReleaseClient(id string) (int, error) { return tx.removeClient(id, false) }

// OweCompaction marks the book as owing a compaction (records were
// removed whose bytes must leave the file): Book.FinishErase does it, and
// if the process is killed first the next writable open does.
func (tx *Tx) OweCompaction() error { return tx.bucket(bMeta).Put(kCompactOwed, []byte("1")) }

// FinishErase compacts the book in place so that the bytes of the records
// an erasure or a release removed leave the file, and takes the mark
// OweCompaction left.
func (b *Book) FinishErase() error {
	if err := b.finishErase(false); err != nil {
		return fmt.Errorf("%w: %w", ErrNotCompacted, err)
	}
	return nil
}
