package store

import (
	"bytes"
	"encoding/binary"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/tasks"
	bolt "go.etcd.io/bbolt"
)

// The due index (taskdue: due day, task id -> client id) holds exactly
// the open and snoozed tasks, each under the day it is due or snoozed to:
// `task list`, the briefing and the app's follow-ups read it in order.
// check compares it with the tasks; check --repair writes it afresh.

// wantDue returns the entries the due index should hold, one per open
// task, from the tasks themselves. Tasks that do not decode are left out
// (check reports them as damaged records).
func wantDue(tx *bolt.Tx) []kv {
	var want []kv
	_ = tx.Bucket(bTasks).ForEach(func(k, v []byte) error {
		var t tasks.Task
		if unmarshalRecord(v, &t) != nil || !t.IsOpen() {
			return nil
		}
		want = append(want, kv{dueKey(&t), dueValue(&t)})
		return nil
	})
	return want
}

// buildDue writes the due index afresh from the tasks.
func buildDue(tx *bolt.Tx) error {
	if tx.Bucket(bTaskDue) != nil {
		if err := tx.DeleteBucket(bTaskDue); err != nil {
			return err
		}
	}
	bk, err := tx.CreateBucket(bTaskDue)
	if err != nil {
		return err
	}
	return putAllSorted(bulkPut{bk, wantDue(tx)})
}

// checkDue reports where the due index and the tasks differ: an open task
// missing or under another day, an entry naming another client, an entry
// left behind by a task since closed, moved or gone. An entry without a
// client id (a book written before the index held them) is sound.
func checkDue(tx *bolt.Tx, rep *Report) {
	bk := tx.Bucket(bTaskDue)
	if tx.Bucket(bTasks) == nil {
		return
	}
	if bk == nil {
		// Every book has had the index since its first release: gone
		// whole, every open task is missing from it.
		if n := len(wantDue(tx)); n > 0 {
			rep.problem("taskdue: the due index is missing: %d open tasks are not in it (check --repair writes it)", n)
		}
		return
	}
	const most = 20 // then a count
	bad := 0
	say := func(format string, args ...any) {
		if bad++; bad <= most {
			rep.problem(format, args...)
		}
	}
	want := wantDue(tx)
	for _, w := range want {
		v := bk.Get(w.k)
		switch {
		case v == nil:
			say("taskdue: open task %s due %s is not in the due index (check --repair writes it)", w.k[4:], dueDay(w.k))
		case len(v) > 0 && !bytes.Equal(v, w.v):
			say("taskdue: the entry of task %s names client %q, the task client %q", w.k[4:], v, w.v)
		}
	}
	wanted := make(map[string]bool, len(want))
	for _, w := range want {
		wanted[string(w.k)] = true
	}
	_ = bk.ForEach(func(k, _ []byte) error {
		if len(k) < 4 {
			say("taskdue: a key too short for a day (%x)", k)
		} else if !wanted[string(k)] {
			say("taskdue: an entry for task %s due %s, which is not open on that day (check --repair drops it)", k[4:], dueDay(k))
		}
		return nil
	})
	if bad > most {
		rep.problem("taskdue: %d entries differ from the tasks in all", bad)
	}
}

// dueDay is the day of a due index key.
func dueDay(k []byte) civil.Date { return civil.Unpack(binary.BigEndian.Uint32(k[:4])) }
