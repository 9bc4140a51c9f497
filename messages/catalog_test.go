package messages

import (
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
)

// TestFragmentsFromTheCatalog: the words a message puts in a gap (the
// piece, the care tip, the occasion, the season and its care) are the
// catalog's, in the message's language: one home for words.
func TestFragmentsFromTheCatalog(t *testing.T) {
	p := &profile.Profile{Name: "王小明"}
	for _, lang := range []string{"en", "zh"} {
		cat := i18n.New(lang)
		d := NewData(p, lang, Context{Today: civil.MustParse("2026-07-05")})
		for got, key := range map[string]i18n.Key{d.Piece: i18n.MsgFragPiece, d.CareTip: i18n.MsgFragCareTip,
			d.Season: i18n.MsgSeasonSummer, d.SeasonCare: i18n.MsgSeasonCareSum} {
			if want := cat.T(key); got != want || got == "" {
				t.Errorf("%s: %q, want the catalog's %s %q", lang, got, key, want)
			}
		}
		d = NewData(p, lang, Context{})
		if want := cat.T(i18n.MsgFragOccasion); d.Occasion != want {
			t.Errorf("%s: occasion %q, want %q", lang, d.Occasion, want)
		}
	}
}
