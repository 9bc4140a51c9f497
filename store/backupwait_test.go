package store

import (
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// TestPoint8PassingBackupLetsGo (issue 14 point 8, nothing waits): a book
// opened as `vipbook backup` opens it (read-only, Shared, Passing) does not
// say the app is open, holds the file only while its backup copies the
// pages, and meanwhile says a backup holds it (BackingUp); a writer that
// finds it so waits (calling Waiting) past OpenTimeout and its write
// lands; the copy checks sound and holds the book as it was before.
func TestPoint8PassingBackupLetsGo(t *testing.T) {
	b, path := newBook(t)
	for i := range 20 {
		if err := addPair(b, i); err != nil {
			t.Fatal(err)
		}
	}
	b.Close()
	// The backup holds the book, its pages copied, until the writer said
	// it waits and OpenTimeout has passed since it began: on a loaded
	// machine the writer may reach the book later than any fixed hold.
	var waited atomic.Bool
	var began atomic.Int64
	hold := func() {
		for end := time.Now().Add(time.Minute); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
			if b := began.Load(); waited.Load() && b != 0 && time.Since(time.Unix(0, b)) > OpenTimeout {
				return
			}
		}
	}
	bk, err := Open(path, Options{ReadOnly: true, Shared: true, Passing: true, CopyHold: hold})
	if err != nil {
		t.Fatal(err)
	}
	defer bk.Close()
	if AppOpen(path) {
		t.Fatal("a Passing book says the app is open")
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	done := make(chan error, 1)
	go func() { done <- bk.Backup(dst) }()
	for deadline := time.Now().Add(time.Minute); !BackingUp(path); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the backup never started")
		}
	}
	start := time.Now()
	began.Store(start.UnixNano())
	w, err := Open(path, Options{Now: clock, Waiting: func() { waited.Store(true) }})
	took := time.Since(start)
	if err != nil {
		t.Fatalf("a writer beside the backup: %v", err)
	}
	if !waited.Load() || took < OpenTimeout {
		t.Errorf("the writer waited %v, Waiting called %v: want a wait past %v, said", took, waited.Load(), OpenTimeout)
	}
	if err := addPair(w, 99); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if err := <-done; err != nil {
		t.Fatalf("backup: %v", err)
	}
	if BackingUp(path) {
		t.Error("the backup's marker is held after it ended")
	}
	// The backup's book, still open, holds nothing: a writer gets in at once.
	w, err = Open(path, Options{Now: clock, Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("the book is still held by the backup's open book: %v", err)
	}
	w.Close()
	info, err := Inspect(dst)
	if err != nil {
		t.Fatalf("the copy: %v", err)
	}
	if info.Clients != 20 {
		t.Errorf("the copy holds %d clients, want the 20 before the write", info.Clients)
	}
	in, err := Describe(path)
	if err != nil || in.Clients != 21 {
		t.Errorf("the book holds %d clients (%v), want 21", in.Clients, err)
	}
}
