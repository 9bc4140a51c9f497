package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// TestProfileOpensAtItsTop: a client's profile opens at its top, the
// name, tier and do-not-contact in view, from search and from the
// client list, at 80x24 as at 120x40, in English and Chinese; it was
// scrolled down to the first open follow-up, the header off screen. The
// cursor is on a line in view: the first open follow-up when it shows
// (120x40), else the first entry.
func TestProfileOpensAtItsTop(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		cat := i18n.New(lang)
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				b := openBook(t, demoBookPath(t))
				h := newHarness(t, b, lang, sz[0], sz[1])
				id := openZxfProfile(t, h)
				h.keys("esc")
				err := b.Store().WithoutHooks().Update(func(tx *store.Tx) error {
					return tx.UpdateClientWith(id, func(p *profile.Profile) error {
						p.Consent = profile.Consent{DoNotContact: true, How: "asked in store"}
						return nil
					})
				})
				if err != nil {
					t.Fatal(err)
				}
				h.keys("2") // another client first: the profile is opened anew
				h.keys("enter", "esc")
				h.keys("/")
				h.typeText("zxf")
				h.keys("enter")
				lines := strings.Split(h.view(), "\n")
				head := lines[1]
				for _, want := range []string{"曾小凡", cat.T(i18n.ProfTier, "C"), cat.T(i18n.ProfDNC)} {
					if !strings.Contains(head, want) {
						t.Fatalf("the profile's first line %q lacks %q:\n%s", head, want, h.view())
					}
				}
				sel := ""
				for _, l := range lines[1:] {
					if strings.HasPrefix(l, "> ") {
						sel = l
					}
				}
				switch {
				case sel == "":
					t.Fatalf("no line of the profile is selected:\n%s", h.view())
				case sz[1] == 40 && !strings.Contains(sel, "Call back about the alteration"):
					t.Errorf("at 120x40 the follow-up in view is not selected (%q):\n%s", sel, h.view())
				}

				// From the client list: the client of its first row, at the top
				// (from a follow-up it opens on that follow-up:
				// TestProfileFromAFollowUpOpensOnIt).
				h.keys("esc", "2", "enter")
				if h.m.scr != scrProfile || h.m.prof.d == nil {
					t.Fatalf("enter on the client list opens no profile:\n%s", h.view())
				}
				name := h.m.prof.d.p.DisplayName()
				if first := strings.Split(h.view(), "\n")[1]; !strings.Contains(first, name) {
					t.Errorf("the profile of %s opened from the client list starts with %q:\n%s", name, first, h.view())
				}
			})
		}
	}
}

// selectedLine returns the line of the screen the cursor is on ("> "),
// "" when none shows.
func selectedLine(h *harness) string {
	for _, l := range strings.Split(h.view(), "\n")[1:] {
		if strings.HasPrefix(l, "> ") {
			return l
		}
	}
	return ""
}

// TestProfileFromAFollowUpOpensOnIt: a profile opened from a follow-up
// of the briefing opens on that follow-up, in view, even when the header
// goes off screen (80x24): space then ticks it. It opened at its top on
// the first entry, and space said "Select a follow-up first".
func TestProfileFromAFollowUpOpensOnIt(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				b := openBook(t, demoBookPath(t))
				h := newHarness(t, b, lang, sz[0], sz[1])
				h.keys("1")
				ref := h.firstTask(t)
				h.keys("enter")
				if h.m.scr != scrProfile || h.m.prof.d == nil {
					t.Fatalf("enter on the follow-up opens no profile:\n%s", h.view())
				}
				got, ok := h.m.prof.client()
				if !ok || got.task == nil || got.task.ID != ref.task.ID {
					t.Fatalf("the profile opened from %q is not on it (%+v):\n%s", ref.task.Title, got.task, h.view())
				}
				if sel := selectedLine(h); !strings.HasPrefix(sel, "> [ ]") {
					t.Fatalf("the follow-up %q is not the line selected on screen (%q):\n%s", ref.task.Title, sel, h.view())
				}
				h.keys("space")
				if v := h.view(); strings.Contains(v, h.m.c.t(i18n.StatusPickTask)) {
					t.Fatalf("space on the follow-up asks for one:\n%s", v)
				}
				if got := readTask(t, b, ref.task.ID); got.Status == tasks.Open {
					t.Fatalf("the follow-up is not ticked: %s", got.Status)
				}
			})
		}
	}
}

// TestProfileSelectedAlwaysInView: at 80x14 no entry of the profile
// shows whole on its first screen; the one selected is on the screen when
// it opens and after the next reload (it was none, then one off screen,
// which e and del acted on).
func TestProfileSelectedAlwaysInView(t *testing.T) {
	b := openBook(t, demoBookPath(t))
	h := newHarness(t, b, "en", 80, 14)
	id := openZxfProfile(t, h)
	if _, ok := h.m.prof.client(); !ok || selectedLine(h) == "" {
		t.Fatalf("the profile opens with no line of it selected on screen:\n%s", h.view())
	}
	h.run(loadClient(h.m.c, id))
	if selectedLine(h) == "" {
		t.Fatalf("after a reload the line selected is off screen:\n%s", h.view())
	}
}
