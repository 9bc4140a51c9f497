package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// backspaces clears n characters of the field being typed in.
func backspaces(h *harness, n int) {
	for i := 0; i < n; i++ {
		h.keys("backspace")
	}
}

// TestProfileBookEntries: on the profile, + then m, a, c or g opens the
// form of a made-to-order measurement, an important date (with its kind,
// whose it is, lunar or solar, its lead days), a membership card or a
// gift; wrong answers are refused with what to write (lead days "abc", a
// date without a day, a card another client holds); each is written
// through the book, changed in place with e (keeping its ID), and removed
// with del. A gift for a date marks the date prepared.
func TestProfileBookEntries(t *testing.T) {
	for _, tc := range []struct{ lang, leadBad, dayNeeded, taken, measures, cards, gifts, ahead string }{
		{i18n.English, "is not a number of days", "The day is needed", "already belongs to", "Made-to-order measurements", "Membership cards", "Gifts given", "30 days ahead"},
		{i18n.Chinese, "不是天数", "需要日期", "已属于", "定制尺寸", "会员卡", "送过的礼物", "提前 30 天"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h, book, id := onZxfProfile(t, tc.lang, 120, 40)
			before := readClient(t, book, id)
			today := h.m.c.today()

			// A measurement.
			h.keys("+", "m")
			h.typeText("chest")
			h.keys("enter")
			h.typeText("98")
			h.keys("enter")
			h.typeText("cm")
			h.keys("enter", "enter")
			p := readClient(t, book, id)
			if n := len(p.Measurements); n != len(before.Measurements)+1 || p.Measurements[n-1] != (profile.Measurement{Name: "chest", Value: "98", Unit: "cm", Taken: today}) {
				t.Fatalf("the measurement is not added: %+v", p.Measurements)
			}

			// A date: the kind picked, no day refused, lead days checked.
			h.keys("+", "a", "down", "enter") // an anniversary
			h.keys("enter")                   // no day
			if v := h.view(); !strings.Contains(v, tc.dayNeeded) {
				t.Fatalf("a date without a day is not refused:\n%s", v)
			}
			h.typeText("05-20")
			h.keys("enter", "enter") // solar
			h.typeText("wedding")
			h.keys("enter", "enter")
			h.typeText("abc")
			h.keys("enter")
			if v := h.view(); !strings.Contains(v, tc.leadBad) {
				t.Fatalf("lead days abc are not refused:\n%s", v)
			}
			backspaces(h, 3)
			h.typeText("30")
			h.keys("enter")
			p = readClient(t, book, id)
			if len(p.Dates) != len(before.Dates)+1 {
				t.Fatalf("the date is not added: %+v", p.Dates)
			}
			at := len(p.Dates) - 1
			d := p.Dates[at]
			if d.Kind != profile.DateAnniversary || d.When != (civil.MonthDay{Month: 5, Day: 20}) || d.Label != "wedding" || d.LeadDays != 30 || d.ID == "" {
				t.Fatalf("the date is %+v", d)
			}
			if v := h.view(); !strings.Contains(v, tc.ahead) || !strings.Contains(v, tc.measures) {
				t.Fatalf("the profile does not show the date's lead days or the measurement:\n%s", v)
			}

			// A card.
			h.keys("+", "c")
			h.typeText("Maison")
			h.keys("enter")
			h.typeText("VIP 8800 123")
			h.keys("enter")
			h.typeText("gold")
			h.keys("enter")
			h.typeText("1,200")
			h.keys("enter")
			h.typeText("2027-12-31")
			h.keys("enter")
			p = readClient(t, book, id)
			if len(p.Cards) != len(before.Cards)+1 {
				t.Fatalf("the card is not added: %+v", p.Cards)
			}
			if cd := p.Cards[len(p.Cards)-1]; cd.Number != "VIP 8800 123" || cd.Level != "gold" || cd.Points != 1200 || cd.Expires != civil.MustParse("2027-12-31") {
				t.Fatalf("the card is %+v", cd)
			}
			other := someOtherClient(t, book, id)

			// A gift for the new date: the date's gift is prepared.
			h.keys("+", "g")
			h.typeText("silk scarf")
			h.keys("enter", "enter")
			for i := 0; i <= at; i++ {
				h.keys("down")
			}
			h.keys("enter")
			p = readClient(t, book, id)
			if len(p.Gifts) != len(before.Gifts)+1 {
				t.Fatalf("the gift is not logged: %+v", p.Gifts)
			}
			g := p.Gifts[len(p.Gifts)-1]
			if g.What != "silk scarf" || g.Date != today || g.ForDate != d.ID || p.Dates[at].LastGift != today {
				t.Fatalf("the gift is %+v, its date %+v", g, p.Dates[at])
			}
			if v := h.view(); !strings.Contains(v, tc.cards) || !strings.Contains(v, tc.gifts) {
				t.Fatalf("the profile does not show the cards and gifts:\n%s", v)
			}

			// Changed in place: the date's lead days, the card's level.
			selectEntry(t, h, entryRef{sec: secDate, i: at})
			h.keys("e", "enter", "enter", "enter", "enter", "enter")
			backspaces(h, 2)
			h.typeText("10")
			h.keys("enter")
			p = readClient(t, book, id)
			if len(p.Dates) != at+1 || p.Dates[at].ID != d.ID || p.Dates[at].LeadDays != 10 || p.Dates[at].LastGift != today || p.Dates[at].Label != "wedding" {
				t.Fatalf("the date is not changed in place: %+v", p.Dates)
			}
			ci := len(p.Cards) - 1
			selectEntry(t, h, entryRef{sec: secCard, i: ci})
			h.keys("e", "enter", "enter")
			backspaces(h, 4)
			h.typeText("platinum")
			h.keys("enter", "enter", "enter")
			p = readClient(t, book, id)
			if cd := p.Cards[ci]; cd.Level != "platinum" || cd.Number != "VIP 8800 123" || cd.Points != 1200 {
				t.Fatalf("the card is not changed in place: %+v", p.Cards)
			}

			// A card number another client holds is refused in the form.
			if _, err := book.AddCard(other, profile.Card{Program: "Maison", Number: "VIP-555"}); err != nil {
				t.Fatal(err)
			}
			h.keys("+", "c")
			h.typeText("Maison")
			h.keys("enter")
			h.typeText("vip555")
			h.keys("enter", "enter", "enter", "enter")
			if v := h.view(); !strings.Contains(v, tc.taken) || h.m.focus() != focusForm {
				t.Fatalf("a card of another client is not refused in the form:\n%s", v)
			}
			h.keys("esc")

			// Removed: the gift (the date's gift goes), the date, the card,
			// the measurement.
			selectEntry(t, h, entryRef{sec: secGift, i: len(p.Gifts) - 1})
			h.send(keyPress("delete"))
			h.keys("enter")
			if p = readClient(t, book, id); len(p.Gifts) != len(before.Gifts) || !p.Dates[at].LastGift.IsZero() {
				t.Fatalf("the gift is not removed: %+v, %+v", p.Gifts, p.Dates[at])
			}
			selectEntry(t, h, entryRef{sec: secDate, i: at})
			h.send(keyPress("delete"))
			h.keys("enter")
			selectEntry(t, h, entryRef{sec: secCard, i: ci})
			h.send(keyPress("delete"))
			h.keys("enter")
			selectEntry(t, h, entryRef{sec: secMeasure, i: len(p.Measurements) - 1})
			h.send(keyPress("delete"))
			h.keys("enter")
			p = readClient(t, book, id)
			if len(p.Dates) != len(before.Dates) || len(p.Cards) != len(before.Cards) || len(p.Measurements) != len(before.Measurements) {
				t.Fatalf("del did not remove: dates %+v, cards %+v, measurements %+v", p.Dates, p.Cards, p.Measurements)
			}
			book.View(func(tx *store.Tx) error {
				if ids := tx.FindByCard("VIP8800123"); len(ids) != 0 {
					t.Errorf("the removed card still finds %v", ids)
				}
				return nil
			})
			h.checkFrame(120, 40)
		})
	}
}

// someOtherClient returns a client of the book other than id.
func someOtherClient(t *testing.T, b interface {
	View(func(tx *store.Tx) error) error
}, id string) string {
	t.Helper()
	var other string
	b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		for _, s := range sums {
			if s.ID != id {
				other = s.ID
				break
			}
		}
		return err
	})
	if other == "" {
		t.Fatal("the demo book has one client")
	}
	return other
}

// TestGoldenProfileEntries draws the profile's measurements, dates (whose,
// lunar or solar, lead days, the last gift), cards and gifts, and the
// form of each, in both languages at both sizes (go test ./tui -run
// TestGoldenProfileEntries -update rewrites them).
func TestGoldenProfileEntries(t *testing.T) {
	screens := []struct {
		name string
		keys func(h *harness)
	}{
		{"sections", func(h *harness) { selectEntry(h.t.(*testing.T), h, entryRef{sec: secMeasure, i: 0}) }},
		{"sections_gift", func(h *harness) { selectEntry(h.t.(*testing.T), h, entryRef{sec: secGift, i: 0}) }},
		{"measure_form", func(h *harness) { h.keys("+", "m"); h.typeText("sleeve") }},
		{"date_form", func(h *harness) { h.keys("+", "a", "down", "enter"); h.typeText("农历八月十五") }},
		{"date_change", func(h *harness) { selectEntry(h.t.(*testing.T), h, entryRef{sec: secDate, i: 1}); h.keys("e") }},
		{"card_form", func(h *harness) { h.keys("+", "c"); h.typeText("Maison"); h.keys("enter") }},
		{"gift_form", func(h *harness) { h.keys("+", "g"); h.typeText("silk scarf"); h.keys("enter", "enter") }},
	}
	for _, lang := range []string{"en", "zh"} {
		for _, sz := range sizes {
			book := openBook(t, demoBookPath(t))
			h := newHarness(t, book, lang, sz[0], sz[1])
			id := openZxfProfile(t, h)
			// What an associate would have entered: a measurement, a lunar
			// birthday of the husband, a wedding anniversary with a gift
			// prepared, a card.
			if _, err := book.AddMeasurement(id, profile.Measurement{Name: "chest", Value: "88", Unit: "cm"}); err != nil {
				t.Fatal(err)
			}
			if _, err := book.AddFamily(id, profile.Member{Name: "陈伟", Relation: "spouse", Birthday: civil.MonthDay{Month: 8, Day: 15}, Lunar: true}); err != nil {
				t.Fatal(err)
			}
			d, err := book.AddDate(id, profile.ImportantDate{Kind: profile.DateAnniversary, Label: "wedding", When: civil.MonthDay{Month: 12, Day: 5}, LeadDays: 20})
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := book.LogGift(id, profile.Gift{What: "silk scarf", ForDate: d.ID}); err != nil {
				t.Fatal(err)
			}
			if _, err := book.AddCard(id, profile.Card{Program: "Maison", Number: "VIP8800123", Level: "gold", Points: 1200, Expires: civil.MustParse("2027-12-31")}); err != nil {
				t.Fatal(err)
			}
			for _, sc := range screens {
				name := fmt.Sprintf("%s_%s_%dx%d", sc.name, lang, sz[0], sz[1])
				t.Run(name, func(t *testing.T) {
					h := newHarness(t, book, lang, sz[0], sz[1])
					openZxfProfile(t, h)
					sc.keys(h)
					h.checkFrame(sz[0], sz[1])
					golden.RequireEqual(t, h.view())
				})
			}
		}
	}
}
