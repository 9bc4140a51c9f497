package store

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	bolt "go.etcd.io/bbolt"
)

// bRemoved holds the tombstones of the notes and purchases removed from
// the book (DeleteNote, DeletePurchase), so that nothing brings one back:
// a later handover bundle or another book's older copy holding it
// (ImportNotes, ImportPurchases skip it), a pull from the chain (AddNote,
// AddPurchase refuse it with ErrRemoved), an import of a file that has the
// note's text but no id (RemovedNoteText). A tombstone holds no personal
// data:
//
//	"r:" record id                      -> {"kind", "day"}: what was removed, on which day
//	"t:" hex(SHA-256(salt, 0x01 client id)) ":" hex(SHA-256(salt, client id 0x00 text)) ":" day -> "1":
//	                                       a note's client and text, salted and hashed, and its day
//	"m:" hex(SHA-256(salt, 0x01 client id)) ":" merged client id -> "1":
//	                                       a client merged into this one (MergeClients)
//	"\x00salt"                          -> the book's random salt of those hashes
//
// The client's own hash leads, so that an erasure forgets the texts of
// its client's removed notes (forgetRemovedTexts) without knowing them.
// A merge moves the merged-away client's text tombstones under the kept
// client's hash; their text hashes were made with the merged-away id,
// which the "m:" key keeps (an id says nothing about the client), so a
// note of that text imported under the kept client stays out.
//
// The bucket is made by the first removal.
var (
	bRemoved     = []byte("removed")
	kRemovedSalt = []byte("\x00salt")
)

// Kinds of removed record a tombstone names.
const (
	RemovedNote     = "note"
	RemovedPurchase = "purchase"
)

// Removal is what the tombstone of a removed note or purchase says: its
// kind (RemovedNote, RemovedPurchase) and the day it was removed
// (YYYY-MM-DD).
type Removal struct {
	Kind string `json:"kind"`
	Day  string `json:"day"`
}

func removedKey(id string) []byte { return append([]byte("r:"), id...) }

// noteTextKey is a note's text as two copies of it compare: the ends
// trimmed, line ends as "\n" (as an import of a file compares them).
func noteTextKey(text string) string {
	return strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
}

// removedClientPrefix is the key prefix of the tombstones of a client's
// removed notes' texts: "t:" hash of the client ":".
func removedClientPrefix(salt []byte, clientID string) []byte {
	h := sha256.New()
	h.Write(salt)
	h.Write([]byte{1})
	h.Write([]byte(clientID))
	return []byte("t:" + hex.EncodeToString(h.Sum(nil)) + ":")
}

// removedTextPrefix is the key prefix of the tombstones of a client's
// removed notes of text: "t:" hash of the client ":" hash of the text ":".
func removedTextPrefix(salt []byte, clientID, text string) []byte {
	return removedTextUnder(salt, clientID, clientID, text)
}

// removedTextUnder is removedTextPrefix for a note removed from the
// client textID (hashed with its text) kept under the client clientID:
// one merged into it.
func removedTextUnder(salt []byte, clientID, textID, text string) []byte {
	h := sha256.New()
	h.Write(salt)
	h.Write([]byte(textID))
	h.Write([]byte{0})
	h.Write([]byte(noteTextKey(text)))
	return append(removedClientPrefix(salt, clientID), hex.EncodeToString(h.Sum(nil))+":"...)
}

// removedMergedPrefix is the key prefix of the clients merged into the
// client id, as the tombstones remember them: "m:" hash of the client ":".
func removedMergedPrefix(salt []byte, id string) []byte {
	return append([]byte("m:"), removedClientPrefix(salt, id)[2:]...)
}

// moveRemovedTexts moves the tombstones of the texts of the client
// otherID's removed notes under the client keepID, merged into it, with
// the clients merged into otherID before: an import of such a note under
// the kept client stays out (RemovedNoteText).
func (tx *Tx) moveRemovedTexts(otherID, keepID string) error {
	bk := tx.tx.Bucket(bRemoved)
	if bk == nil {
		return nil
	}
	salt := bk.Get(kRemovedSalt)
	if salt == nil {
		return nil
	}
	from, to := removedClientPrefix(salt, otherID), removedClientPrefix(salt, keepID)
	texts := keysWithPrefix(bk, from)
	merged := keysWithPrefix(bk, removedMergedPrefix(salt, otherID))
	if len(texts) == 0 && len(merged) == 0 {
		return nil
	}
	for _, k := range texts {
		if err := bk.Put(append(bytes.Clone(to), k[len(from):]...), []byte("1")); err != nil {
			return err
		}
		if err := bk.Delete(k); err != nil {
			return err
		}
	}
	mfrom, mto := removedMergedPrefix(salt, otherID), removedMergedPrefix(salt, keepID)
	for _, k := range merged {
		if err := bk.Put(append(bytes.Clone(mto), k[len(mfrom):]...), []byte("1")); err != nil {
			return err
		}
		if err := bk.Delete(k); err != nil {
			return err
		}
	}
	return bk.Put(append(mto, otherID...), []byte("1"))
}

// forgetRemovedTexts deletes the tombstones of the texts of the client
// id's removed notes: an erasure leaves nothing made of what the client's
// notes said. The notes' ids stay remembered (they say nothing).
func (tx *Tx) forgetRemovedTexts(id string) error {
	bk := tx.tx.Bucket(bRemoved)
	if bk == nil {
		return nil
	}
	salt := bk.Get(kRemovedSalt)
	if salt == nil {
		return nil
	}
	for _, k := range append(keysWithPrefix(bk, removedClientPrefix(salt, id)), keysWithPrefix(bk, removedMergedPrefix(salt, id))...) {
		if err := bk.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// remember writes the tombstone of the record id of kind, removed today;
// for a note, clientID, text and at give its text's tombstone too.
func (tx *Tx) remember(kind, id, clientID, text string, at time.Time) error {
	bk, err := tx.tx.CreateBucketIfNotExists(bRemoved)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(Removal{Kind: kind, Day: tx.Now().Format("2006-01-02")})
	if err != nil {
		return err
	}
	if err := bk.Put(removedKey(id), raw); err != nil {
		return err
	}
	if kind != RemovedNote || noteTextKey(text) == "" {
		return nil
	}
	salt := bk.Get(kRemovedSalt)
	if salt == nil {
		salt = make([]byte, 32)
		if _, err := rand.Read(salt); err != nil {
			return err
		}
		if err := bk.Put(kRemovedSalt, salt); err != nil {
			return err
		}
	}
	k := append(removedTextPrefix(salt, clientID, text), civil.Of(at.UTC()).String()...)
	return bk.Put(k, []byte("1"))
}

// Removed reports whether the note or purchase id was removed from the
// book, and when.
func (tx *Tx) Removed(id string) (Removal, bool) {
	var r Removal
	if id == "" {
		return r, false // a record new to the book (before the bucket's look-up: an import asks for each of 82k notes)
	}
	bk := tx.tx.Bucket(bRemoved)
	if bk == nil {
		return r, false
	}
	raw := bk.Get(removedKey(id))
	if raw == nil {
		return r, false
	}
	_ = json.Unmarshal(raw, &r)
	return r, true
}

// RemovedNoteText reports whether a note of client clientID with this
// text was removed from the book, on the day of at (any day when at is
// zero): an import of a file that holds the note, without its id, does
// not bring it back.
func (tx *Tx) RemovedNoteText(clientID, text string, at time.Time) bool {
	bk := tx.tx.Bucket(bRemoved)
	if bk == nil || noteTextKey(text) == "" {
		return false
	}
	salt := bk.Get(kRemovedSalt)
	if salt == nil {
		return false
	}
	found := func(prefix []byte) bool {
		if !at.IsZero() {
			return bk.Get(append(prefix, civil.Of(at.UTC()).String()...)) != nil
		}
		k, _ := bk.Cursor().Seek(prefix)
		return k != nil && bytes.HasPrefix(k, prefix)
	}
	if found(removedTextPrefix(salt, clientID, text)) {
		return true
	}
	// The notes of the clients merged into this one.
	mp := removedMergedPrefix(salt, clientID)
	for _, k := range keysWithPrefix(bk, mp) {
		if found(removedTextUnder(salt, clientID, string(k[len(mp):]), text)) {
			return true
		}
	}
	return false
}

// RemovedCount returns how many removed notes and purchases the book
// remembers.
func (tx *Tx) RemovedCount() int { return countRemoved(tx.tx) }

func countRemoved(tx *bolt.Tx) int {
	bk := tx.Bucket(bRemoved)
	if bk == nil {
		return 0
	}
	n := 0
	c := bk.Cursor()
	for k, _ := c.Seek([]byte("r:")); k != nil && bytes.HasPrefix(k, []byte("r:")); k, _ = c.Next() {
		n++
	}
	return n
}

// checkRemoved checks the tombstones of removed records: each says what
// and when, and no record the book remembers removing is in it again.
func checkRemoved(tx *bolt.Tx, rep *Report) {
	bk := tx.Bucket(bRemoved)
	if bk == nil {
		return
	}
	c := bk.Cursor()
	for k, v := c.Seek([]byte("r:")); k != nil && bytes.HasPrefix(k, []byte("r:")); k, v = c.Next() {
		rep.Removed++
		id := k[2:]
		var r Removal
		if err := json.Unmarshal(v, &r); err != nil || (r.Kind != RemovedNote && r.Kind != RemovedPurchase) {
			rep.problem("removed: the tombstone of record %s does not say what was removed", id)
			continue
		}
		index := bNoteIDs
		if r.Kind == RemovedPurchase {
			index = bPurchaseIDs
		}
		if ix := tx.Bucket(index); ix != nil && ix.Get(id) != nil {
			rep.problem("removed: %s %s was removed on %s but is in the book again", r.Kind, id, r.Day)
		}
	}
}
