package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// TestReopenTickedEarlier: a follow-up ticked off in an earlier session
// (through the book, before the app opened) is listed on the follow-ups
// screen once d shows the ones ticked off in the last days (the screen
// says so under its sections), and u on it reopens it through the book;
// d hides them again. In English at 120x40 and Chinese at 80x24.
func TestReopenTickedEarlier(t *testing.T) {
	for _, tc := range []struct {
		lang        string
		w, h        int
		hint, shown string
	}{
		{i18n.English, 120, 40, "d shows the follow-ups ticked off in the last 14 days", "Ticked off in the last 14 days"},
		{i18n.Chinese, 80, 24, "按 d 显示近 14 天已完成的跟进", "近 14 天已完成（"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			book := openBook(t, demoBookPath(t))
			var open []tasks.Task
			if err := book.View(func(tx *store.Tx) error {
				var err error
				open, err = tx.OpenTasksDueBy(civil.Date{})
				return err
			}); err != nil || len(open) == 0 {
				t.Fatalf("no open follow-up: %v", err)
			}
			ticked, err := book.TickTask(open[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			h := newHarness(t, book, tc.lang, tc.w, tc.h)
			h.keys("3")
			if h.m.scr != scrTasks {
				t.Fatal("3 does not show the follow-ups")
			}
			find := func() bool {
				h.keys("g")
				for range 300 {
					if sel, ok := h.m.tasks.selected(); ok && sel.task != nil && sel.task.ID == ticked.ID {
						return true
					}
					h.keys("down")
				}
				return false
			}
			if find() {
				t.Fatal("a follow-up ticked off in an earlier session is listed before d shows the done ones")
			}
			h.keys("G")
			if v := h.view(); !strings.Contains(v, tc.hint) {
				t.Fatalf("the screen does not say how to see the done ones:\n%s", v)
			}
			h.keys("d")
			if !find() {
				t.Fatalf("d does not list the follow-up ticked off in an earlier session:\n%s", h.view())
			}
			if v := h.view(); !strings.Contains(v, tc.shown) {
				t.Fatalf("the done ones have no heading:\n%s", v)
			}
			h.keys("u")
			var got tasks.Task
			if err := book.View(func(tx *store.Tx) error { got, err = tx.Task(ticked.ID); return err }); err != nil {
				t.Fatal(err)
			}
			if !got.IsOpen() {
				t.Fatalf("u on a follow-up ticked off in an earlier session does not reopen it: %+v", got)
			}
			h.keys("d")
			if v := h.view(); strings.Contains(v, tc.shown) || !strings.Contains(v, tc.hint) {
				t.Fatalf("d does not hide the done ones again:\n%s", v)
			}
		})
	}
}
