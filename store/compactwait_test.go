package store

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// TestPoint2WriteWaitingThroughCompaction: a vipbook that waits for the
// book while another compacts it (an erase, a purge, a release: a new
// file takes the book's name) writes to the new file, not to the old one
// the compaction let go, so its write is in the book afterwards. The
// waiter is a command (its open waits) or the app, open all along (its
// write waits).
func TestPoint2WriteWaitingThroughCompaction(t *testing.T) {
	for _, tc := range []struct {
		name     string
		write    Options
		openLate bool // the waiter opens the book while it is held
	}{
		{"a command waits", Options{Now: clock, Timeout: 10 * time.Second}, true},
		{"the app's open waits", Options{Now: clock, Shared: true, Timeout: 10 * time.Second}, true},
		{"the open app's write waits", Options{Now: clock, Shared: true, Timeout: 10 * time.Second}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, path := newBook(t)
			var gone, stay profile.Profile
			gone.Name, stay.Name = "王小明", "单丽娜"
			if err := b.Update(func(tx *Tx) error {
				if err := tx.AddClient(&gone); err != nil {
					return err
				}
				return tx.AddClient(&stay)
			}); err != nil {
				t.Fatal(err)
			}
			b.Close()
			var w *Book
			var err error
			if !tc.openLate {
				if w, err = Open(path, tc.write); err != nil {
					t.Fatal(err)
				}
				defer w.Close()
			}
			eraser, err := Open(path, Options{Now: clock})
			if err != nil {
				t.Fatal(err)
			}
			defer eraser.Close()
			if err := eraser.Update(func(tx *Tx) error {
				_, err := tx.EraseClient(gone.ID)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() {
				if w == nil {
					var err error
					if w, err = Open(path, tc.write); err != nil {
						done <- err
						return
					}
				}
				done <- w.Update(func(tx *Tx) error {
					return tx.AddNote(&notes.Note{ClientID: stay.ID, Kind: notes.General, Text: "written-while-compacted"})
				})
			}()
			time.Sleep(300 * time.Millisecond) // the other vipbook waits for the lock
			if err := eraser.CompactInPlace(); err != nil {
				t.Fatal(err)
			}
			eraser.Close()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			if tc.openLate {
				w.Close()
			}
			check, err := Open(path, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer check.Close()
			var got []notes.Note
			if err := check.View(func(tx *Tx) error {
				var err error
				got, err = tx.Notes(stay.ID)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].Text != "written-while-compacted" {
				t.Errorf("the write made while the book was compacted is lost: %v", got)
			}
		})
	}
}

// TestPoint3AppWriteWaitsForCommand: a write of the app (a shared book)
// that finds the book held by a command waits for it, past the second
// after which it used to give up, says that it waits (WriteWaiting) for
// as long as it does, and lands once the command lets go.
func TestPoint3AppWriteWaitsForCommand(t *testing.T) {
	b, path := newBook(t)
	stay := profile.Profile{Name: "单丽娜"}
	if err := b.Update(func(tx *Tx) error { return tx.AddClient(&stay) }); err != nil {
		t.Fatal(err)
	}
	b.Close()
	app, err := Open(path, Options{Now: clock, Shared: true})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	cmd, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	// The command lets go once the write says it waits and 1.5 s have
	// passed, not after a fixed sleep: on a loaded machine the write may
	// reach its wait later than any.
	var waitedSaid atomic.Bool
	start := time.Now()
	if app.WriteWaiting() {
		t.Error("waiting before any write")
	}
	go func() {
		for end := start.Add(time.Minute); time.Now().Before(end) && (!app.WriteWaiting() || time.Since(start) < 1500*time.Millisecond); {
			time.Sleep(5 * time.Millisecond)
		}
		waitedSaid.Store(app.WriteWaiting())
		cmd.Close()
	}()
	if err := app.Update(func(tx *Tx) error {
		return tx.AddNote(&notes.Note{ClientID: stay.ID, Kind: notes.General, Text: "typed while the command ran"})
	}); err != nil {
		t.Fatalf("the app's write gave up while a command held the book: %v", err)
	}
	if took := time.Since(start); took < time.Second {
		t.Errorf("the write took %v: the command held the book for 1.5 s", took)
	}
	if !waitedSaid.Load() {
		t.Error("WriteWaiting was false while the write waited")
	}
	if app.WriteWaiting() {
		t.Error("WriteWaiting still true after the write")
	}
}
