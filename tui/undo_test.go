package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/tasks"
)

// TestUndoTick: u right after a tick reopens the follow-up through book's
// ReopenTask, due when it was, and the status line says so (en and zh); u
// with nothing ticked says there is nothing to undo.
func TestUndoTick(t *testing.T) {
	for _, tc := range []struct{ lang, done, undo, reopened, nothing string }{
		{i18n.English, "Done: ", "Press u to undo", "Reopened: ", "Nothing to undo"},
		{i18n.Chinese, "已完成：", "按 u 撤销", "已重新打开：", "没有可撤销的操作"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			book := openBook(t, demoBookPath(t))
			h := newHarness(t, book, tc.lang, 120, 40)
			h.keys("u")
			if v := h.view(); !strings.Contains(v, tc.nothing) {
				t.Fatalf("u with nothing ticked does not say so:\n%s", v)
			}
			ref := h.firstTask(t)
			due := ref.task.DueOn()
			h.keys("space")
			if v := h.view(); !strings.Contains(v, tc.done+h.m.c.cat.TaskTitle(ref.task)) || !strings.Contains(v, tc.undo) {
				t.Fatalf("the tick does not say how to undo it:\n%s", v)
			}
			if got := readTask(t, book, ref.task.ID); got.Status != tasks.Done {
				t.Fatalf("ticked: the task is %s", got.Status)
			}
			h.keys("u")
			got := readTask(t, book, ref.task.ID)
			if got.Status != tasks.Open || got.DueOn() != due {
				t.Fatalf("after u the task is %s due %s, want open due %s", got.Status, got.DueOn(), due)
			}
			if v := h.view(); !strings.Contains(v, tc.reopened+h.m.c.cat.TaskTitle(ref.task)) {
				t.Fatalf("the status line does not say the task was reopened:\n%s", v)
			}
			found := false
			for _, b := range h.m.brief.pane.blocks {
				found = found || (b.ref.task != nil && b.ref.task.ID == ref.task.ID)
			}
			if !found {
				t.Fatal("the reopened task is not back on the briefing")
			}
			// Only the tick right before: a second u has nothing to undo.
			h.keys("u")
			if v := h.view(); !strings.Contains(v, tc.nothing) {
				t.Fatalf("a second u does not say there is nothing to undo:\n%s", v)
			}
		})
	}
}

// TestReopenFromFollowUps: a follow-up ticked off is listed on the
// follow-ups screen as done in this session; space on it reopens it.
func TestReopenFromFollowUps(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, i18n.English, 120, 40)
	h.keys("3")
	ref, ok := h.m.tasks.selected()
	for i := 0; i < 50 && (!ok || ref.task == nil); i++ {
		h.keys("down")
		ref, ok = h.m.tasks.selected()
	}
	if !ok || ref.task == nil {
		t.Fatal("no follow-up to tick on the follow-ups screen")
	}
	h.keys("x")
	if got := readTask(t, book, ref.task.ID); got.Status != tasks.Done {
		t.Fatalf("ticked: the task is %s", got.Status)
	}
	h.keys("G") // the list of those done is at the bottom
	if v := h.view(); !strings.Contains(v, "Ticked off in this session (1)") {
		t.Fatalf("the done follow-up is not listed:\n%s", v)
	}
	sel, ok := h.m.tasks.selected()
	if !ok || sel.task == nil || sel.task.ID != ref.task.ID || sel.task.Status != tasks.Done {
		t.Fatalf("the cursor at the bottom is on %+v, want the done follow-up %s", sel.task, ref.task.ID)
	}
	h.keys("space")
	if got := readTask(t, book, ref.task.ID); got.Status != tasks.Open {
		t.Fatalf("reopened from the follow-ups: the task is %s", got.Status)
	}
	if v := h.view(); strings.Contains(v, "Ticked off in this session") || !strings.Contains(v, "Reopened: "+ref.task.Title) {
		t.Fatalf("the reopened task is still listed as done, or not confirmed:\n%s", v)
	}
}

// TestReopenFromProfile: a done follow-up on the profile can be selected
// and reopened with the tick key.
func TestReopenFromProfile(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, i18n.English, 120, 40)
	ref := h.firstTask(t)
	h.keys("space")
	h.send(openClientMsg{id: ref.clientID})
	found := false
	for i := 0; i < 200 && !found; i++ {
		sel, ok := h.m.prof.pane.selected()
		if ok && sel.task != nil && sel.task.ID == ref.task.ID {
			found = true
			break
		}
		h.keys("down")
	}
	if !found {
		t.Fatal("the done follow-up cannot be selected on the profile")
	}
	h.keys("space")
	if got := readTask(t, book, ref.task.ID); got.Status != tasks.Open {
		t.Fatalf("reopened from the profile: the task is %s", got.Status)
	}
}

// TestTickKeepsCursorInPlace: ticking or snoozing a follow-up on the
// follow-ups screen leaves the cursor where it was in the list being
// worked (on the next one), not on the item moved into "done" or "coming".
func TestTickKeepsCursorInPlace(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, i18n.English, 120, 40)
	h.keys("3")
	first, _ := h.m.tasks.selected()
	h.keys("space")
	sel, _ := h.m.tasks.selected()
	if sel.task == nil || sel.task.ID == first.task.ID || sel.task.Status == tasks.Done {
		t.Fatalf("after the tick the cursor is on %+v, want the next open follow-up", sel.task)
	}
	next := sel.task.ID
	h.keys("s")
	h.typeText("+40")
	h.keys("enter")
	sel, _ = h.m.tasks.selected()
	if sel.task == nil || sel.task.ID == next {
		t.Fatalf("after the snooze the cursor followed the item into coming")
	}
}
