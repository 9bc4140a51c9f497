package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
)

// TestSearchRanksAndMarks: behind / the field query "who to call when the
// loafers in 47 arrive" lists the clients who match equally well top tier
// first, then the one seen most recently, and marks the one who asked
// not to be contacted, in both languages.
func TestSearchRanksAndMarks(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	for i, c := range []struct{ name, tier, bought string }{
		{"Carla Rossi", "C", "2026-11-20"},
		{"Alma Ruiz", "A", "2025-03-01"},
		{"Zoe Lin", "A", "2026-10-01"},
		{"Bea Chen", "B", "2026-11-01"},
	} {
		p := &profile.Profile{Name: c.name, Tier: c.tier, Phones: []profile.Phone{{Number: "+86 1390000000" + string(rune('1'+i))}},
			Sizes: []profile.Size{{Category: "shoes", Value: "47"}}, Preferences: []profile.Preference{{Kind: profile.PrefStyle, Value: "tasselloafers"}}}
		p.Consent.DoNotContact = c.name == "Bea Chen"
		if err := book.AddClient(p); err != nil {
			t.Fatal(err)
		}
		if err := book.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse(c.bought), Amount: 100000}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ lang, mark string }{{i18n.English, "(no contact)"}, {i18n.Chinese, "（勿联系）"}} {
		t.Run(tc.lang, func(t *testing.T) {
			h := newHarness(t, book, tc.lang, 120, 40)
			h.keys("/")
			h.typeText("size:shoes=47 likes:tasselloafers")
			v := h.view()
			at := func(name string) int { return strings.Index(v, name) }
			if !(at("Zoe Lin") >= 0 && at("Zoe Lin") < at("Alma Ruiz") && at("Alma Ruiz") < at("Bea Chen") && at("Bea Chen") < at("Carla Rossi")) {
				t.Fatalf("want Zoe (A, seen lately), Alma (A), Bea (B), Carla (C) in that order:\n%s", v)
			}
			for _, l := range strings.Split(v, "\n") {
				if strings.Contains(l, "Bea Chen") != strings.Contains(l, tc.mark) {
					t.Errorf("only Bea's row is marked %s:\n%s", tc.mark, v)
				}
			}
		})
	}
}
