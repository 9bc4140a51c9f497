package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestProfileOpensAtItsTop: a client's profile opens at its top, the
// name, tier and do-not-contact in view, from the client list and from
// the briefing, at 80x24 as at 120x40, in English and Chinese; it was
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

				// From the briefing: the client of its first item, at the top.
				h.keys("esc", "1", "enter")
				if h.m.scr != scrProfile || h.m.prof.d == nil {
					t.Fatalf("enter on the briefing opens no profile:\n%s", h.view())
				}
				name := h.m.prof.d.p.DisplayName()
				if first := strings.Split(h.view(), "\n")[1]; !strings.Contains(first, name) {
					t.Errorf("the profile of %s opened from the briefing starts with %q:\n%s", name, first, h.view())
				}
			})
		}
	}
}
