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
	c := tx.bucket(bTaskDue).Cursor()
	limit := day.Pack()
	// Counted first, then made at their size: grown by append, the refs'
	// buffers left twice their size as garbage beside the briefing's rows
	// (BENCHMARKS.md, "Briefing at 100k").
	n, size := 0, 0
	for k, v := c.First(); k != nil && binary.BigEndian.Uint32(k[:4]) <= limit; k, v = c.Next() {
		n, size = n+1, size+len(k)-4+len(v)
	}
	if n == 0 {
		return nil
	}
	var missing []int       // refs whose client id is not in the index
	var ids strings.Builder // every task id then its client id, one after the other
	ids.Grow(size)
	ends := make([]int32, 0, 2*n) // where each ref's task id and client id end in ids
	dues := make([]uint32, 0, n)  // each ref's day, packed
	for k, v := c.First(); k != nil && len(dues) < n; k, v = c.Next() {
		if len(v) == 0 {
			missing = append(missing, len(dues))
		}
		dues = append(dues, binary.BigEndian.Uint32(k[:4]))
		ids.Write(k[4:])
		ends = append(ends, int32(ids.Len()))
		ids.Write(v)
		ends = append(ends, int32(ids.Len()))
	}
	all := ids.String()
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
	c := bk.Cursor()
	// Counted first, then made at their size (as OpenTaskRefsDueBy's).
	n, size := 0, 0
	for k, v := c.Seek(timeBytes(since)); k != nil; k, v = c.Next() {
		if len(k) >= 8 {
			n, size = n+1, size+len(k)-8+len(v)
		}
	}
	if n == 0 {
		return nil
	}
	var ids strings.Builder // every note id then its client id, one after the other
	ids.Grow(size)
	ends := make([]int32, 0, 2*n) // where each ref's note id and client id end in ids
	ats := make([]int64, 0, n)    // each ref's time
	for k, v := c.Seek(timeBytes(since)); k != nil && len(ats) < n; k, v = c.Next() {
		if len(k) < 8 {
			continue
		}
		ats = append(ats, int64(binary.BigEndian.Uint64(k[:8])))
		ids.Write(k[8:])
		ends = append(ends, int32(ids.Len()))
		ids.Write(v)
		ends = append(ends, int32(ids.Len()))
	}
	all := ids.String()
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
