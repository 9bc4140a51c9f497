package tui

import (
	"strings"
	"testing"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
)

// TestSizeMeasureFormsChecked: the profile's measurement and size forms
// refuse a measurement that is no number, a unit and a size system
// vipbook does not know with the words vipbook measure and vipbook size
// say (the book's check, in the language in use), write nothing refused,
// and write what is then typed as the book keeps it (欧码 is EU).
func TestSizeMeasureFormsChecked(t *testing.T) {
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		t.Run(lang, func(t *testing.T) {
			cat := i18n.New(lang)
			said := func(err error) string {
				if err == nil {
					t.Fatal("the book takes what the form must refuse")
				}
				return cat.Error(err)
			}
			_, err := vb.CheckMeasurement(profile.Measurement{Value: "abc"})
			notNumber := said(err)
			_, err = vb.CheckMeasurement(profile.Measurement{Unit: "zz"})
			badUnit := said(err)
			_, err = vb.CheckSize(profile.Size{System: "ZZ"})
			badSystem := said(err)
			shows := func(h *harness, want string) {
				t.Helper()
				if !strings.Contains(h.view(), want) {
					t.Fatalf("the form does not say %q:\n%s", want, h.view())
				}
			}

			h, book, id := onZxfProfile(t, lang, 120, 40)
			before := readClient(t, book, id)
			h.keys("+", "m")
			h.typeText("chest")
			h.keys("enter")
			h.typeText("abc")
			h.keys("enter")
			shows(h, notNumber)
			backspaces(h, 3)
			h.typeText("98")
			h.keys("enter")
			h.typeText("zz")
			h.keys("enter")
			shows(h, badUnit)
			if p := readClient(t, book, id); len(p.Measurements) != len(before.Measurements) {
				t.Fatalf("a refused measurement was written: %+v", p.Measurements)
			}
			backspaces(h, 2)
			h.typeText("厘米")
			h.keys("enter", "enter")
			p := readClient(t, book, id)
			if n := len(p.Measurements); n != len(before.Measurements)+1 || p.Measurements[n-1].Value != "98" || p.Measurements[n-1].Unit != "cm" {
				t.Fatalf("the measurement is not added as 98 cm: %+v", p.Measurements)
			}

			h.keys("+", "s")
			h.typeText("shoes")
			h.keys("enter")
			h.typeText("39.5")
			h.keys("enter")
			h.typeText("ZZ")
			h.keys("enter")
			shows(h, badSystem)
			if p := readClient(t, book, id); len(p.Sizes) != len(before.Sizes) {
				t.Fatalf("a refused size was written: %+v", p.Sizes)
			}
			backspaces(h, 2)
			h.typeText("欧码")
			h.keys("enter", "enter", "enter")
			p = readClient(t, book, id)
			if n := len(p.Sizes); n != len(before.Sizes)+1 || p.Sizes[n-1].Value != "39.5" || p.Sizes[n-1].System != "EU" {
				t.Fatalf("the size is not added as 39.5 EU: %+v", p.Sizes)
			}
		})
	}
}

// TestSizeFormKeepsWhatTheEntryHeld: a size kept before the checks with a
// system they refuse (the demo's shirt "collar cm", an import's) is
// changed in the form without a refusal of what it already held; what is
// typed anew is checked.
func TestSizeFormKeepsWhatTheEntryHeld(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, i18n.English, 120, 40)
	id := openZxfProfile(t, h)
	if _, err := book.UpdateClient(id, func(p *profile.Profile) error {
		p.Sizes = append(p.Sizes, profile.Size{Category: "shirt", System: "collar cm", Value: "38"})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	h.keys("esc")
	id = openZxfProfile(t, h)
	at := len(readClient(t, book, id).Sizes) - 1
	selectEntry(t, h, entryRef{sec: secSize, i: at})
	h.keys("e")
	h.keys("enter") // the category stays
	h.keys("backspace", "backspace")
	h.typeText("39")
	h.keys("enter", "enter", "enter", "enter")
	p := readClient(t, book, id)
	if z := p.Sizes[at]; len(p.Sizes) != at+1 || z.Value != "39" || z.System != "collar cm" {
		t.Fatalf("the size is not changed in place with the system it held: %+v\n%s", p.Sizes, h.view())
	}
	selectEntry(t, h, entryRef{sec: secSize, i: at})
	h.keys("e", "enter", "enter")
	backspaces(h, len("collar cm"))
	h.typeText("collar")
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, `Unknown size system "collar"`) {
		t.Fatalf("a system typed anew is not checked:\n%s", v)
	}
}
