package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	berrors "go.etcd.io/bbolt/errors"
)

// TestFullBookKeepsEarlierWrites fills a book opened with a 1 MiB size
// limit until a write fails: the failure is ErrFull and says what to do,
// every write acknowledged before it is in the book after reopening, and
// the book takes writes again once the limit is raised.
func TestFullBookKeepsEarlierWrites(t *testing.T) {
	b, path := newBook(t)
	b.Close()
	const limit = 1 << 20
	b, err := Open(path, Options{Now: clock, MaxSize: limit})
	if err != nil {
		t.Fatal(err)
	}
	saved, full := fill(t, b)
	if len(saved) < 50 {
		t.Errorf("only %d writes landed before the limit", len(saved))
	}
	for _, want := range []string{"full", "nothing was saved", "free some space"} {
		if !strings.Contains(full.Error(), want) {
			t.Errorf("ErrFull message %q lacks %q", full, want)
		}
	}
	// The open book still reads after the failed commit.
	if err := b.View(func(tx *Tx) error {
		if n := tx.ClientCount(); n != len(saved) {
			t.Errorf("after the failed write the open book holds %d clients, want %d", n, len(saved))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Size() > limit {
		t.Errorf("book file %v bytes (%v), limit %d", st.Size(), err, limit)
	}

	checkSaved(t, path, Options{Now: clock, MaxSize: 4 * limit}, saved)
}

// fillText is a note of about 2 KB.
var fillText = strings.Repeat("prefers navy, dislikes loud logos; ", 60)

// fill adds clients with a note each until a write fails with ErrFull; it
// returns the ids of the clients whose write was acknowledged, and the
// failure.
func fill(t *testing.T, b *Book) (saved []string, full error) {
	t.Helper()
	for i := 0; i < 20000 && full == nil; i++ {
		p := &profile.Profile{Name: fmt.Sprintf("客户 %d", i), Phones: []profile.Phone{{Number: fmt.Sprintf("+86 139 %04d %04d", i/10000, i%10000)}}}
		err := b.Update(func(tx *Tx) error {
			if err := tx.AddClient(p); err != nil {
				return err
			}
			return tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Kind("general"), Text: fillText})
		})
		switch {
		case err == nil:
			saved = append(saved, p.ID)
		case errors.Is(err, ErrFull):
			full = err
		default:
			t.Fatalf("write %d: %v", i, err)
		}
	}
	if full == nil {
		t.Fatalf("%d writes of ~2 KB never filled the book", len(saved))
	}
	t.Logf("%d writes landed; then: %v", len(saved), full)
	return saved, full
}

// checkSaved reopens the book at path and checks every acknowledged write
// is in it, then that one more write lands.
func checkSaved(t *testing.T, path string, opt Options, saved []string) {
	t.Helper()
	b, err := Open(path, opt)
	if err != nil {
		t.Fatalf("reopening the full book: %v", err)
	}
	defer b.Close()
	if err := b.View(func(tx *Tx) error {
		if n := tx.ClientCount(); n != len(saved) {
			t.Errorf("reopened book holds %d clients, want %d", n, len(saved))
		}
		for _, id := range saved {
			ns, err := tx.Notes(id)
			if err != nil || len(ns) != 1 || ns[0].Text != fillText {
				t.Fatalf("client %s: notes %d, %v", id, len(ns), err)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	p := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "+86 138 0013 8000"}}}
	if err := b.Update(func(tx *Tx) error { return tx.AddClient(p) }); err != nil {
		t.Fatalf("write after making room: %v", err)
	}
}

// TestFullDisk fills a real small file system (a tmpfs of a few hundred
// KB, which only root can mount, so it runs when VIPBOOK_FULL_DIR names
// one): the disk's ENOSPC is ErrFull, earlier writes survive, and the book
// takes writes again once space is freed.
//
//	mount -t tmpfs -o size=600k tmpfs /tmp/vipfull
//	VIPBOOK_FULL_DIR=/tmp/vipfull go test ./store/ -run TestFullDisk
func TestFullDisk(t *testing.T) {
	dir := os.Getenv("VIPBOOK_FULL_DIR")
	if dir == "" {
		t.Skip("VIPBOOK_FULL_DIR (a small tmpfs) not set")
	}
	dir, err := os.MkdirTemp(dir, "full-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := dir + "/book.db"
	// Ballast that is freed to make room after the disk fills.
	ballast := dir + "/ballast"
	if err := os.WriteFile(ballast, make([]byte, 128<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := Init(path, Meta{Associate: "李娜"}, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	saved, full := fill(t, b)
	if !strings.Contains(full.Error(), "no space") {
		t.Errorf("the disk filled, but the error does not say so: %v", full)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(ballast); err != nil {
		t.Fatal(err)
	}
	checkSaved(t, path, Options{Now: clock}, saved)
}

// TestWriteErrMapsNoSpace: the disk's own "no space" and bbolt's size
// limit both become ErrFull, wrapped or not; other errors stay as they are.
func TestWriteErrMapsNoSpace(t *testing.T) {
	for _, err := range []error{
		berrors.ErrMaxSizeReached,
		&fs.PathError{Op: "write", Path: "/data/book.db", Err: syscall.ENOSPC},
		fmt.Errorf("commit: %w", &fs.PathError{Op: "sync", Path: "/data/book.db", Err: syscall.EDQUOT}),
	} {
		got := writeErr(err)
		if !errors.Is(got, ErrFull) {
			t.Errorf("writeErr(%v) = %v, want ErrFull", err, got)
		}
	}
	for _, err := range []error{nil, ErrNotFound, &fs.PathError{Op: "write", Path: "x", Err: syscall.EIO}} {
		if got := writeErr(err); got != err {
			t.Errorf("writeErr(%v) = %v, want it unchanged", err, got)
		}
	}
}
