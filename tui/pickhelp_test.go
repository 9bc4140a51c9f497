package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
)

// TestPickerKeysAllShowWhenNarrow: a choice made with one key (what to
// add to a profile, a note's kind) names every key even at 60 columns:
// its keys go on two lines rather than losing some, and the frame keeps
// its height.
func TestPickerKeysAllShowWhenNarrow(t *testing.T) {
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		t.Run(lang, func(t *testing.T) {
			h, _, _ := onZxfProfile(t, lang, 60, 20)
			h.keys("+")
			v := h.view()
			for _, ek := range h.m.c.keys.Entries {
				if hb := ek.Binding.Help(); !strings.Contains(v, hb.Key+" "+hb.Desc) {
					t.Errorf("the add picker does not name %s %s:\n%s", hb.Key, hb.Desc, v)
				}
			}
			h.checkFrame(60, 20)
			h.keys("esc")
			h.keys("n")
			v = h.view()
			for _, kk := range h.m.c.keys.Kinds {
				if hb := kk.Binding.Help(); !strings.Contains(v, hb.Key+" "+hb.Desc) {
					t.Errorf("the note picker does not name %s %s:\n%s", hb.Key, hb.Desc, v)
				}
			}
			h.checkFrame(60, 20)
		})
	}
}
