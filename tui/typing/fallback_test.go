package typing

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/store"
)

// TestFallbackImport: a fallback file is written 0600 and named by the
// time; the next start moves its drafts into the book and removes it,
// keeping a newer draft the book already holds; another book's file is
// left alone.
func TestFallbackImport(t *testing.T) {
	b := newBook(t)
	dir := filepath.Join(t.TempDir(), "state")
	now := testNow()
	mine, err := WriteFallback(dir, BookKey(b), []store.Draft{
		{Key: NoteKey("c1"), ClientID: "c1", Text: "from the file", Saved: now},
		{Key: NoteKey("c2"), ClientID: "c2", Text: "older than the book's", Saved: now.Add(-time.Hour)},
		{Key: SnoozeKey, Text: "+3", Saved: now},
	}, now)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(mine) != "drafts-20261124-090000.json" {
		t.Errorf("the file is named %s", filepath.Base(mine))
	}
	if fi, err := os.Stat(mine); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the file's mode: %v, %v", fi, err)
	}
	other, err := WriteFallback(dir, "/elsewhere/book.db", []store.Draft{{Key: NoteKey("x"), Text: "another book's", Saved: now}}, now)
	if err != nil || other == mine {
		t.Fatalf("the second file: %s, %v", other, err)
	}
	err = b.WriteDrafts(func(w book.DraftWriter) error {
		return w.Save(&store.Draft{Key: NoteKey("c2"), ClientID: "c2", Text: "the book's"})
	})
	if err != nil {
		t.Fatal(err)
	}

	left, err := ImportFallbacks(b, dir)
	if err != nil || len(left) != 0 {
		t.Fatalf("ImportFallbacks: %v, %+v", err, left)
	}
	got := inBook(t, b)
	if got[NoteKey("c1")].Text != "from the file" || got[NoteKey("c2")].Text != "the book's" || got[NoteKey("x")].Text != "" {
		t.Fatalf("the book holds %+v", got)
	}
	if _, ok := got[SnoozeKey]; ok {
		t.Error("a snooze day was imported")
	}
	if _, err := os.Stat(mine); !os.IsNotExist(err) {
		t.Errorf("the imported file stays: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another book's file was touched: %v", err)
	}
}

// TestFallbackReadOnly: while the book cannot take the drafts, the file
// stays and its drafts are returned, to be offered from memory.
func TestFallbackReadOnly(t *testing.T) {
	b := newBook(t)
	key := BookKey(b)
	path := b.Path()
	b.Close()
	dir := t.TempDir()
	file, err := WriteFallback(dir, key, []store.Draft{{Key: NoteKey("c1"), ClientID: "c1", Text: "kept", Saved: testNow()}}, testNow())
	if err != nil {
		t.Fatal(err)
	}
	ro, err := book.Open(path, book.Options{Now: testNow, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	left, err := ImportFallbacks(ro, dir)
	if err == nil || len(left) != 1 || left[0].Text != "kept" {
		t.Fatalf("ImportFallbacks on a read-only book: %v, %+v", err, left)
	}
	if _, err := os.Stat(file); err != nil {
		t.Fatalf("the file went while the book could not take it: %v", err)
	}
}
