package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/tasks"
)

// toSection moves the briefing's cursor down to the first item of the
// book-wide section sec; it fails the test when there is none.
func toSection(t *testing.T, h *harness, sec briefing.Section) {
	t.Helper()
	for i := 0; i < 2000; i++ {
		b := &h.m.brief
		if c := b.pane.cursor; c >= 0 && c < len(b.secOf) && b.secOf[c] == sec && !isUrgent(b, c) {
			return
		}
		h.keys("down")
	}
	t.Fatalf("no item of the section %q under the cursor", sec)
}

// paneText is every line of a pane, without styles.
func paneText(p *pane) string {
	var b strings.Builder
	for _, bl := range p.blocks {
		for _, l := range bl.lines {
			b.WriteString(ansi.Strip(l) + "\n")
		}
	}
	return b.String()
}

// isUrgent says the block c is in the most urgent list (before the visits).
func isUrgent(b *briefingScreen, c int) bool {
	return c <= len(b.br.Urgent)+1
}

// TestWholeSectionHoldsAll: l on an item of a book-wide section shown in
// part opens the section whole: every one of its N items, as many as the
// briefing's heading counts, selectable, and esc goes back to the
// briefing where the cursor was.
func TestWholeSectionHoldsAll(t *testing.T) {
	book := openBookRO(t, demoBookPath(t))
	defer book.Close()
	for _, tc := range []struct {
		sec   briefing.Section
		total func(br *briefing.Briefing) (shown, total int)
	}{
		{briefing.SecOverdue, func(br *briefing.Briefing) (int, int) { return len(br.Overdue), br.Totals.Overdue }},
		{briefing.SecLapsed, func(br *briefing.Briefing) (int, int) { return len(br.Lapsed), br.Totals.Lapsed }},
	} {
		h := newHarness(t, book, "en", 120, 40)
		shown, total := tc.total(h.m.brief.br)
		if total <= shown {
			t.Fatalf("%s: the demo book shows all %d of %d: nothing to see whole", tc.sec, shown, total)
		}
		if v := paneText(&h.m.brief.pane); !strings.Contains(v, fmt.Sprintf("%d of %d)  l: see all", shown, total)) {
			t.Errorf("%s: no heading says %d of %d and the key to see all:\n%s", tc.sec, shown, total, v)
		}
		toSection(t, h, tc.sec)
		before := h.m.brief.pane.cursor
		h.keys("l")
		ws := h.m.brief.whole
		if ws == nil || ws.br == nil {
			t.Fatalf("%s: l opened no whole section", tc.sec)
		}
		n := 0
		for _, b := range ws.pane.blocks {
			if b.sel {
				n++
			}
		}
		if n != total {
			t.Errorf("%s: the whole section holds %d items, want %d", tc.sec, n, total)
		}
		if _, ok := h.m.selected(); !ok {
			t.Errorf("%s: nothing selectable under the cursor of the whole section", tc.sec)
		}
		h.keys("G")
		if v := h.view(); !strings.Contains(v, "esc: back to the briefing") {
			t.Errorf("%s: the end of the whole section does not say the way back:\n%s", tc.sec, v)
		}
		h.keys("esc")
		if h.m.brief.whole != nil || h.m.brief.pane.cursor != before {
			t.Errorf("%s: esc did not go back to the briefing where it was", tc.sec)
		}
	}
}

// TestWholeSectionPick: l where no section's item is under the cursor says
// what to do, and opens nothing.
func TestWholeSectionPick(t *testing.T) {
	book := openBookRO(t, demoBookPath(t))
	defer book.Close()
	h := newHarness(t, book, "en", 120, 40)
	h.m.brief.pane.cursor = -1
	h.keys("l")
	if h.m.brief.whole != nil {
		t.Fatal("l with no item under the cursor opened a section")
	}
	if v := h.view(); !strings.Contains(v, "Put the cursor on an item of a section") {
		t.Errorf("l with no item under the cursor says nothing:\n%s", v)
	}
}

// TestGoldenWholeSection draws the lapsed top clients seen whole, in
// English at 120x40 and in Chinese at 80x24.
func TestGoldenWholeSection(t *testing.T) {
	book := openBookRO(t, demoBookPath(t))
	defer book.Close()
	for _, tc := range []struct {
		lang string
		w, h int
	}{{"en", 120, 40}, {"zh", 80, 24}} {
		t.Run(fmt.Sprintf("lapsed_%s_%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			h := newHarness(t, book, tc.lang, tc.w, tc.h)
			toSection(t, h, briefing.SecLapsed)
			h.keys("l")
			h.checkFrame(tc.w, tc.h)
			golden.RequireEqual(t, h.view())
		})
	}
}

// TestWholeSectionRefreshesAfterTick: a follow-up ticked in a section seen
// whole leaves the list (read again after the write), the list keeps its
// place (the cursor on the next item), and counts one fewer; the
// briefing behind it is read again too; u puts it back.
func TestWholeSectionRefreshesAfterTick(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 120, 40)
	total := h.m.brief.br.Totals.Overdue
	toSection(t, h, briefing.SecOverdue)
	h.keys("l")
	ws := h.m.brief.whole
	if ws == nil || ws.br == nil || len(ws.br.Overdue) != total {
		t.Fatalf("l opened no whole list of the %d follow-ups overdue", total)
	}
	h.keys("down", "down")
	ref, ok := h.m.selected()
	if !ok || ref.task == nil {
		t.Fatal("no follow-up under the cursor of the whole list")
	}
	at := h.m.brief.whole.pane.cursor
	next := h.m.brief.whole.pane.blocks[h.m.brief.whole.pane.nextSel(at, 1)].ref
	h.keys("space")
	if got := readTask(t, book, ref.task.ID); got.Status != tasks.Done {
		t.Fatalf("the ticked task is %s in the book", got.Status)
	}
	ws = h.m.brief.whole
	if ws == nil || ws.br == nil {
		t.Fatal("the whole list closed after the tick")
	}
	if len(ws.br.Overdue) != total-1 || h.m.brief.br.Totals.Overdue != total-1 {
		t.Errorf("after the tick the whole list holds %d and the briefing counts %d, want %d", len(ws.br.Overdue), h.m.brief.br.Totals.Overdue, total-1)
	}
	for _, b := range ws.pane.blocks {
		if b.ref.task != nil && b.ref.task.ID == ref.task.ID {
			t.Fatal("the ticked follow-up is still in the whole list")
		}
	}
	if !strings.Contains(paneText(&ws.pane), fmt.Sprintf("(%d)", total-1)) {
		t.Errorf("the heading does not count %d:\n%s", total-1, paneText(&ws.pane))
	}
	if got, ok := h.m.selected(); !ok || got.task == nil || next.task == nil || got.task.ID != next.task.ID {
		t.Errorf("the cursor is not on the item after the one ticked")
	}
	// u reopens it: back in the list.
	h.keys("u")
	if ws = h.m.brief.whole; ws == nil || len(ws.br.Overdue) != total {
		t.Errorf("after u the whole list does not hold the %d again", total)
	}
}
