package store

import (
	"errors"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/vipbook/vipbook/profile"
)

// clientNames reads the names of the book's clients.
func clientNames(t *testing.T, b *Book) map[string]bool {
	t.Helper()
	names := map[string]bool{}
	err := b.View(func(tx *Tx) error {
		sums, err := tx.Summaries()
		for _, s := range sums {
			names[s.Name] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestPoint8SharedBook: a book opened Shared (the app, open all day) lets
// another vipbook open the book for writing and for reading beside it, sees
// what it wrote (Changed, then the data), and does not take its own writes
// for another's. The two processes of the issue are in cli and tui
// (TestPoint8CLIBesideApp); here the second vipbook is a second open file
// in this process, which flock treats the same way.
func TestPoint8SharedBook(t *testing.T) {
	b, path := newBook(t)
	b.Close()
	app, err := Open(path, Options{Now: clock, Shared: true})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if !app.IsShared() {
		t.Fatal("IsShared = false")
	}
	if err := app.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "App Client"}) }); err != nil {
		t.Fatal(err)
	}
	if ch, err := app.Changed(); ch || err != nil {
		t.Fatalf("after its own write Changed = %v, %v; want false", ch, err)
	}

	// Another vipbook writes while the app is open.
	start := time.Now()
	cli, err := Open(path, Options{Now: clock, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("a writer beside the shared book: %v", err)
	}
	if err := cli.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "CLI Client"}) }); err != nil {
		t.Fatal(err)
	}
	cli.Close()
	t.Logf("the other writer opened, wrote and closed in %v", time.Since(start))

	if ch, err := app.Changed(); !ch || err != nil {
		t.Fatalf("after another's write Changed = %v, %v; want true", ch, err)
	}
	if ch, _ := app.Changed(); ch {
		t.Fatal("Changed = true twice for one write")
	}
	if names := clientNames(t, app); !names["CLI Client"] || !names["App Client"] {
		t.Fatalf("the app reads %v", names)
	}

	// A write from elsewhere followed by one of the app's own, before the
	// app looks: still seen.
	cli, err = Open(path, Options{Now: clock, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := cli.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "Second"}) }); err != nil {
		t.Fatal(err)
	}
	cli.Close()
	if err := app.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "Third"}) }); err != nil {
		t.Fatal(err)
	}
	if ch, _ := app.Changed(); !ch {
		t.Fatal("a write from elsewhere hidden by the app's own next write")
	}

	// Readers beside it: a read-only vipbook, while the app reads too.
	err = app.View(func(tx *Tx) error {
		ro, err := Open(path, Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
		if err != nil {
			return err
		}
		defer ro.Close()
		if names := clientNames(t, ro); len(names) != 4 {
			t.Errorf("the reader beside sees %v", names)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("a reader while the app reads: %v", err)
	}

	// A writer elsewhere that holds the book: the app's write waits for it
	// and goes in once it is let go, not refused.
	cli, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	go func() { time.Sleep(100 * time.Millisecond); cli.Close() }()
	if err := app.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "After"}) }); err != nil {
		t.Fatalf("the app's write while another held the book briefly: %v", err)
	}

	// Replaced under its name (a restore, another's compaction): Changed.
	if err := os.Rename(path, path+".old"); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(path+".old", path); err != nil {
		t.Fatal(err)
	}
	if ch, _ := app.Changed(); !ch {
		t.Fatal("a book replaced under its name is not a change")
	}
}

// TestPoint8SharedReadsAndWritesOverlap: reads and writes of one shared
// book from many goroutines (the app's commands run side by side, and a
// read may run inside a write) neither deadlock nor lose a write; the file
// is let go once they end (a writer elsewhere gets it at once).
func TestPoint8SharedReadsAndWritesOverlap(t *testing.T) {
	b, path := newBook(t)
	b.Close()
	app, err := Open(path, Options{Now: clock, Shared: true})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 20 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			errs <- app.Update(func(tx *Tx) error {
				// A read of the same book inside the write.
				if err := app.View(func(*Tx) error { return nil }); err != nil {
					return err
				}
				return tx.AddClient(&profile.Profile{Name: "c" + string(rune('a'+i))})
			})
		}()
		go func() {
			defer wg.Done()
			errs <- app.View(func(tx *Tx) error { _, err := tx.Summaries(); return err })
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := len(clientNames(t, app)); n != 20 {
		t.Fatalf("%d clients, want 20", n)
	}
	cli, err := Open(path, Options{Now: clock, Timeout: 50 * time.Millisecond})
	if errors.Is(err, ErrLocked) {
		t.Fatal("the shared book still holds the file after its transactions")
	}
	if err != nil {
		t.Fatal(err)
	}
	cli.Close()
}
