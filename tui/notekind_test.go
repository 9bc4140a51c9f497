package tui

import (
	"strings"
	"testing"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/store"
)

// notesByKind returns a client's notes as kind → texts.
func notesByKind(t *testing.T, b *vb.Book, id string) map[notes.Kind][]string {
	t.Helper()
	out := map[notes.Kind][]string{}
	err := b.View(func(tx *store.Tx) error {
		ns, err := tx.Notes(id)
		for _, n := range ns {
			out[n.Kind] = append(out[n.Kind], n.Text)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNoteKindPicked: n shows the kinds, one key picks one and the note
// is logged as that kind; enter is a plain note (whose kind may still be
// typed in front); esc cancels; r opens a special request (book's
// AddRequest), not a note. In English and Chinese.
func TestNoteKindPicked(t *testing.T) {
	for _, tc := range []struct{ lang, pick, kindPrompt, reqPrompt, opened string }{
		{i18n.English, "pick its kind with one key", " (complaint):", "Special request of ", "Special request opened for "},
		{i18n.Chinese, "按一个键选择类型", "的投诉记录：", "的特别需求：", "已为"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			book := openBook(t, demoBookPath(t))
			h := newHarness(t, book, tc.lang, 80, 24)
			ref := h.firstTask(t)
			id := ref.clientID
			before := notesByKind(t, book, id)

			h.keys("n")
			v := h.view()
			if !strings.Contains(v, tc.pick) || h.m.focus() != focusLine {
				t.Fatalf("n does not offer the kinds:\n%s", v)
			}
			for _, kk := range h.m.c.keys.Kinds { // every kind is named in the help bar
				if !strings.Contains(v, h.m.c.cat.NoteKind(kk.Kind)) {
					t.Errorf("the help bar does not name %s:\n%s", kk.Kind, v)
				}
			}
			h.keys("q") // not a kind: nothing happens, and the app does not quit
			if h.quit || h.m.edit.mode != editPick {
				t.Fatal("a key that picks no kind left the picker")
			}
			h.keys("c")
			if v := h.view(); !strings.Contains(v, tc.kindPrompt) {
				t.Fatalf("c does not open a complaint line:\n%s", v)
			}
			h.typeText("heel came loose")
			h.keys("enter")
			after := notesByKind(t, book, id)
			if len(after[notes.Complaint]) != len(before[notes.Complaint])+1 || !strings.Contains(strings.Join(after[notes.Complaint], "|"), "heel came loose") {
				t.Fatalf("the complaint is not logged as one: %v", after)
			}

			h.keys("n", "s")
			h.typeText("shoes EU 39, narrow")
			h.keys("enter")
			if got := notesByKind(t, book, id)[notes.Size]; !strings.Contains(strings.Join(got, "|"), "shoes EU 39, narrow") {
				t.Fatalf("the size note is not logged as a size: %v", got)
			}

			h.keys("n", "enter") // a plain note: a kind typed in front still counts
			h.typeText("preference: navy")
			h.keys("enter")
			if got := notesByKind(t, book, id)[notes.Preference]; !strings.Contains(strings.Join(got, "|"), "navy") {
				t.Fatalf("a kind typed in front is not read: %v", got)
			}

			n := len(notesByKind(t, book, id)[notes.General])
			h.keys("n", "esc")
			if h.m.edit.active() || len(notesByKind(t, book, id)[notes.General]) != n {
				t.Fatal("esc does not cancel the picker")
			}

			h.keys("n", "r")
			if v := h.view(); !strings.Contains(v, tc.reqPrompt) {
				t.Fatalf("r does not ask for the request:\n%s", v)
			}
			h.typeText("the green Kelly in 28")
			h.keys("enter")
			if v := h.view(); !strings.Contains(v, tc.opened) {
				t.Fatalf("the request is not confirmed:\n%s", v)
			}
			var found bool
			_ = book.View(func(tx *store.Tx) error {
				for _, r := range tx.ClientRequests(id) {
					found = found || (r.What == "the green Kelly in 28" && r.IsOpen())
				}
				return nil
			})
			if !found {
				t.Fatal("the special request is not open in the book")
			}
			h.checkFrame(80, 24)
		})
	}
}
