package store

import (
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// The refs agree with the decoded records: same tasks in the same order
// with their client, same notes, and the kind filter peeks right.
func TestRefsAgreeWithRecords(t *testing.T) {
	b, _ := newBook(t)
	today := civil.Of(testNow)
	err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "王小明"}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		for i, due := range []int{-3, 0, 0, 2} {
			title := `Call "client_id":"x" back` // a field name inside a value does not fool the peek
			if err := tx.AddTask(&tasks.Task{ClientID: p.ID, Title: title, Due: today.AddDays(due), Kind: tasks.ThankYou}); err != nil {
				t.Fatalf("task %d: %v", i, err)
			}
		}
		if err := tx.AddTask(&tasks.Task{Title: "Order the catalogues", Due: today, Kind: tasks.ThankYou}); err != nil {
			return err
		}
		for i, k := range []notes.Kind{notes.Situation, notes.Call, notes.Situation} {
			n := &notes.Note{ClientID: p.ID, Kind: k, Text: `"kind":"situation" in the text`, At: testNow.Add(-time.Duration(i) * time.Hour)}
			if err := tx.AddNote(n); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = b.View(func(tx *Tx) error {
		ts, err := tx.OpenTasksDueBy(today)
		if err != nil {
			return err
		}
		refs := tx.OpenTaskRefsDueBy(today)
		if len(refs) != len(ts) || len(ts) != 4 {
			t.Fatalf("%d refs, %d tasks; want 4", len(refs), len(ts))
		}
		for i := range ts {
			if r := refs[i]; r.ID != ts[i].ID || r.ClientID != ts[i].ClientID || r.Due != ts[i].DueOn() {
				t.Errorf("ref %d = %+v, task %+v", i, r, ts[i])
			}
		}
		since := testNow.Add(-24 * time.Hour)
		ns, err := tx.NotesSince(since, notes.Situation)
		if err != nil {
			return err
		}
		var got []notes.Note
		for _, r := range tx.NoteRefsSince(since) {
			n, ok, err := tx.NoteByRef(r, notes.Situation)
			if err != nil {
				return err
			}
			if ok {
				got = append(got, n)
			}
		}
		if len(got) != 2 || len(ns) != 2 || got[0].ID != ns[0].ID || got[1].ID != ns[1].ID {
			t.Errorf("situation notes by ref %v, by NotesSince %v", got, ns)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The due index carries each task's client id; a book written before it
// did (empty values) gives the same refs, read from the tasks.
func TestTaskRefsOldDueIndex(t *testing.T) {
	b, _ := newBook(t)
	today := civil.Of(testNow)
	var want []TaskRef
	err := b.Update(func(tx *Tx) error {
		for _, name := range []string{"王小明", "李华", "Anna"} {
			p := &profile.Profile{Name: name}
			if err := tx.AddClient(p); err != nil {
				return err
			}
			for _, due := range []int{-2, 0} {
				tk := &tasks.Task{ClientID: p.ID, Title: "Call back", Due: today.AddDays(due), Kind: tasks.ThankYou}
				if err := tx.AddTask(tk); err != nil {
					return err
				}
			}
		}
		tk := &tasks.Task{Title: "Order the catalogues", Due: today, Kind: tasks.ThankYou}
		if err := tx.AddTask(tk); err != nil {
			return err
		}
		// A snoozed task moves in the index with its client id.
		ts, err := tx.OpenTasksDueBy(today)
		if err != nil {
			return err
		}
		ts[0].Due = today.AddDays(-1)
		if err := tx.UpdateTask(&ts[0]); err != nil {
			return err
		}
		if ts, err = tx.OpenTasksDueBy(today); err != nil {
			return err
		}
		for _, tk := range ts {
			want = append(want, TaskRef{ID: tk.ID, ClientID: tk.ClientID, Due: tk.DueOn()})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check := func(label string) {
		t.Helper()
		_ = b.View(func(tx *Tx) error {
			got := tx.OpenTaskRefsDueBy(today)
			if len(got) != len(want) || len(got) != 7 {
				t.Fatalf("%s: %d refs, want %d (7)", label, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s: ref %d = %+v, want %+v", label, i, got[i], want[i])
				}
			}
			return nil
		})
	}
	check("new index")
	// Empty the index values as an older book has them.
	err = b.Update(func(tx *Tx) error {
		bk := tx.bucket(bTaskDue)
		var keys [][]byte
		_ = bk.ForEach(func(k, v []byte) error {
			if len(v) == 0 && string(k[4:]) != "" {
				return nil
			}
			keys = append(keys, append([]byte(nil), k...))
			return nil
		})
		for _, k := range keys {
			if err := bk.Put(k, nil); err != nil {
				return err
			}
		}
		if len(keys) != 6 {
			t.Errorf("%d index values with a client id, want 6", len(keys))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check("old index")
}
