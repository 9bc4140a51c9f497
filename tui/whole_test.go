package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/vipbook/vipbook/briefing"
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
