package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// selectRecord moves the profile's cursor to the first note or purchase
// (sec) of the history and returns its id.
func selectRecord(t *testing.T, h *harness, sec entrySec) string {
	t.Helper()
	h.keys("g")
	for i := 0; i < 300; i++ {
		if sel, ok := h.m.prof.pane.selected(); ok && sel.entry != nil && sel.entry.sec == sec {
			return sel.entry.record
		}
		h.keys("down")
	}
	t.Fatalf("no record of section %d can be selected", sec)
	return ""
}

// TestRemoveRecordInTheApp: on the profile, a purchase or a note of the
// history can be selected; del asks first (a purchase's question says its
// open follow-ups go too, within 80 columns), esc keeps it, enter removes
// it through the book.
func TestRemoveRecordInTheApp(t *testing.T) {
	for _, tc := range []struct{ lang, followUps, removed string }{
		{i18n.English, "cancel its open follow-ups", "Removed: "},
		{i18n.Chinese, "取消其未完成的跟进", "已删除："},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			book := openBook(t, demoBookPath(t))
			h := newHarness(t, book, tc.lang, 80, 24)
			id := openZxfProfile(t, h)
			count := func() (notes, purchases int) {
				book.View(func(tx *store.Tx) error {
					ns, _ := tx.Notes(id)
					ps, _ := tx.Purchases(id)
					notes, purchases = len(ns), len(ps)
					return nil
				})
				return
			}
			n0, p0 := count()

			pid := selectRecord(t, h, secPurchase)
			h.send(keyPress("delete"))
			if v := h.view(); !strings.Contains(v, tc.followUps) {
				t.Fatalf("del on a purchase does not ask, saying its follow-ups go:\n%s", v)
			}
			h.keys("esc")
			if _, p := count(); p != p0 {
				t.Fatal("esc removed the purchase")
			}
			selectRecord(t, h, secPurchase)
			h.send(keyPress("delete"))
			h.keys("enter")
			if _, p := count(); p != p0-1 {
				t.Fatalf("enter did not remove the purchase: %d purchases, were %d", p, p0)
			}
			book.View(func(tx *store.Tx) error {
				if _, err := tx.Purchase(pid); err == nil {
					t.Errorf("purchase %s is still in the book", pid)
				}
				return nil
			})
			if v := h.view(); !strings.Contains(v, tc.removed) {
				t.Errorf("the status line does not say the purchase went:\n%s", v)
			}

			selectRecord(t, h, secNote)
			h.send(keyPress("delete"))
			h.keys("enter")
			if n, _ := count(); n != n0-1 {
				t.Fatalf("enter did not remove the note: %d notes, were %d", n, n0)
			}
			h.checkFrame(80, 24)
		})
	}
}
