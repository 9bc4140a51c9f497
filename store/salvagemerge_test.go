package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// TestPoint1SalvageAfterMergeFollowsClient: a task, an appointment and a
// request of a client later merged into another, damaged after the merge
// and put back by check --repair (SalvageClients) from a backup written
// before it, belong to the client they were merged into, not to the id
// merged away: the report names that client, the client's lists hold the
// records, and check finds the book sound.
func TestPoint1SalvageAfterMergeFollowsClient(t *testing.T) {
	b, path := newBook(t)
	keep := &profile.Profile{Name: "Keep Wang"}
	other := &profile.Profile{Name: "Wang K."}
	day := civil.Of(testNow)
	ids := map[string]string{}
	err := b.Update(func(tx *Tx) error {
		for _, p := range []*profile.Profile{keep, other} {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		tk := &tasks.Task{ClientID: other.ID, Title: "MERGETASK call back", Due: day.AddDays(3)}
		if err := tx.AddTask(tk); err != nil {
			return err
		}
		a := &visits.Appointment{ClientID: other.ID, Start: testNow.Add(48 * time.Hour), Duration: time.Hour, Purpose: "MERGEAPPT fitting", Status: "booked"}
		if err := tx.AddAppointment(a); err != nil {
			return err
		}
		r := &requests.Request{ClientID: other.ID, What: "MERGEREQUEST the navy coat", Opened: day, Status: requests.Status("open")}
		if err := tx.AddRequest(r); err != nil {
			return err
		}
		ids["task"], ids["appointment"], ids["request"] = tk.ID, a.ID, r.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(BackupDir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := b.Backup(filepath.Join(BackupDir(path), "book-20261124-0900.db")); err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(tx *Tx) error { _, err := tx.MergeClients(keep, other.ID); return err }); err != nil {
		t.Fatal(err)
	}
	b.Close()
	for _, m := range []string{"MERGETASK", "MERGEAPPT", "MERGEREQUEST"} {
		flipIn(t, path, m)
	}
	said, err := SalvageClients(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(said) != 3 {
		t.Fatalf("salvaged %+v, want the three records", said)
	}
	for _, s := range said {
		if s.ID != keep.ID || s.Name != keep.Name || s.From == "" || s.Record != ids[s.Kind] {
			t.Errorf("salvaged %+v: want the %s put back on %s (%s)", s, s.Kind, keep.ID, keep.Name)
		}
	}
	if err := RepairIndexes(path); err != nil {
		t.Fatal(err)
	}
	if rep, err := Check(path); err != nil || len(rep.Problems) != 0 {
		t.Fatalf("check after the repair: %+v, %v", rep, err)
	}
	b, err = Open(path, Options{Now: clock, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_ = b.View(func(tx *Tx) error {
		if ts := tx.ClientTasks(keep.ID); len(ts) != 1 || ts[0].ClientID != keep.ID || ts[0].Title != "MERGETASK call back" {
			t.Errorf("the kept client's tasks: %+v", ts)
		}
		if as := tx.ClientAppointments(keep.ID); len(as) != 1 || as[0].ClientID != keep.ID {
			t.Errorf("the kept client's appointments: %+v", as)
		}
		if rs := tx.ClientRequests(keep.ID); len(rs) != 1 || rs[0].ClientID != keep.ID {
			t.Errorf("the kept client's requests: %+v", rs)
		}
		return nil
	})
}
