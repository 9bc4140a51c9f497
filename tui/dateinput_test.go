package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// Issue 12, point 8, in the app: a snooze to 下周五, a follow-up due
// next friday, a birthday typed 农历八月十五 (a lunar birthday without
// the lunar switch). The demo's today is Tuesday 2026-11-24.
func TestPoint8DatesInTheApp(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 100, 30)

	ref := h.firstTask(t)
	h.keys("s")
	h.typeText("下周五")
	h.keys("enter")
	if got := readTask(t, book, ref.task.ID); got.DueOn().String() != "2026-12-04" {
		t.Fatalf("snoozed to 下周五: due %s, want 2026-12-04", got.DueOn())
	}

	h.keys("2", "a")
	h.typeText("农历客户")
	h.keys("enter", "enter")
	h.typeText("+86 139 0000 2222")
	h.keys("enter")
	h.typeText("八月三十一")
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, `"八月三十一": there is no such day`) {
		t.Fatalf("a lunar day 31 is not refused:\n%s", v)
	}
	for range len([]rune("八月三十一")) {
		h.keys("backspace")
	}
	h.typeText("农历八月十五")
	h.submitRest()
	if v := h.view(); !strings.Contains(v, "Client added: 农历客户.") {
		t.Fatalf("the client is not added:\n%s", v)
	}
	var bd profile.ImportantDate
	book.View(func(tx *store.Tx) error {
		for _, id := range tx.FindByPhone("8613900002222") {
			p, err := tx.Client(id)
			if err != nil {
				t.Fatal(err)
			}
			bd, _ = p.Birthday()
		}
		return nil
	})
	if !bd.Lunar || bd.When.Month != 8 || bd.When.Day != 15 {
		t.Fatalf("the birthday is %+v, want lunar 08-15", bd)
	}

	// A follow-up on her, due next friday.
	h.keys("t")
	h.typeText("Mid-Autumn gift")
	h.keys("enter")
	for range 10 {
		h.keys("backspace")
	}
	h.typeText("next friday")
	h.keys("enter", "enter")
	if v := h.view(); !strings.Contains(v, "due 2026-12-04") {
		t.Fatalf("the follow-up is not due next Friday:\n%s", v)
	}
}
