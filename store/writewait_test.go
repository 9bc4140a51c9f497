package store

import (
	"testing"
	"time"

	"github.com/vipbook/vipbook/profile"
)

// waitUntil polls cond every 10 ms for up to d.
func waitUntil(d time.Duration, cond func() bool) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

// answers runs f and fails unless it returns within a minute: a call that
// waits for what the test holds never returns. The bound is no measure of
// speed (a loaded machine takes seconds for what takes a millisecond):
// what shows a call did not wait is that the write it would have waited
// for still waits after it (WriteWaiting).
func answers(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatalf("%s: no answer in a minute, while a command holds the book", what)
	}
}

// TestPoint3ReadWhileWriteWaits: while a write of the app (a shared book)
// waits for a command holding the book, the app's reads are served (a
// command reading the book, a check or a backup's copy, shares bbolt's
// lock with them), and Changed answers at once and sees what a command
// writing the book committed meanwhile, instead of "nothing changed".
// "At once": before the write stops waiting, which it does only when the
// command lets go (the app waits up to two minutes here: its write never
// gives up while the test runs, even on a loaded machine).
func TestPoint3ReadWhileWriteWaits(t *testing.T) {
	b, path := newBook(t)
	if err := b.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "Before"}) }); err != nil {
		t.Fatal(err)
	}
	b.Close()
	app, err := Open(path, Options{Now: clock, Shared: true, Timeout: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()

	// A command reading the book for long (a check): the app's write waits.
	reader, err := Open(path, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		done <- app.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "Typed"}) })
	}()
	if !waitUntil(time.Minute, app.WriteWaiting) {
		t.Fatal("the app's write does not say it waits")
	}
	var names map[string]bool
	answers(t, "a read while the write waits", func() { names = clientNames(t, app) })
	if !names["Before"] {
		t.Fatalf("a read while the write waited read %v", names)
	}
	if !app.WriteWaiting() {
		t.Fatal("the write stopped waiting while the command still held the book")
	}
	var ch bool
	answers(t, "Changed while the write waits", func() { ch, err = app.Changed() })
	if ch || err != nil || !app.WriteWaiting() {
		t.Fatalf("Changed while the write waited = %v, %v (the write still waits: %v); want false, before the write stops waiting", ch, err, app.WriteWaiting())
	}
	reader.Close()
	if err := <-done; err != nil {
		t.Fatalf("the write once the command let go: %v", err)
	}
	if ch, _ := app.Changed(); ch {
		t.Fatal("the app's own write taken for another's")
	}

	// A command writing the book: the app's write waits, and Changed sees
	// the command's commit while the command still holds the book.
	cmd, err := Open(path, Options{Now: clock, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		done <- app.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "Typed again"}) })
	}()
	if !waitUntil(time.Minute, app.WriteWaiting) {
		t.Fatal("the app's write does not say it waits for the writer")
	}
	if err := cmd.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "From the command"}) }); err != nil {
		t.Fatal(err)
	}
	answers(t, "Changed after the command's commit", func() { ch, err = app.Changed() })
	if !ch || err != nil || !app.WriteWaiting() {
		t.Fatalf("Changed after the command's commit, its write waiting = %v, %v (the write still waits: %v); want true, before the write stops waiting", ch, err, app.WriteWaiting())
	}
	cmd.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	names = clientNames(t, app)
	for _, n := range []string{"Before", "Typed", "Typed again", "From the command"} {
		if !names[n] {
			t.Errorf("%q missing: %v", n, names)
		}
	}
}
