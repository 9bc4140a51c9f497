package store

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
	bolt "go.etcd.io/bbolt"
	"pgregory.net/rapid"
)

// doneIDs names the tasks of ts with when each was done.
func doneIDs(ts []tasks.Task) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = fmt.Sprintf("%s@%s", t.ID, t.DoneAt.UTC().Format(time.RFC3339Nano))
	}
	return out
}

// checkDoneKept fails unless the done index gives, for each since and
// most asked, what a walk of every task gives, and holds no more and no
// fewer entries than the tasks make.
func checkDoneKept(t fataler, b *Book, step string, sinces []time.Time) {
	if err := b.View(func(tx *Tx) error {
		if tx.bucket(bTaskDone) == nil {
			t.Fatalf("%s: no done index", step)
		}
		for _, since := range sinces {
			for _, most := range []int{1, 3, 50, 1 << 20} {
				kept, err := tx.TasksDoneSince(since, most)
				if err != nil {
					return err
				}
				whole, err := tx.tasksDoneSinceScan(since, most)
				if err != nil {
					return err
				}
				if !slices.Equal(doneIDs(kept), doneIDs(whole)) {
					t.Fatalf("%s: done since %s (at most %d): the index gives %v, the tasks %v", step, since, most, doneIDs(kept), doneIDs(whole))
				}
			}
		}
		var diffs []string
		bad, err := doneIndex.compare(tx.tx, 5, func(f string, a ...any) { diffs = append(diffs, fmt.Sprintf(f, a...)) })
		if err != nil {
			return err
		}
		if bad > 0 {
			t.Fatalf("%s: the done index differs from the tasks: %q", step, diffs)
		}
		return nil
	}); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// TestDoneIndexIsWholeScan: after any sequence of writes of tasks (added,
// imported done or not, ticked, at the same instant as another too,
// reopened, snoozed, cancelled, their client erased, released in a
// handover or merged into another), the follow-ups done since any time,
// read from the done index, are those a walk of every task finds, in the
// same order, and the index holds exactly the entries the tasks make.
func TestDoneIndexIsWholeScan(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		w := newRandomWrites(t, rt)
		ops := []string{"client", "task", "task", "tick", "tick", "tick same", "reopen", "snooze", "cancel",
			"import", "erase", "release", "merge", "time passes"}
		var lastDone time.Time
		for i := range rapid.IntRange(1, 40).Draw(rt, "steps") {
			op := rapid.SampledFrom(ops).Draw(rt, "op")
			if len(w.ids) == 0 {
				op = "client"
			}
			if op == "time passes" {
				w.now = w.now.Add(time.Duration(rapid.IntRange(1, 30*24*60).Draw(rt, "minutes")) * time.Minute)
				continue
			}
			if op != "tick same" {
				w.now = w.now.Add(time.Duration(rapid.IntRange(1, 90).Draw(rt, "seconds")) * time.Second)
			}
			err := w.b.Update(func(tx *Tx) error {
				today := civil.Of(tx.Now())
				all, err := tx.AllTasks()
				if err != nil {
					return err
				}
				pick := func(ok func(t *tasks.Task) bool) *tasks.Task {
					var some []tasks.Task
					for _, t := range all {
						if ok(&t) {
							some = append(some, t)
						}
					}
					if len(some) == 0 {
						return nil
					}
					t := rapid.SampledFrom(some).Draw(rt, "task")
					return &t
				}
				open := func(t *tasks.Task) bool { return t.IsOpen() }
				switch op {
				case "client":
					p := w.fresh()
					if err := tx.AddClient(p); err != nil {
						return err
					}
					w.ids = append(w.ids, p.ID)
				case "task":
					tk := &tasks.Task{Title: "call", Kind: tasks.Custom, Due: today.AddDays(rapid.IntRange(-5, 5).Draw(rt, "due"))}
					if rapid.Bool().Draw(rt, "for a client") {
						tk.ClientID = w.client()
					}
					return tx.AddTask(tk)
				case "tick", "tick same":
					if tk := pick(open); tk != nil {
						if err := tk.Complete(tx.Now()); err != nil {
							return err
						}
						lastDone = tk.DoneAt
						return tx.UpdateTask(tk)
					}
				case "reopen":
					if tk := pick(func(t *tasks.Task) bool { return t.Status == tasks.Done }); tk != nil {
						tk.Status, tk.DoneAt, tk.Until = tasks.Open, time.Time{}, civil.Date{}
						return tx.UpdateTask(tk)
					}
				case "snooze":
					if tk := pick(open); tk != nil {
						if err := tk.Snooze(today.AddDays(3), today); err != nil {
							return err
						}
						return tx.UpdateTask(tk)
					}
				case "cancel":
					if tk := pick(open); tk != nil {
						tk.Cancel(tx.Now())
						return tx.UpdateTask(tk)
					}
				case "import":
					var ts []tasks.Task
					for range rapid.IntRange(1, 4).Draw(rt, "imported") {
						tk := tasks.Task{Title: "imported", Kind: tasks.Custom, Due: today, Status: tasks.Open}
						switch rapid.IntRange(0, 3).Draw(rt, "state") {
						case 1:
							tk.Status, tk.DoneAt = tasks.Done, tx.Now().Add(-time.Duration(rapid.IntRange(0, 40*24).Draw(rt, "hours ago"))*time.Hour)
						case 2:
							tk.Status = tasks.Done // done, without a time (an older book's)
						case 3:
							tk.Status, tk.DoneAt = tasks.Cancelled, tx.Now()
						}
						if rapid.Bool().Draw(rt, "for a client") {
							tk.ClientID = w.client()
						}
						ts = append(ts, tk)
					}
					_, err := tx.ImportTasks(ts)
					return err
				case "erase":
					w.ids, err = eraseStep(tx, w.ids, w.client())
					return err
				case "release":
					id := w.client()
					if _, err := tx.ReleaseClient(id); err != nil {
						return err
					}
					w.ids = slices.DeleteFunc(w.ids, func(x string) bool { return x == id })
				case "merge":
					w.ids, err = mergeStep(tx, w.ids, w.client(), w.client(), nil)
					return err
				}
				return nil
			})
			if err != nil {
				rt.Fatalf("step %d %s: %v", i, op, err)
			}
			checkDoneKept(rt, w.b, fmt.Sprintf("step %d %s", i, op), []time.Time{{}, w.now.AddDate(0, 0, -14), w.now.Add(-time.Hour), lastDone})
		}
	})
}

// TestDoneIndexBuiltAndChecked: a book written before the done index is
// read whole while read-only and gets the index, whole, at its first
// writable open; check finds an entry lost, one left by a task reopened
// and a stray one, and check --repair mends each.
func TestDoneIndexBuiltAndChecked(t *testing.T) {
	b, path := newBook(t)
	var ticked, reopened tasks.Task
	if err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "王小明"}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		today := civil.Of(tx.Now())
		for i := range 4 {
			tk := tasks.Task{ClientID: p.ID, Title: fmt.Sprintf("call %d", i), Kind: tasks.Custom, Due: today}
			if err := tx.AddTask(&tk); err != nil {
				return err
			}
			if i == 3 {
				continue // stays open
			}
			if err := tk.Complete(tx.Now().Add(-time.Duration(i) * time.Hour)); err != nil {
				return err
			}
			if err := tx.UpdateTask(&tk); err != nil {
				return err
			}
			ticked = tk
			if i == 1 {
				reopened = tk
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	sinces := []time.Time{{}, testNow.Add(-90 * time.Minute)}
	checkDoneKept(t, b, "written", sinces)
	b = withoutIndex(t, b, bTaskDone, func(tx *Tx) string {
		got, err := tx.TasksDoneSince(time.Time{}, 50)
		if err != nil || len(got) != 3 {
			return fmt.Sprintf("read-only without the index: %d done, %v; want 3", len(got), err)
		}
		return ""
	})
	checkDoneKept(t, b, "built at the first writable open", sinces)
	b.Close()
	reopened.Status, reopened.DoneAt = tasks.Open, time.Time{}
	damageFoundAndRepaired(t, path, bTaskDone, "taskdone:",
		func(bk *bolt.Bucket) error { return bk.Delete(taskDoneKey(&ticked)) },
		func(bk *bolt.Bucket) error {
			// the task reopened behind the index's back
			return putSealed(bk.Tx().Bucket(bTasks), []byte(reopened.ID), &reopened)
		},
		func(bk *bolt.Bucket) error {
			stray := tasks.Task{ID: "nosuchtask", Status: tasks.Done, DoneAt: testNow}
			return bk.Put(taskDoneKey(&stray), nil)
		},
	)
}
