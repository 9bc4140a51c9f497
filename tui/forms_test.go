package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/store"
)

// TestFormAddClient fills in the new-client form as an associate would: a
// wrong phone is refused with what to write instead, and the form stays
// with its answers; a phone already in the book brings the form back; a
// good form adds the client and opens it.
func TestFormAddClient(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 100, 30)
	h.keys("2", "a")
	if v := h.view(); !strings.Contains(v, "New client") {
		t.Fatalf("a does not open the new-client form:\n%s", v)
	}
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, "A name is needed") {
		t.Fatalf("an empty name is not refused:\n%s", v)
	}
	h.typeText("测试客户")
	h.keys("enter", "enter")
	h.typeText("12ab")
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, `"12ab" is not a phone number`) {
		t.Fatalf("a wrong phone is not refused:\n%s", v)
	}
	for range 4 {
		h.keys("backspace")
	}
	// A phone the book already holds: the write is refused, the form
	// comes back with the answers.
	h.typeText("13800138000")
	h.submitRest()
	if v := h.view(); !strings.Contains(v, "already belongs to 王小明") || h.m.edit.form == nil {
		t.Fatalf("a taken phone does not bring the form back:\n%s", v)
	}
	if got := *h.m.edit.form.Values.Str("name"); got != "测试客户" {
		t.Fatalf("the answers are lost: name %q", got)
	}
	h.keys("enter", "enter") // the form comes back on its first field
	for range len("13800138000") {
		h.keys("backspace")
	}
	h.typeText("+86 139 0000 1111")
	h.submitRest()
	if v := h.view(); !strings.Contains(v, "Client added: 测试客户.") || h.m.scr != scrProfile {
		t.Fatalf("the client is not added and opened:\n%s", v)
	}
	var found bool
	book.View(func(tx *store.Tx) error {
		found = len(tx.FindByPhone("8613900001111")) == 1
		return nil
	})
	if !found {
		t.Fatal("the new client is not in the book under her phone")
	}

	// A follow-up on her: an empty title is refused, then saved.
	h.keys("t", "enter")
	if v := h.view(); !strings.Contains(v, "Say what to do") {
		t.Fatalf("an empty task title is not refused:\n%s", v)
	}
	h.typeText("Call about the jade bracelet")
	h.keys("enter")
	for range 10 {
		h.keys("backspace")
	}
	h.typeText("+2")
	h.keys("enter", "enter")
	if v := h.view(); !strings.Contains(v, "Follow-up added: Call about the jade bracelet, due 2026-11-26.") {
		t.Fatalf("the follow-up is not added:\n%s", v)
	}
}

// submitRest presses enter until the form is gone or 12 times.
func (h *harness) submitRest() {
	h.t.Helper()
	for i := 0; i < 12 && h.m.focus() == focusForm; i++ {
		if i > 0 && strings.Contains(h.view(), "already belongs") {
			return
		}
		h.keys("enter")
	}
}
