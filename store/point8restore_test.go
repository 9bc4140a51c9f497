package store

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// holdFile takes the exclusive lock another vipbook's write takes on the
// book at path (bbolt's flock, on a file description of its own, as a
// second process would) and lets go of it once release reports true (or
// after a minute). A hold for a fixed time made the tests depend on how
// soon a loaded machine got to the wait: let go on what shows the wait.
func holdFile(t *testing.T, path string, release func() bool) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	go func() {
		for end := time.Now().Add(time.Minute); time.Now().Before(end) && !release(); {
			time.Sleep(5 * time.Millisecond)
		}
		f.Close()
	}()
}

// TestPoint8RestoreAndRepairWaitSaying (issue 14 point 8, nothing waits):
// a restore, and the two steps of `check --repair` that open the book
// their own way (the salvage from backups, the rebuilt indexes), wait for
// a book another vipbook holds past OpenTimeout, as every write does,
// calling waiting so the command says for what; each then does its work.
// A restore while the app is open on the book (a shared book) goes
// through: the app sees the book replaced (Changed), reads the restored
// book, and its next write lands in it. Before, the restore was refused
// with the app open and gave up after a second silently.
func TestPoint8RestoreAndRepairWaitSaying(t *testing.T) {
	b, path := newBook(t)
	for i := range 5 {
		if err := addPair(b, i); err != nil {
			t.Fatal(err)
		}
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := b.Backup(backup); err != nil {
		t.Fatal(err)
	}
	if err := addPair(b, 5); err != nil {
		t.Fatal(err)
	}
	b.Close()
	hold := OpenTimeout + 300*time.Millisecond

	steps := []struct {
		name string
		run  func(waiting func()) error
	}{
		{"salvage", func(w func()) error { _, err := SalvageClients(path, w); return err }},
		{"repair indexes", func(w func()) error { return RepairIndexes(path, w) }},
		{"restore", func(w func()) error {
			_, err := Restore(path, backup, testNow, w)
			return err
		}},
	}
	for _, s := range steps {
		// Held until the step said it waits and hold has passed since it
		// began: past OpenTimeout, after which it used to give up.
		var said atomic.Int32
		var began atomic.Int64
		holdFile(t, path, func() bool {
			b := began.Load()
			return said.Load() > 0 && b != 0 && time.Since(time.Unix(0, b)) >= hold
		})
		start := time.Now()
		began.Store(start.UnixNano())
		err := s.run(func() { said.Add(1) })
		took := time.Since(start)
		if err != nil {
			t.Fatalf("%s beside a vipbook holding the book: %v (after %v)", s.name, err, took)
		}
		if said.Load() != 1 || took < hold {
			t.Errorf("%s: waited %v, said it %d times: want a wait past %v, said once", s.name, took, said.Load(), hold)
		}
	}
	if in, err := Describe(path); err != nil || in.Clients != 5 {
		t.Fatalf("after the restore the book holds %d clients (%v), want the backup's 5", in.Clients, err)
	}

	// With the app open (a shared book): the restore goes through, the app
	// notices and reads the restored book, and writes into it.
	w, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if err := addPair(w, 6); err != nil {
		t.Fatal(err)
	}
	w.Close()
	app, err := Open(path, Options{Now: clock, Shared: true})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if !AppOpen(path) {
		t.Fatal("the shared book does not say the app is open")
	}
	if n := clientCount(t, app); n != 6 {
		t.Fatalf("the app reads %d clients, want 6", n)
	}
	if _, err := Restore(path, backup, testNow.Add(time.Minute)); err != nil {
		t.Fatalf("a restore with the app open: %v", err)
	}
	if changed, err := app.Changed(); err != nil || !changed {
		t.Errorf("the app did not notice the restored book: %v, %v", changed, err)
	}
	if n := clientCount(t, app); n != 5 {
		t.Errorf("the app reads %d clients after the restore, want the backup's 5", n)
	}
	if err := addPair(app, 7); err != nil {
		t.Fatal(err)
	}
	if in, err := Describe(path); err != nil || in.Clients != 6 {
		t.Errorf("the app's write after the restore: the book holds %d clients (%v), want 6", in.Clients, err)
	}
}

// clientCount is how many clients b reads.
func clientCount(t *testing.T, b *Book) int {
	t.Helper()
	var n int
	if err := b.View(func(tx *Tx) error { n = tx.ClientCount(); return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPoint8ChangedNeverWaits (issue 14 point 8): while a read of the open
// app waits for another vipbook's write to let go of the book (holding
// the book's own lock as it opens the file), Changed answers at once; it
// used to wait behind the read. Once the other vipbook has written,
// Changed says so. "At once" is before the read ends: the other vipbook
// holds the book until Changed has answered (the read may wait two
// minutes here), so a Changed behind the read would never answer.
func TestPoint8ChangedNeverWaits(t *testing.T) {
	b, path := newBook(t)
	if err := addPair(b, 0); err != nil {
		t.Fatal(err)
	}
	b.Close()
	app, err := Open(path, Options{Now: clock, Shared: true, Timeout: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	var answered atomic.Bool
	holdFile(t, path, answered.Load)
	read := make(chan error, 1)
	go func() { read <- app.View(func(*Tx) error { return nil }) }()
	// The read is under way once it holds the book's lock.
	for deadline := time.Now().Add(time.Minute); app.sh.mu.TryLock(); time.Sleep(time.Millisecond) {
		app.sh.mu.Unlock()
		if time.Now().After(deadline) {
			t.Fatal("the read never started")
		}
	}
	var changed bool
	answers(t, "Changed beside a read waiting for another vipbook", func() { changed, err = app.Changed() })
	select {
	case err := <-read:
		t.Errorf("the read ended (%v) before Changed answered while the book was held", err)
	default:
	}
	answered.Store(true)
	if err != nil || changed {
		t.Errorf("Changed beside a waiting read: %v, %v; want false, nil", changed, err)
	}
	if err := <-read; err != nil {
		t.Fatalf("the read: %v", err)
	}
	w, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if err := addPair(w, 1); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if changed, err := app.Changed(); err != nil || !changed {
		t.Errorf("Changed after another vipbook wrote: %v, %v; want true", changed, err)
	}
	if changed, err := app.Changed(); err != nil || changed {
		t.Errorf("Changed a second time: %v, %v; want false", changed, err)
	}
}
