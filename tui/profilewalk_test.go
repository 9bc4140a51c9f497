package tui

import (
	"strings"
	"testing"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// The defects the tmux walk of issue 11's profile sections found, each
// walked again here through the app's keys.

// otherClient returns a client of the book other than id: their id, name
// and first phone.
func otherClient(t *testing.T, b *vb.Book, id string) (string, string, string) {
	t.Helper()
	var oid, name, phone string
	if err := b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		for _, s := range sums {
			if s.ID != id && len(s.Phones) > 0 && s.Status != profile.Archived {
				oid, name, phone = s.ID, s.DisplayName(), "+"+s.Phones[0]
				return nil
			}
		}
		return nil
	}); err != nil || oid == "" {
		t.Fatalf("no other client: %v", err)
	}
	return oid, name, phone
}

// TestLikeAndDislikeWithCategory: a dislike is entered with its category
// as a like is (colour, fabric, brand, style, line, occasion, other); a
// thing liked and then disliked is a dislike only, as book.AddPreference
// keeps it (the walk showed "navy" both liked and disliked); the profile
// lists the likes, then the dislikes.
func TestLikeAndDislikeWithCategory(t *testing.T) {
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		t.Run(lang, func(t *testing.T) {
			h, book, id := onZxfProfile(t, lang, 120, 40)
			cat := i18n.New(lang)
			h.keys("+", "l")
			if v := h.view(); !strings.Contains(v, cat.PrefKind(profile.PrefLine)) || !strings.Contains(v, cat.PrefKind(profile.PrefOccasion)) {
				t.Fatalf("the like form does not offer the issue's categories:\n%s", v)
			}
			h.typeText("Navy")
			h.keys("enter", "up", "up", "up", "enter") // style, up to colour
			h.keys("enter")
			p := readClient(t, book, id)
			if got := p.Preferences[len(p.Preferences)-1]; got.Value != "Navy" || got.Kind != profile.PrefColour || got.Dislike {
				t.Fatalf("the like is %+v", got)
			}
			n := len(p.Preferences)
			h.keys("+", "d")
			h.typeText("navy")
			h.keys("enter", "enter") // the category a dislike starts on: other
			h.typeText("on ties")
			h.keys("enter")
			p = readClient(t, book, id)
			if len(p.Preferences) != n {
				t.Fatalf("the like stays beside the dislike: %+v", p.Preferences)
			}
			got := p.Preferences[len(p.Preferences)-1]
			if got.Value != "navy" || !got.Dislike || got.Note != "on ties" || got.Kind != profile.PrefOther {
				t.Fatalf("the dislike is %+v", got)
			}
			v := h.view()
			dis := strings.Index(v, cat.Colon(cat.PrefKind(got.Kind), cat.Aside("navy", "on ties")))
			like := strings.Index(v, cat.PrefKind(profile.PrefStyle))
			if dis < 0 || like < 0 || dis < like {
				t.Fatalf("the dislike is not listed after the likes:\n%s", v)
			}
			// Changed in place, it stays a dislike, in its place.
			selectEntry(t, h, entryRef{sec: secPrefDislike, i: len(p.Preferences) - 1})
			h.keys("e")
			h.keys("backspace", "backspace", "backspace", "backspace")
			h.typeText("crimson")
			h.keys("enter", "enter", "enter")
			q := readClient(t, book, id)
			if len(q.Preferences) != n || !q.Preferences[n-1].Dislike || q.Preferences[n-1].Value != "crimson" {
				t.Fatalf("the changed dislike is %+v", q.Preferences)
			}
		})
	}
}

// TestSizeHistoryAndFutureDay: a new size of a category shows first, the
// one it replaces under it as earlier (the walk showed two shoe sizes
// side by side, the older first); a size taken in the future is refused
// with what to type, the answers kept.
func TestSizeHistoryAndFutureDay(t *testing.T) {
	for _, tc := range []struct{ lang, future, earlier string }{
		{i18n.English, "is in the future", "earlier 38 EU"},
		{i18n.Chinese, "是将来的日期", "此前 38 EU"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h, book, id := onZxfProfile(t, tc.lang, 120, 40)
			before := readClient(t, book, id)
			add := func(value, taken string) {
				h.keys("+", "s")
				h.typeText("shoes")
				h.keys("enter")
				h.typeText(value)
				h.keys("enter")
				h.typeText("EU")
				h.keys("enter", "enter")
				for range 10 {
					h.keys("backspace")
				}
				h.typeText(taken)
				h.keys("enter")
			}
			add("41", "2027-01-05")
			if v := h.view(); !strings.Contains(v, tc.future) || h.m.focus() != focusForm || !strings.Contains(v, "41") {
				t.Fatalf("a size taken in the future is not refused in the form:\n%s", v)
			}
			if p := readClient(t, book, id); len(p.Sizes) != len(before.Sizes) {
				t.Fatalf("a size taken in the future was written: %+v", p.Sizes)
			}
			h.keys("esc")
			add("38", "2025-01-05")
			add("40", "2026-11-01")
			v := h.view()
			cur, old := strings.Index(v, "40 EU"), strings.Index(v, tc.earlier)
			if cur < 0 || old < cur {
				t.Fatalf("the newest size is not shown first with the earlier under it:\n%s", v)
			}
			if p := readClient(t, book, id); len(p.Sizes) != len(before.Sizes)+2 {
				t.Fatalf("the sizes are %+v", p.Sizes)
			}
		})
	}
}

// TestFamilyLinkedClient: a family member can be linked to another
// client of the book by their phone; the profile names that client; a
// change in the app keeps the link (it dropped it); a phone of nobody is
// refused with what to type, the answers kept.
func TestFamilyLinkedClient(t *testing.T) {
	for _, tc := range []struct{ lang, linked, none string }{
		{i18n.English, "client of the book: ", "No client of the book is"},
		{i18n.Chinese, "本册客户：", "本册中没有"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h, book, id := onZxfProfile(t, tc.lang, 120, 40)
			oid, oname, ophone := otherClient(t, book, id)
			// Chen Li, partner, born on 03-08, linked to the client of
			// the phone given.
			addPartner := func(phone string) {
				h.keys("+", "f")
				h.typeText("Chen Li")
				h.keys("enter", "down", "enter") // partner
				h.typeText("03-08")
				h.keys("enter", "enter")
				h.typeText(phone)
				h.keys("enter")
			}
			addPartner("+86 100 0000 0000")
			if v := h.view(); !strings.Contains(v, tc.none) || h.m.focus() != focusForm || !strings.Contains(v, "Chen Li") {
				t.Fatalf("a phone of nobody is not refused in the form:\n%s", v)
			}
			h.keys("esc")
			addPartner(ophone)
			p := readClient(t, book, id)
			m := p.Household[len(p.Household)-1]
			if m.Name != "Chen Li" || m.Relation != "partner" || m.ClientID != oid {
				t.Fatalf("the member is %+v, want linked to %s", m, oid)
			}
			if v := h.view(); !strings.Contains(v, tc.linked+oname) {
				t.Fatalf("the profile does not name the linked client %s:\n%s", oname, v)
			}
			selectEntry(t, h, entryRef{sec: secFamily, i: len(p.Household) - 1})
			h.keys("e")
			h.keys("enter", "enter")
			h.keys("backspace", "backspace")
			h.typeText("09")
			h.keys("enter", "enter", "enter")
			p = readClient(t, book, id)
			m = p.Household[len(p.Household)-1]
			if m.Birthday.Day != 9 || m.ClientID != oid {
				t.Fatalf("changed in the app, the member is %+v: the link to %s is lost", m, oid)
			}
		})
	}
}

// TestStoreAndCounter: the store and the counter a client belongs to are
// changed in the edit form and shown on the profile.
func TestStoreAndCounter(t *testing.T) {
	h, book, id := onZxfProfile(t, i18n.English, 120, 40)
	h.keys("e")
	focusField(t, h, "store")
	for range 20 {
		h.keys("backspace")
	}
	h.typeText("Beijing SKP")
	h.keys("enter")
	h.typeText("Maison leather")
	for i := 0; i < 40 && h.m.edit.form != nil; i++ {
		h.keys("enter")
	}
	p := readClient(t, book, id)
	if p.HomeStore != "Beijing SKP" || p.Counter != "Maison leather" {
		t.Fatalf("the store is %q, the counter %q", p.HomeStore, p.Counter)
	}
	if v := h.view(); !strings.Contains(v, "Beijing SKP  Maison leather") {
		t.Fatalf("the profile does not show the store and counter:\n%s", v)
	}
}

// focusField moves the open form's focus to the field of key k with
// enter.
func focusField(t *testing.T, h *harness, k string) {
	t.Helper()
	for range 40 {
		f := h.m.edit.form
		if f == nil {
			t.Fatal("no form is open")
		}
		if fd := f.Huh.GetFocusedField(); fd != nil && fd.GetKey() == k {
			return
		}
		h.keys("enter")
	}
	t.Fatalf("the form has no field %q", k)
}
