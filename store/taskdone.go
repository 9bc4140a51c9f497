package store

import (
	"bytes"
	"encoding/binary"
	"slices"
	"sort"
	"time"

	"github.com/vipbook/vipbook/tasks"
	bolt "go.etcd.io/bbolt"
)

// bTaskDone indexes the tasks done (ticked off) by when they were done
// (taskDoneKey, no value): the follow-ups screen's d lists those of the last
// days from it, not from every task of the book. It is kept in the
// transaction of every write of a task (added, imported, ticked,
// reopened, moved by a merge, deleted with its client on an erase or a
// handover); a book gets it whole at its first writable open since it
// came, check compares it with the tasks (a record index) and check
// --repair writes it afresh.
var bTaskDone = []byte("taskdone")

// doneKeyLen is the length of the time at the head of a taskDoneKey.
const doneKeyLen = 12

// taskDoneKey is the done index's key of t: the time it was done (the Unix
// seconds offset by 2^63 so that every time, the zero one too, sorts in
// order; then the nanoseconds) and its id.
func taskDoneKey(t *tasks.Task) []byte {
	return append(doneTimeBytes(t.DoneAt), t.ID...)
}

func doneTimeBytes(at time.Time) []byte {
	b := make([]byte, doneKeyLen, doneKeyLen+8)
	binary.BigEndian.PutUint64(b, uint64(at.Unix())^(1<<63))
	binary.BigEndian.PutUint32(b[8:], uint32(at.Nanosecond()))
	return b
}

// isDone reports whether t belongs in the done index.
func isDone(t *tasks.Task) bool { return t.Status == tasks.Done }

// putDone indexes t when it is done.
func (tx *Tx) putDone(t *tasks.Task) error {
	bk := tx.bucket(bTaskDone)
	if bk == nil || !isDone(t) {
		return nil
	}
	return bk.Put(taskDoneKey(t), nil)
}

// deleteDone takes t, as it was stored, out of the index.
func (tx *Tx) deleteDone(t *tasks.Task) {
	if bk := tx.bucket(bTaskDone); bk != nil && isDone(t) {
		_ = bk.Delete(taskDoneKey(t))
	}
}

// TasksDoneSince returns the tasks done (ticked off) at or after since,
// the latest first (of those done at the same time, by id), at most max
// of them. It reads the done index back from its end and only the tasks
// it names; a book without the index yet (opened read-only since it
// came) is read whole.
func (tx *Tx) TasksDoneSince(since time.Time, max int) ([]tasks.Task, error) {
	bk := tx.bucket(bTaskDone)
	if bk == nil {
		return tx.tasksDoneSinceScan(since, max)
	}
	var out []tasks.Task
	from := doneTimeBytes(since)
	tb := tx.bucket(bTasks)
	// The index read backwards gives those done at one time by id
	// descending: each such run is put the other way round once whole.
	var at []byte
	run := 0
	flush := func() {
		slices.Reverse(out[run:])
		run = len(out)
	}
	c := bk.Cursor()
	for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
		if bytes.Compare(k, from) < 0 {
			break
		}
		if len(k) <= doneKeyLen {
			continue // not an entry the store writes: check reports it
		}
		if !bytes.Equal(k[:doneKeyLen], at) {
			if flush(); len(out) >= max {
				break
			}
			at = k[:doneKeyLen]
		}
		v := tb.Get(k[doneKeyLen:])
		if v == nil {
			continue // an entry left behind: check reports it, --repair drops it
		}
		var t tasks.Task
		if err := unmarshalRecord(v, &t); err != nil {
			return nil, recordDamage("task", k[doneKeyLen:], v, err)
		}
		if !isDone(&t) || !bytes.Equal(taskDoneKey(&t), k) {
			continue // an entry of an earlier state: check reports it
		}
		out = append(out, t)
	}
	flush()
	return out[:min(len(out), max)], nil
}

// tasksDoneSinceScan is TasksDoneSince from every task of the book: for a
// book without the index, and what the tests compare the index with.
func (tx *Tx) tasksDoneSinceScan(since time.Time, max int) ([]tasks.Task, error) {
	var out []tasks.Task
	done := []byte(`"status":"` + string(tasks.Done) + `"`)
	err := tx.bucket(bTasks).ForEach(func(k, v []byte) error {
		if !bytes.Contains(v, done) {
			return nil
		}
		var t tasks.Task
		if err := unmarshalRecord(v, &t); err != nil {
			return recordDamage("task", k, v, err)
		}
		if isDone(&t) && !t.DoneAt.Before(since) {
			out = append(out, t)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].DoneAt.Equal(out[j].DoneAt) {
			return out[i].DoneAt.After(out[j].DoneAt)
		}
		return out[i].ID < out[j].ID
	})
	if len(out) > max {
		out = out[:max]
	}
	return out, err
}

// wantDone puts every entry the done index should hold, from the tasks
// (those that do not decode are left out: check names them already).
func wantDone(tx *bolt.Tx, put func(k, v []byte)) error {
	done := []byte(`"status":"` + string(tasks.Done) + `"`)
	return tx.Bucket(bTasks).ForEach(func(_, v []byte) error {
		if !bytes.Contains(v, done) { // most tasks of a big book: no decoding
			return nil
		}
		var t tasks.Task
		if unmarshalRecord(v, &t) == nil && isDone(&t) {
			put(taskDoneKey(&t), nil)
		}
		return nil
	})
}

// indexDone fills bk, empty, with the done index.
func indexDone(tx *bolt.Tx, bk *bolt.Bucket) error {
	var want []kv
	if err := wantDone(tx, func(k, v []byte) { want = append(want, kv{k, v}) }); err != nil {
		return err
	}
	return putAllSorted(bulkPut{bk, want})
}

// doneIndex is the done index as a record index (recordindex.go): check
// compares it with the tasks and check --repair writes it afresh.
var doneIndex = recordIndex{
	name: bTaskDone, empty: true, from: [][]byte{bTasks},
	each: wantDone,
	made: func(tx *bolt.Tx, k, _ []byte) bool {
		if len(k) <= doneKeyLen {
			return false
		}
		t, there, sound := recordOf[tasks.Task](tx, bTasks, k[doneKeyLen:])
		return there && (!sound || isDone(&t) && bytes.Equal(taskDoneKey(&t), k))
	},
	what: func(k, _ []byte) string {
		if len(k) <= doneKeyLen {
			return string(k)
		}
		return string(k[doneKeyLen:])
	},
}
