package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/rules"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// TestNoteInTheAppRunsTheRules: a note typed in the app reaches the store
// through the book (opened with book.Open, nothing of the command line),
// and runs the same rule as `vipbook note --kind complaint`: a complaint
// opens a case with its eight steps, made as rules.Complaint makes it.
func TestNoteInTheAppRunsTheRules(t *testing.T) {
	for _, c := range []struct{ lang, typed, text string }{
		{"en", "complaint: the heel came loose", "the heel came loose"},
		{"zh", "投诉：鞋跟松了", "鞋跟松了"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			b := openBook(t, demoBookPath(t))
			h := newHarness(t, b, c.lang, 120, 40)
			id := openZxf(t, h) // the note input is open
			h.typeText(c.typed)
			h.keys("enter")

			var note notes.Note
			var cases []tasks.Task
			err := b.View(func(tx *store.Tx) error {
				ns, err := tx.Notes(id)
				for _, n := range ns {
					if n.Text == c.text {
						note = n
					}
				}
				for _, tk := range tx.ClientTasks(id) {
					if tk.Kind == tasks.ComplaintFollowUp {
						cases = append(cases, tk)
					}
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if note.ID == "" || note.Kind != notes.Complaint {
				t.Fatalf("no complaint note %q in the book (got %+v)", c.text, note)
			}
			if len(cases) != 1 {
				t.Fatalf("%d complaint cases, want the one the rule opens", len(cases))
			}
			sum := mustSummary(t, h, id)
			want, _ := rules.Rules{Lang: c.lang}.Complaint(&sum, &note)
			got := cases[0]
			if got.Origin != want.Origin || got.Origin != rules.ComplaintOrigin(note.ID) || got.Due != want.Due ||
				len(got.Checklist) != len(want.Checklist) || got.Note != c.text || got.Status != tasks.Open {
				t.Errorf("the case is not the rule's:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestPlainNoteStaysGeneral: a note with no kind in front is a general
// note, its text whole, and opens nothing.
func TestPlainNoteStaysGeneral(t *testing.T) {
	b := openBook(t, demoBookPath(t))
	h := newHarness(t, b, "en", 120, 40)
	id := openZxf(t, h)
	const text = "prefers navy: slim fit"
	h.typeText(text)
	h.keys("enter")
	err := b.View(func(tx *store.Tx) error {
		ns, err := tx.Notes(id)
		found := false
		for _, n := range ns {
			if n.Text == text {
				found = n.Kind == notes.General
			}
		}
		if !found {
			t.Errorf("no general note %q", text)
		}
		for _, tk := range tx.ClientTasks(id) {
			if tk.Kind == tasks.ComplaintFollowUp && strings.Contains(tk.Note, "slim") {
				t.Errorf("a plain note opened a case: %+v", tk)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// mustSummary reads client id's summary from the book under h.
func mustSummary(t *testing.T, h *harness, id string) (s profile.Summary) {
	t.Helper()
	err := h.m.c.book.View(func(tx *store.Tx) error {
		var err error
		s, err = tx.Summary(id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
