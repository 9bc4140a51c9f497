package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
)

// TestPrepCardSizesLikes: the prep card of a visit shows the current size
// of each category with its fit note (an older one taken for the same
// category is history, not shown), the first likes and the dislikes.
func TestPrepCardSizesLikes(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	for _, tc := range []struct{ lang, sizes, likes, dislikes string }{
		{i18n.English, "sizes", "likes", "dislikes"},
		{i18n.Chinese, "尺码", "喜好", "不喜欢"},
	} {
		h := newHarness(t, book, tc.lang, 120, 40)
		day := func(s string) civil.Date { d, _ := civil.Parse(s); return d }
		card := briefing.PrepCard{Name: "Test Client",
			Sizes: []profile.Size{
				{Category: "shoes", System: "EU", Value: "38", Taken: day("2023-01-10")},
				{Category: "jacket", System: "IT", Value: "48", Note: "slim cut", Taken: day("2024-05-01")},
				{Category: "shoes", System: "EU", Value: "39", Note: "narrow foot", Taken: day("2025-09-02")},
			},
			Preferences: []profile.Preference{{Value: "navy"}, {Value: "cashmere"}, {Value: "loafers"}, {Value: "Hermès"}, {Value: "linen"}, {Value: "sixth like"}},
			Dislikes:    []string{"gold", "crowds"},
		}
		b := h.m.brief.prepCard(&card, 116)
		text := ansi.Strip(strings.Join(b.lines, "\n"))
		cat := i18n.New(tc.lang) // the fit note beside the size in the language's brackets
		for _, want := range []string{cat.Aside("shoes 39 EU", "narrow foot"), cat.Aside("jacket 48 IT", "slim cut"), "navy", "linen", "gold", "crowds",
			tc.sizes, tc.likes, tc.dislikes} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the card lacks %q:\n%s", tc.lang, want, text)
			}
		}
		if strings.Contains(text, "38 EU") || strings.Contains(text, "sixth like") {
			t.Errorf("%s: the card shows an old size or more than five likes:\n%s", tc.lang, text)
		}
	}
}
