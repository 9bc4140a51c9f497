package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
)

// TestProfileSizeFitNoteAside: on the profile a size's fit note stands
// beside it in the language's brackets, as on the prep card and in size
// and show: 38.5 EU (high instep), 38.5 EU（脚背高）, not after an English
// comma.
func TestProfileSizeFitNoteAside(t *testing.T) {
	for _, tc := range []struct{ lang, note string }{{i18n.English, "high instep"}, {i18n.Chinese, "脚背高"}} {
		t.Run(tc.lang, func(t *testing.T) {
			book := openBook(t, demoBookPath(t))
			id := openZxfProfile(t, newHarness(t, book, tc.lang, 120, 40))
			if _, err := book.AddSize(id, profile.Size{Category: "boots", System: "EU", Value: "38.5", Note: tc.note}); err != nil {
				t.Fatal(err)
			}
			h := newHarness(t, book, tc.lang, 120, 40)
			openZxfProfile(t, h)
			want := i18n.New(tc.lang).Aside("38.5 EU", tc.note)
			if v := h.view(); !strings.Contains(v, want) {
				t.Fatalf("the profile lacks %q:\n%s", want, v)
			}
		})
	}
}

// TestProfileDislikeWithCategory: a dislike entered with its category
// reads "Materials: polyester (itches)" beside Dislikes, the category
// first as a like's stands in the label column, not "polyester (itches)
// (Materials)" with two brackets.
func TestProfileDislikeWithCategory(t *testing.T) {
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		t.Run(lang, func(t *testing.T) {
			book := openBook(t, demoBookPath(t))
			id := openZxfProfile(t, newHarness(t, book, lang, 120, 40))
			if _, err := book.AddPreference(id, profile.Preference{Kind: profile.PrefMaterial, Value: "polyester", Note: "itches", Dislike: true}); err != nil {
				t.Fatal(err)
			}
			h := newHarness(t, book, lang, 120, 40)
			openZxfProfile(t, h)
			cat := i18n.New(lang)
			want := cat.Colon(cat.PrefKind(profile.PrefMaterial), cat.Aside("polyester", "itches"))
			if v := h.view(); !strings.Contains(v, want) {
				t.Fatalf("the profile lacks %q:\n%s", want, v)
			}
		})
	}
}
