package book

import (
	"errors"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
)

// TestCheckSizeAndMeasurement: the book takes the sizes and measurements
// associates type, spelled as it keeps them, and refuses, with the key
// that says what is wrong, a measurement that is no number above 0, a
// unit or a size system it does not know, a value's unit that is not the
// one given and a size with no letter or digit; a refused one is not
// written.
func TestCheckSizeAndMeasurement(t *testing.T) {
	sizes := []struct {
		in   profile.Size
		want profile.Size // when taken
		key  i18n.Key     // when refused
	}{
		{in: profile.Size{Value: "39", System: "EU"}, want: profile.Size{Value: "39", System: "EU"}},
		{in: profile.Size{Value: "39.5", System: " eu "}, want: profile.Size{Value: "39.5", System: "EU"}},
		{in: profile.Size{Value: "7 1/2", System: "USA"}, want: profile.Size{Value: "7 1/2", System: "US"}},
		{in: profile.Size{Value: "M", System: "letter"}, want: profile.Size{Value: "M", System: "INT"}},
		{in: profile.Size{Value: "42R", System: "it"}, want: profile.Size{Value: "42R", System: "IT"}},
		{in: profile.Size{Value: "K½", System: "GB"}, want: profile.Size{Value: "K½", System: "UK"}},
		{in: profile.Size{Value: "175/92A", System: "国标"}, want: profile.Size{Value: "175/92A", System: "CN"}},
		{in: profile.Size{Value: "16", System: "港码"}, want: profile.Size{Value: "16", System: "HK"}},
		{in: profile.Size{Value: "39", System: "CM"}, want: profile.Size{Value: "39", System: "cm"}},
		{in: profile.Size{Value: "24", System: "ＪＰ"}, want: profile.Size{Value: "24", System: "JP"}},
		{in: profile.Size{Value: "one size"}, want: profile.Size{Value: "one size"}},
		{in: profile.Size{Value: "39", System: "ZZ"}, key: i18n.ErrSizeSystem},
		{in: profile.Size{Value: "38", System: "collar cm"}, key: i18n.ErrSizeSystem},
		{in: profile.Size{Value: "???"}, key: i18n.ErrSizeValue},
		{in: profile.Size{Value: "a size far too long to be any size at all"}, key: i18n.ErrSizeValue},
	}
	for _, c := range sizes {
		got, err := CheckSize(c.in)
		checkKey(t, c.in, err, c.key)
		if c.key == "" && (got.Value != c.want.Value || got.System != c.want.System) {
			t.Errorf("%+v: %+v, want %+v", c.in, got, c.want)
		}
	}
	measures := []struct {
		in   profile.Measurement
		want profile.Measurement
		key  i18n.Key
	}{
		{in: profile.Measurement{Value: "98", Unit: "cm"}, want: profile.Measurement{Value: "98", Unit: "cm"}},
		{in: profile.Measurement{Value: "98.5", Unit: "CM"}, want: profile.Measurement{Value: "98.5", Unit: "cm"}},
		{in: profile.Measurement{Value: "98,5", Unit: "厘米"}, want: profile.Measurement{Value: "98,5", Unit: "cm"}},
		{in: profile.Measurement{Value: "34 1/2", Unit: "inches"}, want: profile.Measurement{Value: "34 1/2", Unit: "in"}},
		{in: profile.Measurement{Value: "15¾", Unit: "in"}, want: profile.Measurement{Value: "15¾", Unit: "in"}},
		{in: profile.Measurement{Value: "82cm"}, want: profile.Measurement{Value: "82", Unit: "cm"}},
		{in: profile.Measurement{Value: "38 in", Unit: "in"}, want: profile.Measurement{Value: "38", Unit: "in"}},
		{in: profile.Measurement{Value: "９８．５"}, want: profile.Measurement{Value: "98.5"}},
		{in: profile.Measurement{Value: "17.3", Unit: "mm"}, want: profile.Measurement{Value: "17.3", Unit: "mm"}},
		{in: profile.Measurement{Value: "abc", Unit: "cm"}, key: i18n.ErrMeasureValue},
		{in: profile.Measurement{Value: "0", Unit: "cm"}, key: i18n.ErrMeasureValue},
		{in: profile.Measurement{Value: "98..5"}, key: i18n.ErrMeasureValue},
		{in: profile.Measurement{Value: "38 3/2", Unit: "in"}, key: i18n.ErrMeasureValue},
		{in: profile.Measurement{Value: "1/0"}, key: i18n.ErrMeasureValue},
		{in: profile.Measurement{Value: "98", Unit: "zz"}, key: i18n.ErrMeasureUnit},
		{in: profile.Measurement{Value: "38in", Unit: "cm"}, key: i18n.ErrMeasureUnits},
	}
	for _, c := range measures {
		got, err := CheckMeasurement(c.in)
		checkKey(t, c.in, err, c.key)
		if c.key == "" && (got.Value != c.want.Value || got.Unit != c.want.Unit) {
			t.Errorf("%+v: %+v, want %+v", c.in, got, c.want)
		}
	}

	b, _ := newBook(t, "2026-11-24", Options{})
	wang := client(t, b, "王小明", "13800138000")
	if _, err := b.AddSize(wang.ID, profile.Size{Category: "shoes", Value: "39", System: "ZZ"}); err == nil {
		t.Error("AddSize took the system ZZ")
	}
	if _, err := b.AddMeasurement(wang.ID, profile.Measurement{Name: "chest", Value: "abc", Unit: "cm"}); err == nil {
		t.Error("AddMeasurement took abc")
	}
	if _, err := b.AddMeasurement(wang.ID, profile.Measurement{Name: "chest", Value: "98", Unit: "zz"}); err == nil {
		t.Error("AddMeasurement took the unit zz")
	}
	if p := stored(t, b, wang.ID); len(p.Sizes) != 0 || len(p.Measurements) != 0 {
		t.Errorf("a refused entry was written: %+v %+v", p.Sizes, p.Measurements)
	}
	if _, err := b.AddMeasurement(wang.ID, profile.Measurement{Name: "waist", Value: "82cm"}); err != nil {
		t.Fatal(err)
	}
	if p := stored(t, b, wang.ID); len(p.Measurements) != 1 || p.Measurements[0].Value != "82" || p.Measurements[0].Unit != "cm" {
		t.Errorf("82cm kept as %+v, want 82 cm", p.Measurements)
	}
}

// checkKey fails unless err is the book's Error of key (none when key is
// "").
func checkKey(t *testing.T, in any, err error, key i18n.Key) {
	t.Helper()
	var e *Error
	switch {
	case key == "" && err != nil:
		t.Errorf("%+v refused: %v", in, err)
	case key != "" && (!errors.As(err, &e) || e.Key != key):
		t.Errorf("%+v: %v, want the key %s", in, err, key)
	}
}
