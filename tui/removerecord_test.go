package tui

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
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

// selectRecordID moves the profile's cursor to the note or purchase id.
func selectRecordID(t *testing.T, h *harness, id string) {
	t.Helper()
	h.keys("g")
	for i := 0; i < 300; i++ {
		if sel, ok := h.m.prof.pane.selected(); ok && sel.entry != nil && sel.entry.record == id {
			return
		}
		h.keys("down")
	}
	t.Fatalf("record %s cannot be selected", id)
}

// TestRemoveRecordInTheApp: on the profile, a purchase or a note of the
// history can be selected; del asks first (a purchase's question says its
// open follow-ups go too, within 80 columns), esc keeps it, enter removes
// it through the book.
func TestRemoveRecordInTheApp(t *testing.T) {
	for _, tc := range []struct{ lang, followUps, noUndo, removed string }{
		{i18n.English, "cancel its open follow-ups", "It cannot be undone.", "Removed: "},
		{i18n.Chinese, "取消其未完成的跟进", "删除后无法撤销。", "已删除："},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h, book, id := onZxfProfile(t, tc.lang, 80, 24)
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
			if v := h.view(); !strings.Contains(v, tc.followUps) || !strings.Contains(v, tc.noUndo) {
				t.Fatalf("del on a purchase does not ask, saying its follow-ups go and it cannot be undone:\n%s", v)
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
			if v := h.view(); !strings.Contains(v, tc.noUndo) {
				t.Fatalf("del on a note does not say it cannot be undone:\n%s", v)
			}
			// While the removal compacts the book (a long while at 100k) the
			// status line says it is at work; the book is written by the
			// command, not by Update.
			cmd := h.press("enter")
			if v, working := h.view(), i18n.New(tc.lang).T(i18n.AppRemovingRecord); !strings.Contains(v, working) {
				t.Errorf("while the note is removed the app does not say %q:\n%s", working, v)
			}
			if n, _ := count(); n != n0 {
				t.Fatalf("the note went before the command ran: %d notes, were %d", n, n0)
			}
			h.run(cmd)
			if n, _ := count(); n != n0-1 {
				t.Fatalf("enter did not remove the note: %d notes, were %d", n, n0)
			}
			h.checkFrame(80, 24)

			// What was removed leaves the book file, not only its index.
			mark := &notes.Note{ClientID: id, Kind: notes.General, Text: "APPMARKNOTE meant for another client"}
			buy := &profile.Purchase{ClientID: id, Date: h.m.c.today(), Amount: 100, Items: "APPMARKBUY scarf"}
			if err := book.AddNote(mark); err != nil {
				t.Fatal(err)
			}
			if err := book.AddPurchase(buy); err != nil {
				t.Fatal(err)
			}
			h.send(changedMsg{clientID: id})
			for _, rec := range []string{mark.ID, buy.ID} {
				selectRecordID(t, h, rec)
				h.send(keyPress("delete"))
				h.keys("enter")
			}
			raw, err := os.ReadFile(book.Path())
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range []string{"APPMARKNOTE", "APPMARKBUY"} {
				if bytes.Contains(raw, []byte(m)) {
					t.Errorf("%s is still in the book file after its removal in the app", m)
				}
			}
		})
	}
}
