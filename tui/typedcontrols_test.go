package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestPoint1TypedRecordControlsRefusedInTheApp (issue 14, left from
// point 1): a follow-up's title, a purchase's items and a visit's purpose
// pasted into the app's forms with a bidi override (which the form's
// input lets through, unlike ESC and the other C0 and C1 controls, which
// it drops) are refused by the book with the message a profile field
// gets, the text shown visibly, and nothing is written.
func TestPoint1TypedRecordControlsRefusedInTheApp(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 120, 40)
	const bad = "Call\u202ekcab"
	const seen = `Call\u202ekcab`
	before := records(t, book.Store())
	for _, k := range []string{"t", "b", "v"} {
		h.keys("2", "enter")
		if h.m.scr != scrProfile {
			t.Fatalf("enter on the list does not open a profile:\n%s", h.view())
		}
		h.keys(k)
		switch k {
		case "b": // the amount, then the items
			h.typeText("1200")
			h.keys("enter")
		case "v": // the day and time offered, then the purpose
			h.keys("enter")
		}
		h.send(tea.PasteMsg{Content: bad})
		h.submitRest()
		v := h.view()
		if !strings.Contains(v, "holds a control character") || !strings.Contains(v, seen) {
			t.Errorf("%s: the pasted control is not refused visibly:\n%s", k, v)
		}
		assertInertFrame(t, k, h.m.View().Content)
		h.keys("esc", "esc", "esc")
	}
	if after := records(t, book.Store()); after != before {
		t.Errorf("a refused record was written: %d records before, %d after", before, after)
	}
}

// records counts the follow-ups, purchases and visits of the book.
func records(t *testing.T, b *store.Book) int {
	t.Helper()
	n := 0
	err := b.View(func(tx *store.Tx) error {
		return tx.EachSummary(func(s *profile.Summary) error {
			ps, err := tx.Purchases(s.ID)
			n += len(ps) + len(tx.ClientTasks(s.ID)) + len(tx.ClientAppointments(s.ID))
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
