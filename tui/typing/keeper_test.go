package typing

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

var testNow = func() time.Time { return time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC) }

// newBook makes an empty book in a temporary directory.
func newBook(t *testing.T) *book.Book {
	t.Helper()
	b, err := book.Init(filepath.Join(t.TempDir(), "book.db"), store.Meta{Associate: "Li Na"}, book.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	// The clients the drafts are about: a draft about a client not in
	// the book is dropped (erased meanwhile).
	err = b.Store().Update(func(tx *store.Tx) error {
		for _, id := range []string{"c1", "c2"} {
			if err := tx.AddClient(&profile.Profile{ID: id, Name: "Client " + id}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// inBook returns the drafts the book holds, by key.
func inBook(t *testing.T, b *book.Book) map[string]store.Draft {
	t.Helper()
	out := map[string]store.Draft{}
	err := b.View(func(tx *store.Tx) error {
		ds, err := tx.Drafts()
		for _, d := range ds {
			out[d.Key] = d
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestKeeperFlush: what is set is pending until a flush writes it; a
// cleared draft is removed from the book by the next flush; a draft set
// again after a flush is pending again.
func TestKeeperFlush(t *testing.T) {
	b := newBook(t)
	k := NewKeeper()
	if err := k.Flush(nil); err != nil {
		t.Fatalf("a flush without a book: %v", err)
	}
	k.Set(store.Draft{Key: NoteKey("c1"), ClientID: "c1", Text: "likes jade"})
	k.Set(store.Draft{Key: FormKey("task", "c2"), ClientID: "c2", Text: "task", Fields: EncodeFields(map[string]string{"title": "call"})})
	if p := k.Pending(); len(p) != 2 || p[0].Key != FormKey("task", "c2") || p[1].Text != "likes jade" {
		t.Fatalf("pending before the flush: %+v", p)
	}
	if err := k.Flush(b); err != nil {
		t.Fatal(err)
	}
	if p := k.Pending(); len(p) != 0 {
		t.Fatalf("pending after the flush: %+v", p)
	}
	got := inBook(t, b)
	if got[NoteKey("c1")].Text != "likes jade" || DecodeFields(got[FormKey("task", "c2")].Fields)["title"] != "call" {
		t.Fatalf("the book holds %+v", got)
	}
	k.Clear(NoteKey("c1"))
	k.Set(store.Draft{Key: FormKey("task", "c2"), ClientID: "c2", Text: "task", Fields: EncodeFields(map[string]string{"title": "call back"})})
	if p := k.Pending(); len(p) != 1 || p[0].Key != FormKey("task", "c2") {
		t.Fatalf("pending after a clear and a change: %+v", p)
	}
	if err := k.Flush(b); err != nil {
		t.Fatal(err)
	}
	got = inBook(t, b)
	if _, ok := got[NoteKey("c1")]; ok || DecodeFields(got[FormKey("task", "c2")].Fields)["title"] != "call back" {
		t.Fatalf("after the second flush the book holds %+v", got)
	}
}

// TestKeeperFlushRefused: when the book refuses the drafts (read-only),
// they stay pending, for the exit's fallback file.
func TestKeeperFlushRefused(t *testing.T) {
	b := newBook(t)
	path := b.Path()
	b.Close()
	ro, err := book.Open(path, book.Options{Now: testNow, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	k := NewKeeper()
	k.Set(store.Draft{Key: NoteKey("c1"), ClientID: "c1", Text: "likes jade"})
	if err := k.Flush(ro); err == nil {
		t.Fatal("a read-only book took the drafts")
	}
	if p := k.Pending(); len(p) != 1 || p[0].Text != "likes jade" {
		t.Fatalf("the refused draft is not pending: %+v", p)
	}
}

func TestFormKey(t *testing.T) {
	kind, id, ok := ParseFormKey(FormKey("edit", "c9"))
	if !ok || kind != "edit" || id != "c9" {
		t.Fatalf("ParseFormKey(FormKey(edit, c9)) = %q, %q, %v", kind, id, ok)
	}
	if _, _, ok := ParseFormKey(NoteKey("c9")); ok {
		t.Fatal("a note's key parsed as a form's")
	}
	kind, id, ok = ParseFormKey(FormKey("add", ""))
	if !ok || kind != "add" || id != "" {
		t.Fatalf("the add form's key: %q, %q, %v", kind, id, ok)
	}
}
