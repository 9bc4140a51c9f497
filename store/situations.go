package store

import (
	"bytes"
	"time"

	"github.com/vipbook/vipbook/notes"
	bolt "go.etcd.io/bbolt"
)

// bSitTime indexes the situation notes by time, as bNoteTime indexes
// every note (noteTimeKey -> client id): the briefing's situations noted
// in the last days read the situations of those days, not every note
// logged in them. It is kept in the transaction of every write of a note
// (added, imported, moved by a merge, deleted, erased with its client);
// a book gets it whole at its first writable open since it came, check
// compares it with the notes and check --repair builds it again.
var bSitTime = []byte("sittime")

// putSituation indexes note n under client when it is a situation.
func (tx *Tx) putSituation(n *notes.Note, client string) error {
	bk := tx.bucket(bSitTime)
	if bk == nil || n.Kind != notes.Situation {
		return nil
	}
	return putAppending(bk, noteTimeKey(n.At, n.ID), []byte(client))
}

// deleteSituation takes the note of at and id out of the index.
func (tx *Tx) deleteSituation(at time.Time, id string) error {
	bk := tx.bucket(bSitTime)
	if bk == nil {
		return nil
	}
	return bk.Delete(noteTimeKey(at, id))
}

// SituationRefsSince is NoteRefsSince of the situation notes alone,
// from their index; ok is false in a book without it yet (opened
// read-only since it came): read NoteRefsSince then.
func (tx *Tx) SituationRefsSince(since time.Time) (refs []NoteRef, ok bool) {
	bk := tx.bucket(bSitTime)
	if bk == nil {
		return nil, false
	}
	return refsSince(bk, since), true
}

// wantSituations returns the index the notes say the book should keep.
func wantSituations(tx *bolt.Tx) ([]kv, error) {
	var want []kv
	var kind struct {
		Kind notes.Kind `json:"kind"`
	}
	err := tx.Bucket(bNotes).ForEach(func(k, v []byte) error {
		i := bytes.IndexByte(k, 0)
		if i <= 0 || !bytes.Contains(v, []byte(notes.Situation)) { // most notes: no decoding
			return nil
		}
		kind.Kind = ""
		if err := unmarshalRecord(v, &kind); err != nil {
			return err
		}
		if kind.Kind == notes.Situation {
			want = append(want, kv{append([]byte(nil), k[i+1:]...), append([]byte(nil), k[:i]...)})
		}
		return nil
	})
	return want, err
}

// buildSituations writes the index of the situation notes afresh.
func buildSituations(tx *bolt.Tx) error {
	if tx.Bucket(bSitTime) != nil {
		if err := tx.DeleteBucket(bSitTime); err != nil {
			return err
		}
	}
	bk, err := tx.CreateBucket(bSitTime)
	if err != nil {
		return err
	}
	return indexSituations(tx, bk)
}

// indexSituations fills bk, empty, with the index of the situation notes.
func indexSituations(tx *bolt.Tx, bk *bolt.Bucket) error {
	want, err := wantSituations(tx)
	if err != nil {
		return err
	}
	return putAllSorted(bulkPut{bk, want})
}

// checkSituations reports where the index of the situation notes and the
// notes differ.
func checkSituations(tx *bolt.Tx, rep *Report) {
	bk := tx.Bucket(bSitTime)
	if bk == nil || tx.Bucket(bNotes) == nil {
		return
	}
	want, err := wantSituations(tx)
	if err != nil {
		rep.problem("sittime: the notes do not read: %v", err)
		return
	}
	n := 0
	_ = bk.ForEach(func(k, v []byte) error {
		n++
		return nil
	})
	for _, w := range want {
		if v := bk.Get(w.k); !bytes.Equal(v, w.v) {
			rep.problem("sittime: situation note %x of client %s is not indexed as such", w.k, w.v)
		}
	}
	if n != len(want) {
		rep.problem("sittime: %d entries for %d situation notes", n, len(want))
	}
}
