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

// TestPoint3ReadWhileWriteWaits: while a write of the app (a shared book)
// waits for a command holding the book, the app's reads are served (a
// command reading the book, a check or a backup's copy, shares bbolt's
// lock with them), and Changed answers at once and sees what a command
// writing the book committed meanwhile, instead of "nothing changed".
func TestPoint3ReadWhileWriteWaits(t *testing.T) {
	b, path := newBook(t)
	if err := b.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "Before"}) }); err != nil {
		t.Fatal(err)
	}
	b.Close()
	app, err := Open(path, Options{Now: clock, Shared: true, Timeout: 10 * time.Second})
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
	if !waitUntil(3*time.Second, app.WriteWaiting) {
		t.Fatal("the app's write does not say it waits")
	}
	start := time.Now()
	names := clientNames(t, app)
	if took := time.Since(start); took > 500*time.Millisecond || !names["Before"] {
		t.Fatalf("a read while the write waited took %v and read %v", took, names)
	}
	if !app.WriteWaiting() {
		t.Fatal("the write stopped waiting while the command still held the book")
	}
	start = time.Now()
	if ch, err := app.Changed(); ch || err != nil || time.Since(start) > 200*time.Millisecond {
		t.Fatalf("Changed while the write waited = %v, %v after %v; want false at once", ch, err, time.Since(start))
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
	if !waitUntil(3*time.Second, app.WriteWaiting) {
		t.Fatal("the app's write does not say it waits for the writer")
	}
	if err := cmd.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "From the command"}) }); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	ch, err := app.Changed()
	if !ch || err != nil || time.Since(start) > 200*time.Millisecond {
		t.Fatalf("Changed after the command's commit, its write waiting = %v, %v after %v; want true at once", ch, err, time.Since(start))
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
