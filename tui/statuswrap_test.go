package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// TestLongStatusWrapsNotCut: news or an error longer than the line (a
// complaint case that will not close: the question, then which steps
// are open) goes on two lines at 80 columns, the body giving the line,
// so the reason is read, not cut after the question; the frame keeps its
// size.
func TestLongStatusWrapsNotCut(t *testing.T) {
	b := openBook(t, demoBookPath(t))
	h := newHarness(t, b, "en", 80, 40)
	id := openZxf(t, h)
	h.typeText("complaint: the heel came loose")
	h.keys("enter")
	var want string
	b.View(func(tx *store.Tx) error {
		for _, tk := range tx.ClientTasks(id) {
			if tk.Kind == tasks.ComplaintFollowUp {
				want = tk.ID
			}
		}
		return nil
	})
	h.keys("g")
	for i := 0; i < 200; i++ {
		if ref, ok := h.m.selected(); ok && ref.task != nil && ref.task.ID == want {
			break
		}
		h.keys("down")
	}
	h.keys("x")
	v := h.view()
	if !strings.Contains(v, "Close the case anyway?") || !strings.Contains(v, "The complaint case is not") {
		t.Fatalf("the question or its reason is cut:\n%s", v)
	}
	h.checkFrame(80, 40)
}

// TestMergePromptColon: M on a profile asks which client to merge in
// after the language's colon: "Merge another client into 曾小凡: ",
// "将另一位客户合并到 曾小凡：", no English colon in Chinese.
func TestMergePromptColon(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"en", "Merge another client into 曾小凡: "},
		{"zh", "将另一位客户合并到 曾小凡："},
	} {
		h, _, _ := onZxfProfile(t, tc.lang, 120, 40)
		h.keys("M")
		if v := h.view(); !strings.Contains(v, tc.want) {
			t.Errorf("%s: the merge prompt is not %q:\n%s", tc.lang, tc.want, v)
		}
	}
}

// TestMergeConfirmWrapsWhenNarrow: the merge's confirmation (what moves,
// what the kept client takes and keeps) wraps at 60 columns instead of
// cutting its lines with "..".
func TestMergeConfirmWrapsWhenNarrow(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		h, book, id := onZxfProfile(t, lang, 60, 30)
		other := someOtherClient(t, book, id)
		h.keys("M")
		h.typeText(other)
		h.keys("enter")
		v := h.view()
		if !strings.Contains(v, other) {
			t.Fatalf("%s: no merge to confirm:\n%s", lang, v)
		}
		if strings.Contains(v, "..") {
			t.Errorf("%s: the confirmation is cut:\n%s", lang, v)
		}
		h.checkFrame(60, 30)
	}
}
