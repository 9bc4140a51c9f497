package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
)

// TestLunarDayInFormsReadsInTheLanguage: a lunar date put into a form to
// be changed (an important date, a family member's birthday, the client's
// own birthday) is written as the interface says it, lunar leap
// 2020-04-01 in English, 农历2020年闰四月初一 in Chinese, and submitted
// unchanged it stays the same lunar day.
func TestLunarDayInFormsReadsInTheLanguage(t *testing.T) {
	for _, tc := range []struct{ lang, date, member, own string }{
		{i18n.English, "lunar leap 2020-04-01", "lunar 03-03", "lunar 08-15"},
		{i18n.Chinese, "农历2020年闰四月初一", "农历三月初三", "农历八月十五"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			book := openBook(t, demoBookPath(t))
			id := openZxfProfile(t, newHarness(t, book, tc.lang, 120, 40))
			want := profile.ImportantDate{Kind: profile.DateCustom, Label: "temple fair", When: civil.MonthDay{Year: 2020, Month: 4, Day: 1}, Lunar: true, LeapMonth: true}
			d, err := book.AddDate(id, want)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := book.AddFamily(id, profile.Member{Name: "Zhang Wei", Relation: "spouse", Birthday: civil.MonthDay{Month: 3, Day: 3}, Lunar: true}); err != nil {
				t.Fatal(err)
			}
			h := newHarness(t, book, tc.lang, 120, 40)
			openZxfProfile(t, h)
			p := readClient(t, book, id)
			at := p.DateByID(d.ID)
			selectEntry(t, h, entryRef{sec: secDate, i: at})
			h.keys("e")
			if v := h.view(); !strings.Contains(v, "> "+tc.date+"\n") {
				t.Fatalf("the date's day is not %q in the form:\n%s", tc.date, v)
			}
			h.keys("enter", "enter", "enter", "enter", "enter", "enter") // every field as it was
			got := readClient(t, book, id).Dates[at]
			if got.When != want.When || !got.Lunar || !got.LeapMonth {
				t.Fatalf("submitted unchanged, the date became %+v", got)
			}
			selectEntry(t, h, entryRef{sec: secFamily, i: len(p.Household) - 1})
			h.keys("e")
			if v := h.view(); !strings.Contains(v, "> "+tc.member+"\n") {
				t.Fatalf("the family member's birthday is not %q in the form:\n%s", tc.member, v)
			}
			h.keys("esc")
			selectEntry(t, h, entryRef{sec: secDate, i: at}) // not an entry of the client's own fields
			h.keys("G", "e")                                 // the last line, history: e edits the client
			if v := h.view(); !strings.Contains(v, "> "+tc.own+"\n") {
				t.Fatalf("the client's lunar birthday is not %q in the form:\n%s", tc.own, v)
			}
			for _, han := range []string{"农历", "闰"} {
				if tc.lang == i18n.English && strings.Contains(h.view(), han) {
					t.Errorf("Chinese in the English form:\n%s", h.view())
				}
			}
		})
	}
}
