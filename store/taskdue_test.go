package store

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
	bolt "go.etcd.io/bbolt"
)

// TestCheckDueIndex: check finds the due index sound after adds, a snooze,
// a tick and a cancel; it names an open task missing from the index, an
// entry naming another client and an entry left behind; check --repair
// (RepairIndexes) writes the index afresh, and the open tasks read in
// order again (EachOpenTask, CountOpenTasks).
func TestCheckDueIndex(t *testing.T) {
	b, path := newBook(t)
	today := civil.Of(testNow)
	var ids []string
	err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "王小明"}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		for _, due := range []int{-3, -1, 0, 2, 9, 40} {
			tk := &tasks.Task{ClientID: p.ID, Title: "Call back", Due: today.AddDays(due), Kind: tasks.ThankYou}
			if err := tx.AddTask(tk); err != nil {
				return err
			}
			ids = append(ids, tk.ID)
		}
		for i, change := range []func(t *tasks.Task){
			func(t *tasks.Task) { t.Status, t.Until = tasks.Snoozed, today.AddDays(5) },
			func(t *tasks.Task) { t.Status, t.DoneAt = tasks.Done, testNow },
			func(t *tasks.Task) { t.Status = tasks.Cancelled },
		} {
			tk, err := tx.Task(ids[i])
			if err != nil {
				return err
			}
			change(&tk)
			if err := tx.UpdateTask(&tk); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	counts := func(label string, want TaskCounts) {
		t.Helper()
		_ = b.View(func(tx *Tx) error {
			if got := tx.CountOpenTasks(today, today.AddDays(7)); got != want {
				t.Errorf("%s: counts %+v, want %+v", label, got, want)
			}
			var got []string
			_ = tx.EachOpenTask(civil.Date{}, func(t *tasks.Task) error {
				got = append(got, t.ID)
				return nil
			})
			if want := []string{ids[3], ids[0], ids[4], ids[5]}; strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s: open tasks %v, want %v (by the day due or snoozed to)", label, got, want)
			}
			return nil
		})
	}
	sound := TaskCounts{Overdue: 0, Today: 0, Ahead: 2, Later: 2, Last: today.AddDays(40)}
	counts("kept", sound)
	b.Close()
	if rep, err := Check(path); err != nil || !rep.Sound() {
		t.Fatalf("check of a sound book: %v %v", err, rep.Problems)
	}

	// Damage the index three ways.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		bk := tx.Bucket(bTaskDue)
		var keys [][]byte
		_ = bk.ForEach(func(k, _ []byte) error {
			keys = append(keys, append([]byte(nil), k...))
			return nil
		})
		if len(keys) != 4 {
			t.Errorf("%d entries in the due index, want 4", len(keys))
		}
		if err := bk.Delete(keys[0]); err != nil { // ids[3], due in 2 days
			return err
		}
		if err := bk.Put(keys[1], []byte("someone")); err != nil { // ids[0], snoozed
			return err
		}
		stale := append(append([]byte(nil), keys[2][:4]...), ids[1]...) // the done task
		return bk.Put(stale, nil)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(rep.Problems, "\n")
	for _, want := range []string{
		"open task " + ids[3] + " due " + today.AddDays(2).String() + " is not in the due index",
		"the entry of task " + ids[0] + ` names client "someone"`,
		"an entry for task " + ids[1] + " due " + today.AddDays(9).String() + ", which is not open on that day",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("check does not say %q:\n%s", want, all)
		}
	}
	if err := RepairIndexes(path); err != nil {
		t.Fatal(err)
	}
	if rep, err := Check(path); err != nil || !rep.Sound() {
		t.Fatalf("check after repair: %v %v", err, rep.Problems)
	}
	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	counts("repaired", sound)
}

// TestClientName: the name a list shows for a client, read from the start
// of the summary: the name, else the Latin name; "" for no such client.
func TestClientName(t *testing.T) {
	b, _ := newBook(t)
	var zh, latin string
	err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "王小明", LatinName: "Wang Xiaoming"}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		q := &profile.Profile{LatinName: "Anne Dubois"}
		if err := tx.AddClient(q); err != nil {
			return err
		}
		zh, latin = p.ID, q.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = b.View(func(tx *Tx) error {
		for id, want := range map[string]string{zh: "王小明", latin: "Anne Dubois", "nobody": ""} {
			s, _ := tx.Summary(id)
			if got := tx.ClientName(id); got != want || got != s.DisplayName() {
				t.Errorf("ClientName(%s) = %q, want %q (the summary's %q)", id, got, want, s.DisplayName())
			}
		}
		return nil
	})
}

// TestPoint5CheckFindsDueIndexMissing (issue 14 point 5): a due index
// gone whole is a problem check names (it used to skip the index then,
// and call the book sound while `task list` and the briefing showed no
// follow-up); check --repair writes it again, and so does a writable
// open, which used to add it empty.
func TestPoint5CheckFindsDueIndexMissing(t *testing.T) {
	for _, mend := range []string{"repair", "open"} {
		t.Run(mend, func(t *testing.T) {
			b, path := newBook(t)
			today := civil.Of(testNow)
			if err := b.Update(func(tx *Tx) error {
				p := &profile.Profile{Name: "王小明"}
				if err := tx.AddClient(p); err != nil {
					return err
				}
				for _, due := range []int{-1, 0, 3} {
					if err := tx.AddTask(&tasks.Task{ClientID: p.ID, Title: "Call back", Due: today.AddDays(due), Kind: tasks.ThankYou}); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if err := b.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bTaskDue) }); err != nil {
				t.Fatal(err)
			}
			b.Close()
			if mend == "repair" {
				rep, err := Check(path)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Sound() || !strings.Contains(strings.Join(rep.Problems, "\n"), "due index is missing: 3 open tasks") {
					t.Fatalf("check on a book without its due index: %q", rep.Problems)
				}
				if err := RepairIndexes(path); err != nil {
					t.Fatal(err)
				}
			} else {
				w, err := Open(path, Options{Now: clock})
				if err != nil {
					t.Fatal(err)
				}
				w.Close()
			}
			rep, err := Check(path)
			if err != nil || !rep.Sound() {
				t.Fatalf("check after the %s: %v %q", mend, err, rep.Problems)
			}
			r, err := Open(path, Options{Now: clock, ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			_ = r.View(func(tx *Tx) error {
				n := 0
				_ = tx.EachOpenTask(civil.Date{}, func(*tasks.Task) error { n++; return nil })
				if n != 3 {
					t.Errorf("after the %s the due index gives %d open tasks, want 3", mend, n)
				}
				return nil
			})
		})
	}
}
