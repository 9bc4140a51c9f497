package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
)

// TestTickStatusInTheLanguage: ticking a follow-up a rule wrote (the
// thank-you after a purchase) says its title as the list shows it, in the
// language in use, and so does u reopening it; in Chinese the undo hint
// follows the full stop without a space.
func TestTickStatusInTheLanguage(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, i18n.Chinese, 120, 40)
	h.keys("3")
	var title string
	for i := 0; i < 200 && title == ""; i++ {
		if ref, ok := h.m.selected(); ok && ref.task != nil && h.m.c.cat.TaskTitle(ref.task) != ref.task.Title {
			title = h.m.c.cat.TaskTitle(ref.task)
			break
		}
		h.keys("down")
	}
	if title == "" {
		t.Fatal("no follow-up written by a rule on the follow-ups screen")
	}
	h.keys("x")
	if v := h.view(); !strings.Contains(v, "已完成："+title+"。按 u 撤销。") {
		t.Fatalf("the tick does not say %q in Chinese:\n%s", title, v)
	}
	h.keys("u")
	if v := h.view(); !strings.Contains(v, "已重新打开："+title+"。") {
		t.Fatalf("the undo does not say %q in Chinese:\n%s", title, v)
	}
}
