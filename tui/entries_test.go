package tui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

func readClient(t *testing.T, b *vb.Book, id string) *profile.Profile {
	t.Helper()
	var p *profile.Profile
	if err := b.View(func(tx *store.Tx) error {
		var err error
		p, err = tx.Client(id)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return p
}

// openZxfProfile opens 曾小凡's profile.
func openZxfProfile(t *testing.T, h *harness) string {
	t.Helper()
	h.keys("/")
	h.typeText("zxf")
	h.keys("enter")
	if h.m.scr != scrProfile {
		t.Fatal("zxf does not open a profile")
	}
	return h.m.prof.id
}

// onZxfProfile opens a copy of the demo book in an app of w×h cells in
// lang, on 曾小凡's profile: the app, the book and the client's id.
func onZxfProfile(t *testing.T, lang string, w, ht int) (*harness, *vb.Book, string) {
	t.Helper()
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, lang, w, ht)
	return h, book, openZxfProfile(t, h)
}

// selectEntry moves the profile's cursor to entry e.
func selectEntry(t *testing.T, h *harness, e entryRef) {
	t.Helper()
	h.keys("g")
	for i := 0; i < 100; i++ {
		if sel, ok := h.m.prof.pane.selected(); ok && sel.entry != nil && *sel.entry == e {
			return
		}
		h.keys("down")
	}
	t.Fatalf("entry %+v cannot be selected", e)
}

// TestProfileEntries: on the profile, + then one key opens the form of a
// size, a like, a dislike or a family member; the answers are checked
// (an empty size is refused with what to do) and written through the
// book; e on an entry changes it in place; del removes it. A family
// member's lunar birthday (农历八月十五) is kept as a lunar date.
func TestProfileEntries(t *testing.T) {
	for _, tc := range []struct{ lang, pick, required, ask, removed string }{
		{i18n.English, "pick with one key", "This field is needed", "enter: remove, esc: keep", "Removed: "},
		{i18n.Chinese, "按一个键选择", "此项必填", "enter：删除，esc：保留", "已删除："},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h, book, id := onZxfProfile(t, tc.lang, 120, 40)
			before := readClient(t, book, id)

			h.keys("+")
			if v := h.view(); !strings.Contains(v, tc.pick) {
				t.Fatalf("+ does not offer what to add:\n%s", v)
			}
			h.keys("s")
			if h.m.focus() != focusForm {
				t.Fatal("s does not open the size form")
			}
			h.keys("enter") // no category
			if v := h.view(); !strings.Contains(v, tc.required) {
				t.Fatalf("an empty category is not refused:\n%s", v)
			}
			h.typeText("jacket")
			h.keys("enter")
			h.typeText("48")
			h.keys("enter")
			h.typeText("IT")
			h.keys("enter")
			h.typeText("slim cut")
			h.keys("enter", "enter")
			p := readClient(t, book, id)
			if len(p.Sizes) != len(before.Sizes)+1 {
				t.Fatalf("the size is not added: %+v", p.Sizes)
			}
			z := p.Sizes[len(p.Sizes)-1]
			if z.Category != "jacket" || z.Value != "48" || z.System != "IT" || z.Note != "slim cut" || z.Taken != h.m.c.today() {
				t.Fatalf("the size is %+v", z)
			}

			h.keys("+", "l")
			h.typeText("navy")
			h.keys("enter", "enter", "enter")
			p = readClient(t, book, id)
			if got := p.Preferences[len(p.Preferences)-1]; got.Value != "navy" || got.Kind != profile.PrefStyle {
				t.Fatalf("the like is %+v", got)
			}

			h.keys("+", "d")
			h.typeText("gold")
			h.keys("enter", "enter", "enter") // the category (other) and no note
			p = readClient(t, book, id)
			if got := p.Preferences[len(p.Preferences)-1]; got.Value != "gold" || !got.Dislike || got.Kind != profile.PrefOther {
				t.Fatalf("the dislike is not added: %+v", got)
			}

			h.keys("+", "f")
			h.typeText("Chen Wei")
			h.keys("enter")
			h.keys("enter") // the relation picked: spouse, the first
			h.typeText("农历八月十五")
			h.keys("enter", "enter", "enter") // not lunar-flagged (农历 says it), no client of the book
			p = readClient(t, book, id)
			m := p.Household[len(p.Household)-1]
			// Kept as book.AddFamily keeps it: on the member and in a date
			// of theirs, so the briefing reminds of it.
			di := slices.IndexFunc(p.Dates, func(d profile.ImportantDate) bool { return d.IsMemberBirthday("Chen Wei") })
			if m.Name != "Chen Wei" || m.Relation != "spouse" || !m.Lunar || m.Birthday.Month != 8 || m.Birthday.Day != 15 || di < 0 ||
				!p.Dates[di].Lunar || p.Dates[di].When != m.Birthday || p.Dates[di].Kind != profile.DateFamilyBirthday {
				t.Fatalf("the family member is %+v, dates %+v", m, p.Dates)
			}
			// The relation in the language in use: 陈伟（配偶） in Chinese, not the
			// word the book keeps.
			cat := i18n.New(tc.lang)
			if v := h.view(); !strings.Contains(v, cat.Aside("Chen Wei", cat.Relation("spouse"))) ||
				(tc.lang == i18n.Chinese && (!strings.Contains(v, "配偶") || strings.Contains(v, "spouse"))) {
				t.Fatalf("the profile does not show the family member with the relation's word:\n%s", v)
			}

			// Change the new size in place: 48 becomes 50.
			at := len(p.Sizes) - 1
			selectEntry(t, h, entryRef{sec: secSize, i: at})
			h.keys("e")
			h.keys("enter") // the category stays
			h.keys("backspace", "backspace")
			h.typeText("50")
			h.keys("enter", "enter", "enter", "enter")
			p = readClient(t, book, id)
			if len(p.Sizes) != at+1 || p.Sizes[at].Value != "50" || p.Sizes[at].Note != "slim cut" {
				t.Fatalf("the size is not changed in place: %+v", p.Sizes)
			}

			// Remove the dislike, then the family member with their date.
			// del asks first: esc keeps the entry, enter removes it.
			selectEntry(t, h, entryRef{sec: secPrefDislike, i: len(p.Preferences) - 1})
			h.send(keyPress("delete"))
			if v := h.view(); !strings.Contains(v, "gold") || !strings.Contains(v, tc.ask) {
				t.Fatalf("del does not ask before removing:\n%s", v)
			}
			h.keys("esc")
			if got := readClient(t, book, id); len(got.Preferences) != len(p.Preferences) {
				t.Fatal("esc after del removed the entry")
			}
			h.send(keyPress("delete"))
			h.keys("enter")
			if v := h.view(); !strings.Contains(v, tc.removed) {
				t.Fatalf("the removal is not confirmed:\n%s", v)
			}
			selectEntry(t, h, entryRef{sec: secFamily, i: len(p.Household) - 1})
			h.send(keyPress("delete"))
			h.keys("enter")
			p = readClient(t, book, id)
			if len(p.Preferences) != len(before.Preferences)+1 || len(p.Household) != len(before.Household) {
				t.Fatalf("del did not remove: likes and dislikes %+v, family %+v", p.Preferences, p.Household)
			}
			if slices.ContainsFunc(p.Dates, func(d profile.ImportantDate) bool { return d.IsMemberBirthday("Chen Wei") || d.Label == "Chen Wei" }) {
				t.Fatalf("the removed member's lunar birthday stays: %+v", p.Dates)
			}
			h.checkFrame(120, 40)
		})
	}
}

// keyPress is a named key the harness's keys does not know.
func keyPress(name string) tea.KeyPressMsg {
	switch name {
	case "delete":
		return tea.KeyPressMsg{Code: tea.KeyDelete}
	}
	return keyMsg(name)
}
