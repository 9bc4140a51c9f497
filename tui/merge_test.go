package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/store"
)

// TestFormLikelyDuplicate: a new client of a name already in the book is
// not saved silently: the form shows the client it looks like; esc goes
// back to the form, o opens that client, enter saves anyway.
func TestFormLikelyDuplicate(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 100, 30)
	add := func() {
		h.keys("2", "a")
		h.typeText("王 小明")
		h.keys("enter", "enter")
		h.typeText("13900007777")
		h.submitRest()
	}
	add()
	v := h.view()
	if !strings.Contains(v, "This looks like a client already in the book") || !strings.Contains(v, "the same name 王小明") ||
		h.m.edit.mode != editConfirm {
		t.Fatalf("a second 王小明 is not shown as a likely duplicate:\n%s", v)
	}
	h.keys("esc")
	if h.m.edit.form == nil || *h.m.edit.form.Values.Str("name") != "王 小明" {
		t.Fatalf("esc does not bring the form back with its answers:\n%s", h.view())
	}
	h.submitRest()
	h.keys("o")
	if v := h.view(); h.m.scr != scrProfile || !strings.Contains(v, "王小明") || strings.Contains(v, "王 小明") {
		t.Fatalf("o does not open the existing client:\n%s", v)
	}
	add()
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, "Client added: 王 小明.") {
		t.Fatalf("enter does not save anyway:\n%s", v)
	}
}

// TestMergeFromProfile: M on a profile asks which client to merge in,
// shows the dry run, and y merges: the other's phone finds the kept
// client, whose id the other's now names too.
func TestMergeFromProfile(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 120, 40)
	h.keys("2", "a")
	h.typeText("王 小明")
	h.keys("enter", "enter")
	h.typeText("13900007777")
	h.submitRest()
	h.keys("enter") // save anyway
	var other, keep string
	book.View(func(tx *store.Tx) error {
		other = tx.FindByPhone("13900007777")[0]
		keep = tx.FindByPhone("13800138000")[0]
		return nil
	})
	h.keys("esc", "/")
	h.typeText("13800138000")
	h.keys("enter", "enter")
	if ref, ok := h.m.prof.client(); !ok || ref.clientID != keep {
		t.Fatalf("the profile of 王小明 is not open:\n%s", h.view())
	}
	h.keys("M")
	h.typeText("13900007777")
	h.keys("enter")
	v := h.view()
	if !strings.Contains(v, "Would merge 王 小明 ("+other+") into 王小明") || !strings.Contains(v, "Merge 王 小明 into 王小明? y merges") {
		t.Fatalf("the dry run is not shown:\n%s", v)
	}
	h.keys("n")
	book.View(func(tx *store.Tx) error {
		if !tx.HasClient(other) {
			t.Fatal("a key other than y merged")
		}
		return nil
	})
	h.keys("M")
	h.typeText("13900007777")
	h.keys("enter", "y")
	if v := h.view(); !strings.Contains(v, "Merged 王 小明 into 王小明.") || !strings.Contains(v, "139 0000 7777") {
		t.Fatalf("y does not merge, or the profile does not show the other's phone:\n%s", v)
	}
	h.keys("esc")
	if v := h.view(); !strings.Contains(v, "of 300 clients") {
		t.Fatalf("the client merged away is still counted in the list (301):\n%s", v)
	}
	book.View(func(tx *store.Tx) error {
		if to, ok := tx.Alias(other); tx.HasClient(other) || !ok || to != keep {
			t.Fatalf("after the merge: client %v, alias %q %v", tx.HasClient(other), to, ok)
		}
		if ids := tx.FindByPhone("13900007777"); len(ids) != 1 || ids[0] != keep {
			t.Fatalf("the other's phone finds %v", ids)
		}
		return nil
	})
}
