package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestSizeCategoryAcrossLanguages: two sizes of one category kept in two
// languages are one category on the prep card and on the profile: the
// latest is current (鞋 38 taken after shoes 39 EU), the other is
// history; both showed as current.
func TestSizeCategoryAcrossLanguages(t *testing.T) {
	day := func(s string) civil.Date { d, _ := civil.Parse(s); return d }
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		t.Run(lang, func(t *testing.T) {
			cat := i18n.New(lang)
			h, b, id := onZxfProfile(t, lang, 120, 40)
			card := briefing.PrepCard{Name: "Test Client", Sizes: []profile.Size{
				{Category: "鞋", Value: "39", Taken: day("2023-01-10")},
				{Category: "shoes", System: "EU", Value: "40", Taken: day("2025-09-02")},
			}}
			text := ansi.Strip(strings.Join(h.m.brief.prepCard(&card, 116).lines, "\n"))
			if !strings.Contains(text, "shoes 40 EU") || strings.Contains(text, "鞋 39") {
				t.Errorf("the prep card shows 鞋 39 as current beside shoes 40 EU:\n%s", text)
			}

			// 曾小凡's shoes are 39 EU (2024-03-28); 鞋 38 is taken after.
			err := b.Store().WithoutHooks().Update(func(tx *store.Tx) error {
				return tx.UpdateClientWith(id, func(p *profile.Profile) error {
					p.Sizes = append(p.Sizes, profile.Size{Category: "鞋", Value: "38", Taken: day("2025-06-01")})
					return nil
				})
			})
			if err != nil {
				t.Fatal(err)
			}
			h.keys("esc", "enter") // read again
			var cur, old string
			for _, l := range strings.Split(h.view(), "\n") {
				switch {
				case strings.Contains(l, "鞋") && strings.Contains(l, "38"):
					cur = l
				case strings.Contains(l, "39 EU"):
					old = l
				}
			}
			if cur == "" || !strings.Contains(old, cat.T(i18n.CliProfileEarlier)) {
				t.Errorf("the profile shows shoes 39 EU (%q) as current beside 鞋 38 (%q):\n%s", old, cur, h.view())
			}
		})
	}
}
