package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
)

// TestEntryFormTitles: the form of every profile section says whether it
// adds an entry or changes one ("Add a size for 曾小凡" after + s, "Change
// the size of 曾小凡" after e on a size), in English and Chinese; the two
// titles differ for each section.
func TestEntryFormTitles(t *testing.T) {
	titles := []struct {
		sec         entrySec
		add, change i18n.Key
	}{
		{secSize, i18n.FormSizeTitle, i18n.FormSizeChangeTitle},
		{secLike, i18n.FormLikeTitle, i18n.FormLikeChangeTitle},
		{secPrefDislike, i18n.FormDislikeTitle, i18n.FormDislikeChangeTitle},
		{secFamily, i18n.FormFamilyTitle, i18n.FormFamilyChangeTitle},
		{secMeasure, i18n.FormMeasureTitle, i18n.FormMeasureChangeTitle},
		{secDate, i18n.FormDateTitle, i18n.FormDateChangeTitle},
		{secCard, i18n.FormCardTitle, i18n.FormCardChangeTitle},
		{secGift, i18n.FormGiftTitle, i18n.FormGiftChangeTitle},
	}
	for _, tc := range []struct{ lang, addSize, changeSize string }{
		{i18n.English, "Add a size for ", "Change the size of "},
		{i18n.Chinese, "添加", "修改"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h, book, id := onZxfProfile(t, tc.lang, 120, 40)
			cat := i18n.New(tc.lang)
			// One entry of each section, written through the book.
			day := civil.Date{Year: 2026, Month: 5, Day: 1}
			if _, err := book.AddSize(id, profile.Size{Category: "ring", Value: "12", Taken: day}); err != nil {
				t.Fatal(err)
			}
			for _, pr := range []profile.Preference{{Kind: profile.PrefColour, Value: "navy"}, {Kind: profile.PrefColour, Value: "orange", Dislike: true}} {
				if _, err := book.AddPreference(id, pr); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := book.AddMeasurement(id, profile.Measurement{Name: "chest", Value: "98", Unit: "cm", Taken: day}); err != nil {
				t.Fatal(err)
			}
			if _, err := book.AddDate(id, profile.ImportantDate{Kind: profile.DateAnniversary, When: civil.MonthDay{Month: 6, Day: 9}}); err != nil {
				t.Fatal(err)
			}
			if _, err := book.AddFamily(id, profile.Member{Name: "Lily", Relation: "child"}); err != nil {
				t.Fatal(err)
			}
			if _, err := book.AddCard(id, profile.Card{Program: "Club", Number: "VIP77001"}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := book.LogGift(id, profile.Gift{What: "scarf", Date: day}); err != nil {
				t.Fatal(err)
			}
			h.run(loadClient(h.m.c, id))
			p := readClient(t, book, id)
			name := p.DisplayName()
			last := map[entrySec]int{secSize: len(p.Sizes) - 1, secLike: len(p.Preferences) - 2, secPrefDislike: len(p.Preferences) - 1,
				secFamily: len(p.Household) - 1, secMeasure: len(p.Measurements) - 1, secDate: len(p.Dates) - 1,
				secCard: len(p.Cards) - 1, secGift: len(p.Gifts) - 1}
			for _, tt := range titles {
				add, change := cat.T(tt.add, name), cat.T(tt.change, name)
				if add == change {
					t.Fatalf("section %d: adding and changing share the title %q", tt.sec, add)
				}
				for _, ek := range h.m.c.keys.Entries {
					if ek.Sec == tt.sec || (tt.sec == secPrefDislike && ek.Sec == secDislike) {
						h.keys("+", ek.Keys()[0])
					}
				}
				if v := h.view(); h.m.focus() != focusForm || !strings.Contains(v, add) {
					t.Fatalf("section %d: the new entry's form is not titled %q:\n%s", tt.sec, add, v)
				}
				h.keys("esc")
				selectEntry(t, h, entryRef{sec: tt.sec, i: last[tt.sec]})
				h.keys("e")
				if v := h.view(); h.m.focus() != focusForm || !strings.Contains(v, change) {
					t.Fatalf("section %d: the changed entry's form is not titled %q:\n%s", tt.sec, change, v)
				}
				h.keys("esc")
			}
			if add, change := cat.T(i18n.FormSizeTitle, name), cat.T(i18n.FormSizeChangeTitle, name); !strings.Contains(add, tc.addSize) || !strings.HasPrefix(change, tc.changeSize) {
				t.Fatalf("the size form's titles read %q and %q", add, change)
			}
		})
	}
}

// TestCardPointsGroupedOnProfile: a card's points show with their digits
// grouped on the profile (12,800 points; 12,800 积分), as `vipbook show`
// prints them.
func TestCardPointsGroupedOnProfile(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{{i18n.English, "12,800 points"}, {i18n.Chinese, "12,800 积分"}} {
		t.Run(tc.lang, func(t *testing.T) {
			h, book, id := onZxfProfile(t, tc.lang, 80, 24)
			if _, err := book.AddCard(id, profile.Card{Program: "Club", Number: "VIP77001", Points: 12800}); err != nil {
				t.Fatal(err)
			}
			h.run(loadClient(h.m.c, id))
			selectEntry(t, h, entryRef{sec: secCard, i: len(readClient(t, book, id).Cards) - 1})
			if v := h.view(); !strings.Contains(v, tc.want) {
				t.Fatalf("the profile does not show %q:\n%s", tc.want, v)
			}
		})
	}
}
