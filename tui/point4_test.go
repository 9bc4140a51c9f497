package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// TestPoint4CloseAnyway: issue 12 point 4 in the app. Ticking a complaint
// case with steps open does not close it: the app says which steps are
// open and asks; another key keeps it open, the tick key again closes it.
func TestPoint4CloseAnyway(t *testing.T) {
	for _, c := range []struct{ lang, typed, ask string }{
		{"en", "complaint: the heel came loose", "Close the case anyway? Press space/x again"},
		{"zh", "投诉：鞋跟松了", "仍要结案吗？再按 space/x 结案"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			b := openBook(t, demoBookPath(t))
			h := newHarness(t, b, c.lang, 140, 40)
			id := openZxf(t, h)
			h.typeText(c.typed)
			h.keys("enter")
			caseOf := func() tasks.Task {
				t.Helper()
				var found tasks.Task
				b.View(func(tx *store.Tx) error {
					for _, tk := range tx.ClientTasks(id) {
						if tk.Kind == tasks.ComplaintFollowUp {
							found = tk
						}
					}
					return nil
				})
				return found
			}
			want := caseOf().ID
			selectCase := func() {
				t.Helper()
				h.keys("g")
				for i := 0; i < 200; i++ {
					if ref, ok := h.m.selected(); ok && ref.task != nil && ref.task.ID == want {
						return
					}
					h.keys("down")
				}
				t.Fatalf("the case is not on the profile:\n%s", h.view())
			}
			selectCase()
			h.keys("x")
			v := h.view()
			if !strings.Contains(v, c.ask) || caseOf().Status != tasks.Open {
				t.Fatalf("a tick closed the case or did not ask (status %s):\n%s", caseOf().Status, v)
			}
			selectCase() // other keys: the case stays open, the question is gone
			if v := h.view(); strings.Contains(v, c.ask) || caseOf().Status != tasks.Open {
				t.Fatalf("after another key the question still shows (status %s):\n%s", caseOf().Status, v)
			}
			h.keys("x")
			if caseOf().Status != tasks.Open || !strings.Contains(h.view(), c.ask) {
				t.Fatal("a tick after other keys closed the case without asking again")
			}
			h.keys("x")
			if st := caseOf().Status; st != tasks.Done {
				t.Fatalf("close anyway left the case %s:\n%s", st, h.view())
			}
		})
	}
}
