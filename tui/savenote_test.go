package tui

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui/typing"
)

// TestNoteKeptUntilSaved: between enter and the note landing in the book,
// the text is still held as a draft (a kill in that moment loses nothing);
// once the note is in the book the draft is gone from the keeper and the
// book.
func TestNoteKeptUntilSaved(t *testing.T) {
	b := openBook(t, demoBookPath(t))
	h := newHarness(t, b, "en", 120, 40)
	id := openZxf(t, h) // the note input is open
	const text = "prefers the jade bangle in size 56"
	h.typeText(text)
	key := h.m.edit.line.Key
	next, save := h.m.Update(keyMsg("enter"))
	h.m = next.(Model)
	if got, ok := pendingText(h.m.c.drafts, key); !ok || got != text {
		t.Fatalf("while the note is being saved the keeper holds %q, %v; want the text", got, ok)
	}
	h.run(save)
	if got, ok := pendingText(h.m.c.drafts, key); ok {
		t.Fatalf("the saved note is still a pending draft: %q", got)
	}
	err := b.View(func(tx *store.Tx) error {
		ns, err := tx.Notes(id)
		if err != nil {
			return err
		}
		found := false
		for _, n := range ns {
			found = found || strings.Contains(n.Text, text)
		}
		if !found {
			t.Errorf("the note is not in the book")
		}
		ds, err := tx.Drafts()
		for _, d := range ds {
			if d.Key == key {
				t.Errorf("the draft is still in the book: %+v", d)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestFlushWithNothingPendingWritesNothing: flushing the drafts when none
// changed commits nothing, so quitting leaves the book byte for byte as it
// was (a damaged book is not written to on the way out).
func TestFlushWithNothingPendingWritesNothing(t *testing.T) {
	path := demoBookPath(t)
	b := openBook(t, path)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := typing.NewKeeper().Flush(b); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("a flush with nothing pending changed the book")
	}
}
