package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	bolt "go.etcd.io/bbolt"
)

// TaskRef is an open task as the due index gives it, with its client read
// from the record without decoding it: enough to rank many tasks and
// decode only those shown (Task).
type TaskRef struct {
	ID       string
	ClientID string
	Due      civil.Date // the day it is due, or snoozed to
}

// OpenTaskRefsDueBy is OpenTasksDueBy without decoding the tasks: the open
// and snoozed tasks due on or before day, earliest first. The client ids
// come from the due index; a book written before the index held them has
// its tasks read (in id order, which keeps the reads close together).
func (tx *Tx) OpenTaskRefsDueBy(day civil.Date) []TaskRef {
	var missing []int // refs whose client id is not in the index
	var ids []byte    // every task id then its client id, one after the other
	var ends []int32  // where each ref's task id and client id end in ids
	var dues []uint32 // each ref's day, packed: the refs are made once, at their number
	c := tx.bucket(bTaskDue).Cursor()
	limit := day.Pack()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		due := binary.BigEndian.Uint32(k[:4])
		if due > limit {
			break
		}
		if len(v) == 0 {
			missing = append(missing, len(dues))
		}
		dues = append(dues, due)
		ids = append(ids, k[4:]...)
		ends = append(ends, int32(len(ids)))
		ids = append(ids, v...)
		ends = append(ends, int32(len(ids)))
	}
	if len(dues) == 0 {
		return nil
	}
	all := string(ids)
	start := int32(0)
	out := make([]TaskRef, len(dues))
	for i := range out {
		id, client := ends[2*i], ends[2*i+1]
		out[i] = TaskRef{ID: all[start:id], ClientID: all[id:client], Due: civil.Unpack(dues[i])}
		start = client
	}
	if len(missing) == 0 {
		return out
	}
	slices.SortFunc(missing, func(a, b int) int { return strings.Compare(out[a].ID, out[b].ID) })
	// Walk the tasks in id order: step to the next wanted task when it is
	// near, seek it when it is far.
	tc := tx.bucket(bTasks).Cursor()
	var k, v []byte
	for n, i := range missing {
		id := []byte(out[i].ID)
		steps := 0
		if n == 0 {
			k, v = tc.Seek(id)
		}
		for k != nil && bytes.Compare(k, id) < 0 {
			if steps++; steps > 12 {
				k, v = tc.Seek(id)
				break
			}
			k, v = tc.Next()
		}
		if bytes.Equal(k, id) {
			out[i].ClientID = peekString(v, `"client_id":"`)
		}
	}
	return out
}

// peekString returns the string value after field (`"name":"`) in a JSON
// record written by encoding/json, or "" when absent. A field name cannot
// occur inside a string value (its quotes would be escaped), so the first
// match is the field.
func peekString(raw []byte, field string) string {
	i := bytes.Index(raw, []byte(field))
	if i < 0 {
		return ""
	}
	v := raw[i+len(field):]
	j := bytes.IndexByte(v, '"')
	if j < 0 {
		return ""
	}
	return string(v[:j])
}

// NoteRef is a note as the time index gives it: when, which and whose,
// without reading the note.
type NoteRef struct {
	At       time.Time
	ID       string
	ClientID string
}

// NoteRefsSince returns a ref to every note logged at or after since,
// oldest first, reading only the time index. The refs' ids share one
// string (a week of a big book is a hundred thousand notes).
func (tx *Tx) NoteRefsSince(since time.Time) []NoteRef { return refsSince(tx.bucket(bNoteTime), since) }

// refsSince returns a ref to every note of the time index bk logged at or
// after since, oldest first.
func refsSince(bk *bolt.Bucket, since time.Time) []NoteRef {
	var ids []byte   // every note id then its client id, one after the other
	var ends []int32 // where each ref's note id and client id end in ids
	var ats []int64  // each ref's time: the refs are made once, at their number
	c := bk.Cursor()
	for k, v := c.Seek(timeBytes(since)); k != nil; k, v = c.Next() {
		if len(k) < 8 {
			continue
		}
		ats = append(ats, int64(binary.BigEndian.Uint64(k[:8])))
		ids = append(ids, k[8:]...)
		ends = append(ends, int32(len(ids)))
		ids = append(ids, v...)
		ends = append(ends, int32(len(ids)))
	}
	if len(ats) == 0 {
		return nil
	}
	all := string(ids)
	start := int32(0)
	out := make([]NoteRef, len(ats))
	for i := range out {
		id, client := ends[2*i], ends[2*i+1]
		out[i] = NoteRef{At: time.Unix(0, ats[i]), ID: all[start:id], ClientID: all[id:client]}
		start = client
	}
	return out
}

// NoteByRef returns the note r points at. When kinds are given and the
// note is of none of them, it returns false without decoding the note.
func (tx *Tx) NoteByRef(r NoteRef, kinds ...notes.Kind) (notes.Note, bool, error) {
	var n notes.Note
	raw := tx.bucket(bNotes).Get(join([]byte(r.ClientID), noteTimeKey(r.At, r.ID)))
	if raw == nil {
		return n, false, fmt.Errorf("note %s: %w", r.ID, ErrNotFound)
	}
	if len(kinds) > 0 {
		kind := notes.Kind(peekString(raw, `"kind":"`))
		found := false
		for _, k := range kinds {
			found = found || k == kind
		}
		if !found {
			return n, false, nil
		}
	}
	if err := unmarshalRecord(raw, &n); err != nil {
		return n, false, fmt.Errorf("note %s: %w", r.ID, err)
	}
	return n, true, nil
}
