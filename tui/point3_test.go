package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// cardsBook is a book under the department store's card scheme whose
// briefing on testNow (2026-11-24) lists two cards lapsing within 30
// days: a gold card of one 7,000 day on 2025-12-10 (2,000 spent since)
// and a platinum card of one 35,000 day on 2025-12-20; a third client's
// gold card is renewed already and is not listed.
func cardsBook(t *testing.T) *vb.Book {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	cfg := config.Default()
	cfg.Tiers.Scheme = "department_store"
	b, err := vb.Init(filepath.Join(t.TempDir(), "book.db"), store.Meta{Associate: "Li Na", Currency: "CNY", CountryCode: "86"},
		vb.Options{Now: testNow, Config: &cfg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	for i, c := range []struct {
		name  string
		buys  [][2]string
		yuans []int64
	}{
		{"王小明", [][2]string{{"2025-12-10", ""}, {"2026-06-01", ""}}, []int64{7000, 2000}},
		{"Lucy Chen", [][2]string{{"2025-12-20", ""}}, []int64{35000}},
		{"李华", [][2]string{{"2025-12-12", ""}, {"2026-03-01", ""}}, []int64{7000, 10000}},
	} {
		p := &profile.Profile{Name: c.name, Phones: []profile.Phone{{Number: fmt.Sprintf("1380000000%d", i+1)}}}
		if err := b.AddClient(p); err != nil {
			t.Fatal(err)
		}
		for j, d := range c.buys {
			day := civil.MustParse(d[0])
			if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: day, Amount: profile.Money(c.yuans[j] * 100)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return b
}

// TestPoint3CardsLapsingInTheApp: issue 12 point 3 in the app. The
// briefing has the CLI brief's "cards lapsing" section, from the same
// data (briefing.Briefing.Cards), worded from the catalog: the card, what
// keeps it and the days left, in English and Chinese; a row opens the
// client. The card follow-ups the rule made are on it too, and the lapsed
// top clients are named by their card's label, not the level's name.
func TestPoint3CardsLapsingInTheApp(t *testing.T) {
	b := cardsBook(t)
	for _, lang := range []string{"en", "zh"} {
		for _, sz := range sizes {
			name := fmt.Sprintf("briefing_cards_%s_%dx%d", lang, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				h := newHarness(t, b, lang, sz[0], sz[1])
				h.keys("G")
				h.checkFrame(sz[0], sz[1])
				golden.RequireEqual(t, h.view())
			})
		}
	}
	for _, c := range []struct{ lang, head, gold, keep, follow string }{
		{"en", "Cards lapsing within 30 days (2)", "Gold card: renewed with 10,000 CNY", "Platinum card", "Invite back before the Gold card lapses"},
		{"zh", "30 天内到期的会员卡（2）", "金卡：2026-12-09 前卡年内满 10,000 CNY 续卡", "白金卡", "邀请回店：金卡须在 2026-12-09 前"},
	} {
		h := newHarness(t, b, c.lang, 160, 60)
		v := h.view()
		for _, want := range []string{c.head, c.gold, c.keep, c.follow} {
			if !strings.Contains(v, want) {
				t.Errorf("%s: the briefing lacks %q:\n%s", c.lang, want, v)
			}
		}
		if strings.Contains(v, "middle") || strings.Contains(v, "Lucy Chen top") {
			t.Errorf("%s: a card level's configuration name is shown, not its label:\n%s", c.lang, v)
		}
		for _, it := range h.m.brief.br.Cards {
			if it.ClientName == "李华" {
				t.Errorf("%s: a renewed card is listed:\n%s", c.lang, v)
			}
		}
		// The section's first row opens 王小明 (the soonest).
		on := func() bool {
			p := &h.m.brief.pane
			return p.cursor >= 0 && p.blocks[p.cursor].ref.clientName == "王小明" && strings.Contains(p.blocks[p.cursor].plain, c.gold[:9])
		}
		for i := 0; i < 100 && !on(); i++ {
			h.keys("down")
		}
		if !on() {
			t.Fatalf("%s: no card row to select:\n%s", c.lang, h.view())
		}
		h.keys("enter")
		if h.m.scr != scrProfile || !strings.Contains(h.view(), "王小明") {
			t.Errorf("%s: enter on the card row does not open the client:\n%s", c.lang, h.view())
		}
	}
}
