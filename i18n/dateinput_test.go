package i18n

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/dateinput"
)

// A date that could not be read is said in both languages, with the input
// and, when its form was not understood, the forms that are read.
func TestDateInputError(t *testing.T) {
	today := civil.MustParse("2026-11-24")
	_, notDay := dateinput.Day("soon", today)
	_, noSuch := dateinput.Day("2026-02-30", today)
	_, noLeap := dateinput.Anniversary("农历2026年闰四月初一", false)
	_, notAnniv := dateinput.Anniversary("tomorrow", false)
	wrapped := fmt.Errorf("--due: %w", notDay)
	for _, lang := range Languages() {
		c := New(lang)
		for _, tt := range []struct {
			err  error
			want []string
		}{
			{notDay, []string{`"soon"`, "下周五", "八月十五", "+2w"}},
			{wrapped, []string{`"soon"`, "下周五"}},
			{noSuch, []string{`"2026-02-30"`}},
			{noLeap, []string{`"农历2026年闰四月初一"`}},
			{notAnniv, []string{`"tomorrow"`, "闰四月初一", "1985-03-05"}},
		} {
			got := c.Error(tt.err)
			for _, w := range tt.want {
				if c.IsChinese() && strings.HasPrefix(w, `"`) {
					w = "“" + strings.Trim(w, `"`) + "”" // the Chinese quotes
				}
				if !strings.Contains(got, w) {
					t.Errorf("%s: %q lacks %q", lang, got, w)
				}
			}
		}
	}
	if zh := New(Chinese).Error(noSuch); !strings.Contains(zh, "没有这一天") {
		t.Errorf("zh: %q", zh)
	}
}

// TestLunarHintsInTheLanguage: the hints of a date's day show a lunar day
// as the interface writes it (and reads it back): lunar 08-15 in English,
// 农历八月十五 in Chinese.
func TestLunarHintsInTheLanguage(t *testing.T) {
	for _, k := range []Key{FieldDayHint, FieldFamilyDayHint, ErrDateRequired, CliProfileDateUsage} {
		if en := New(English).T(k); !strings.Contains(en, "lunar 08-15") || strings.Contains(en, "农历") {
			t.Errorf("en %s: %q, want lunar 08-15", k, en)
		}
		if zh := New(Chinese).T(k); !strings.Contains(zh, "农历八月十五") {
			t.Errorf("zh %s: %q, want 农历八月十五", k, zh)
		}
	}
	if _, err := dateinput.Anniversary("lunar 08-15", false); err != nil {
		t.Errorf("the English hint is not read back: %v", err)
	}
}
