package store

import (
	"errors"
	"os"
	"slices"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// freeBytes returns the bytes of the book at path's free and pending
// pages and the file's size (opened writable, as bbolt reads the free
// list only then; nothing is committed).
func freeBytes(t *testing.T, path string) (free, size int64) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, FreelistType: bolt.FreelistMapType})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := db.Stats()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return int64((s.FreePageN + s.PendingPageN) * db.Info().PageSize), st.Size()
}

// compactOwed reports whether the book at path says a compaction is owed.
func compactOwed(t *testing.T, path string) bool {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	owed := false
	_ = db.View(func(tx *bolt.Tx) error { owed = tx.Bucket(bMeta).Get(kCompactOwed) != nil; return nil })
	return owed
}

func inode(t *testing.T, path string) uint64 {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino
}

// TestUpgradeOpenCompacts: a book that lacks its kept indexes (written
// before them) gets them built, streamed, at its first writable open, and
// that open then compacts the book once: the pages the build left free
// go back (the free list is a few pages), check finds the book sound and
// no compaction is owed any more. A build stopped half way (as by a kill)
// leaves the compaction owed, and the next writable open finishes both.
// A later writable open, with nothing to bring up to date, does not
// compact again.
func TestUpgradeOpenCompacts(t *testing.T) {
	defer func(b, p int, i func(string) error) { buildBatch, buildInPlace, buildInterrupt = b, p, i }(buildBatch, buildInPlace, buildInterrupt)
	buildBatch, buildInPlace = 50, 0
	path := bookWithoutKept(t, "size", 600)
	if compactOwed(t, path) {
		t.Fatal("a compaction owed before any upgrade")
	}

	// Stopped after the build's second step: the compaction stays owed.
	at := 2
	buildInterrupt = func(string) error {
		if at--; at == 0 {
			return errKilled
		}
		return nil
	}
	if _, err := Open(path, Options{Now: clock}); !errors.Is(err, errKilled) {
		t.Fatalf("open stopped in the build: %v", err)
	}
	if !compactOwed(t, path) {
		t.Fatal("a build stopped half way left no compaction owed")
	}
	free, size := freeBytes(t, path)
	t.Logf("after the stopped build: file %d bytes, %d free", size, free)

	buildInterrupt = func(string) error { return nil }
	b, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if compactOwed(t, path) {
		t.Fatal("the compaction is still owed after the open that finished the build")
	}
	free, size = freeBytes(t, path)
	t.Logf("after the upgrade-open: file %d bytes, %d free", size, free)
	// The compacted copy's free pages are the few the open's last commit
	// (taking the mark) freed.
	if free > 8*4096 || free*100 > size {
		t.Fatalf("%d of the file's %d bytes are free pages after the upgrade-open", free, size)
	}
	if rep, err := Check(path); err != nil || !rep.Sound() {
		t.Fatalf("check after the upgrade-open: %v %q", err, rep.Problems)
	}
	verifyBuilt(t, path)

	// Nothing to bring up to date: the file is not rewritten.
	ino := inode(t, path)
	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if inode(t, path) != ino {
		t.Fatal("a writable open with nothing to upgrade compacted the book")
	}
}

// TestUpgradeOpenSaysItsSteps: the first writable open of a book without
// its kept indexes tells Options.Preparing each step of its one-time work,
// in order, the per-client build counting its clients up to all of them;
// the next open, with nothing to do, tells it nothing.
func TestUpgradeOpenSaysItsSteps(t *testing.T) {
	defer func(b, p int) { buildBatch, buildInPlace = b, p }(buildBatch, buildInPlace)
	buildBatch, buildInPlace = 50, 0
	path := bookWithoutKept(t, "steps", 120)
	var got []Prep
	b, err := Open(path, Options{Now: clock, Preparing: func(p Prep) { got = append(got, p) }})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	want := []Prep{{PrepUpgrade, 0, 0}, {PrepIndexes, 0, 120}, {PrepIndexes, 50, 120}, {PrepIndexes, 100, 120},
		{PrepIndexes, 120, 120}, {PrepRanking, 0, 0}, {PrepSearch, 0, 0}, {PrepCompact, 0, 0}}
	if !slices.Equal(got, want) {
		t.Errorf("steps told:\n got %v\nwant %v", got, want)
	}
	got = nil
	b, err = Open(path, Options{Now: clock, Preparing: func(p Prep) { got = append(got, p) }})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if len(got) != 0 {
		t.Errorf("an open with nothing to do told %v", got)
	}
}
